// The one place matching talks to the search port: member ids with a normalised text relevance (0..1).
import type { Deps } from "../deps";
import type { Filters } from "../../../search/port";

export interface MemberHit {
  id: string;
  relevance: number;
}

export async function searchMembers(deps: Deps, text: string, opts: { limit: number; filters?: Filters }): Promise<MemberHit[]> {
  if (!text.trim()) return [];
  const res = await deps.search.search("members", { q: text, filters: { active: true, consented: true, ...opts.filters }, limit: opts.limit });
  return res.hits.map((h) => ({ id: h.id, relevance: h.score }));
}
