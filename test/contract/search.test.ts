// One contract for every search adapter: the embedded engine always, Meilisearch when MEILI_URL is set.
// Adapters may rank differently; the contract pins what callers rely on (which documents, counts, order when sorted).
import { expect } from "chai";
import type { Doc, SearchPort } from "../../search/port";
import { EmbeddedSearch } from "../../search/embedded";
import { MeilisearchAdapter } from "../../search/meilisearch";

const SYNONYMS = {
  lhbti: ["lgbtiq", "lgbtq+", "roze"],
  somalie: ["somalisch"],
  trans: ["transgender"],
  kyiv: ["ukrainian culture"], // multi-word: must match as a whole, not word by word
};

// Each member carries one kind of label only, so a hit proves which route (typo, fold, synonym) found it.
const MEMBERS: Doc[] = [
  { id: "m1", unitId: "rotterdam", networks: ["ndv"], expertiseIds: ["culture.somali"], expertiseText: "Somalisch", languages: ["so", "nl"], active: true, consented: true },
  { id: "m2", unitId: "amsterdam", networks: ["ndv"], expertiseIds: ["country.somalia"], expertiseText: "Somalië", languages: ["nl"], active: true, consented: true },
  { id: "m3", unitId: "amsterdam", networks: ["ndv", "roze-in-blauw"], expertiseIds: ["lgbtiq.trans"], expertiseText: "Trans", languages: ["nl", "en"], active: true, consented: true },
  { id: "m4", unitId: "den-haag", networks: ["roze-in-blauw"], expertiseIds: ["lgbtiq.general"], expertiseText: "LHBTI", languages: ["nl"], active: true, consented: false },
  { id: "m5", unitId: "oost-nederland", networks: ["ndv"], expertiseIds: ["language.uk"], expertiseText: "Oekraïens Ukrainian", languages: ["uk", "ru"], active: true, consented: true },
  { id: "m6", unitId: "rotterdam", networks: ["ndv"], expertiseIds: ["language.uk", "culture.somali"], expertiseText: "Oekraïens Somalisch", languages: ["uk"], active: false, consented: true },
];

const KNOWLEDGE: Doc[] = [
  { id: "k1", title: "Rouwrituelen in Somalische families", body: "Begrafenis binnen 24 uur", expertiseIds: ["culture.somali"], createdAt: "2026-01-10T09:00:00.000Z" },
  { id: "k2", title: "Aangifte na anti-trans geweld", body: "Steun bij aangifte, Roze in Blauw", expertiseIds: ["lgbtiq.trans"], createdAt: "2026-03-02T09:00:00.000Z" },
  { id: "k3", title: "Opvang Oekraïense vluchtelingen", body: "Tolken en context", expertiseIds: ["culture.ukrainian"], createdAt: "2025-11-20T09:00:00.000Z" },
  { id: "k4", title: "Somalische rouw: uitleg sectie", body: "Hoe leg je een sectie uit", expertiseIds: ["culture.somali"], createdAt: "2026-02-15T09:00:00.000Z" },
];

const REQUESTS: Doc[] = [
  { id: "r1", title: "Overlijden kind Somalische familie", description: "Uitleg sectie", expertiseIds: ["culture.somali"], unitId: "rotterdam", status: "open", urgency: "acute" },
  { id: "r2", title: "Aangifte transgender slachtoffer", description: "RiB collega gevraagd", expertiseIds: ["lgbtiq.trans"], unitId: "amsterdam", status: "offered", urgency: "today" },
  { id: "r3", title: "Verkiezingen Turkije", description: "Spanningen verwacht", expertiseIds: ["culture.turkish"], unitId: "den-haag", status: "completed", urgency: "planned" },
];

// Dotted ids on purpose: Meilisearch does not accept them as primary keys, the adapter must cope.
const EXPERTISE: Doc[] = [
  { id: "culture.somali", domain: "culture", labelNl: "Somalische cultuur", labelEn: "Somali culture", synonyms: ["Somalisch", "Somalië"] },
  { id: "language.uk", domain: "language", labelNl: "Oekraïens", labelEn: "Ukrainian", synonyms: ["Oekraïens sprekend"] },
  { id: "lgbtiq.trans", domain: "lgbtiq", labelNl: "Trans", labelEn: "Trans people", synonyms: [] },
];

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();

