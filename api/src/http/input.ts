// Strict input primitives shared by every schema at the HTTP boundary (issue 9, finding 9):
// - dates are real calendar dates (no 2026-02-30 rolled over into March) in a sane range, given as
//   `YYYY-MM-DD` or a full ISO 8601 date-time with an offset; no numbers, booleans or null;
// - text is well-formed Unicode (no lone surrogates) without control characters (NUL, C0, DEL,
//   C1); multi-line fields may contain newline, carriage return + newline, and tab.
// Custom issues carry a machine code in `params.code` ("invalid_date", "date_out_of_range",
// "control_character", "invalid_unicode") for clients that translate validation errors.
import { z } from "zod";

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export type DateCheck = { ok: true; date: Date } | { ok: false; code: "invalid_date" | "date_out_of_range"; message: string };

/** Parses a strict ISO 8601 calendar date or date-time with offset; pure, used by `isoDate`. */
export function parseStrictDate(input: unknown, range: { minYear?: number; maxYear?: number } = {}): DateCheck {
  const minYear = range.minYear ?? MIN_YEAR;
  const maxYear = range.maxYear ?? MAX_YEAR;
  const bad = (message = "Expected a date as YYYY-MM-DD or an ISO 8601 date-time with offset"): DateCheck => ({ ok: false, code: "invalid_date", message });
  if (typeof input !== "string" || input.length > 40) return bad();
  const d = DATE_ONLY.exec(input);
  const t = d ? undefined : DATE_TIME.exec(input);
  const m = d ?? t;
  if (!m) return bad();
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return bad(`${m[1]}-${m[2]}-${m[3]} is not a calendar date`);
  if (year < minYear || year > maxYear) return { ok: false, code: "date_out_of_range", message: `The year must be between ${minYear} and ${maxYear}` };
  if (d) return { ok: true, date: new Date(Date.UTC(year, month - 1, day)) };
  const [hh, mm, ss] = [Number(t![4]), Number(t![5]), Number(t![6] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return bad("Not a valid time of day");
  if (t![8] !== "Z" && (Number(t![9]) > 14 || Number(t![10]) > 59)) return bad("Not a valid UTC offset");
  const date = new Date(input);
  if (Number.isNaN(date.getTime())) return bad();
  return { ok: true, date };
}

/** A strict calendar date / date-time (see parseStrictDate); output is a Date. */
export function strictDate(range: { minYear?: number; maxYear?: number } = {}) {
  return z.unknown().transform((v, ctx): Date => {
    const r = parseStrictDate(v, range);
    if (r.ok) return r.date;
    ctx.addIssue({ code: "custom", message: r.message, params: { code: r.code } });
    return z.NEVER;
  });
}

// C0 controls, DEL and C1 controls. Multi-line text keeps \n, \t and \r before \n.
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextCheck = { ok: true } | { ok: false; code: "control_character" | "invalid_unicode"; message: string };

/** Pure check behind `line()` and `text()`. */
export function checkText(s: string, multiline: boolean): TextCheck {
  if (LONE_SURROGATE.test(s)) return { ok: false, code: "invalid_unicode", message: "The text is not valid Unicode" };
  if ((multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(s))
    return {
      ok: false,
      code: "control_character",
      message: multiline ? "The text contains a control character" : "The text contains a control character or line break",
    };
  return { ok: true };
}

function textSchema(multiline: boolean) {
  return z.string().check((ctx) => {
    const r = checkText(ctx.value, multiline);
    if (!r.ok) ctx.issues.push({ code: "custom", message: r.message, input: ctx.value, params: { code: r.code } });
  });
}

/**
 * An identifier that is safe anywhere, also as part of a database field path (`byRequest.<id>`):
 * letters, digits, dash, underscore and colon; never a dot, `$`, slash or control character.
 */
export const safeId = () => z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/, "Not a valid id");

/** Single-line text: names, titles, reasons, ids. Chain `.trim().min().max()` as on z.string(). */
export const line = () => textSchema(false);
/** Multi-line text: descriptions, notes, bodies, motivations (newline and tab allowed). */
export const text = () => textSchema(true);
