// Renders every failure as application/problem+json; never leaks a stack trace.
import type { Context, Next } from "koa";
import { isDbUnavailable } from "../db/unavailable";
import type { Logger } from "../logger";
import { Problem, problem } from "./problem";

export function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  const e = err as { name?: string; status?: number; type?: string; message?: string; expose?: boolean };
  if (e?.type === "entity.parse.failed" || (e?.status === 400 && /JSON/i.test(e.message ?? "")))
    return problem(400, "Malformed JSON", "The request body is not valid JSON", undefined, "malformed_json");
  if (e?.type === "entity.too.large" || e?.status === 413) return problem(413, "Payload too large", "The request body is too large");
  if (e?.type === "encoding.unsupported" || e?.status === 415) return problem(415, "Unsupported media type", e.message);
  if (isDbUnavailable(err))
    return new Problem(503, "Service unavailable", "The database is not reachable; try again shortly", undefined, undefined, { component: "db" });
  if (e?.name === "CastError") return problem(404, "Not found", "No resource with that id");
  if (e?.name === "ValidationError") return problem(422, "Validation failed", e.message);
  if ((e as { code?: number })?.code === 11000) return problem(409, "Conflict", "A resource with the same key exists", undefined, "duplicate");
  if (e?.status === 501) return problem(501, "Not implemented", "This method is not supported here", undefined, "not_implemented");
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500 && e.expose) return problem(e.status, e.message ?? "Bad request");
  return problem(500, "Internal error", "Something went wrong on our side; it has been logged");
}

export function errorHandler(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw problem(404, "Not found", `No route for ${ctx.method} ${ctx.path}`);
    } catch (err) {
      const p = toProblem(err);
      const log = (ctx.state.log as Logger | undefined) ?? logger;
      if (p.status === 500) log.error({ err }, "request failed");
      else if (p.status === 503) log.warn({ err: String((err as Error)?.message ?? err) }, "request failed: dependency unavailable");
      ctx.status = p.status;
      ctx.type = "application/problem+json";
      ctx.body = p.toJSON();
      if (p.status === 503) ctx.set("Retry-After", "5");
    }
  };
}
