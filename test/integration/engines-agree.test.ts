// Both search engines over the same seeded data give the same candidates: for each request the top 10 of
// rankCandidates with the embedded engine and with Meilisearch overlap at least 80 % (printed per request).
// Runs when MEILI_URL is set (CI starts a Meilisearch server for its second run); skipped with a message otherwise.
import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import type { Deps } from "../../api/src/deps";
import { EmbeddedSearch } from "../../search/embedded";
import { MeilisearchAdapter } from "../../search/meilisearch";
import { reindexAll } from "../../api/src/indexing/reindex";
import { rankCandidates, matchText, type RequestForMatching } from "../../api/src/matching/candidates";
import { searchExpertise } from "../../api/src/matching/member-search";
import { exampleRequests } from "../../seed/generate";
import { sharedStack } from "../helpers/stack";

const NOW = new Date("2026-10-21T10:00:00Z"); // a Wednesday morning: availability is the same for both runs

type R = Omit<RequestForMatching, "id" | "estimatedHours" | "mode"> & Partial<RequestForMatching>;
const OWN: R[] = [
  { title: "ondersteuning transgender", expertise: ["lgbtiq.trans"], urgency: "today", unitId: "amsterdam" },
  { title: "transgender ondersteuning", expertise: ["lgbtiq.trans"], urgency: "today", unitId: "amsterdam" },
  { title: "Moslim gemeenschap na brand bij moskee", expertise: ["religion.islam", "topic.community-engagement"], urgency: "today", unitId: "rotterdam" },
  { title: "Eergerelateerd geweld in Afghaans gezin", expertise: ["topic.honour-related-violence"], languages: ["fa"], urgency: "acute", unitId: "den-haag" },
  { title: "Spanningen bij azc tussen Syrische en Eritrese bewoners", expertise: ["topic.polarisation"], urgency: "today", unitId: "oost-nederland" },
  { title: "Huwelijksdwang: meisje uit Marokkaanse familie", expertise: ["topic.forced-marriage", "culture.moroccan"], urgency: "acute", unitId: "amsterdam" },
  { title: "Familieruzie op woonwagenkamp, Roma families", expertise: ["culture.roma-sinti"], urgency: "today", unitId: "limburg" },
  { title: "Drill-video's en conflict tussen jongerengroepen", expertise: ["subculture.hiphop-drill"], urgency: "planned", unitId: "rotterdam" },
  {
    title: "Kindermishandeling bij Poolse arbeidsmigranten",
    expertise: ["topic.domestic-violence"],
    languages: ["pl"],
    urgency: "today",
    unitId: "zeeland-west-brabant",
  },
  { title: "vluchtelingen Oekraine opvang Russisch sprekend", expertise: ["topic.refugees"], languages: ["ru"], urgency: "today", unitId: "noord-nederland" },
];

const requests = (): RequestForMatching[] => [
  ...exampleRequests().map((r, i) => ({
    id: `agree-ex-${i}`,
    title: r.title,
    expertise: r.expertise,
    languages: r.languages ?? [],
    urgency: r.urgency,
    unitId: r.unitId,
    estimatedHours: r.estimatedHours,
    mode: r.mode,
  })),
  ...OWN.map((r, i) => ({ estimatedHours: 2, mode: "onsite" as const, languages: [], ...r, id: `agree-own-${i}` })),
];

const meiliUrl = process.env.MEILI_URL;

describe("embedded and Meilisearch agree on candidates", function () {
  this.timeout(180_000);
  if (!meiliUrl) {
    console.log("Engine agreement skipped: MEILI_URL not set");
    it("Engine agreement skipped: MEILI_URL not set");
    return;
  }
  let s: Service;
  let embedded: EmbeddedSearch;
  let meili: MeilisearchAdapter;
  let onEmbedded: Deps;
  let onMeili: Deps;

  before(async () => {
    s = await sharedStack();
    embedded = new EmbeddedSearch();
    meili = new MeilisearchAdapter(meiliUrl, process.env.MEILI_MASTER_KEY, `test_${process.pid}_agree_`);
    for (const engine of [embedded, meili]) {
      await engine.init();
      await reindexAll(engine);
    }
    // Separate deps objects: each gets its own snapshot and caches, loaded from the same database.
    onEmbedded = { ...s.deps, search: embedded };
    onMeili = { ...s.deps, search: meili };
  });
  after(async () => {
    await meili?.drop();
    await meili?.close();
  });

  it("gives the same item relevance for every request text", async () => {
    for (const r of requests()) {
      const a = await searchExpertise(onEmbedded, matchText(r));
      const b = await searchExpertise(onMeili, matchText(r));
      expect(
        [...b].map(([id]) => id),
        r.title,
      ).to.have.members([...a].map(([id]) => id));
    }
  });

  it("overlaps at least 80 % in the top 10 candidates of each request", async () => {
    const rows: string[] = [];
    let worst = 1;
    for (const r of requests()) {
      const a = (await rankCandidates(onEmbedded, r, NOW)).ranked.slice(0, 10).map((c) => c.memberId);
      const b = (await rankCandidates(onMeili, r, NOW)).ranked.slice(0, 10).map((c) => c.memberId);
      expect(a.length, r.title).to.be.greaterThan(0);
      const overlap = a.filter((id) => b.includes(id)).length / Math.max(a.length, b.length);
      worst = Math.min(worst, overlap);
      rows.push(`  ${(overlap * 100).toFixed(0).padStart(3)} %  top ${a.length}/${b.length}  ${r.title}`);
    }
    console.log(`      top-10 overlap, embedded vs Meilisearch (worst ${(worst * 100).toFixed(0)} %):\n${rows.join("\n")}`);
    expect(worst).to.be.at.least(0.8);
  });
});
