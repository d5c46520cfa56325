// Meilisearch adapter (official client). Settings come from the shared schemas; every write waits for
// its task and throws if it failed, so a write followed by a read sees the write, as with the embedded engine.
import { Meilisearch, type EnqueuedTaskPromise, type Task } from "meilisearch";
import type { Doc, FilterValue, Filters, IndexName, SearchPort, SearchQuery, SearchResult } from "./port";
import { SCHEMAS, INDEX_NAMES, checkQuery } from "./schemas";
import { synonymMap } from "./text";

// Meilisearch ids allow only [A-Za-z0-9_-]; ours contain dots ("culture.somali"), so the primary key
// is a reversible encoding and `id` stays an ordinary field.
const PK = "pk";
const pk = (id: string) => Buffer.from(id, "utf8").toString("base64url");

const quote = (v: FilterValue) => (typeof v === "string" ? JSON.stringify(v) : String(v));

/** Port filters → Meilisearch filter expressions (an array is ANDed). Fields are checked against the schema first. */
export function toMeiliFilter(filters: Filters = {}): string[] {
  return Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .map(([field, v]) => (Array.isArray(v) ? `${field} IN [${v.map(quote).join(", ")}]` : `${field} = ${quote(v)}`));
}

async function done(p: EnqueuedTaskPromise, ignore: string[] = []): Promise<Task> {
  // Generous: a 1,000-document batch on a busy server can take longer than the client's 5 s default.
  const task = await p.waitTask({ timeout: 120_000 });
  if (task.status === "failed" && !ignore.includes(task.error?.code ?? "")) {
    throw new Error(`Meilisearch ${task.type} on ${task.indexUid} failed: ${task.error?.message ?? "unknown error"}`);
  }
  return task;
}

export class MeilisearchAdapter implements SearchPort {
  readonly kind = "meilisearch" as const;
  private client: Meilisearch;
  private synonyms: Record<string, string[]> = {};
  // setSynonyms may be called without await; later calls wait for it and surface its error.
  private pending?: Promise<void>;

  constructor(
    host: string,
    apiKey?: string,
    private prefix = "ndv_",
  ) {
    this.client = new Meilisearch({ host, apiKey, timeout: 10_000 });
  }

  private index(name: IndexName) {
    return this.client.index<Doc>(this.prefix + name);
  }

  private async settled() {
    const p = this.pending;
    this.pending = undefined;
    await p;
  }

  async init() {
    await this.settled();
    for (const name of INDEX_NAMES) {
      const schema = SCHEMAS[name];
      await done(this.client.createIndex(this.prefix + name, { primaryKey: PK }), ["index_already_exists"]);
      await done(
        this.index(name).updateSettings({
          searchableAttributes: schema.searchable,
          filterableAttributes: schema.filterable,
          sortableAttributes: schema.sortable,
          // "sort" first: an explicit sort orders the results and relevance breaks ties, as in the embedded engine.
          rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
          synonyms: this.synonyms,
          typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
          faceting: { maxValuesPerFacet: 1000 }, // expertise ids run into the hundreds
          pagination: { maxTotalHits: 100_000 }, // exact totals and deep pages for the member index
        }),
      );
    }
  }

  setSynonyms(groups: Record<string, string[]>): Promise<void> {
    this.synonyms = synonymMap(groups); // Meilisearch synonyms are one-way; send both directions
    const previous = this.pending;
    const p = (async () => {
      await previous;
      for (const name of INDEX_NAMES) await done(this.index(name).updateSynonyms(this.synonyms));
    })();
    this.pending = p;
    p.catch(() => {}); // not unhandled: the error is rethrown by the next call
    return p;
  }

  async upsert(name: IndexName, docs: Doc[]) {
    await this.settled();
    if (docs.length) await done(this.index(name).addDocuments(docs.map((d) => ({ ...d, [PK]: pk(d.id) }))));
  }

  async remove(name: IndexName, ids: string[]) {
    await this.settled();
    if (ids.length) await done(this.index(name).deleteDocuments(ids.map(pk)));
  }

  async clear(name: IndexName) {
    await this.settled();
    await done(this.index(name).deleteAllDocuments(), ["index_not_found"]);
  }

  async search<D = Doc>(name: IndexName, query: SearchQuery): Promise<SearchResult<D>> {
    checkQuery(name, query);
    await this.settled();
    // Meilisearch rejects `IN []`; the port defines an empty any-of as matching nothing.
    if (Object.values(query.filters ?? {}).some((v) => Array.isArray(v) && v.length === 0)) {
      return { hits: [], total: 0, ...(query.facets?.length ? { facets: Object.fromEntries(query.facets.map((f) => [f, {}])) } : {}) };
    }
    const filter = toMeiliFilter(query.filters);
    const res = await this.index(name).search(query.q ?? "", {
      filter: filter.length ? filter : undefined,
      facets: query.facets,
      sort: query.sort?.map((s) => `${s.field}:${s.order}`),
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
      showRankingScore: true,
    });
    return {
      hits: res.hits.map((h) => {
        const { [PK]: _pk, _rankingScore, ...doc } = h as Doc & { _rankingScore?: number };
        return { id: String(doc.id), score: _rankingScore ?? 1, doc: doc as unknown as D };
      }),
      total: res.estimatedTotalHits ?? res.hits.length,
      ...(query.facets?.length
        ? { facets: Object.fromEntries(query.facets.map((f) => [f, res.facetDistribution?.[f] ?? {}])) }
        : {}),
    };
  }

  async health() {
    try {
      return (await this.client.health()).status === "available";
    } catch {
      return false;
    }
  }

  /** Deletes this adapter's indexes (tests use a throw-away prefix). */
  async drop() {
    for (const name of INDEX_NAMES) await this.client.deleteIndexIfExists(this.prefix + name);
  }

  async close() {}
}
