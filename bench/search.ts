// bench/search: 10,000 member documents, typo, synonym and filtered queries with facets, on the embedded
// engine and (when MEILI_URL is set, or the shared test server is next to the project) on Meilisearch,
// side by side: the round trip through the adapter over the keep-alive transport and over the global fetch,
// and the server's own processing time (processingTimeMs) for the same queries.
import { EmbeddedSearch } from "../search/embedded";
import { MeilisearchAdapter } from "../search/meilisearch";
import type { Doc, SearchPort } from "../search/port";
import { synonymGroups } from "../api/src/reference/expertise";
import { meiliServer } from "./meili-server";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const words = ["Somalisch", "Oekraïens", "Trans", "LHBTI", "Turks", "Marokkaans", "Islam", "Joods", "Hindoestaans", "Eritrees", "Pools", "Roma"];
const units = ["rotterdam", "amsterdam", "den-haag", "oost-nederland", "limburg"];
const docs: Doc[] = [];
for (let i = 0; i < 10_000; i++) {
  const picks = [words[i % words.length]!, words[(i * 7) % words.length]!, words[(i * 13 + 5) % words.length]!];
  docs.push({
    id: `m${i}`,
    unitId: units[i % units.length]!,
    networks: i % 4 ? ["ndv"] : ["ndv", "roze-in-blauw"],
    expertiseIds: picks,
    expertiseText: picks.join(" "),
    languages: ["nl"],
    active: i % 10 !== 0,
    consented: true,
  });
}
const queries = ["somalie", "oekraiens", "transgender", "marokaans", "lgbtq+", ""];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (n: number) => n.toFixed(2).padStart(7);

async function index(s: SearchPort, label: string) {
  await s.init();
  await s.setSynonyms(synonymGroups());
  await s.clear("members");
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += 2500) await s.upsert("members", docs.slice(i, i + 2500));
  console.log(`index 10,000 member docs (${label}): ${(performance.now() - t0).toFixed(0)} ms`);
}

interface Figures {
  wall: number[];
  server: number[];
  /** Round trip minus the server's processing time, per query: what the transport and client add. */
  overhead: number[];
}

async function measure(s: SearchPort, limit: number): Promise<Figures> {
  const run = (q: string) =>
    s.search("members", { q, filters: { active: true, consented: true, unitId: ["rotterdam", "amsterdam"] }, facets: ["unitId", "networks"], limit });
  for (const q of queries) await run(q); // warm up
  const wall: number[] = [];
  const server: number[] = [];
  const overhead: number[] = [];
  for (let round = 0; round < RUNS; round++)
    for (const q of queries) {
      const t = performance.now();
      await run(q);
      const ms = performance.now() - t;
      wall.push(ms);
      const p = (s as Partial<MeilisearchAdapter>).lastProcessingTimeMs;
      if (p !== undefined) {
        server.push(p);
        overhead.push(ms - p);
      }
    }
  return { wall, server, overhead };
}

const embedded = new EmbeddedSearch();
await index(embedded, "embedded");
const meili = await meiliServer();
const engines: [string, SearchPort][] = [["embedded", embedded]];
let owner: MeilisearchAdapter | undefined;
if (meili) {
  const prefix = `bench_${process.pid}_`;
  owner = new MeilisearchAdapter(meili.url, meili.key, prefix);
  await index(owner, `Meilisearch, ${meili.source}`);
  engines.push(
    ["meilisearch, keep-alive agent", owner],
    ["meilisearch, global fetch", new MeilisearchAdapter(meili.url, meili.key, prefix, { transport: "fetch" })],
  );
}
try {
  console.log(`\nquery (typo/synonym/filter/facets), ${RUNS * queries.length} runs each; server = Meilisearch's own processingTimeMs`);
  console.log(`${"engine".padEnd(32)} limit  p50 ms  p95 ms  p99 ms  server p50  p50 − server  added p50 (per query)`);
  for (const limit of [20, 50])
    for (const [label, s] of engines) {
      const f = await measure(s, limit);
      const server = f.server.length ? pct(f.server, 50) : undefined;
      console.log(
        `${label.padEnd(32)} ${String(limit).padStart(5)} ${fmt(pct(f.wall, 50))} ${fmt(pct(f.wall, 95))} ${fmt(pct(f.wall, 99))}` +
          (server === undefined ? "" : `  ${fmt(server)}     ${fmt(pct(f.wall, 50) - server)}       ${fmt(pct(f.overhead, 50))}`),
      );
    }
} finally {
  if (owner) {
    await owner.drop();
    for (const [, s] of engines) await s.close();
  }
  await meili?.stop();
}
