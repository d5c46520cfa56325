// The search port: one interface, two adapters (embedded MiniSearch, Meilisearch).
// MongoDB is the source of truth; an index only ever holds derived, rebuildable documents.
// (A "requests" index existed but was never filled; request lists come from MongoDB, scoped by policy.)
export type IndexName = "members" | "knowledge" | "expertise";

export type Doc = Record<string, unknown> & { id: string };

export type FilterValue = string | number | boolean;

/**
 * `{ field: value }` is equality (on an array field: "contains"); `{ field: [a, b] }` is any-of
 * (an empty list matches nothing, so an empty scope never widens to "everything"). Fields are ANDed.
 * Only fields declared filterable in `schemas.ts` are allowed.
 */
export type Filters = Record<string, FilterValue | FilterValue[]>;

export interface SortSpec {
  field: string;
  order: "asc" | "desc";
}

export interface SearchQuery {
  /** Free text; empty or absent means "every document matching the filters". */
  q?: string;
  filters?: Filters;
  /** Fields (filterable ones) to count values of, over all matching documents, not just the page. */
  facets?: string[];
  /** Applied before relevance; relevance breaks ties. Only sortable fields. */
  sort?: SortSpec[];
  limit?: number; // default 20
  offset?: number; // default 0
}

export interface SearchHit<D = Doc> {
  id: string;
  /** Relevance in 0..1, higher is better; only comparable within one result. 1 for an empty q. */
  score: number;
  doc: D;
}

export interface SearchResult<D = Doc> {
  hits: SearchHit<D>[];
  total: number;
  /** field → value (as a string, booleans as "true"/"false") → number of matching documents. */
  facets?: Record<string, Record<string, number>>;
}

export interface SearchPort {
  readonly kind: "embedded" | "meilisearch";
  /** Creates the indexes and applies their settings; idempotent. */
  init(): Promise<void>;
  /** Each entry is a group: the key and its values all stand for one another (symmetric). */
  setSynonyms(groups: Record<string, string[]>): void | Promise<void>;
  /** Inserts or fully replaces documents by id. */
  upsert(index: IndexName, docs: Doc[]): Promise<void>;
  remove(index: IndexName, ids: string[]): Promise<void>;
  clear(index: IndexName): Promise<void>;
  /**
   * Text semantics, the same on both engines (test/contract/search.test.ts): every query word must match
   * (in any order; a word matches itself with typos from 4 letters, 2 typos from 8, its synonyms exactly,
   * and, for the last word only, as a prefix); only the first 10 words count. Scores are comparable
   * within one result only, and equally good matches get equal scores (callers must not rely on the order of ties).
   */
  search<D = Doc>(index: IndexName, query: SearchQuery): Promise<SearchResult<D>>;
  /** Several queries on one index in one go (one round trip on Meilisearch); results in query order. */
  searchMany<D = Doc>(index: IndexName, queries: SearchQuery[]): Promise<SearchResult<D>[]>;
  health(): Promise<boolean>;
  /** Deletes every index this adapter owns (throw-away test indexes); the adapter stays usable after init(). */
  drop(): Promise<void>;
  /** Releases connections; the indexes stay. Idempotent. */
  close(): Promise<void>;
}
