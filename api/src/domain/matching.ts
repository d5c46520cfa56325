// Candidate matching for a request: hard filters, then a weighted score in [0, 1]. Pure (time is passed in).
//
// Hard filters (first failing rule wins, reported with a code for diagnostics):
//   inactive          member not active, or left the network on or before `now`
//   no-consent        member did not consent to sharing expertise
//   no-expertise      none of the requested expertise is visible on the profile AND no text relevance
//   absent            an absence covers `now` or the request's `neededBy`
//   over-budget       remaining hours < estimated hours (acute requests pass, flagged `overBudget`)
//   missing-language  a required language is neither in `languages` nor a visible `language.<code>` item
//
// Score = weighted mean of four parts, each in [0, 1]:
//   expertise     visible taxonomy overlap weighted by level (level/3 per requested id) mixed with text relevance
//   proximity     same unit 1, national parts 0.5, elsewhere 0.2; weighted up for acute or on-site requests
//   availability  1 when available now (weekly slots and absences, or on call), else 0
//   fairness      fewer recent engagements and more remaining hours rank higher (spreads the load)
// Ties (after rounding to 4 decimals) break by member id, so the same input always gives the same order.
// Only visible expertise is ever used or named in reasons: hidden items are the member's to keep.
import { isAvailableNow as defaultIsAvailableNow, absenceAt } from "./availability";
import type { MemberProfile, Mode, Urgency } from "./types";
import { URGENCY_RULES } from "./urgency";

export interface MatchRequest {
  expertise: string[];
  languages?: string[];
  urgency: Urgency;
  unitId: string;
  estimatedHours: number;
  mode?: Mode;
  neededBy?: Date;
}

export interface CandidateContext {
  textRelevance: number; // 0..1, normalised search score
  remainingHours: number; // service-time budget left this year
  recentEngagements: number; // last 90 days
  onCall?: boolean; // on a roster shift now: counts as available regardless of weekly slots
}

export interface Candidate extends CandidateContext {
  member: MemberProfile;
}

export interface MatchWeights {
  expertise: number;
  proximity: number;
  availability: number;
  fairness: number;
}

export interface MatchTuning {
  textShare: number; // share of text relevance inside the expertise part when the request names taxonomy ids
  proximityBoost: number; // proximity weight multiplier for acute or on-site requests (then renormalised)
  budgetScaleHours: number; // remaining hours at which the budget half of fairness reaches 0.5
  fewEngagements: number; // at or below this many recent engagements, say "few recent engagements"
}

export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  expertise: 0.45,
  proximity: 0.2,
  availability: 0.2,
  fairness: 0.15,
});

export const DEFAULT_MATCH_TUNING: Readonly<MatchTuning> = Object.freeze({
  textShare: 0.3,
  proximityBoost: 2,
  budgetScaleHours: 40,
  fewEngagements: 1,
});

/** Unit ids of the national parts (Landelijke Eenheid, PDC, Politieacademie); pass the reference data's ids to override. */
export const DEFAULT_NATIONAL_UNIT_IDS: readonly string[] = Object.freeze(["landelijke-eenheid", "politiedienstencentrum", "politieacademie"]);

export const PROXIMITY = Object.freeze({ sameUnit: 1, national: 0.5, elsewhere: 0.2 });

export type ExclusionCode = "inactive" | "no-consent" | "no-expertise" | "absent" | "over-budget" | "missing-language";

export interface Exclusion {
  memberId: string;
  code: ExclusionCode;
}

/**
 * Machine-readable twin of each English reason, so clients can render them in their own language
 * (the English `reasons` stay: they are the API contract). Same order as `reasons`, one code per sentence.
 */
export type ReasonCode =
  | { code: "expertise"; params: { id: string; expert: boolean } }
  | { code: "text-match" }
  | { code: "language"; params: { code: string } }
  | { code: "same-unit"; params: { unitId: string } }
  | { code: "national-unit"; params: { unitId: string } }
  | { code: "on-call" }
  | { code: "available-now" }
  | { code: "few-engagements" }
  | { code: "over-budget-acute" }
  | { code: "budget-sufficient" };

