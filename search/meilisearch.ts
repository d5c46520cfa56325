// Meilisearch adapter (official client). Settings come from the shared schemas; every write waits for
// its task and throws if it failed, so a write followed by a read sees the write, as with the embedded engine.
// Query semantics (the contract, test/contract/search.test.ts): every word must match ("all"), in any
// order, each typo tolerant; prefix on the last word; synonyms exact; at most the first 10 words count.
// Requests go over a keep-alive node:http agent (http-transport.ts), not the global fetch.
import { Meilisearch, type EnqueuedTaskPromise, type SearchParams, type SearchResponse, type Task } from "meilisearch";
import type { Doc, FilterValue, Filters, IndexName, SearchPort, SearchQuery, SearchResult } from "./port";
import { SCHEMAS, INDEX_NAMES, checkQuery } from "./schemas";
import { synonymMap } from "./text";
import { keepAliveTransport, type KeepAliveTransport } from "./http-transport";

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

/**
 * Waits for a write's task and throws if it failed (unless its error code is in `ignore`). Polls itself rather
 * than through the client's waitTask, which adds an abort listener to one shared signal on every poll.
 */
async function done(client: Meilisearch, p: EnqueuedTaskPromise, ignore: string[] = []): Promise<Task> {
  return finished(client, (await p).taskUid, ignore);
}

/**
 * Enqueues writes in order, then waits for all of them: the server batches consecutive tasks, so start-up
 * (index settings) costs a few commits instead of one per task.
 */
async function doneAll(client: Meilisearch, writes: (() => EnqueuedTaskPromise)[], ignore: string[] = []): Promise<void> {
  const uids: number[] = [];
  for (const w of writes) uids.push((await w()).taskUid);
  for (const uid of uids) await finished(client, uid, ignore);
}

async function finished(client: Meilisearch, taskUid: number, ignore: string[]): Promise<Task> {
  // Generous: a 1,000-document batch on a busy server can take longer than a few seconds.
  const until = Date.now() + 120_000;
  let task: Task;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    task = await client.tasks.getTask(taskUid);
    if (task.status !== "enqueued" && task.status !== "processing") break;
    if (Date.now() > until) throw new Error(`Meilisearch task ${taskUid} (${task.type} on ${task.indexUid}) still ${task.status} after 120 s`);
    await new Promise((r) => setTimeout(r, wait));
  }
  if (task.status === "failed" && !ignore.includes(task.error?.code ?? "")) {
    throw new Error(`Meilisearch ${task.type} on ${task.indexUid} failed: ${task.error?.message ?? "unknown error"}`);
  }
  return task;
}

export class MeilisearchAdapter implements SearchPort {
  readonly kind = "meilisearch" as const;
  private client: Meilisearch;
  private transport?: KeepAliveTransport;
  /** The server's own processing time of the last search() (the benchmark compares it with the round trip). */
  lastProcessingTimeMs?: number;
  private synonyms: Record<string, string[]> = {};
  // setSynonyms may be called without await; later calls wait for it and surface its error.
  private pending?: Promise<void>;

  constructor(
    host: string,
    apiKey?: string,
    private prefix = "ndv_",
    opts: { transport?: "keep-alive" | "fetch" } = {},
  ) {
    // "fetch" only for the benchmark's comparison: the global fetch adds ~40 ms to responses over a few KB.
    if (opts.transport !== "fetch") this.transport = keepAliveTransport({ timeoutMs: 10_000 });
    this.client = new Meilisearch({ host, apiKey, ...(this.transport ? { httpClient: this.transport.httpClient } : { timeout: 10_000 }) });
  }

