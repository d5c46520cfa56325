// RFC 9457 problem details. Throw `problem(...)` anywhere; the error middleware renders it.
// Every problem carries a stable `code` and every field error `{path, code, params?, in?, message}`
// (codes: api/src/contract/error-codes.ts). Paths are relative to the body or query string: a
// thrower may still write `body.x`; the prefix becomes `in: "body"`.
import { codeForStatus, type FieldErrorBody, type FieldErrorCode, type FieldLocation, type ProblemCode } from "../contract/error-codes";

export interface FieldError {
  path: string;
  message: string;
  code?: FieldErrorCode;
  params?: Record<string, string | number | boolean>;
  in?: FieldLocation;
}

const LOCATION = /^(body|query|params)(?:\.|$)/;

export function normalizeFieldError(e: FieldError): FieldErrorBody {
  const m = LOCATION.exec(e.path);
  const where = e.in ?? (m ? (m[1] as FieldLocation) : undefined);
  const path = m ? e.path.slice(m[0].length) : e.path;
  return {
    path,
    code: e.code ?? "invalid",
    ...(e.params && Object.keys(e.params).length ? { params: e.params } : {}),
    ...(where ? { in: where } : {}),
    message: e.message,
  };
}

export class Problem extends Error {
  public code: ProblemCode;
  constructor(
    public status: number,
    public title: string,
    public detail?: string,
    public errors?: FieldError[],
    public type = `https://ndv.politie.example/problems/${slug(title)}`,
    public extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.code = (extra.code as ProblemCode | undefined) ?? codeForStatus(status);
  }

  /** Sets the machine code (chainable): `throw conflict("…").withCode("offer_taken")`. */
  withCode(code: ProblemCode): this {
    this.code = code;
    return this;
  }

  toJSON() {
    const { code: _ignored, ...extra } = this.extra;
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors.map(normalizeFieldError) } : {}),
      ...extra,
    };
  }
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function problem(status: number, title: string, detail?: string, errors?: FieldError[], code?: ProblemCode): Problem {
  const p = new Problem(status, title, detail, errors);
  return code ? p.withCode(code) : p;
}

export const notFound = (what = "Resource") => problem(404, "Not found", `${what} not found`);
export const forbidden = (detail = "You are not allowed to do this") => problem(403, "Forbidden", detail);
export const unauthorized = (detail = "Authentication required") => problem(401, "Unauthorized", detail);
export const conflict = (detail: string, code: ProblemCode = "conflict") => problem(409, "Conflict", detail, undefined, code);
export const unprocessable = (detail: string, errors?: FieldError[], code: ProblemCode = "validation_failed") =>
  problem(422, "Validation failed", detail, errors, code);