export interface RankedCandidate {
  memberId: string;
  score: number;
  reasons: string[];
  reasonCodes: ReasonCode[];
  unitId: string;
  available: boolean;
  overBudget: boolean;
}

export interface MatchInput {
  request: MatchRequest;
  candidates: readonly Candidate[];
  now: Date;
  labelOf: (expertiseId: string) => string;
  weights?: Partial<MatchWeights>;
  tuning?: Partial<MatchTuning>;
  nationalUnitIds?: Iterable<string>;
  isAvailableNow?: (member: MemberProfile, now: Date) => boolean;
  languageLabelOf?: (code: string) => string;
}

export interface MatchResult {
  ranked: RankedCandidate[];
  excluded: Exclusion[];
}

const clamp01 = (n: number): number => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
const normLang = (code: string): string => code.trim().toLowerCase().split(/[-_]/)[0] ?? "";

let displayNames: Intl.DisplayNames | undefined;
/** "so" → "Somali"; falls back to the code when ICU does not know it. */
export function defaultLanguageLabel(code: string): string {
  try {
    displayNames ??= new Intl.DisplayNames(["en"], { type: "language" });
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

function visibleExpertise(member: MemberProfile) {
  return member.expertise.filter((e) => e.visible);
}

/** Language codes a member can work in: declared languages plus visible `language.<code>` expertise. */
export function memberLanguages(member: MemberProfile): Set<string> {
  const langs = new Set(member.languages.map(normLang));
  for (const e of visibleExpertise(member)) {
    if (e.id.startsWith("language.")) langs.add(normLang(e.id.slice("language.".length)));
  }
  return langs;
}

function isInactive(member: MemberProfile, now: Date): boolean {
  return !member.active || (member.leftAt !== undefined && member.leftAt.getTime() <= now.getTime());
}

/** The first hard filter a candidate fails, or null when it may be offered the request. */
export function exclusionOf(request: MatchRequest, candidate: Candidate, now: Date): ExclusionCode | null {
  const m = candidate.member;
  if (isInactive(m, now)) return "inactive";
  if (!m.consent?.shareExpertise) return "no-consent";
  const requested = new Set(request.expertise);
  const overlaps = visibleExpertise(m).some((e) => requested.has(e.id));
  if (!overlaps && !(clamp01(candidate.textRelevance) > 0)) return "no-expertise";
  const absences = m.availability?.absences;
  if (absenceAt(absences, now) || (request.neededBy && absenceAt(absences, request.neededBy))) return "absent";
  if (!URGENCY_RULES[request.urgency].mayExceedBudget && !(candidate.remainingHours >= request.estimatedHours)) return "over-budget";
  const langs = memberLanguages(m);
  if ((request.languages ?? []).some((l) => !langs.has(normLang(l)))) return "missing-language";
  return null;
}

/** Weights for this request: proximity counts more for acute or on-site work; always renormalised to sum 1. */
export function effectiveWeights(request: MatchRequest, weights: MatchWeights, tuning: MatchTuning): MatchWeights {
  const boost = URGENCY_RULES[request.urgency].proximityBoost || request.mode === "onsite" ? tuning.proximityBoost : 1;
  const w = { ...weights, proximity: weights.proximity * boost };
  const sum = w.expertise + w.proximity + w.availability + w.fairness;
  if (!(sum > 0)) return { expertise: 0.25, proximity: 0.25, availability: 0.25, fairness: 0.25 };
  return {
    expertise: w.expertise / sum,
    proximity: w.proximity / sum,
    availability: w.availability / sum,
    fairness: w.fairness / sum,
  };
}

/** Filter, score and rank candidates for a request. */
export function matchCandidates(input: MatchInput): MatchResult {
  const { request, now, labelOf } = input;
  const tuning: MatchTuning = { ...DEFAULT_MATCH_TUNING, ...input.tuning };
  const weights = effectiveWeights(request, { ...DEFAULT_MATCH_WEIGHTS, ...input.weights }, tuning);
  const national = new Set(input.nationalUnitIds ?? DEFAULT_NATIONAL_UNIT_IDS);
  const availableNow = input.isAvailableNow ?? defaultIsAvailableNow;
  const languageLabel = input.languageLabelOf ?? defaultLanguageLabel;
  const requested = [...new Set(request.expertise)];
  const requiredLangs = [...new Set((request.languages ?? []).map(normLang))];

  const ranked: RankedCandidate[] = [];
  const excluded: Exclusion[] = [];

  for (const c of input.candidates) {
    const m = c.member;
    const code = exclusionOf(request, c, now);
    if (code) {
      excluded.push({ memberId: m.id, code });
      continue;
    }
    const reasons: string[] = [];
    const reasonCodes: ReasonCode[] = [];
    const say = (text: string, code: ReasonCode): void => {
      reasons.push(text);
      reasonCodes.push(code);
    };

    // Expertise: exact taxonomy overlap (visible items only), weighted by level, plus text relevance.
    const visible = new Map(visibleExpertise(m).map((e) => [e.id, e]));
    const matched = requested
      .map((id) => visible.get(id))
      .filter((e): e is NonNullable<typeof e> => e !== undefined)
      .sort((a, b) => b.level - a.level || a.id.localeCompare(b.id));
    const overlap = requested.length ? matched.reduce((s, e) => s + e.level / 3, 0) / requested.length : 0;
    const text = clamp01(c.textRelevance);
    const expertise = requested.length ? (1 - tuning.textShare) * clamp01(overlap) + tuning.textShare * text : text;
    // Cards must not carry stable per-member detail that links them across requests (issue 9,
    // finding 4): only the items THIS request asks for, and of the level only whether it is expert.
    for (const e of matched) {
      const expert = e.level >= 3;
      say(expert ? `expert in ${labelOf(e.id)}` : `knowledge of ${labelOf(e.id)}`, { code: "expertise", params: { id: e.id, expert } });
    }
    if (matched.length === 0 && text > 0) say("profile matches the request text", { code: "text-match" });
    for (const l of requiredLangs) say(`speaks ${languageLabel(l)}`, { code: "language", params: { code: l } });

    // Proximity.
    let proximity: number = PROXIMITY.elsewhere;
    if (m.unitId === request.unitId) {
      proximity = PROXIMITY.sameUnit;
      say(`same unit (${m.unitId})`, { code: "same-unit", params: { unitId: m.unitId } });
    } else if (national.has(m.unitId)) {
      proximity = PROXIMITY.national;
      say(`national unit (${m.unitId})`, { code: "national-unit", params: { unitId: m.unitId } });
    }

    // Availability now.
    const available = c.onCall === true || availableNow(m, now);
    if (c.onCall) say("on call now", { code: "on-call" });
    else if (available) say("available now", { code: "available-now" });

    // Fairness: spread engagements; members with more budget left carry more.
    const engagements = Math.max(0, c.recentEngagements);
    const remaining = Math.max(0, c.remainingHours);
    const fairness = 0.5 * (1 / (1 + engagements)) + 0.5 * (remaining / (remaining + tuning.budgetScaleHours));
    if (engagements <= tuning.fewEngagements) say("few recent engagements", { code: "few-engagements" });
    const overBudget = !(c.remainingHours >= request.estimatedHours);
    // Whether the budget covers THIS request, never the remaining hours (the member's own business).
    if (overBudget) say("over budget (acute request)", { code: "over-budget-acute" });
    else say("enough budget for this request", { code: "budget-sufficient" });

    const score = weights.expertise * expertise + weights.proximity * proximity + weights.availability * (available ? 1 : 0) + weights.fairness * fairness;

    ranked.push({ memberId: m.id, score: round4(clamp01(score)), reasons, reasonCodes, unitId: m.unitId, available, overBudget });
  }

  ranked.sort((a, b) => b.score - a.score || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  excluded.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  return { ranked, excluded };
}
