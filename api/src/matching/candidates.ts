// Loading candidates for a request, all from memory once warm: the members holding the requested
// taxonomy ids (snapshot index, best first, bounded) plus the members whose expertise the request's text
// points at (relevance per taxonomy item from the search port, cached), then budgets and recent engagements
// (fairness cache), then the pure hard filters and scoring of domain/matching.
import type { Deps } from "../deps";
import { matchCandidates, type Candidate, type MatchRequest, type MatchResult } from "../domain/matching";
import { expertiseById } from "../reference/expertise";
import { NATIONAL_UNIT_IDS } from "../reference/units";
import { Request } from "../models/request";
import { memberSnapshot, type MemberEntry, type MemberSnapshot } from "./snapshot";
import { expertiseRelevance, type ItemRelevance } from "./member-search";
import { fairnessCache } from "./fairness-cache";
import { availabilityMemo } from "./availability-memo";

const EXACT_LIMIT = 400; // bounds the work for very common expertise in a large network
const TEXT_LIMIT = 100; // members reached only through related expertise (e.g. the language of a culture)
const ENGAGEMENT_WINDOW_DAYS = 90;

export interface RequestForMatching extends MatchRequest {
  id: string;
  title: string;
}

/** Milliseconds per stage of one ranking (bench). */
export interface RankStages {
  load: number; // snapshot and search port (wait only when cold)
  pool: number; // choosing the candidates
  fairness: number; // budgets and engagements for them (cache; waits only for members not loaded yet)
  score: number; // domain/matching
}

export const labelOf = (id: string): string => expertiseById(id)?.label.en ?? id;

export function matchText(r: { title: string; expertise: readonly string[] }): string {
  const labels = r.expertise.flatMap((id) => {
    const e = expertiseById(id);
    return e ? [e.label.nl, e.label.en] : [];
  });
  return [r.title, ...labels].join(" ");
}

const normLang = (code: string): string => code.trim().toLowerCase().split(/[-_]/)[0] ?? "";

/** Ranked candidates (member ids inside the server only; presenters pseudonymise them). */
export async function rankCandidates(deps: Deps, request: RequestForMatching, now = deps.now(), stages?: RankStages): Promise<MatchResult> {
  let t = performance.now();
  const snapshot = await memberSnapshot(deps).ready();
  const fairness = fairnessCache(deps);
  const items = await expertiseRelevance(deps, matchText(request));
  let t2 = performance.now();
  if (stages) stages.load = t2 - t;
  t = t2;

  const pool = candidatePool(snapshot, request, items);
  t2 = performance.now();
  if (stages) stages.pool = t2 - t;
  t = t2;

  await fairness.prepare(pool.keys(), now);
  t2 = performance.now();
  if (stages) stages.fairness = t2 - t;
  t = t2;

  const candidates: Candidate[] = [];
  for (const [id, { entry, text }] of pool)
    candidates.push({ member: entry.profile, textRelevance: text, remainingHours: fairness.remainingOf(id), recentEngagements: fairness.engagementsOf(id) });
  const result = matchCandidates({ request, candidates, now, labelOf, nationalUnitIds: NATIONAL_UNIT_IDS, isAvailableNow: availabilityMemo(now) });
  if (stages) stages.score = performance.now() - t;
  return result;
}

interface PoolEntry {
  entry: MemberEntry;
  text: number; // normalised text relevance, 0..1
}

/**
 * Members worth scoring, keyed by id: the EXACT_LIMIT best holders of the requested ids (level on the
 * requested items, then same unit, then language fit) and the TEXT_LIMIT best members reached only through
 * other relevant items. Text relevance of a member = sum of its visible items' relevance, the best member 1
 * (more matched expertise ranks higher, as in a search over the member documents).
 */
export function candidatePool(snapshot: MemberSnapshot, request: MatchRequest, items: ItemRelevance): Map<string, PoolEntry> {
  const requested = [...new Set(request.expertise)];
  const langs = (request.languages ?? []).map(normLang);
  const textOf = (e: MemberEntry) => {
    let sum = 0;
    for (const id of e.levels.keys()) sum += items.get(id) ?? 0;
    return sum;
  };

  // Exact holders, bucketed by key (small integers) instead of sorted.
  const buckets: MemberEntry[][] = [];
  const seen = new Set<string>();
  for (const expertiseId of requested)
    for (const id of snapshot.holders(expertiseId)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const e = snapshot.entry(id);
      if (!e?.listed) continue;
      let level = 0;
      for (const r of requested) level += e.levels.get(r) ?? 0;
      let fit = 1;
      for (const l of langs) if (!e.languages.has(l)) fit = 0;
      const key = level * 4 + (e.profile.unitId === request.unitId ? 2 : 0) + fit;
      (buckets[key] ??= []).push(e);
    }
  const pool = new Map<string, PoolEntry>();
  let best = 0;
  const add = (e: MemberEntry, text = textOf(e)) => {
    pool.set(e.profile.id, { entry: e, text });
    if (text > best) best = text;
  };
  for (let k = buckets.length - 1; k >= 0 && pool.size < EXACT_LIMIT; k--)
    for (const e of buckets[k] ?? []) {
      if (pool.size >= EXACT_LIMIT) break;
      add(e);
    }

  // Related items, most relevant first; when an item has more new holders than places left, the
  // holders with the highest text relevance win.
  const related = [...items].filter(([id, rel]) => rel > 0 && !requested.includes(id)).sort((a, b) => b[1] - a[1]);
  let left = TEXT_LIMIT;
  for (const [expertiseId] of related) {
    if (left <= 0) break;
    const fresh: { e: MemberEntry; text: number }[] = [];
    for (const id of snapshot.holders(expertiseId)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const e = snapshot.entry(id);
      if (e?.listed) fresh.push({ e, text: textOf(e) });
    }
    if (fresh.length > left) fresh.sort((a, b) => b.text - a.text);
    for (const f of fresh.length > left ? fresh.slice(0, left) : fresh) add(f.e, f.text);
    left -= Math.min(left, fresh.length);
  }

  if (best > 0) for (const p of pool.values()) p.text /= best;
  return pool;
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
