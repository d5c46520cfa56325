// The stable machine codes of problem+json answers, defined once for the API and the web app.
// `code` on a problem says what went wrong as a whole; `errors[].code` says what is wrong with one
// field. The English `message`/`detail` stay for API clients; the web app translates the codes
// (a unit test fails when a code has no Dutch or English sentence).

export const FIELD_ERROR_CODES = [
  "required",
  "invalid_type",
  "invalid_number",
  "too_small",
  "too_big",
  "invalid_format",
  "invalid_email",
  "invalid_value",
  "invalid_date",
  "control_character",
  "date_out_of_range",
  "invalid_unicode",
  "not_quarter_hour",
  "unknown_field",
  "unknown_expertise",
  "unknown_unit",
  "unknown_network",
  "unknown_pool",
  "unknown_member",
  "unknown_category",
  "invalid_cursor",
  "invalid_id",
  "date_in_future",
  "period_closed",
  "day_limit",
  "end_before_start",
  "range_too_long",
  "shift_overlap",
  "not_rib_member",
  "personal_data",
  "invalid",
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const PROBLEM_CODES = [
  "validation_failed",
  "bad_request",
  "malformed_json",
  "payload_too_large",
  "unsupported_media_type",
  "unauthorized",
  "invalid_credentials",
  "forbidden",
  "not_found",
  "conflict",
  "duplicate",
  "offer_taken",
  "offer_expired",
  "offer_not_pending",
  "request_closed",
  "entry_changed",
  "entry_not_pending",
  "entry_rejected",
  "period_closed",
  "budget_exceeded",
  "username_taken",
  "account_locked",
  "login_throttled",
  "method_not_allowed",
  "not_implemented",
  "csrf_origin",
  "rate_limited",
  "personal_data",
  "busy",
  "service_unavailable",
  "internal_error",
  "contract_violation",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Where a field error's path points: the JSON body, the query string or the URL path. */
export type FieldLocation = "body" | "query" | "params";

export interface FieldErrorBody {
  /** Dot path relative to the body/query, e.g. `availability.weekly.0.from`; "" for the whole body. */
  path: string;
  code: FieldErrorCode;
  params?: Record<string, string | number | boolean>;
  in?: FieldLocation;
  message: string;
}

export function codeForStatus(status: number): ProblemCode {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 422:
      return "validation_failed";
    case 423:
      return "account_locked";
    case 429:
      return "rate_limited";
    case 503:
      return "service_unavailable";
    default:
      return status >= 500 ? "internal_error" : "bad_request";
  }
}

export const isFieldErrorCode = (c: unknown): c is FieldErrorCode => typeof c === "string" && (FIELD_ERROR_CODES as readonly string[]).includes(c);
export const isProblemCode = (c: unknown): c is ProblemCode => typeof c === "string" && (PROBLEM_CODES as readonly string[]).includes(c);
