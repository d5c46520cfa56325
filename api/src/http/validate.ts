// zod parsing at the HTTP boundary: failures become 422 problems that name each field.
import type { Context } from "koa";
import { z } from "zod";
import { problem, type FieldError } from "./problem";
import { line, strictDate } from "./input";

export function fieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((i) => {
    if (i.code === "unrecognized_keys") {
      const keys = (i as { keys: string[] }).keys;
      return { path: [prefix, ...i.path, ...keys].join("."), message: `Unknown field${keys.length > 1 ? "s" : ""}: ${keys.join(", ")}` };
    }
    return { path: [prefix, ...i.path].join("."), message: i.message };
  });
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const errors = fieldErrors(r.error, where);
  throw problem(422, "Validation failed", errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors);
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
export const isoDate = strictDate();
export { line, text } from "./input";
export const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
};
