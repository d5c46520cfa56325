// Candidate reasons in the user's language: the server sends codes with parameters next to its English
// sentences; we render the codes with the dictionaries and fall back to the sentence for unknown codes.
import type { ReasonCode } from "../api/types";
import type { Lang, T } from "../i18n";
import { expertiseLabel, unitName, type Reference } from "./reference";

const displayNames = new Map<Lang, Intl.DisplayNames | null>();

/** "so" → "Somalisch" (nl) / "Somali" (en); the code itself when the browser does not know it. */
export function languageName(code: string, lang: Lang): string {
  if (!displayNames.has(lang)) {
    try {
      displayNames.set(lang, new Intl.DisplayNames([lang], { type: "language" }));
    } catch {
      displayNames.set(lang, null);
    }
  }
  try {
    return displayNames.get(lang)?.of(code) ?? code;
  } catch {
    return code; // not a valid language tag
  }
}

interface Ctx {
  t: T;
  lang: Lang;
  ref: Reference;
  num(n: number, digits?: number): string;
}

export function reasonText(r: ReasonCode, fallback: string | undefined, { t, lang, ref }: Ctx): string {
  const p = r.params ?? {};
  switch (r.code) {
    case "expertise":
      // Coarse since issue 9: "expert in X" or "knowledge of X", no level numbers.
      return t(p.expert === true ? "reason.expertise-expert" : "reason.expertise-knows", { label: expertiseLabel(ref, String(p.id), lang) });
    case "text-match":
      return t("reason.text-match");
    case "language":
      return t("reason.language", { language: languageName(String(p.code), lang) });
    case "same-unit":
      return t("reason.same-unit", { unit: unitName(ref, String(p.unitId)) });
    case "national-unit":
      return t("reason.national-unit", { unit: unitName(ref, String(p.unitId)) });
    case "on-call":
      return t("reason.on-call");
    case "available-now":
      return t("reason.available-now");
    case "few-engagements":
      return t("reason.few-engagements");
    case "over-budget-acute":
      return t("reason.over-budget-acute");
    case "budget-sufficient":
      return t("reason.budget-sufficient");
    default:
      return fallback ?? r.code;
  }
}

/** The reasons of one candidate as display lines: codes when the server sends them, else its sentences. */
export function candidateReasons(c: { reasons: string[]; reasonCodes?: ReasonCode[] }, ctx: Ctx): string[] {
  if (!c.reasonCodes?.length) return c.reasons;
  return c.reasonCodes.map((r, i) => reasonText(r, c.reasons[i], ctx));
}
