// RFC 9457 problem details. Throw `problem(...)` anywhere; the error middleware renders it.
export interface FieldError {
  path: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    public status: number,
    public title: string,
    public detail?: string,
    public errors?: FieldError[],
    public type = `https://ndv.politie.example/problems/${slug(title)}`,
    public extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }

  toJSON() {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function problem(status: number, title: string, detail?: string, errors?: FieldError[]): Problem {
  return new Problem(status, title, detail, errors);
}

export const notFound = (what = "Resource") => problem(404, "Not found", `${what} not found`);
export const forbidden = (detail = "You are not allowed to do this") => problem(403, "Forbidden", detail);
export const unauthorized = (detail = "Authentication required") => problem(401, "Unauthorized", detail);
export const conflict = (detail: string) => problem(409, "Conflict", detail);
export const unprocessable = (detail: string, errors?: FieldError[]) =>
  problem(422, "Validation failed", detail, errors);
