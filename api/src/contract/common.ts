// Building blocks shared by the per-resource contract schemas: ids, ISO timestamps, lists, paging,
// flags, and the problem+json shape. Request schemas are what routes validate with; response
// schemas describe what presenters return (dates as ISO 8601 strings, never Date objects).
import { z } from "zod";
import { FIELD_ERROR_CODES, PROBLEM_CODES } from "./error-codes";

/** A timestamp as it leaves the server: ISO 8601 (Date.toISOString()). */
export const IsoDateTime = z.string().meta({ format: "date-time", examples: ["2026-12-01T09:30:00.000Z"] });
/** Any id as it leaves the server (ObjectId hex, reference ids like `amsterdam`). */
export const Id = z.string();

/** A list without paging: `{data: [...]}`. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });
/** A page of a list: `{data: [...], next?: cursor}` (pass `next` back as `cursor`). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next: z.string().optional() });

/** Query flags written as 1/0/true/false. */
export const flag = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");
export const flagString = z.enum(["1", "true", "0", "false"]);
export const yearQuery = z.coerce.number().int().min(2000).max(2100);

/** `?limit=&cursor=` paging of the list endpoints. */
export const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
};

/** Path parameters: ids are strings; malformed ones answer 404 like unknown ones. */
export const idParams = z.object({ id: z.string().meta({ description: "Resource id" }) });

export const FieldErrorSchema = z.object({
  path: z.string().meta({ description: "Dot path relative to the body or query, e.g. availability.weekly.0.from" }),
  code: z.enum(FIELD_ERROR_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  in: z.enum(["body", "query", "params"]).optional(),
  message: z.string().meta({ description: "English, for API clients" }),
});

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(PROBLEM_CODES).meta({ description: "Stable machine code of the problem" }),
    detail: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({
    description: "RFC 9457 problem details; `errors` names each invalid field. Extra members (e.g. retryAfterSeconds, component) may follow.",
    examples: [
      {
        type: "https://ndv.politie.example/problems/validation-failed",
        title: "Validation failed",
        status: 422,
        code: "validation_failed",
        detail: "title: Too small",
        errors: [{ path: "title", code: "too_small", params: { minimum: 3, origin: "string", inclusive: true }, in: "body", message: "Too small" }],
      },
    ],
  });

/** An empty JSON object body (`{}`), for actions without input. */
export const emptyBody = z.strictObject({});
