// One contract for every search adapter: the embedded engine always, Meilisearch when MEILI_URL is set.
// Adapters may rank differently; the contract pins what callers rely on: which documents match (every word,
// any order, typos, prefix on the last word, exact synonyms, the first 10 words), counts, facets, the order
// when sorted, and that equally good matches score equally (ties carry no order callers may rely on).
import { expect } from "chai";
import type { Doc, IndexName, SearchPort } from "../../search/port";
import { EmbeddedSearch } from "../../search/embedded";
import { MeilisearchAdapter } from "../../search/meilisearch";

const SYNONYMS = {
  lhbti: ["lgbtiq", "lgbtq+", "roze"],
  somalie: ["somalisch"],
  trans: ["transgender"],
  kyiv: ["ukrainian culture"], // multi-word: must match as a whole, not word by word
  islam: ["moslim", "moskee"],
};

// Each member carries one kind of label only, so a hit proves which route (typo, fold, synonym) found it.
const MEMBERS: Doc[] = [
  {
    id: "m1",
    unitId: "rotterdam",
    networks: ["ndv"],
    expertiseIds: ["culture.somali"],
    expertiseText: "Somalisch",
    languages: ["so", "nl"],
    active: true,
    consented: true,
  },
  {
    id: "m2",
    unitId: "amsterdam",
    networks: ["ndv"],
    expertiseIds: ["country.somalia"],
    expertiseText: "Somalië",
    languages: ["nl"],
    active: true,
    consented: true,
  },
  {
    id: "m3",
    unitId: "amsterdam",
    networks: ["ndv", "roze-in-blauw"],
    expertiseIds: ["lgbtiq.trans"],
    expertiseText: "Trans",
    languages: ["nl", "en"],
    active: true,
    consented: true,
  },
  {
    id: "m4",
    unitId: "den-haag",
    networks: ["roze-in-blauw"],
    expertiseIds: ["lgbtiq.general"],
    expertiseText: "LHBTI",
    languages: ["nl"],
    active: true,
    consented: false,
  },
  {
    id: "m5",
    unitId: "oost-nederland",
    networks: ["ndv"],
    expertiseIds: ["language.uk"],
    expertiseText: "Oekraïens Ukrainian",
    languages: ["uk", "ru"],
    active: true,
    consented: true,
  },
  {
    id: "m6",
    unitId: "rotterdam",
    networks: ["ndv"],
    expertiseIds: ["language.uk", "culture.somali"],
    expertiseText: "Oekraïens Somalisch",
    languages: ["uk"],
    active: false,
    consented: true,
  },
];

const KNOWLEDGE: Doc[] = [
  {
    id: "k1",
    title: "Rouwrituelen in Somalische families",
    body: "Begrafenis binnen 24 uur",
    expertiseIds: ["culture.somali"],
    createdAt: "2026-01-10T09:00:00.000Z",
  },
  {
    id: "k2",
    title: "Aangifte na anti-trans geweld",
    body: "Steun bij aangifte, Roze in Blauw",
    expertiseIds: ["lgbtiq.trans"],
    createdAt: "2026-03-02T09:00:00.000Z",
  },
  { id: "k3", title: "Opvang Oekraïense vluchtelingen", body: "Tolken en context", expertiseIds: ["culture.ukrainian"], createdAt: "2025-11-20T09:00:00.000Z" },
  {
    id: "k4",
    title: "Somalische rouw: uitleg sectie",
    body: "Hoe leg je een sectie uit",
    expertiseIds: ["culture.somali"],
    createdAt: "2026-02-15T09:00:00.000Z",
  },
];
// Added by the tests that need them (the shared fixture stays small and its expectations stable).
const MORE_KNOWLEDGE: Doc[] = [
  {
    id: "k5",
    title: "Ondersteuning transgender slachtoffers",
    body: "Een collega van Roze in Blauw helpt",
    expertiseIds: ["lgbtiq.trans"],
    createdAt: "2026-04-01T09:00:00.000Z",
  },
  // Eleven different words: "uitleg sectie aan familie bij overlijden van kind in somalisch" + "gezin".
  {
    id: "k6",
    title: "Uitleg sectie aan familie bij overlijden van kind in Somalisch gezin",
    body: "",
    expertiseIds: ["culture.somali"],
    createdAt: "2026-04-02T09:00:00.000Z",
  },
];

// Dotted ids on purpose: Meilisearch does not accept them as primary keys, the adapter must cope.
const EXPERTISE: Doc[] = [
  { id: "culture.somali", domain: "culture", labelNl: "Somalische cultuur", labelEn: "Somali culture", synonyms: ["Somalisch", "Somalië"] },
  { id: "language.uk", domain: "language", labelNl: "Oekraïens", labelEn: "Ukrainian", synonyms: ["Oekraïens sprekend"] },
  { id: "lgbtiq.trans", domain: "lgbtiq", labelNl: "Trans", labelEn: "Trans people", synonyms: [] },
];

