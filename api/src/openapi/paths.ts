// Paths of the OpenAPI document, grouped by resource. Keep in step with routes/.
const problem = { description: "Problem", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
const json = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const op = (summary: string, tag: string, extra: Record<string, unknown> = {}) => ({
  summary,
  tags: [tag],
  responses: { "200": json("OK"), "400": problem, "401": problem, "403": problem, "422": problem },
  ...extra,
});

export const paths: Record<string, Record<string, unknown>> = {
  "/auth/login": { post: op("Log in with username and password; returns a bearer token and sets the session cookie", "auth", { security: [], responses: { "200": json("token and user"), "401": problem, "423": problem } }) },
  "/auth/logout": { post: op("Revoke the current token or session", "auth") },
  "/auth/me": { get: op("The caller", "auth") },
  "/admin/users": { get: op("List users (admin)", "admin"), post: op("Create a user (admin)", "admin") },
  "/admin/users/{id}": { patch: op("Change roles, scope or active (admin)", "admin") },
  "/admin/api-keys": { post: op("Create an API key for a machine client (admin); shown once", "admin") },
  "/units": { get: op("Units with their RSC phone", "reference") },
  "/networks": { get: op("Networks", "reference") },
  "/expertise": { get: op("Expertise taxonomy", "reference") },
};
