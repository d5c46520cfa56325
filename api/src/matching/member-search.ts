// The one place matching talks to the search port: how relevant each taxonomy item is to a request's text.
//
// Why the expertise index and not the members index: a member's search document is nothing but the labels
// and synonyms of their visible taxonomy items (indexing/docs.ts), so the items a request's text matches
// decide which members it matches. Searching the ~100 taxonomy items (typo tolerance and synonyms
// included) takes a few ms; the same words against 10,000 member documents match most of them ("cultuur",
// "culture") and took 100–400 ms with the embedded engine, even for a short, labels-only query.
// Members then get their relevance from the snapshot's expertise index (candidates.ts).
import type { Deps } from "../deps";

export type ItemRelevance = ReadonlyMap<string, number>;

const CACHE_TTL_MS = 60_000; // the expertise index only changes on a reindex
const CACHE_MAX = 500;
const ITEM_LIMIT = 100;

interface Cached {
  at: number;
  value: Promise<ItemRelevance>;
}

const caches = new WeakMap<Deps, Map<string, Cached>>();

/** Taxonomy item id → relevance to `text` (0..1, the best item 1). Cached per text for a minute. */
export function expertiseRelevance(deps: Deps, text: string): Promise<ItemRelevance> {
  const key = text.trim();
  if (!key) return Promise.resolve(new Map());
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new Map()));
  const hit = cache.get(key);
  const t = Date.now();
  if (hit && t - hit.at < CACHE_TTL_MS) return hit.value;
  const value = searchExpertise(deps, key);
  cache.delete(key); // re-insert: Map order is the eviction order
  cache.set(key, { at: t, value });
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  value.catch(() => cache.get(key)?.value === value && cache.delete(key)); // a failed search is not remembered
  return value;
}

/** Uncached (the bench measures it). */
export async function searchExpertise(deps: Deps, text: string): Promise<ItemRelevance> {
  const res = await deps.search.search("expertise", { q: text, limit: ITEM_LIMIT });
  return new Map(res.hits.map((h) => [h.id, h.score]));
}
