// In-process adapter on MiniSearch for `npm start` and tests: typo tolerance, prefix search,
// diacritic and case folding, synonyms expanded at query time. Filters, facets and sort are evaluated
// in code over the matching documents, which takes a few ms at 10,000 member documents.
// Query semantics are Meilisearch's with matchingStrategy "all" (the contract pins them on both engines):
// every word must match, in any order; typos from 4 letters (2 from 8); prefix on the last word only;
// synonyms exact (no typos, no prefix: "moslim" → "moskee" must not reach "moskeebestuur"); 10 words at most.
import MiniSearch, { type Query } from "minisearch";
import type { Doc, Filters, IndexName, SearchPort, SearchQuery, SearchResult, SortSpec } from "./port";
import { SCHEMAS, INDEX_NAMES, checkQuery } from "./schemas";
import { synonymMap, tokenize } from "./text";

interface Index {
  mini: MiniSearch<Doc>;
  docs: Map<string, Doc>;
  /** Indexed word → number of documents with it: the vocabulary typo and prefix matching look through. */
  terms: Map<string, number>;
}

// Typos as Meilisearch counts them (its settings in the adapter): none under 4 letters, 1 from 4, 2 from 8;
// a swap of two neighbours is one typo, a typo on the first letter counts as two; the last query word may
// also match the start of a word, with the same typo budget ("cultuur" reaches "culture").
const typoBudget = (word: string) => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);
const WEIGHT = { exact: 1, prefix: 0.5, typo1: 0.4, typo2: 0.3 };

/** Optimal-string-alignment distance (transpositions count 1), or max + 1 once it exceeds max. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Typos between a query word and an indexed word (first letter counted twice), or budget + 1. */
function typos(word: string, term: string, budget: number): number {
  const d = distance(word, term, budget);
  return d === 0 ? 0 : d + (word[0] !== term[0] ? 1 : 0);
}

/** Fewest typos between a query word and any start of an indexed word, or budget + 1. */
function prefixTypos(word: string, term: string, budget: number): number {
  let best = budget + 1;
  for (let len = Math.max(1, word.length - budget); len <= Math.min(term.length, word.length + budget); len++)
    best = Math.min(best, typos(word, term.slice(0, len), budget));
  return best;
}
/** Meilisearch ignores query words after the tenth. */
export const MAX_QUERY_WORDS = 10;

/** Compiles port filters once per query into a predicate (it runs on every candidate document). */
export function compileFilters(filters: Filters = {}): (doc: Doc) => boolean {
  const tests = Object.entries(filters)
    .filter(([, want]) => want !== undefined)
    .map(([field, want]) => {
      const wanted = new Set<unknown>(Array.isArray(want) ? want : [want]);
      return (doc: Doc) => {
        const have = doc[field];
        if (!Array.isArray(have)) return wanted.has(have);
        for (const v of have) if (wanted.has(v)) return true;
        return false;
      };
    });
  return (doc) => {
    for (const t of tests) if (!t(doc)) return false;
    return true;
  };
}

export function facetCounts(docs: Iterable<Doc>, fields: string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = Object.fromEntries(fields.map((f) => [f, {}]));
  for (const d of docs)
    for (const f of fields) {
      const counts = out[f]!;
      const have = d[f];
      if (have == null) continue;
      if (!Array.isArray(have)) {
        counts[String(have)] = (counts[String(have)] ?? 0) + 1;
        continue;
      }
      // A value repeated inside one document's array still counts that document once.
      have.forEach((v, k) => {
        if (have.indexOf(v) === k) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
      });
    }
  return out;
}

/** Missing values last in both directions, as Meilisearch does. */
function compareBy(sort: SortSpec[]) {
  return (a: Doc, b: Doc): number => {
    for (const { field, order } of sort) {
      const x = a[field] as string | number | boolean | undefined;
      const y = b[field] as string | number | boolean | undefined;
      if (x === y) continue;
      if (x == null) return 1;
      if (y == null) return -1;
      return (x < y ? -1 : x > y ? 1 : 0) * (order === "desc" ? -1 : 1);
    }
    return 0;
  };
}

