// Spotting obvious citizens' personal data in free text, so the UI can warn before it is stored. Pure, and in the
// contract because the web app runs the same check while typing (web/src/components/PrivacyCheck.tsx).
//
// This is a warning aid, not a guarantee: it errs towards precision so ordinary request text
// ("4 uur op 12 maart", request numbers, dates, times) does not nag.
// - BSN: 9 digits (optionally written 1234.56.789 or 123 456 789) passing the elfproef:
//   9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), not all zeros; not glued to letters, dashes or other digits.
// - Dutch phone numbers: 10 digits nationally (0 + 9), written with spaces or dashes, or +31 / 0031 with an
//   optional "(0)"; area code in brackets allowed. Service numbers (0800, 090x) are not personal and skipped.
// - E-mail addresses.
// - Names (knowledge notes only): a capitalised word after a form of address ("meneer", "mevrouw", "dhr.",
//   "mevr.", "familie", "Mr", "Mrs", …), optionally with initials and tussenvoegsels ("dhr. J. van der Berg").

export type PersonalDataKind = "bsn" | "phone" | "email";
export type CitizenDataKind = PersonalDataKind | "name";

export interface PersonalDataFinding<K extends string = PersonalDataKind> {
  kind: K;
  match: string;
  index: number; // offset in the text, for highlighting
}

/** The Dutch elfproef for a BSN: 9 digits, weights 9..2 and −1 for the last digit. */
export function isValidBsn(value: string): boolean {
  const digits = value.replace(/[\s.]/g, "");
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

const SEP = "[ \\-]?";
const digits = (n: number): string => `\\d(?:${SEP}\\d){${n - 1}}`;
const PHONE_END = String.raw`(?![\d:]|[\-/.]\d)`;
const PHONE_PATTERNS: RegExp[] = [
  // +31 6 12345678, 0031 10 123 4567, +31 (0)6-1234 5678
  new RegExp(String.raw`(?<![\w+])(?:\+31|0031)${SEP}(?:\(0\)${SEP})?[1-9](?:${SEP}\d){8}${PHONE_END}`, "g"),
  // (010) 123 4567, (020)-1234567, (0341) 123456
  new RegExp(String.raw`(?<![\w+])\(0[1-9]\)${SEP}${digits(8)}${PHONE_END}`, "g"),
  new RegExp(String.raw`(?<![\w+])\(0[1-9]\d\)${SEP}${digits(7)}${PHONE_END}`, "g"),
  new RegExp(String.raw`(?<![\w+])\(0[1-9]\d\d\)${SEP}${digits(6)}${PHONE_END}`, "g"),
  // 06-12345678, 010 123 45 67, 0341-123456, 0201234567
  new RegExp(String.raw`(?<![\w+\-/])0[1-9](?:${SEP}\d){8}${PHONE_END}`, "g"),
];
const SERVICE_NUMBER = /^0(?:800|90\d)/;
const DATE_LIKE = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/;

const BSN_PATTERN = /(?<![\w\-/.,])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}([ .])\d{3}\1\d{3})(?![\w\-/]|[.,]\d)/g;
const EMAIL_PATTERN = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;

// Forms of address, lower case or capitalised; no /i flag so the name itself must really start upper case.
const cap = (w: string): string => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1).replace(/\./g, "\\.")}`;
const TITLES = ["meneer", "mevrouw", "mevr.", "mevr", "mw.", "dhr.", "dhr", "familie", "fam.", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss"];
const TUSSENVOEGSELS = ["van", "von", "de", "der", "den", "het", "ten", "ter", "la", "le", "el", "al", "'t"];
const TITLE = `(?:${TITLES.map(cap).join("|")})`;
const TUSSENVOEGSEL = `(?:${TUSSENVOEGSELS.map((w) => (w.startsWith("'") ? w : cap(w))).join("|")})`;
const NAME_PATTERN = new RegExp(
  String.raw`(?<![\p{L}])(?:${TITLE})(?![\p{L}])\s+((?:\p{Lu}\.\s?)*(?:${TUSSENVOEGSEL}\s+)*\p{Lu}(?=[\p{L}'’\-]*\p{Ll})[\p{L}'’\-]+)`,
  "gu",
);

function findAll<K extends string>(pattern: RegExp, text: string, kind: K, group = 0): PersonalDataFinding<K>[] {
  const out: PersonalDataFinding<K>[] = [];
  for (const m of text.matchAll(pattern)) {
    const match = m[group] ?? m[0];
    const index = (m.index ?? 0) + m[0].indexOf(match);
    out.push({ kind, match, index });
  }
  return out;
}

function overlaps(a: { index: number; match: string }, b: { index: number; match: string }): boolean {
  return a.index < b.index + b.match.length && b.index < a.index + a.match.length;
}

function findPhones(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const p of PHONE_PATTERNS) {
    for (const f of findAll(p, text, "phone" as const)) {
      const national = f.match
        .replace(/^(?:\+31|0031)/, "0")
        .replace(/\D/g, "")
        .replace(/^00/, "0");
      if (SERVICE_NUMBER.test(national) || DATE_LIKE.test(f.match)) continue;
      if (!found.some((g) => overlaps(f, g))) found.push(f);
    }
  }
  return found;
}

/** BSNs, Dutch phone numbers and e-mail addresses in `text`, in text order. */
export function detectPersonalData(text: string): PersonalDataFinding[] {
  if (!text) return [];
  const emails = findAll(EMAIL_PATTERN, text, "email" as const);
  const phones = findPhones(text).filter((p) => !emails.some((e) => overlaps(p, e)));
  // Nine digits inside a phone number (+31 612345678) or an address are not a BSN.
  const bsns = findAll(BSN_PATTERN, text, "bsn" as const).filter((b) => isValidBsn(b.match) && ![...phones, ...emails].some((o) => overlaps(b, o)));
  return [...emails, ...phones, ...bsns].sort((a, b) => a.index - b.index);
}

/** Names after a form of address ("mevrouw Jansen", "fam. El Amrani", "dhr. J. de Vries"). */
export function detectPersonNames(text: string): PersonalDataFinding<"name">[] {
  if (!text) return [];
  return findAll(NAME_PATTERN, text, "name" as const, 1);
}

/** Everything a knowledge note must not carry: personal data plus names of citizens. */
export function findCitizenData(text: string): PersonalDataFinding<CitizenDataKind>[] {
  return [...detectPersonalData(text), ...detectPersonNames(text)].sort((a, b) => a.index - b.index);
}

/** True when a knowledge note (meant to be anonymised) still contains citizens' data. */
export function containsCitizenData(text: string): boolean {
  return findCitizenData(text).length > 0;
}
