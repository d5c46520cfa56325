import { expect } from "chai";
import {
  EXPERTISE,
  EXPERTISE_DOMAINS,
  NATIONAL_FALLBACK_RSC,
  NETWORKS,
  UNITS,
  expertiseById,
  synonymGroups,
  unitById,
  unitForAreaCode,
  unknownExpertiseIds,
} from "../../api/src/reference";

describe("reference data", () => {
  describe("expertise taxonomy", () => {
    it("has at least 60 unique ids covering all 7 domains", () => {
      const ids = EXPERTISE.map((e) => e.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids.length).to.be.at.least(60);
      expect(new Set(EXPERTISE.map((e) => e.domain))).to.have.all.keys(...EXPERTISE_DOMAINS);
      expect(EXPERTISE_DOMAINS).to.have.length(7);
    });

    it("gives every item Dutch and English labels and an id prefixed with its domain", () => {
      for (const e of EXPERTISE) {
        expect(e.label.nl, e.id).to.be.a("string").and.not.empty;
        expect(e.label.en, e.id).to.be.a("string").and.not.empty;
        expect(e.id.startsWith(`${e.domain}.`), e.id).to.equal(true);
        expect(e.synonyms, e.id).to.be.an("array").that.is.not.empty;
      }
    });

    it("contains the ids the example requests and the API docs use", () => {
      for (const id of [
        "culture.somali",
        "culture.turkish",
        "culture.ukrainian",
        "religion.islam",
        "language.so",
        "language.uk",
        "language.ru",
        "language.tr",
        "lgbtiq.trans",
        "topic.death-rituals",
        "topic.elections-diaspora",
        "topic.refugees",
        "topic.inclusive-leadership",
        "topic.hate-crime",
      ]) {
        expect(expertiseById(id), id).to.exist;
      }
    });

    it("gives language items their ISO 639-1 code where one exists", () => {
      expect(expertiseById("language.so")!.language).to.equal("so");
      expect(expertiseById("language.uk")!.language).to.equal("uk");
      expect(expertiseById("language.zgh")!.language).to.equal(undefined);
      for (const e of EXPERTISE.filter((x) => x.domain === "language" && x.language)) expect(e.id).to.equal(`language.${e.language}`);
    });

    it("carries spelling variants and abbreviations as synonyms", () => {
      const syn = (id: string) => expertiseById(id)!.synonyms.map((s) => s.toLowerCase());
      expect(syn("culture.somali")).to.include.members(["somalisch", "somalië", "somalie", "somaliër"]);
      expect(syn("culture.ukrainian")).to.include.members(["oekraïens", "oekraiens", "oekraïne"]);
      expect(syn("lgbtiq.trans")).to.include.members(["transgender", "transpersoon", "anti-trans", "lhbti", "lhbtiq+", "lgbtq+", "roze", "queer"]);
      for (const e of EXPERTISE.filter((x) => x.domain === "lgbtiq"))
        expect(
          e.synonyms.map((s) => s.toLowerCase()),
          e.id,
        ).to.include("lhbtiq+");
    });

    it("reports unknown ids once, in input order", () => {
      expect(unknownExpertiseIds(["culture.somali", "culture.atlantis", "x", "culture.atlantis"])).to.deep.equal(["culture.atlantis", "x"]);
      expect(unknownExpertiseIds([])).to.deep.equal([]);
    });

    it("builds lowercase synonym groups for search", () => {
      const g = synonymGroups();
      for (const [term, eq] of Object.entries(g)) {
        expect(term).to.equal(term.toLowerCase());
        expect(eq).to.not.include(term);
        for (const t of eq) expect(t).to.equal(t.toLowerCase());
      }
      expect(g["oekraiens"]).to.include("oekraïense cultuur");
      expect(g["transgender"]).to.include.members(["transpersoon", "anti-trans"]);
      // A broad term reaches every LGBTIQ+ item, a specific one does not pull in its siblings.
      expect(g["lhbti"]).to.include.members(["transgender personen", "intersekse personen"]);
      expect(g["transgender"]).to.not.include("lhbti");
    });
  });

  describe("networks", () => {
    it("has ndv and roze-in-blauw with unique ids", () => {
      const ids = NETWORKS.map((n) => n.id);
      expect(ids).to.include.members(["ndv", "roze-in-blauw"]);
      expect(new Set(ids).size).to.equal(ids.length);
    });
  });

  describe("units", () => {
    const regional = UNITS.filter((u) => u.kind === "regional");

    it("has the 10 regional units and the 3 national parts", () => {
      expect(regional.map((u) => u.id)).to.have.members([
        "noord-nederland",
        "oost-nederland",
        "midden-nederland",
        "noord-holland",
        "amsterdam",
        "den-haag",
        "rotterdam",
        "zeeland-west-brabant",
        "oost-brabant",
        "limburg",
      ]);
      expect(UNITS.filter((u) => u.kind === "national").map((u) => u.id)).to.have.members(["landelijke-eenheid", "politiedienstencentrum", "politieacademie"]);
      expect(new Set(UNITS.map((u) => u.code)).size).to.equal(UNITS.length);
    });

    it("gives every regional unit an RSC phone in E.164 and at least one area code", () => {
      for (const u of regional) {
        expect(u.rsc.phone, u.id).to.match(/^\+31\d{9}$/);
        expect(u.areaCodes.length, u.id).to.be.at.least(1);
        for (const c of u.areaCodes) expect(c, u.id).to.match(/^0\d{2,3}$/);
      }
      for (const u of UNITS.filter((x) => x.kind === "national")) expect(u.areaCodes).to.deep.equal([]);
    });

    it("maps no area code to two units, and no code is a prefix of another", () => {
      const all = UNITS.flatMap((u) => u.areaCodes);
      expect(new Set(all).size).to.equal(all.length);
      for (const a of all) for (const b of all) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).to.equal(false);
    });

    it("has a national fallback RSC that is a known unit", () => {
      expect(unitById(NATIONAL_FALLBACK_RSC.unitId)).to.exist;
      expect(NATIONAL_FALLBACK_RSC.phone).to.match(/^\+31\d{9}$/);
    });

    it("looks units up by id", () => {
      expect(unitById("rotterdam")!.name).to.equal("Rotterdam");
      expect(unitById("nope")).to.equal(undefined);
    });

    it("finds the unit for a caller's area code", () => {
      expect(unitForAreaCode("010-1234567")?.id).to.equal("rotterdam");
      expect(unitForAreaCode("020 123 4567")?.id).to.equal("amsterdam");
      expect(unitForAreaCode("0701234567")?.id).to.equal("den-haag");
      expect(unitForAreaCode("043 321 1234")?.id).to.equal("limburg");
      expect(unitForAreaCode("+31 10 123 4567")?.id).to.equal("rotterdam");
      expect(unitForAreaCode("0031 50 123 4567")?.id).to.equal("noord-nederland");
      expect(unitForAreaCode("+31 (0)53 123 4567")?.id).to.equal("oost-nederland");
      expect(unitForAreaCode("0118-412345")?.id).to.equal("zeeland-west-brabant");
      expect(unitForAreaCode("0180 123456")?.id).to.equal("rotterdam");
      expect(unitForAreaCode("040-2123456")?.id).to.equal("oost-brabant");
    });

    it("returns undefined for mobile, service, foreign and malformed numbers", () => {
      expect(unitForAreaCode("0612345678")).to.equal(undefined);
      expect(unitForAreaCode("+31 6 12345678")).to.equal(undefined);
      expect(unitForAreaCode("088 1234567")).to.equal(undefined);
      expect(unitForAreaCode("0800-1234")).to.equal(undefined);
      expect(unitForAreaCode("+49 30 1234567")).to.equal(undefined);
      expect(unitForAreaCode("anonymous")).to.equal(undefined);
      expect(unitForAreaCode("")).to.equal(undefined);
    });
  });
});
