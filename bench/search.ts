// bench/search: embedded engine over 10,000 member documents: typo, synonym and filtered queries with facets.
import { EmbeddedSearch } from "../search/embedded";
import type { Doc } from "../search/port";
import { synonymGroups } from "../api/src/reference/expertise";

const s = new EmbeddedSearch();
s.setSynonyms(synonymGroups());
const words = ["Somalisch", "Oekraïens", "Trans", "LHBTI", "Turks", "Marokkaans", "Islam", "Joods", "Hindoestaans", "Eritrees", "Pools", "Roma"];
const units = ["rotterdam", "amsterdam", "den-haag", "oost-nederland", "limburg"];
const docs: Doc[] = [];
for (let i = 0; i < 10_000; i++) {
  const picks = [words[i % words.length]!, words[(i * 7) % words.length]!, words[(i * 13 + 5) % words.length]!];
  docs.push({ id: `m${i}`, unitId: units[i % units.length]!, networks: i % 4 ? ["ndv"] : ["ndv", "roze-in-blauw"], expertiseIds: picks, expertiseText: picks.join(" "), languages: ["nl"], active: i % 10 !== 0, consented: true });
}
const t0 = performance.now();
await s.upsert("members", docs);
console.log(`index 10,000 member docs: ${(performance.now() - t0).toFixed(0)} ms`);

const queries = ["somalie", "oekraiens", "transgender", "marokaans", "lgbtq+", ""];
const run = (q: string) => s.search("members", { q, filters: { active: true, consented: true, unitId: ["rotterdam", "amsterdam"] }, facets: ["unitId", "networks"], limit: 50 });
for (const q of queries) await run(q); // warm up
const wall: number[] = [];
for (let round = 0; round < 50; round++)
  for (const q of queries) {
    const t = performance.now();
    await run(q);
    wall.push(performance.now() - t);
  }
wall.sort((a, b) => a - b);
const pct = (p: number) => wall[Math.min(wall.length - 1, Math.floor((p / 100) * wall.length))]!.toFixed(2);
console.log(`query (typo/synonym/filter/facets), ${wall.length} runs: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
