// Every date, time and number the UI shows goes through here, with explicit patterns: dd-mm-jjjj and a
// 24-hour clock in Dutch and in English, whatever the browser's locale. Times are Dutch wall time.
export type FormatLang = "nl" | "en";
export const ZONE = "Europe/Amsterdam";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

const partsFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function toDate(v: string | number | Date): Date | undefined {
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function wallParts(d: Date): Parts {
  const p: Record<string, number> = {};
  for (const x of partsFmt.formatToParts(d)) if (x.type !== "literal") p[x.type] = Number(x.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute! };
}

/** "01-12-2026" (a plain "2026-12-01" day is shown as that day, not shifted by the zone). */
export function formatDate(v: string | number | Date | undefined | null): string {
  if (v === undefined || v === null || v === "") return "–";
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const [y, m, d] = v.split("-");
    return `${d}-${m}-${y}`;
  }
  const d = toDate(v);
  if (!d) return String(v);
  const p = wallParts(d);
  return `${pad(p.day)}-${pad(p.month)}-${pad(p.year, 4)}`;
}

/** "14:05" */
export function formatTime(v: string | number | Date | undefined | null): string {
  if (v === undefined || v === null || v === "") return "–";
  const d = toDate(v);
  if (!d) return String(v);
  const p = wallParts(d);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "01-12-2026 14:05" */
export function formatDateTime(v: string | number | Date | undefined | null): string {
  if (v === undefined || v === null || v === "") return "–";
  const d = toDate(v);
  if (!d) return String(v);
  return `${formatDate(d)} ${formatTime(d)}`;
}

/** The value a date text field starts with: "01-12-2026" from a Date or ISO string. */
export const dateInputValue = (v: string | number | Date) => formatDate(v);
/** The value a date-time text field starts with: "01-12-2026 14:05". */
export const dateTimeInputValue = (v: string | number | Date) => formatDateTime(v);

/** Numbers with a decimal comma in Dutch ("1,5"; "1.234,5"), a point in English. */
export function formatNumber(n: number, lang: FormatLang, digits = 2): string {
  return new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: digits }).format(n);
}

/** The format hint shown under date fields. */
export const DATE_PATTERN: Record<FormatLang, string> = { nl: "dd-mm-jjjj", en: "dd-mm-yyyy" };
export const TIME_PATTERN: Record<FormatLang, string> = { nl: "uu:mm", en: "hh:mm" };

/** A number as a form field starts with it: "4,5" in Dutch, "4.5" in English, never grouped. */
export function numberInputValue(n: number, lang: FormatLang): string {
  const s = String(n);
  return lang === "nl" ? s.replace(".", ",") : s;
}
