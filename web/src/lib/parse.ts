// Pure parsers for what people type into the form fields: numbers with a decimal comma or point,
// dates as dd-mm-jjjj (also yyyy-mm-dd), times as 24-hour HH:MM. No browser locale is involved:
// the fields are plain text inputs, so "0,5" never silently becomes 5.

/** "0,5", "0.5", ",5", "1", " 1,50 " → number; anything else (e.g. "1.234,5", "1,5,3", "abc") → undefined. */
export function parseDecimal(text: string, opts: { allowNegative?: boolean } = {}): number | undefined {
  const s = text.trim().replace(/\s+/g, "");
  const re = opts.allowNegative ? /^[-−]?(\d+([.,]\d*)?|[.,]\d+)$/ : /^(\d+([.,]\d*)?|[.,]\d+)$/;
  if (!re.test(s)) return undefined;
  const n = Number(s.replace("−", "-").replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}

/** A whole number ("2026", "-40"); undefined otherwise. */
export function parseInteger(text: string, opts: { allowNegative?: boolean } = {}): number | undefined {
  const s = text.trim();
  const re = opts.allowNegative ? /^[-−]?\d+$/ : /^\d+$/;
  return re.test(s) ? Number(s.replace("−", "-")) : undefined;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "1-12-2026", "01-12-2026", "01.12.2026", "01/12/2026" (day first) or "2026-12-01" → "2026-12-01"; else undefined. */
export function parseDate(text: string): string | undefined {
  const s = text.trim();
  let m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return undefined;
  return validDay(y, mo, d) ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}` : undefined;
}

/** "9:05", "09:05", "09.05", "0905" → "09:05" (24-hour); else undefined. */
export function parseTime(text: string): string | undefined {
  const s = text.trim();
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(s);
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h > 23 || mi > 59) return undefined;
  return `${pad(h)}:${pad(mi)}`;
}

/** "01-12-2026 14:30", "01-12-2026, 14:30", "2026-12-01T14:30" → "2026-12-01T14:30" (local wall time); else undefined. */
export function parseDateTime(text: string): string | undefined {
  const s = text.trim();
  const m = /^(\S+?)(?:,?\s+|T)(\S+)$/.exec(s);
  if (!m) return undefined;
  const day = parseDate(m[1]!);
  const time = parseTime(m[2]!);
  return day && time ? `${day}T${time}` : undefined;
}

/** A local wall time "2026-12-01T14:30" (or a day "2026-12-01", taken at 00:00) as an instant in the browser's zone. */
export function localToDate(local: string): Date {
  const [day, time = "00:00"] = local.split("T");
  const [y, mo, d] = day!.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  return new Date(y!, mo! - 1, d!, h!, mi!);
}
