// Loading candidates for a request: search port (text) ∪ members with the exact expertise ids, bounded,
// then budgets and recent engagements, then the pure hard filters and scoring of domain/matching.
import type { Deps } from "../deps";
import { matchCandidates, memberLanguages, type Candidate, type MatchRequest, type MatchResult } from "../domain/matching";
import { expertiseById } from "../reference/expertise";
import { NATIONAL_UNIT_IDS } from "../reference/units";
import { Request } from "../models/request";
import { memberSnapshot } from "./snapshot";
import { searchMembers } from "./member-search";
import { fairnessCache } from "./fairness-cache";

const SEARCH_LIMIT = 200;
const EXACT_LIMIT = 400; // bounds the work for very common expertise in a large network
const ENGAGEMENT_WINDOW_DAYS = 90;

export interface RequestForMatching extends MatchRequest {
  id: string;
  title: string;
}

export const labelOf = (id: string): string => expertiseById(id)?.label.en ?? id;

export function matchText(r: { title: string; expertise: readonly string[] }): string {
  const labels = r.expertise.flatMap((id) => {
    const e = expertiseById(id);
    return e ? [e.label.nl, e.label.en] : [];
  });
  return [r.title, ...labels].join(" ");
}

/** Ranked candidates (member ids inside the server only; presenters pseudonymise them). */
export async function rankCandidates(deps: Deps, request: RequestForMatching, now = deps.now()): Promise<MatchResult> {
  const snapshot = await memberSnapshot(deps).ready();
  const [hits] = await Promise.all([searchMembers(deps, matchText(request), { limit: SEARCH_LIMIT })]);
  const relevance = new Map(hits.map((h) => [h.id, h.relevance]));

  // Exact taxonomy matches, best first (level on the requested items, then same unit, then language fit).
  const wanted = new Set(request.expertise);
  const langs = request.languages ?? [];
  const exact = snapshot
    .withExpertise(request.expertise)
    .map((id) => snapshot.get(id)!)
    .filter((m) => m.active && m.consent.shareExpertise)
    .map((m) => {
      const level = m.expertise.reduce((s, e) => s + (e.visible && wanted.has(e.id) ? e.level : 0), 0);
      const spoken = memberLanguages(m);
      const langFit = langs.every((l) => spoken.has(l)) ? 1 : 0;
      return { m, key: level * 4 + (m.unitId === request.unitId ? 2 : 0) + langFit };
    })
    .sort((a, b) => b.key - a.key)
    .slice(0, EXACT_LIMIT)
    .map((x) => x.m);

  const pool = new Map(exact.map((m) => [m.id, m]));
  for (const h of hits) {
    const m = snapshot.get(h.id);
    if (m) pool.set(m.id, m);
  }
  const ids = [...pool.keys()];
  const fairness = fairnessCache(deps);
  const [remaining, engagements] = await Promise.all([fairness.remainingFor(ids, now), fairness.engagementsFor(now)]);

  const candidates: Candidate[] = [...pool.values()].map((member) => ({
    member,
    textRelevance: relevance.get(member.id) ?? 0,
    remainingHours: remaining.get(member.id) ?? 0,
    recentEngagements: engagements.get(member.id) ?? 0,
  }));
  return matchCandidates({ request, candidates, now, labelOf, nationalUnitIds: NATIONAL_UNIT_IDS });
}

/** Accepted engagements per member in the last 90 days (fairness). */
export async function recentEngagements(memberIds: string[], now: Date): Promise<Map<string, number>> {
  const since = new Date(now.getTime() - ENGAGEMENT_WINDOW_DAYS * 86_400_000);
  const rows = await Request.find({ assigneeMemberId: { $in: memberIds }, acceptedAt: { $gte: since } }, { assigneeMemberId: 1 }).lean();
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.assigneeMemberId!, (out.get(r.assigneeMemberId!) ?? 0) + 1);
  return out;
}

export function toMatchRequest(r: {
  _id: unknown;
  title: string;
  expertise: string[];
  languages?: string[] | null;
  urgency: string;
  unitId: string;
  estimatedHours: number;
  mode: string;
  neededBy?: Date | null;
}): RequestForMatching {
  return {
    id: String(r._id),
    title: r.title,
    expertise: r.expertise,
    languages: r.languages ?? [],
    urgency: r.urgency as MatchRequest["urgency"],
    unitId: r.unitId,
    estimatedHours: r.estimatedHours,
    mode: r.mode as MatchRequest["mode"],
    neededBy: r.neededBy ?? undefined,
  };
}
