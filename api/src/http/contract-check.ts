// Test-time contract check (NODE_ENV=test or CONTRACT_CHECK=1): every answer of a documented operation
// is validated against the served OpenAPI document (status, media type, JSON body via ajv). A mismatch
// replaces the answer with 500 `contract_violation` naming the operation and what differs, so the
// test that made the call fails visibly at the call that broke the contract (throwing would only log:
// the error handler sits upstream and renders every throw as a problem anyway). Problems thrown by
// handlers are built by Problem.toJSON and pass through unchecked.
import type { Context, Next } from "koa";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { Logger } from "../logger";
import { openapiDocument } from "../openapi/document";
import { openapiPath, operationFor, type Operation } from "../contract/operations";

type Violation = { operationId: string; reason: string; errors?: unknown[] };

const checked = new Set<string>();
/** The operationIds whose answers this process has checked (the test run prints how many of all). */
export const checkedOperations = (): ReadonlySet<string> => checked;

export function contractCheck(logger: Logger) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (op: Operation): ValidateFunction | undefined => {
    const key = op.id;
    if (!validators.has(key)) {
      const doc = openapiDocument() as {
        paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
      };
      const content = doc.paths[op.path]?.[op.method]?.responses[String(op.ok.status)]?.content;
      const schema = content?.["application/json"]?.schema;
      if (schema) validators.set(key, ajv.compile(schema));
    }
    return validators.get(key);
  };

  return async (ctx: Context, next: Next) => {
    await next();
    const route = (ctx as Context & { _matchedRoute?: unknown })._matchedRoute;
    if (typeof route !== "string" || !route.startsWith("/api/v1/") || ctx.method === "HEAD" || ctx.method === "OPTIONS") return;
    if (ctx.path.startsWith("/api/v1/debug/")) return; // test-only route, not part of the contract
    const op = operationFor(ctx.method, openapiPath(route));
    // A route without an operation fails test/unit/openapi.test.ts, which names it; its answers pass here
    // so one missing table line does not fail every test that uses the route.
    if (!op) return;
    checked.add(op.id);
    const v = check(op, ctx, validatorFor);
    if (!v) return;
    logger.error({ contractViolation: v, path: ctx.path }, "response breaks the documented contract");
    ctx.status = 500;
    ctx.type = "application/problem+json";
    ctx.body = {
      type: "https://ndv.politie.example/problems/contract-violation",
      title: "Contract violation",
      status: 500,
      code: "contract_violation",
      detail: `${v.operationId}: ${v.reason}`,
      violation: v,
    };
  };
}

function check(op: Operation, ctx: Context, validatorFor: (op: Operation) => ValidateFunction | undefined): Violation | undefined {
  const bad = (reason: string, errors?: unknown[]): Violation => ({ operationId: op.id, reason, ...(errors ? { errors } : {}) });
  if (ctx.status >= 400) return ctx.response.is("application/problem+json") ? undefined : bad(`status ${ctx.status} without a problem+json body`);
  if (ctx.status !== op.ok.status) return bad(`status ${ctx.status}, documented ${op.ok.status}`);
  const media = op.ok.media ?? "application/json";
  if (media === "redirect") return ctx.response.get("Location") ? undefined : bad("redirect without Location");
  if (media === "none") return ctx.body == null || ctx.body === "" ? undefined : bad("a body where none is documented");
  if (media !== "application/json") return ctx.response.is(media) ? undefined : bad(`content type ${ctx.type}, documented ${media}`);
  if (!ctx.response.is("application/json")) return bad(`content type ${ctx.type}, documented application/json`);
  const validate = validatorFor(op);
  if (!validate) return undefined;
  const body: unknown = JSON.parse(JSON.stringify(ctx.body ?? null));
  return validate(body) ? undefined : bad("body does not match the documented schema", validate.errors ?? []);
}
