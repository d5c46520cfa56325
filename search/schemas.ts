// What each index searches, filters and sorts on; both adapters read this one table, so a query
// that one adapter rejects the other rejects too.
import type { IndexName, SearchQuery } from "./port";

export interface IndexSchema {
  /** In ranking order (Meilisearch ranks by attribute order; the embedded engine uses `boost`). */
  searchable: string[];
  boost: Record<string, number>;
  filterable: string[];
  sortable: string[];
}

export const SCHEMAS: Record<IndexName, IndexSchema> = {
  members: {
    searchable: ["expertiseText"],
    boost: { expertiseText: 1 },
    filterable: ["unitId", "networks", "expertiseIds", "languages", "active", "consented"],
    sortable: ["unitId"],
  },
  knowledge: {
    searchable: ["title", "body"],
    boost: { title: 2, body: 1 },
    filterable: ["expertiseIds"],
    sortable: ["createdAt", "title"],
  },
  expertise: {
    searchable: ["labelNl", "labelEn", "synonyms"],
    boost: { labelNl: 3, labelEn: 3, synonyms: 2 },
    filterable: ["domain"],
    sortable: ["labelNl", "labelEn"],
  },
};

export const INDEX_NAMES = Object.keys(SCHEMAS) as IndexName[];

/** Rejects fields the index does not declare (Meilisearch would fail on them; keep both adapters alike). */
export function checkQuery(index: IndexName, query: SearchQuery): void {
  const s = SCHEMAS[index];
  const bad = (kind: string, fields: string[], allowed: string[]) => {
    const wrong = fields.filter((f) => !allowed.includes(f));
    if (wrong.length) throw new Error(`search ${index}: ${wrong.join(", ")} not ${kind} (allowed: ${allowed.join(", ")})`);
  };
  bad("filterable", Object.keys(query.filters ?? {}), s.filterable);
  bad("facetable", query.facets ?? [], s.filterable);
  bad(
    "sortable",
    (query.sort ?? []).map((x) => x.field),
    s.sortable,
  );
}
