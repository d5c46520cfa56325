// Turns a problem+json answer into sentences for the person at the form: the problem's `code` and
// each field error's `code` are translated (nl/en); the English `message` is for API clients.
import { useEffect, useState } from "react";
import { FIELD_ERROR_CODES, PROBLEM_CODES, isFieldErrorCode, isProblemCode } from "../../../api/src/contract/error-codes";
import type { ApiError, FieldError, ProblemBody } from "../api/client";
import type { Key, T } from "../i18n";
import { formatDate, formatNumber, type FormatLang } from "./format";

export { FIELD_ERROR_CODES, PROBLEM_CODES };

export const fieldKey = (code: string) => `err.field.${code}` as Key;
export const problemKey = (code: string) => `err.problem.${code}` as Key;

function vars(params: FieldError["params"] | Record<string, unknown> | undefined, lang: FormatLang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === "number") out[k] = formatNumber(v, lang);
    else if (typeof v === "string") out[k] = /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
    else if (typeof v === "boolean") out[k] = String(v);
  }
  return out;
}

/** A sentence for one field error, e.g. "Kies minstens 1." or "Vul uren in per kwartier (0,25)." */
export function fieldErrorText(t: T, lang: FormatLang, e: FieldError): string {
  const code = isFieldErrorCode(e.code) ? e.code : "invalid";
  const origin = e.params?.origin;
  if ((code === "too_small" || code === "too_big") && (origin === "array" || origin === "set" || origin === "string"))
    return t(`err.field.${code}.${origin === "set" ? "array" : origin}` as Key, vars(e.params, lang));
  return t(fieldKey(code), vars(e.params, lang));
}

/** The headline of a problem in the UI's language. */
export function problemText(t: T, lang: FormatLang, p: ProblemBody): string {
  if (p.status === 0) return t("error.network");
  const code = isProblemCode(p.code) ? p.code : undefined;
  if (!code) return p.title;
  return t(problemKey(code), vars(p as Record<string, unknown> & { code?: unknown }, lang));
}

/** The field errors whose path is `path` or lies under it ("availability" matches "availability.weekly.0.from"). */
export function errorsFor(error: ApiError | undefined | null, path: string): FieldError[] {
  const list = error?.problem.errors ?? [];
  return list.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
}

/** Moves focus to the first field marked invalid inside `root`, or to `fallback`. */
export function focusFirstInvalid(root: HTMLElement | null | undefined, fallback?: HTMLElement | null) {
  window.setTimeout(() => {
    const el = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (el ?? fallback)?.focus();
  }, 0);
}

/** After a failed submit has rendered its field errors: focus the first invalid field (or `fallbackId`). */
export function useFocusOnError(error: ApiError | undefined | null, root: { current: HTMLElement | null }, fallbackId?: string) {
  useEffect(() => {
    if (error) focusFirstInvalid(root.current, fallbackId ? document.getElementById(fallbackId) : undefined);
  }, [error, root, fallbackId]);
}

/** Returns `request()`: after the next render (which marks the fields invalid), focus the first invalid one. */
export function useFocusInvalid(root: { current: HTMLElement | null }): () => void {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (tick > 0) focusFirstInvalid(root.current);
  }, [tick, root]);
  return () => setTick((n) => n + 1);
}