export class EmbeddedSearch implements SearchPort {
  readonly kind = "embedded" as const;
  private indexes = new Map<IndexName, Index>();
  /** Folded phrase ("somalisch sprekend") → token lists of its synonyms. */
  private synonyms = new Map<string, string[][]>();
  private longestKey = 1; // in words: how long a run of query words to look up ("somalisch sprekend")

  async init() {
    for (const name of INDEX_NAMES) this.idx(name);
  }

  private create(name: IndexName): Index {
    const mini = new MiniSearch<Doc>({
      fields: SCHEMAS[name].searchable,
      storeFields: [],
      tokenize, // folds case and diacritics for documents and queries alike
      extractField: (doc, field) => {
        const v = doc[field];
        return Array.isArray(v) ? v.join(" ") : v == null ? "" : String(v);
      },
    });
    return { mini, docs: new Map(), terms: new Map() };
  }

  private idx(name: IndexName): Index {
    let i = this.indexes.get(name);
    if (!i) this.indexes.set(name, (i = this.create(name)));
    return i;
  }

  setSynonyms(groups: Record<string, string[]>) {
    const phrase = (t: string) => tokenize(t).join(" ");
    this.synonyms = new Map(Object.entries(synonymMap(groups)).map(([k, vs]) => [phrase(k), vs.map(tokenize)]));
    this.longestKey = Math.max(1, ...[...this.synonyms.keys()].map((k) => k.split(" ").length));
  }

  private count(name: IndexName, i: Index, doc: Doc, by: 1 | -1) {
    const words = new Set<string>();
    for (const f of SCHEMAS[name].searchable) {
      const v = doc[f];
      for (const w of tokenize(Array.isArray(v) ? v.join(" ") : v == null ? "" : String(v))) words.add(w);
    }
    for (const w of words) {
      const n = (i.terms.get(w) ?? 0) + by;
      if (n > 0) i.terms.set(w, n);
      else i.terms.delete(w);
    }
  }

  async upsert(name: IndexName, docs: Doc[]) {
    const i = this.idx(name);
    for (const d of docs) {
      const copy = { ...d }; // later changes by the caller must not leak into the index
      const old = i.docs.get(d.id);
      if (old) {
        i.mini.discard(d.id);
        this.count(name, i, old, -1);
      }
      i.mini.add(copy);
      i.docs.set(d.id, copy);
      this.count(name, i, copy, 1);
    }
  }

  async remove(name: IndexName, ids: string[]) {
    const i = this.idx(name);
    for (const id of ids) {
      const old = i.docs.get(id);
      if (!old) continue;
      i.docs.delete(id);
      i.mini.discard(id);
      this.count(name, i, old, -1);
    }
  }

  /**
   * The indexed words a query word stands for, with their weight: itself, words within its typo budget,
   * and for the last word the words it starts (also with typos). Recorded into `weights` (best weight wins).
   */
  private derive(i: Index, word: string, last: boolean, weights: Map<string, number>): string[] {
    const budget = typoBudget(word);
    const out: string[] = [word]; // never empty: a word nobody has still makes its segment match nothing
    const note = (t: string, w: number) => {
      if ((weights.get(t) ?? 0) < w) weights.set(t, w);
    };
    note(word, WEIGHT.exact);
    for (const t of i.terms.keys()) {
      if (t === word) continue;
      let w = 0;
      if (last && t.startsWith(word)) w = WEIGHT.prefix;
      else if (budget) {
        const n = Math.min(typos(word, t, budget), last ? prefixTypos(word, t, budget) : budget + 1);
        if (n <= budget) w = n === 1 ? WEIGHT.typo1 : WEIGHT.typo2;
      }
      if (w) {
        out.push(t);
        note(t, w);
      }
    }
    return out;
  }

