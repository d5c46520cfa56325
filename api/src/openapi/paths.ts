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
  ...{ "/helpline/route": { post: op("Telephony webhook (X-Api-Key, role telephony): where a call goes; idempotent per callId; always answers, also for malformed input", "helpline", { security: [{ apiKey: [] }] }) }, "/helpline/calls/{callId}/outcome": { post: op("Telephony: outcome of a routed call (answered | missed | forwarded, durationSec)", "helpline", { security: [{ apiKey: [] }] }) }, "/helpline/shifts": { get: op("Roster in a window (?from=&to=&memberId=)", "helpline"), post: op("Sign up (RiB member) or assign (planner) a shift {memberId?, start, end}; 422 on overlap, end before start, > 12 h", "helpline") }, "/helpline/shifts/{id}": { patch: op("Edit a shift (own, or any as planner)", "helpline"), delete: op("Remove a shift (own, or any as planner)", "helpline") }, "/helpline/coverage": { get: op("Uncovered windows (?from=&to=&byHourOfWeek=1)", "helpline") }, "/helpline/gaps": { get: op("Latest finding of the daily 7-day coverage check", "helpline") }, "/helpline/stats": { get: op("Call statistics: totals, RSC share by hour of week (Europe/Amsterdam) and unit, missed, durations", "helpline") }, "/calendar/token": { post: op("Create or rotate the caller's calendar feed token → {token, urls:{me, helpline?}}", "calendar") }, "/calendar/me.ics": { get: op("The member's shifts and accepted engagements (iCalendar, ?token=)", "calendar", { security: [] }) }, "/calendar/helpline.ics": { get: op("The helpline roster, first names only (iCalendar, ?token=)", "calendar", { security: [] }) } },
};
