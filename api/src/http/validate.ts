// zod parsing at the HTTP boundary: failures become 422 problems that name each field with a
// stable code (api/src/contract/error-codes.ts) and a path relative to the body or query.
import type { Context } from "koa";
import { z } from "zod";
import { isFieldErrorCode, type FieldErrorCode, type FieldLocation } from "../contract/error-codes";
import { problem, type FieldError } from "./problem";
import { line, strictDate } from "./input";

type Params = Record<string, string | number | boolean>;

function num(v: unknown): number | undefined {
  return typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : undefined;
}

/** The machine code and parameters of one zod issue. */
export function issueCode(issue: z.core.$ZodIssue): { code: FieldErrorCode; params?: Params } {
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type": {
      const expected = String(i.expected);
      if (i.input === undefined && /received undefined/.test(issue.message)) return { code: "required", params: { expected } };
      if (expected === "date") return { code: "invalid_date" };
      return { code: "invalid_type", params: { expected } };
    }
    case "too_small":
      return { code: "too_small", params: { minimum: num(i.minimum) ?? 0, origin: String(i.origin), inclusive: i.inclusive !== false } };
    case "too_big":
      return { code: "too_big", params: { maximum: num(i.maximum) ?? 0, origin: String(i.origin), inclusive: i.inclusive !== false } };
    case "not_multiple_of":
      return num(i.divisor) === 0.25 ? { code: "not_quarter_hour" } : { code: "invalid_value", params: { divisor: num(i.divisor) ?? 0 } };
    case "invalid_format":
      return i.format === "email" ? { code: "invalid_email" } : { code: "invalid_format", params: { format: String(i.format) } };
    case "invalid_value":
      return { code: "invalid_value", params: { values: ((i.values as unknown[]) ?? []).map(String).join(", ") } };
    case "custom": {
      const params = (i.params ?? {}) as Record<string, unknown>;
      const code = params.code;
      const rest: Params = {};
      for (const [k, v] of Object.entries(params))
        if (k !== "code" && ["string", "number", "boolean"].includes(typeof v)) rest[k] = v as string | number | boolean;
      return { code: isFieldErrorCode(code) ? code : "invalid", ...(Object.keys(rest).length ? { params: rest } : {}) };
    }
    default:
      return { code: "invalid" };
  }
}

export function fieldErrors(error: z.ZodError, where: FieldLocation): FieldError[] {
  return error.issues.flatMap((i): FieldError[] => {
    if (i.code === "unrecognized_keys") {
      const keys = (i as { keys: string[] }).keys;
      return keys.map((k) => ({ path: [...i.path, k].map(String).join("."), in: where, code: "unknown_field", message: `Unknown field: ${k}` }));
    }
    return [{ path: i.path.map(String).join("."), in: where, ...issueCode(i), message: i.message }];
  });
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: FieldLocation): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const errors = fieldErrors(r.error, where);
  throw problem(422, "Validation failed", errors.map((e) => `${e.path || where}: ${e.message}`).join("; "), errors, "validation_failed");
}

export function body<S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> {
  const b = (ctx.request as unknown as { body?: unknown }).body;
  return parse(schema, b ?? {}, "body");
}

export function query<S extends z.ZodType>(ctx: Context, schema: S): z.infer<S> {
  return parse(schema, ctx.query, "query");
}

// Common field schemas.
export const id = line().min(1).max(64);
/** A strict calendar date (YYYY-MM-DD) or ISO 8601 date-time with offset, years 2000–2100 (see input.ts). */
export const isoDate = strictDate().meta({
  type: "string",
  description: "A calendar date YYYY-MM-DD or an ISO 8601 date-time with offset, years 2000-2100",
  pattern: "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$",
  examples: ["2026-12-01", "2026-12-01T09:30:00+01:00"],
});
export { line, text } from "./input";
export { paging } from "../contract/common";
