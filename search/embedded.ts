// In-process adapter on MiniSearch for `npm start` and tests: typo tolerance (fuzzy), prefix search,
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
}

// Same as the Meilisearch adapter's typo settings: none under 4 letters, 1 from 4, 2 from 8 (round(0.2 × length)).
const fuzzy = (term: string) => (term.length < 4 ? false : 0.2);
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
    return { mini, docs: new Map() };
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

  async upsert(name: IndexName, docs: Doc[]) {
    const i = this.idx(name);
    for (const d of docs) {
      const copy = { ...d }; // later changes by the caller must not leak into the index
      if (i.docs.has(d.id)) i.mini.discard(d.id);
      i.mini.add(copy);
      i.docs.set(d.id, copy);
    }
  }

  async remove(name: IndexName, ids: string[]) {
    const i = this.idx(name);
    for (const id of ids) if (i.docs.delete(id)) i.mini.discard(id);
  }

  async clear(name: IndexName) {
    this.indexes.set(name, this.create(name));
  }

  /**
   * Every word (typo tolerant; the last one also as a prefix) OR one of its synonyms, ANDed over the words.
   * A run of words that is a synonym key ("somalisch sprekend") may be matched by the run or by a synonym;
   * a multi-word synonym must match all its words ("somali culture" must not pull in every "culture" item).
   */
  private query(words: string[]): Query {
    const last = words.length - 1;
    const alternatives = (key: string): Query[] =>
      (this.synonyms.get(key) ?? []).map((syn) => ({ queries: syn, combineWith: "AND", fuzzy: false, prefix: false }));
    const word = (w: string, i: number): Query => {
      const own: Query = { queries: [w], fuzzy: fuzzy(w), prefix: i === last };
      const syns = alternatives(w);
      return syns.length ? { combineWith: "OR", queries: [own, ...syns] } : own;
    };
    const segments: Query[] = [];
    for (let s = 0; s < words.length; ) {
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
      const results = i.mini.search(this.query(words), {
        boost: SCHEMAS[name].boost,
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
      ...(query.facets?.length ? { facets: facetCounts(matched.map((m) => m.doc), query.facets) } : {}),
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