  async clear(name: IndexName) {
    this.indexes.set(name, this.create(name));
  }

  /**
   * Every word (as itself, with typos, the last one also as a prefix: `derive`) OR one of its synonyms
   * (exact), ANDed over the words.
   * A run of words that is a synonym key ("somalisch sprekend") may be matched by the run or by a synonym;
   * a multi-word synonym must match all its words ("somali culture" must not pull in every "culture" item).
   */
  private query(i: Index, words: string[], weights: Map<string, number>): Query {
    const last = words.length - 1;
    const alternatives = (key: string): Query[] =>
      (this.synonyms.get(key) ?? []).map((syn) => {
        for (const t of syn) if ((weights.get(t) ?? 0) < WEIGHT.exact) weights.set(t, WEIGHT.exact);
        return { queries: syn, combineWith: "AND" };
      });
    const word = (w: string, k: number): Query => {
      const own: Query = { queries: this.derive(i, w, k === last, weights), combineWith: "OR" };
      const syns = alternatives(w);
      return syns.length ? { combineWith: "OR", queries: [own, ...syns] } : own;
    };
    const segments: Query[] = [];
    for (let s = 0; s < words.length;) {
      let n = Math.min(this.longestKey, words.length - s);
      while (n > 1 && !this.synonyms.has(words.slice(s, s + n).join(" "))) n--;
      if (n === 1) segments.push(word(words[s]!, s));
      else {
        const run: Query = { combineWith: "AND", queries: words.slice(s, s + n).map((w, j) => word(w, s + j)) };
        segments.push({ combineWith: "OR", queries: [run, ...alternatives(words.slice(s, s + n).join(" "))] });
      }
      s += n;
    }
    return segments.length === 1 ? segments[0]! : { combineWith: "AND", queries: segments };
  }

  async searchMany<D = Doc>(name: IndexName, queries: SearchQuery[]): Promise<SearchResult<D>[]> {
    const out: SearchResult<D>[] = [];
    for (const q of queries) out.push(await this.search<D>(name, q));
    return out;
  }

  async search<D = Doc>(name: IndexName, query: SearchQuery): Promise<SearchResult<D>> {
    checkQuery(name, query);
    const i = this.idx(name);
    const keep = compileFilters(query.filters);
    let matched: { doc: Doc; score: number }[];
    const words = tokenize(query.q ?? "").slice(0, MAX_QUERY_WORDS);
    if (words.length) {
      const weights = new Map<string, number>();
      const results = i.mini.search(this.query(i, words, weights), {
        boost: SCHEMAS[name].boost,
        fuzzy: false,
        prefix: false,
        boostTerm: (term) => weights.get(term) ?? 1,
        filter: (r) => keep(i.docs.get(r.id as string)!),
      });
      const top = results[0]?.score || 1;
      matched = results.map((r) => ({ doc: i.docs.get(r.id as string)!, score: r.score / top }));
    } else {
      matched = [];
      for (const doc of i.docs.values()) if (keep(doc)) matched.push({ doc, score: 1 });
    }
    if (query.sort?.length) {
      const cmp = compareBy(query.sort);
      matched.sort((a, b) => cmp(a.doc, b.doc)); // stable: relevance order breaks ties
    }
    const offset = query.offset ?? 0;
    const page = matched.slice(offset, offset + (query.limit ?? 20));
    return {
      hits: page.map((h) => ({ id: h.doc.id, score: h.score, doc: h.doc as D })),
      total: matched.length,
      ...(query.facets?.length
        ? {
            facets: facetCounts(
              matched.map((m) => m.doc),
              query.facets,
            ),
          }
        : {}),
    };
  }

  async health() {
    return true;
  }

  async drop() {
    this.indexes.clear();
  }

  async close() {}
}
