// Generates the OpenAPI 3.1 document from the operation table (api/src/contract/operations.ts) with
// zod 4's toJSONSchema: request schemas as their input side (what a client sends: defaults optional,
// query numbers as numbers), answers as their output side. Timestamps are documented as ISO strings.
import { z } from "zod";
import { OPERATIONS, type Operation } from "../contract/operations";
import { ProblemSchema } from "../contract/common";

type Json = Record<string, unknown>;

const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };
const PROBLEM_TEXT: Record<number, string> = {
  400: "Malformed JSON or bad request",
  401: "Not signed in, or bad credentials",
  403: "Signed in without the role or scope",
  404: "Not found",
  409: "Conflict with the current state",
  415: "Unsupported media type",
  422: "Invalid input; `errors` names each field",
  423: "Account locked",
  429: "Too many attempts; see Retry-After",
  503: "A dependency (the database) is unreachable; see Retry-After",
};

export function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  return rest;
}

function parameters(op: Operation): Json[] {
  const out: Json[] = [];
  const add = (where: "path" | "query", schema: z.ZodObject | undefined) => {
    if (!schema) return;
    const js = jsonSchema(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = s as Json & { description?: string };
      out.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
    }
  };
  add("path", op.params);
  add("query", op.query);
  return out;
}

function problemStatuses(op: Operation): number[] {
  const s = new Set<number>(op.errors ?? []);
  if (op.auth === "user" || op.auth === "telephony") [401, 403].forEach((x) => s.add(x));
  if (op.body && op.id !== "routeCall") [400, 415, 422].forEach((x) => s.add(x));
  if (op.query && Object.keys(op.query.shape).length) s.add(422);
  if (op.params) s.add(404);
  s.add(503);
  return [...s].sort((a, b) => a - b);
}

function success(op: Operation): Json {
  const a = op.ok;
  if (a.media === "redirect") return { description: a.description, headers: { Location: { description: "Where to go next", schema: { type: "string" } } } };
  if (a.media === "none" || !a.schema) return { description: a.description };
  const media = a.media === "text/csv" ? "text/csv" : a.media === "text/calendar" ? "text/calendar" : "application/json";
  return {
    description: a.description,
    content: { [media]: { schema: jsonSchema(a.schema, "output"), ...(a.example !== undefined ? { example: a.example } : {}) } },
  };
}

const SECURITY: Record<Operation["auth"], Json[]> = {
  user: [{ bearer: [] }, { cookie: [] }],
  telephony: [{ apiKey: [] }],
  "calendar-token": [],
  none: [],
};

function operation(op: Operation): Json {
  const responses: Json = { [String(op.ok.status)]: success(op) };
  for (const st of problemStatuses(op)) responses[String(st)] = { $ref: `#/components/responses/Problem${st}` };
  responses.default = { $ref: "#/components/responses/Problem" };
  const roles = op.roles?.length ? `Roles: ${op.roles.join(", ")}.` : op.auth === "user" ? "Any signed-in person." : undefined;
  const description = [op.description, roles, op.auth === "calendar-token" ? "Authenticated by the calendar token in the URL." : undefined]
    .filter(Boolean)
    .join("\n\n");
  const params = parameters(op);
  return {
    operationId: op.id,
    summary: op.summary,
    ...(description ? { description } : {}),
    tags: [op.tag],
    security: SECURITY[op.auth],
    ...(op.roles?.length ? { "x-roles": [...op.roles] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body ? { requestBody: requestBody(op.body, op.bodyExample) } : {}),
    responses,
  };
}

function requestBody(schema: z.ZodType, example: unknown): Json {
  const js = jsonSchema(schema, "input");
  const required = Array.isArray(js.required) && js.required.length > 0;
  return { required, content: { "application/json": { schema: js, ...(example !== undefined ? { example } : {}) } } };
}

function problemResponses(): Json {
  const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: PROBLEM_REF } } });
  const out: Json = { Problem: problem("Any other problem") };
  for (const [status, text] of Object.entries(PROBLEM_TEXT)) out[`Problem${status}`] = problem(text);
  return out;
}

export function generateOpenapi(): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operation(op) };
  return {
    openapi: "3.1.0",
    info: {
      title: "NDV expertise network API",
      version: "1.0.0",
      description:
        "Connects operational requests to NDV and Roze in Blauw members, tracks service time under the korpsregeling, and routes the Roze in Blauw helpline. " +
        "Generated from the operation table in api/src/contract/operations.ts. Errors are application/problem+json with a stable `code`.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Token from POST /auth/login or the OIDC sign-in" },
        cookie: { type: "apiKey", in: "cookie", name: "ndv_session", description: "Session cookie set at login (same-origin requests only)" },
        apiKey: { type: "apiKey", in: "header", name: "X-Api-Key", description: "Machine clients (telephony)" },
      },
      schemas: { Problem: jsonSchema(ProblemSchema, "output") },
      responses: problemResponses(),
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}
