// The one place matching talks to the search port: how relevant each taxonomy item is to a request's text.
//
// Why the expertise index and not the members index: a member's search document is nothing but the labels
// and synonyms of their visible taxonomy items (indexing/docs.ts), so the items a request's text matches
// decide which members it matches. Members then get their relevance from the snapshot's expertise index
// (candidates.ts).
//
// The same on every engine: the text is never sent as one long query (Meilisearch requires every word, or
// with other strategies the first one, and reads 10 words at most; word order would decide the result).
// Instead each content word of the text counts on its own:
//   1. a word that is a word of an item's labels or synonyms (folded: "Oekraïense" = "oekraiense") points
//      at those items, decided here from the taxonomy itself, no engine involved;
//   2. the other words go to the search port one word per query (one round trip: searchMany), where a
//      one-word query means the same on both engines (typos, prefix, synonyms; test/contract);
//   3. a word pointing at more than a fifth of the taxonomy ("cultuur", "culture") says nothing and is
//      dropped; the others weigh ln(1 + N / items) (rarer is more telling), fallback hits half as much.
// An item's relevance is the sum over the words pointing at it, the best item 1. Only sets of items
// enter the sum, never an engine's score, so both engines give the same relevance for the same data.
import type { Deps } from "../deps";
import { EXPERTISE } from "../reference/expertise";
import { tokenize } from "../../../search/text";

export type ItemRelevance = ReadonlyMap<string, number>;

const CACHE_TTL_MS = 60_000; // the expertise index only changes on a reindex
const CACHE_MAX = 500;

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

/** Words that carry no topic (Dutch and English function words); words under 3 letters are skipped too. */
const STOP_WORDS = new Set(
  (
    "aan als bij dat de deze die dit door een en het hoe in is met na naar niet nog of om onze ons op over per " +
    "rond te ter tot uit van voor wat wel wie wij wordt worden zijn zoals " +
    "and are for from into our the their this with"
  ).split(" "),
);
const MIN_WORD = 3;
const MAX_WORDS = 40; // a request title plus the labels of its items stays well under this
const MAX_SHARE = 0.2; // a word pointing at more of the taxonomy than this is dropped
const FALLBACK_WEIGHT = 0.5;

let vocabulary: Map<string, Set<string>> | undefined;

/** Folded word of a label or synonym → the taxonomy items carrying it. */
export function taxonomyVocabulary(): ReadonlyMap<string, ReadonlySet<string>> {
  if (vocabulary) return vocabulary;
  const v = new Map<string, Set<string>>();
  for (const e of EXPERTISE)
    for (const term of [e.label.nl, e.label.en, ...e.synonyms])
      for (const w of tokenize(term)) {
        let set = v.get(w);
        if (!set) v.set(w, (set = new Set()));
        set.add(e.id);
      }
  return (vocabulary = v);
}

/** The words of a text that matching looks at: folded, unique, no stop words or very short words. */
export function contentWords(text: string): string[] {
  return [...new Set(tokenize(text))].filter((w) => w.length >= MIN_WORD && !STOP_WORDS.has(w)).slice(0, MAX_WORDS);
}

/** How each word of the text was resolved (the bench and the engine comparison print it). */
export interface WordMatch {
  word: string;
  via: "taxonomy" | "search";
  items: string[];
  weight: number; // 0 when dropped (nothing found, or too common)
}

/** Uncached (the bench measures it). */
export async function searchExpertise(deps: Deps, text: string, explain?: WordMatch[]): Promise<ItemRelevance> {
  const vocab = taxonomyVocabulary();
  const words = contentWords(text);
  const unknown = words.filter((w) => !vocab.has(w));
  const found = new Map<string, string[]>();
  if (unknown.length) {
    const results = await deps.search.searchMany(
      "expertise",
      unknown.map((q) => ({ q, limit: EXPERTISE.length })),
    );
    unknown.forEach((w, i) =>
      found.set(
        w,
        results[i]!.hits.map((h) => h.id),
      ),
    );
  }
  const n = EXPERTISE.length;
  const sum = new Map<string, number>();
  for (const word of words) {
    const known = vocab.get(word);
    const items = known ? [...known] : (found.get(word) ?? []);
    const usable = items.length > 0 && items.length <= MAX_SHARE * n;
    const weight = usable ? Math.log(1 + n / items.length) * (known ? 1 : FALLBACK_WEIGHT) : 0;
    explain?.push({ word, via: known ? "taxonomy" : "search", items: [...items].sort(), weight });
    if (weight) for (const id of items) sum.set(id, (sum.get(id) ?? 0) + weight);
  }
  const best = Math.max(0, ...sum.values());
  // Most relevant first, ties by id: the order does not depend on the order an engine returned hits in.
  const sorted = [...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(sorted.map(([id, v]) => [id, v / best]));
}