  /** The index names this adapter owns (prefix + name). */
  get indexUids(): string[] {
    return INDEX_NAMES.map((n) => this.prefix + n);
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
    const writes: (() => EnqueuedTaskPromise)[] = [
      // Retired: a "requests" index was created by earlier versions and never filled.
      () => this.client.deleteIndex(this.prefix + "requests"),
    ];
    for (const name of INDEX_NAMES) {
      const schema = SCHEMAS[name];
      writes.push(
        () => this.client.createIndex(this.prefix + name, { primaryKey: PK }),
        () =>
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
    await doneAll(this.client, writes, ["index_not_found", "index_already_exists"]);
  }

  setSynonyms(groups: Record<string, string[]>): Promise<void> {
    this.synonyms = synonymMap(groups); // Meilisearch synonyms are one-way; send both directions
    const previous = this.pending;
    const p = (async () => {
      await previous;
      await doneAll(
        this.client,
        INDEX_NAMES.map((name) => () => this.index(name).updateSynonyms(this.synonyms)),
      );
    })();
    this.pending = p;
    p.catch(() => {}); // not unhandled: the error is rethrown by the next call
    return p;
  }

  async upsert(name: IndexName, docs: Doc[]) {
    await this.settled();
    if (docs.length) await done(this.client, this.index(name).addDocuments(docs.map((d) => ({ ...d, [PK]: pk(d.id) }))));
  }

  async remove(name: IndexName, ids: string[]) {
    await this.settled();
    if (ids.length) await done(this.client, this.index(name).deleteDocuments(ids.map(pk)));
  }

  async clear(name: IndexName) {
    await this.settled();
    await done(this.client, this.index(name).deleteAllDocuments(), ["index_not_found"]);
  }

  /** Port query → Meilisearch search parameters; undefined when the query can match nothing. */
  private params(name: IndexName, query: SearchQuery): SearchParams | undefined {
    checkQuery(name, query);
    // Meilisearch rejects `IN []`; the port defines an empty any-of as matching nothing.
    if (Object.values(query.filters ?? {}).some((v) => Array.isArray(v) && v.length === 0)) return undefined;
    const filter = toMeiliFilter(query.filters);
    return {
      q: query.q ?? "",
      matchingStrategy: "all",
      filter: filter.length ? filter : undefined,
      facets: query.facets,
      sort: query.sort?.map((s) => `${s.field}:${s.order}`),
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
      showRankingScore: true,
    };
  }

  private static result<D>(query: SearchQuery, res: SearchResponse<Record<string, unknown>> | undefined): SearchResult<D> {
    if (!res) return { hits: [], total: 0, ...(query.facets?.length ? { facets: Object.fromEntries(query.facets.map((f) => [f, {}])) } : {}) };
    return {
      hits: res.hits.map((h) => {
        const { [PK]: _pk, _rankingScore, ...doc } = h as Doc & { _rankingScore?: number };
        return { id: String(doc.id), score: _rankingScore ?? 1, doc: doc as unknown as D };
      }),
      total: res.estimatedTotalHits ?? res.hits.length,
      ...(query.facets?.length ? { facets: Object.fromEntries(query.facets.map((f) => [f, res.facetDistribution?.[f] ?? {}])) } : {}),
    };
  }

  async search<D = Doc>(name: IndexName, query: SearchQuery): Promise<SearchResult<D>> {
    const params = this.params(name, query);
    await this.settled();
    const res = params ? await this.index(name).search(params.q, params) : undefined;
    this.lastProcessingTimeMs = res?.processingTimeMs;
    return MeilisearchAdapter.result<D>(query, res as SearchResponse<Record<string, unknown>> | undefined);
  }

  /** One round trip for several queries on one index (Meilisearch's multi-search). */
  async searchMany<D = Doc>(name: IndexName, queries: SearchQuery[]): Promise<SearchResult<D>[]> {
    const params = queries.map((q) => this.params(name, q));
    await this.settled();
    const sent = params.flatMap((p) => (p ? [{ indexUid: this.prefix + name, ...p }] : []));
    const res = sent.length ? (await this.client.multiSearch({ queries: sent })).results : [];
    let k = 0;
    return queries.map((q, i) => MeilisearchAdapter.result<D>(q, params[i] ? (res[k++] as unknown as SearchResponse<Record<string, unknown>>) : undefined));
  }

  async health() {
    try {
      return (await this.client.health()).status === "available";
    } catch {
      return false;
    }
  }

  /** Deletes this adapter's indexes and waits until they are gone (tests use a throw-away prefix). */
  async drop() {
    await this.settled().catch(() => {});
    await doneAll(
      this.client,
      this.indexUids.map((uid) => () => this.client.deleteIndex(uid)),
      ["index_not_found"],
    );
  }

  /** Releases the keep-alive sockets. The indexes stay (they are the production data); see drop(). */
  async close() {
    await this.settled().catch(() => {});
    this.transport?.close();
  }
}
