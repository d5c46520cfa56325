// The one way the API writes CSV (issue 9 finding 3, issue 10 defect 9): RFC 4180 quoting, and
// text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
// return) prefixed with a single quote, as OWASP's "CSV injection" advice says. Numbers are
// formatted here (never passed through as text), so a negative number stays a number while a
// name like "-1+1" is neutralised.
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvFormat {
  delimiter: "," | ";";
  /** Dutch spreadsheets: 75,75 instead of 75.75. */
  decimalComma?: boolean;
  /** UTF-8 byte order mark, so Excel detects the encoding. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert for spreadsheets: `=1+1` → `'=1+1`. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function formatNumber(n: number, decimalComma = false): string {
  if (!Number.isFinite(n)) return "";
  const s = String(Math.round(n * 100) / 100);
  return decimalComma ? s.replace(".", ",") : s;
}

function cell(v: CsvCell, f: CsvFormat): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return formatNumber(v, f.decimalComma);
  if (typeof v === "boolean") return v ? "true" : "false";
  return `"${neutraliseCell(v).replace(/"/g, '""')}"`;
}

/** Header + rows as CSV text with CRLF line ends. */
export function toCsv(rows: CsvCell[][], f: CsvFormat): string {
  const body = rows.map((r) => r.map((v) => cell(v, f)).join(f.delimiter)).join("\r\n") + "\r\n";
  return (f.bom ? "\uFEFF" : "") + body;
}
