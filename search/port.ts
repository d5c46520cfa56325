// The search port: one interface, two adapters (embedded MiniSearch, Meilisearch).
// MongoDB is the source of truth; an index only ever holds derived, rebuildable documents.
export type IndexName = "members" | "knowledge" | "requests" | "expertise";

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
  search<D = Doc>(index: IndexName, query: SearchQuery): Promise<SearchResult<D>>;
  health(): Promise<boolean>;
  close(): Promise<void>;
}
