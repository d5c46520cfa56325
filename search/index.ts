// Chooses the search engine: Meilisearch when configured (production), otherwise the embedded one.
import { EmbeddedSearch } from "./embedded";
import { MeilisearchAdapter } from "./meilisearch";
import type { SearchPort } from "./port";

export type { Doc, Filters, FilterValue, IndexName, SearchHit, SearchPort, SearchQuery, SearchResult, SortSpec } from "./port";

export function createSearch(opts: { meiliUrl?: string; meiliKey?: string; prefix?: string } = {}): SearchPort {
  return opts.meiliUrl ? new MeilisearchAdapter(opts.meiliUrl, opts.meiliKey, opts.prefix) : new EmbeddedSearch();
}