function contract(name: string, make: () => Promise<SearchPort>, cleanup: (s: SearchPort) => Promise<void> = async () => {}) {
  describe(`search port contract: ${name}`, function () {
    this.timeout(60_000);
    let s: SearchPort;

    before(async () => {
      s = await make();
      await s.init();
      await s.setSynonyms(SYNONYMS);
    });
    beforeEach(async () => {
      for (const [index, docs] of [["members", MEMBERS], ["knowledge", KNOWLEDGE], ["requests", REQUESTS], ["expertise", EXPERTISE]] as const) {
        await s.clear(index);
        await s.upsert(index, docs);
      }
    });
    after(async () => {
      if (s) {
        await cleanup(s);
        await s.close();
      }
    });

    it("is healthy", async () => {
      expect(await s.health()).to.equal(true);
    });

    it("finds, replaces and removes documents", async () => {
      let r = await s.search("members", { q: "Somalisch" });
      expect(ids(r)).to.include.members(["m1", "m6"]);
      expect(r.hits.find((h) => h.id === "m1")!.doc).to.deep.equal(MEMBERS[0]);
      expect(r.hits.every((h) => h.score > 0 && h.score <= 1)).to.equal(true);

      await s.upsert("members", [{ ...MEMBERS[0]!, expertiseText: "Eritrees" }]);
      r = await s.search("members", { q: "Somalisch" });
      expect(ids(r)).not.to.include("m1");
      expect(ids(await s.search("members", { q: "Eritrees" }))).to.deep.equal(["m1"]);

      await s.remove("members", ["m1", "does-not-exist"]);
      expect(ids(await s.search("members", { q: "Eritrees" }))).to.deep.equal([]);
      expect((await s.search("members", {})).total).to.equal(MEMBERS.length - 1);

      await s.clear("members");
      expect((await s.search("members", {})).total).to.equal(0);
    });

    it("returns the stored document as given, with its original id", async () => {
      const r = await s.search("expertise", { q: "Ukrainian" });
      expect(r.hits[0]!.id).to.equal("language.uk");
      expect(r.hits[0]!.doc).to.deep.equal(EXPERTISE[1]);
      await s.remove("expertise", ["language.uk"]);
      expect((await s.search("expertise", { q: "Ukrainian" })).total).to.equal(0);
    });

    it("tolerates typos", async () => {
      expect(ids(await s.search("members", { q: "somalisj" }))).to.include("m1");
      expect(ids(await s.search("members", { q: "Oekrajens" }))).to.include.members(["m5", "m6"]);
      expect(ids(await s.search("knowledge", { q: "vluchtelinen" }))).to.deep.equal(["k3"]);
    });

    it("folds diacritics and case, both ways", async () => {
      expect(ids(await s.search("members", { q: "oekraiens" }))).to.deep.equal(["m5", "m6"]);
      expect(ids(await s.search("members", { q: "SOMALIE" }))).to.include("m2");
      await s.upsert("members", [{ ...MEMBERS[4]!, id: "m7", expertiseText: "oekraiens" }]);
      expect(ids(await s.search("members", { q: "Oekraïens" }))).to.include.members(["m5", "m6", "m7"]);
    });

    it("expands synonyms in every direction of a group", async () => {
      expect(ids(await s.search("members", { q: "lgbtiq" }))).to.include("m4");
      expect(ids(await s.search("members", { q: "roze" }))).to.include("m4");
      expect(ids(await s.search("members", { q: "transgender" }))).to.include("m3");
      // "Somalie" finds the member labelled only "Somalisch" and vice versa.
      expect(ids(await s.search("members", { q: "Somalie" }))).to.include.members(["m1", "m2"]);
      expect(ids(await s.search("members", { q: "somalisch" }))).to.include.members(["m1", "m2"]);
      expect(ids(await s.search("expertise", { q: "transgender" }))).to.deep.equal(["lgbtiq.trans"]);
      // "Somali culture" shares one word with the phrase, which is not enough.
      expect(ids(await s.search("expertise", { q: "kyiv" }))).not.to.include("culture.somali");
      await s.upsert("expertise", [{ id: "culture.ukrainian", domain: "culture", labelNl: "Oekraïense cultuur", labelEn: "Ukrainian culture", synonyms: [] }]);
      expect(ids(await s.search("expertise", { q: "kyiv" }))).to.deep.equal(["culture.ukrainian"]);
    });

    it("filters by equality, any-of, array membership and booleans, ANDed", async () => {
      expect(ids(await s.search("members", { filters: { unitId: "rotterdam" } }))).to.deep.equal(["m1", "m6"]);
      expect(ids(await s.search("members", { filters: { unitId: ["den-haag", "oost-nederland"] } }))).to.deep.equal(["m4", "m5"]);
      expect(ids(await s.search("members", { filters: { networks: "roze-in-blauw" } }))).to.deep.equal(["m3", "m4"]);
      expect(ids(await s.search("members", { filters: { languages: ["so", "ru"] } }))).to.deep.equal(["m1", "m5"]);
      expect(ids(await s.search("members", { filters: { active: false } }))).to.deep.equal(["m6"]);
      expect(ids(await s.search("members", { q: "somalisch", filters: { active: true, consented: true, unitId: "rotterdam" } }))).to.deep.equal(["m1"]);
      expect(ids(await s.search("requests", { filters: { status: ["open", "offered"], urgency: "acute" } }))).to.deep.equal(["r1"]);
      expect(ids(await s.search("expertise", { filters: { domain: "lgbtiq" } }))).to.deep.equal(["lgbtiq.trans"]);
    });

    it("treats an empty any-of as matching nothing", async () => {
      const r = await s.search("members", { filters: { unitId: [] }, facets: ["unitId"] });
      expect(r.total).to.equal(0);
      expect(r.facets).to.deep.equal({ unitId: {} });
    });

    it("rejects fields the schema does not declare", async () => {
      for (const q of [{ filters: { expertiseText: "x" } }, { facets: ["expertiseText"] }, { sort: [{ field: "languages", order: "asc" as const }] }]) {
        let err: unknown;
        await s.search("members", q).catch((e) => (err = e));
        expect(err, JSON.stringify(q)).to.be.instanceOf(Error);
      }
    });

    it("counts facets over all matching documents, not just the page", async () => {
      const r = await s.search("members", { filters: { active: true }, facets: ["unitId", "networks", "consented"], limit: 1 });
      expect(r.hits).to.have.length(1);
      expect(r.total).to.equal(5);
      expect(r.facets).to.deep.equal({
        unitId: { rotterdam: 1, amsterdam: 2, "den-haag": 1, "oost-nederland": 1 },
        networks: { ndv: 4, "roze-in-blauw": 2 },
        consented: { true: 4, false: 1 },
      });
      const q = await s.search("members", { q: "oekraiens", facets: ["active"] });
      expect(q.facets).to.deep.equal({ active: { true: 1, false: 1 } });
    });

    it("sorts, with or without a query", async () => {
      const all = await s.search("knowledge", { sort: [{ field: "createdAt", order: "desc" }] });
      expect(all.hits.map((h) => h.id)).to.deep.equal(["k2", "k4", "k1", "k3"]);
      const somali = await s.search("knowledge", { q: "somalische", sort: [{ field: "createdAt", order: "asc" }] });
      expect(somali.hits.map((h) => h.id)).to.deep.equal(["k1", "k4"]);
    });

    it("returns every matching document for an empty query", async () => {
      const r = await s.search("members", { q: "", filters: { networks: "ndv", active: true } });
      expect(ids(r)).to.deep.equal(["m1", "m2", "m3", "m5"]);
      expect(r.total).to.equal(4);
      expect(r.hits.every((h) => h.score === 1)).to.equal(true);
    });

    it("paginates with limit and offset", async () => {
      const sort = [{ field: "unitId", order: "asc" as const }];
      const pages = [];
      for (let offset = 0; offset < 6; offset += 4) pages.push(await s.search("members", { sort, limit: 4, offset }));
      expect(pages.map((p) => p.total)).to.deep.equal([6, 6]);
      expect(pages.map((p) => p.hits.length)).to.deep.equal([4, 2]);
      const seen = pages.flatMap((p) => p.hits.map((h) => h.id));
      expect(new Set(seen).size).to.equal(6);
      expect(pages.flatMap((p) => p.hits.map((h) => h.doc.unitId))).to.deep.equal(["amsterdam", "amsterdam", "den-haag", "oost-nederland", "rotterdam", "rotterdam"]);
      expect((await s.search("members", { limit: 4, offset: 8 })).hits).to.deep.equal([]);
    });
  });
}

contract("embedded", async () => new EmbeddedSearch());

const meiliUrl = process.env.MEILI_URL;
if (meiliUrl) {
  const prefix = `contract_${process.pid}_${Date.now()}_`;
  contract(
    `meilisearch (${meiliUrl})`,
    async () => new MeilisearchAdapter(meiliUrl, process.env.MEILI_MASTER_KEY, prefix),
    (s) => (s as MeilisearchAdapter).drop(),
  );
} else {
  console.log("Meilisearch contract run skipped: MEILI_URL not set");
  describe("search port contract: meilisearch", () => {
    it("Meilisearch contract run skipped: MEILI_URL not set");
  });
}