const MORE_EXPERTISE: Doc[] = [
  { id: "religion.islam", domain: "religion", labelNl: "Islam", labelEn: "Islam", synonyms: [] },
  { id: "topic.community", domain: "topic", labelNl: "Contact met gemeenschappen", labelEn: "Community engagement", synonyms: ["moskeebestuur"] },
];

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id).sort();

function contract(name: string, make: () => Promise<SearchPort>, cleanup: (s: SearchPort) => Promise<void> = async () => {}) {
  describe(`search port contract: ${name}`, function () {
    this.timeout(60_000);
    let s: SearchPort;
    // Indexes a test changed; only those are reloaded before the next test (Meilisearch writes take a while).
    const dirty = new Set<IndexName>(["members", "knowledge", "expertise"]);
    const FIXTURE: Record<string, Doc[]> = { members: MEMBERS, knowledge: KNOWLEDGE, expertise: EXPERTISE };
    const write = async (index: IndexName, docs: Doc[]) => {
      dirty.add(index);
      await s.upsert(index, docs);
    };

    before(async () => {
      s = await make();
      await s.init();
      await s.setSynonyms(SYNONYMS);
    });
    beforeEach(async () => {
      for (const index of [...dirty]) {
        await s.clear(index);
        await s.upsert(index, FIXTURE[index]!);
        dirty.delete(index);
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

      await write("members", [{ ...MEMBERS[0]!, expertiseText: "Eritrees" }]);
      r = await s.search("members", { q: "Somalisch" });
      expect(ids(r)).not.to.include("m1");
      expect(ids(await s.search("members", { q: "Eritrees" }))).to.deep.equal(["m1"]);

      dirty.add("members");
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
      dirty.add("expertise");
      await s.remove("expertise", ["language.uk"]);
      expect((await s.search("expertise", { q: "Ukrainian" })).total).to.equal(0);
    });

    it("tolerates typos", async () => {
      expect(ids(await s.search("members", { q: "somalisj" }))).to.include("m1");
      expect(ids(await s.search("members", { q: "Oekrajens" }))).to.include.members(["m5", "m6"]);
      expect(ids(await s.search("knowledge", { q: "vluchtelinen" }))).to.deep.equal(["k3"]);
      // Budget: none under 4 letters, 1 from 4, 2 from 8; a swap of neighbours is one typo.
      expect(ids(await s.search("members", { q: "Trnas" }))).to.deep.equal(["m3"]);
      expect(ids(await s.search("members", { q: "tras" }))).to.deep.equal(["m3"]);
      expect(ids(await s.search("members", { q: "tas" }))).to.deep.equal([]);
      // A typo on the first letter counts as two.
      expect(ids(await s.search("members", { q: "Drans" }))).to.deep.equal([]);
      expect(ids(await s.search("members", { q: "omalisch" }))).to.include.members(["m1", "m6"]);
    });

    it("folds diacritics and case, both ways", async () => {
      expect(ids(await s.search("members", { q: "oekraiens" }))).to.deep.equal(["m5", "m6"]);
      expect(ids(await s.search("members", { q: "SOMALIE" }))).to.include("m2");
      await write("members", [{ ...MEMBERS[4]!, id: "m7", expertiseText: "oekraiens" }]);
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
      await write("expertise", [{ id: "culture.ukrainian", domain: "culture", labelNl: "Oekraïense cultuur", labelEn: "Ukrainian culture", synonyms: [] }]);
      expect(ids(await s.search("expertise", { q: "kyiv" }))).to.deep.equal(["culture.ukrainian"]);
    });

    it("matches every word of a query, in any order", async () => {
      await write("knowledge", MORE_KNOWLEDGE);
      for (const q of ["ondersteuning transgender", "transgender ondersteuning", "Transgender Ondersteuning"])
        expect(ids(await s.search("knowledge", { q })), q).to.deep.equal(["k5"]);
      // Each word keeps its typo tolerance and synonyms.
      expect(ids(await s.search("knowledge", { q: "trans ondersteuning" }))).to.deep.equal(["k5"]);
      expect(ids(await s.search("knowledge", { q: "ondersteunig transgender" }))).to.deep.equal(["k5"]);
      expect(ids(await s.search("knowledge", { q: "aangifte trans" }))).to.deep.equal(["k2"]);
      expect(ids(await s.search("knowledge", { q: "trans aangifte" }))).to.deep.equal(["k2"]);
      // A word that matches nothing empties the result, wherever it stands.
      expect(ids(await s.search("knowledge", { q: "xyzzy transgender" }))).to.deep.equal([]);
      expect(ids(await s.search("knowledge", { q: "transgender xyzzy" }))).to.deep.equal([]);
    });

    it("counts only the first 10 words of a long query", async () => {
      await write("knowledge", MORE_KNOWLEDGE);
      const ten = "uitleg sectie aan familie bij overlijden van kind in somalisch";
      expect(ids(await s.search("knowledge", { q: ten }))).to.deep.equal(["k6"]);
      expect(ids(await s.search("knowledge", { q: `${ten} gezin` }))).to.deep.equal(["k6"]);
      expect(ids(await s.search("knowledge", { q: `${ten} xyzzy` }))).to.deep.equal(["k6"]); // the 11th word does not count
      expect(ids(await s.search("knowledge", { q: `xyzzy ${ten}` }))).to.deep.equal([]); // the first does
    });

    it("matches the last word as a prefix, and only the last", async () => {
      expect(ids(await s.search("members", { q: "oekr" }))).to.deep.equal(["m5", "m6"]);
      expect(ids(await s.search("members", { q: "somal" }))).to.deep.equal(["m1", "m2", "m6"]);
      expect(ids(await s.search("knowledge", { q: "rouw somal" }))).to.deep.equal(["k4"]);
      expect(ids(await s.search("knowledge", { q: "somal rouw" }))).to.deep.equal([]);
      // The prefix may carry typos too ("oekrqi" → "oekrai…"), again only on the last word.
      expect(ids(await s.search("members", { q: "oekrqi" }))).to.deep.equal(["m5", "m6"]);
      expect(ids(await s.search("members", { q: "oekrqi somalisch" }))).to.deep.equal([]);
      expect(ids(await s.search("members", { q: "somalisch oekrqi" }))).to.deep.equal(["m6"]);
    });

    it("expands synonyms exactly: no prefix and no typos on a synonym", async () => {
      await write("expertise", MORE_EXPERTISE);
      // "moslim" → "moskee" must not reach "moskeebestuur" (a prefix of the synonym, not of the word typed).
      expect(ids(await s.search("expertise", { q: "moslim" }))).to.deep.equal(["religion.islam"]);
      expect(ids(await s.search("expertise", { q: "moskee" }))).to.deep.equal(["religion.islam", "topic.community"]);
      expect(ids(await s.search("expertise", { q: "islam" }))).to.deep.equal(["religion.islam"]);
    });

    it("scores equally good matches equally, and exact matches above typos", async () => {
      await write("members", [
        { ...MEMBERS[0]!, id: "t1", expertiseText: "Eritrees" },
        { ...MEMBERS[1]!, id: "t2", expertiseText: "Eritrees" },
        { ...MEMBERS[2]!, id: "t3", expertiseText: "Eritrses" },
      ]);
      const r = await s.search("members", { q: "eritrees" });
      expect(
        r.hits
          .map((h) => h.id)
          .slice(0, 2)
          .sort(),
      ).to.deep.equal(["t1", "t2"]);
      expect(r.hits[0]!.score).to.equal(r.hits[1]!.score);
      expect(r.hits.map((h) => h.id)).to.deep.equal([...r.hits.slice(0, 2).map((h) => h.id), "t3"]);
      expect(r.hits[2]!.score).to.be.below(r.hits[1]!.score);
    });

    it("filters by equality, any-of, array membership and booleans, ANDed", async () => {
      expect(ids(await s.search("members", { filters: { unitId: "rotterdam" } }))).to.deep.equal(["m1", "m6"]);
      expect(ids(await s.search("members", { filters: { unitId: ["den-haag", "oost-nederland"] } }))).to.deep.equal(["m4", "m5"]);
      expect(ids(await s.search("members", { filters: { networks: "roze-in-blauw" } }))).to.deep.equal(["m3", "m4"]);
      expect(ids(await s.search("members", { filters: { languages: ["so", "ru"] } }))).to.deep.equal(["m1", "m5"]);
      expect(ids(await s.search("members", { filters: { active: false } }))).to.deep.equal(["m6"]);
      expect(ids(await s.search("members", { q: "somalisch", filters: { active: true, consented: true, unitId: "rotterdam" } }))).to.deep.equal(["m1"]);
      expect(ids(await s.search("knowledge", { q: "somalische", filters: { expertiseIds: ["culture.somali", "lgbtiq.trans"] } }))).to.deep.equal(["k1", "k4"]);
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
      expect(pages.flatMap((p) => p.hits.map((h) => h.doc.unitId))).to.deep.equal([
        "amsterdam",
        "amsterdam",
        "den-haag",
        "oost-nederland",
        "rotterdam",
        "rotterdam",
      ]);
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
