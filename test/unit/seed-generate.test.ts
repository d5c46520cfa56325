import { expect } from "chai";
import { expertiseById, unknownExpertiseIds } from "../../api/src/reference/expertise";
import { NETWORKS } from "../../api/src/reference/networks";
import { unitById } from "../../api/src/reference/units";
import { GUARANTEED_MEMBERS, exampleRequests, generateMembers, generatePools, generateTimeEntries, type MemberSeed } from "../../seed/generate";

const now = new Date("2025-09-15T10:00:00Z");
const has = (m: MemberSeed, id: string) => m.expertise.some((e) => e.id === id && e.visible);
const alwaysAvailable = (m: MemberSeed) => !m.availability.weekly?.length && !(m.availability.absences ?? []).some((a) => a.from <= now && now <= a.to);

describe("seed generator", () => {
  const members = generateMembers({ count: 1000, seed: 42, now });
  const share = (f: (m: MemberSeed) => boolean) => members.filter(f).length / members.length;

  describe("members", () => {
    it("is deterministic per seed", () => {
      expect(generateMembers({ count: 200, seed: 42, now })).to.deep.equal(members.slice(0, 200));
      const other = generateMembers({ count: 200, seed: 7, now });
      expect(other).to.not.deep.equal(members.slice(0, 200));
    });

    it("makes the requested number of members with unique keys, e-mails and phones", () => {
      expect(members).to.have.length(1000);
      expect(generateMembers({ count: 0, seed: 1, now })).to.deep.equal([]);
      for (const field of ["key", "email", "phone"] as const) expect(new Set(members.map((m) => m[field])).size, field).to.equal(1000);
      expect(members[0]!.key).to.equal("m0001");
      for (const m of members) {
        expect(m.email).to.match(/^[a-z]+\.[a-z]+\d*@politie\.example$/);
        expect(m.phone).to.match(/^\+31690\d{6}$/);
      }
    });

    it("only uses known units, networks and expertise ids", () => {
      const networkIds = new Set(NETWORKS.map((n) => n.id));
      expect(unknownExpertiseIds(members.flatMap((m) => m.expertise.map((e) => e.id)))).to.deep.equal([]);
      for (const m of members) {
        expect(unitById(m.unitId), m.unitId).to.exist;
        for (const n of m.networks) expect(networkIds.has(n), n).to.equal(true);
      }
    });

    it("gives every member a sane profile", () => {
      for (const m of members) {
        expect(m.networks).to.include("ndv");
        expect(m.expertise.length).to.be.within(1, 5);
        expect(new Set(m.expertise.map((e) => e.id)).size).to.equal(m.expertise.length);
        for (const e of m.expertise) expect([1, 2, 3]).to.include(e.level);
        expect(m.languages[0]).to.equal("nl");
        expect(new Set(m.languages).size).to.equal(m.languages.length);
        for (const e of m.expertise) if (e.id.startsWith("language.")) expect(m.languages).to.include(e.id.slice(9));
        for (const s of m.availability.weekly ?? []) {
          expect(s.day).to.be.within(1, 7);
          expect(s.from < s.to).to.equal(true);
        }
        expect(m.joinedAt.getTime()).to.be.at.most(now.getTime());
      }
    });

    it("has plausible distributions", () => {
      const inUnit = (id: string) => share((m) => m.unitId === id);
      for (const big of ["amsterdam", "rotterdam", "den-haag"])
        for (const small of ["limburg", "zeeland-west-brabant", "noord-holland"]) expect(inUnit(big)).to.be.greaterThan(inUnit(small));
      expect(share((m) => unitById(m.unitId)!.kind === "national")).to.be.within(0.05, 0.2);
      expect(share((m) => m.networks.includes("roze-in-blauw"))).to.be.within(0.18, 0.32);
      expect(share((m) => !m.availability.weekly)).to.be.within(0.14, 0.26);
      expect(share((m) => (m.availability.absences ?? []).some((a) => a.from <= now && now <= a.to))).to.be.within(0.02, 0.09);
      expect(share((m) => m.consent.shareExpertise)).to.be.within(0.91, 0.98);
      expect(share((m) => m.active)).to.be.within(0.94, 0.995);
      expect(share((m) => m.joinedAt.getUTCFullYear() === now.getUTCFullYear())).to.be.within(0.06, 0.14);
      const items = members.flatMap((m) => m.expertise);
      expect(items.filter((e) => !e.visible).length / items.length).to.be.within(0.06, 0.14);
      // Every domain shows up.
      expect(new Set(items.map((e) => expertiseById(e.id)!.domain)).size).to.equal(7);
    });

    it("correlates expertise plausibly", () => {
      const somali = members.filter((m) => has(m, "culture.somali"));
      expect(somali.filter((m) => m.languages.includes("so")).length / somali.length).to.be.greaterThan(0.6);
      const ukrainian = members.filter((m) => has(m, "culture.ukrainian"));
      expect(ukrainian.filter((m) => m.languages.includes("uk") || m.languages.includes("ru")).length / ukrainian.length).to.be.greaterThan(0.7);
      for (const m of members.filter((x) => x.networks.includes("roze-in-blauw")))
        expect(
          m.expertise.some((e) => e.id.startsWith("lgbtiq.")),
          m.key,
        ).to.equal(true);
    });
  });

  describe("guaranteed example members", () => {
    const byKey = new Map(members.map((m) => [m.key, m]));
    const group = (purpose: string) => (GUARANTEED_MEMBERS[purpose] ?? []).map((k) => byKey.get(k)!);
    const fit = (m: MemberSeed) => m.active && m.consent.shareExpertise;

    it("has an available Somali-speaking member in Rotterdam for the child's death", () => {
      const ms = group("somali-rotterdam").filter(
        (m) => fit(m) && m.unitId === "rotterdam" && m.languages.includes("so") && has(m, "culture.somali") && has(m, "topic.death-rituals"),
      );
      expect(ms.length).to.be.at.least(1);
      expect(ms.some(alwaysAvailable)).to.equal(true);
    });

    it("has trans-expert Roze in Blauw members in Amsterdam", () => {
      const ms = members.filter((m) => fit(m) && m.unitId === "amsterdam" && m.networks.includes("roze-in-blauw") && has(m, "lgbtiq.trans"));
      expect(ms.length).to.be.at.least(2);
      expect(group("trans-amsterdam").every((m) => ms.includes(m))).to.equal(true);
    });

    it("has Turkish election pool candidates in Den Haag", () => {
      const ms = members.filter(
        (m) => fit(m) && m.unitId === "den-haag" && has(m, "culture.turkish") && has(m, "topic.elections-diaspora") && m.languages.includes("tr"),
      );
      expect(ms.length).to.be.at.least(2);
    });

    it("has Ukrainian/Russian speakers in Oost-Nederland", () => {
      const ms = members.filter(
        (m) => fit(m) && m.unitId === "oost-nederland" && has(m, "culture.ukrainian") && m.languages.includes("uk") && m.languages.includes("ru"),
      );
      expect(ms.length).to.be.at.least(2);
    });

    it("has inclusive-leadership speakers", () => {
      const ms = group("inclusive-leadership").filter((m) => fit(m) && has(m, "topic.inclusive-leadership"));
      expect(ms.length).to.be.at.least(2);
    });

    it("keeps the guarantees for another seed", () => {
      const other = generateMembers({ count: 20, seed: 99, now });
      expect(other.find((m) => m.key === GUARANTEED_MEMBERS["somali-rotterdam"]![0])!.unitId).to.equal("rotterdam");
    });
  });

  describe("pools and example requests", () => {
    const pools = generatePools(members);
    const requests = exampleRequests();

    it("makes the three pools with fitting, consenting members", () => {
      expect(pools.map((p) => p.name)).to.deep.equal(["Oekraïense vluchtelingen", "Verkiezingen Turkije", "Rouw en overlijden"]);
      const byKey = new Map(members.map((m) => [m.key, m]));
      for (const p of pools) {
        expect(unknownExpertiseIds(p.expertise)).to.deep.equal([]);
        expect(p.memberKeys.length, p.name).to.be.at.least(3);
        for (const u of p.unitIds) expect(unitById(u), u).to.exist;
        for (const k of p.memberKeys) {
          const m = byKey.get(k)!;
          expect(m.active && m.consent.shareExpertise).to.equal(true);
          expect(p.unitIds).to.include(m.unitId);
          expect(
            m.expertise.some((e) => e.visible && p.expertise.includes(e.id)),
            `${p.name} ${k}`,
          ).to.equal(true);
        }
      }
      expect(pools[1]!.memberKeys).to.include.members(GUARANTEED_MEMBERS["turkish-elections-den-haag"]!);
      expect(pools[0]!.memberKeys).to.include.members(GUARANTEED_MEMBERS["ukrainian-oost-nederland"]!);
    });

    it("returns the five example requests with known ids, units and pools", () => {
      expect(requests).to.have.length(5);
      const poolNames = pools.map((p) => p.name);
      for (const r of requests) {
        expect(unknownExpertiseIds(r.expertise), r.title).to.deep.equal([]);
        expect(r.expertise.length).to.be.at.least(1);
        expect(unitById(r.unitId), r.unitId).to.exist;
        expect(["acute", "today", "planned"]).to.include(r.urgency);
        expect(["phone", "video", "onsite"]).to.include(r.mode);
        expect(r.estimatedHours).to.be.greaterThan(0);
        if (r.poolName) expect(poolNames).to.include(r.poolName);
        // No phone numbers, e-mail addresses or BSN-like numbers in the texts.
        expect(`${r.title} ${r.description}`).to.not.match(/\d{6,}|@/);
      }
      expect(requests.map((r) => r.unitId)).to.deep.equal(["rotterdam", "amsterdam", "den-haag", "oost-nederland", "politieacademie"]);
      expect(requests[0]).to.include({ urgency: "acute" });
      expect(requests[4]).to.include({ urgency: "planned", estimatedHours: 4 });
    });

    it("has at least one fitting candidate for every example request", () => {
      for (const r of requests) {
        const fits = members.filter(
          (m) =>
            m.active &&
            m.consent.shareExpertise &&
            r.expertise.some((id) => has(m, id)) &&
            (r.languages ?? []).every((l) => m.languages.includes(l)) &&
            m.unitId === r.unitId,
        );
        expect(fits.length, r.title).to.be.at.least(1);
      }
    });
  });

  describe("time entries", () => {
    const entries = generateTimeEntries({ members, year: 2025, seed: 42, now });

    it("is deterministic per seed", () => {
      const few = members.slice(0, 50);
      const a = generateTimeEntries({ members: few, year: 2025, seed: 1, now });
      expect(generateTimeEntries({ members: few, year: 2025, seed: 1, now })).to.deep.equal(a);
      expect(generateTimeEntries({ members: few, year: 2025, seed: 2, now })).to.not.deep.equal(a);
    });

    it("stays within the year, before now, after joining, in quarter hours", () => {
      const byKey = new Map(members.map((m) => [m.key, m]));
      for (const e of entries) {
        expect(e.date.getUTCFullYear()).to.equal(2025);
        expect(e.date.getTime()).to.be.at.most(now.getTime());
        expect(e.date.getTime()).to.be.at.least(byKey.get(e.memberKey)!.joinedAt.getTime());
        expect(e.hours).to.be.greaterThan(0);
        expect((e.hours * 4) % 1).to.equal(0);
        expect(["operational", "professionalisation", "network"]).to.include(e.category);
        expect(["pending", "approved", "rejected"]).to.include(e.status);
      }
      expect(generateTimeEntries({ members, year: 2026, seed: 42, now })).to.deep.equal([]);
    });

    it("gives realistic usage: most moderate, a few heavy", () => {
      const total = new Map<string, number>();
      for (const e of entries) total.set(e.memberKey, (total.get(e.memberKey) ?? 0) + e.hours);
      const hours = members.map((m) => total.get(m.key) ?? 0).sort((a, b) => a - b);
      const median = hours[Math.floor(hours.length / 2)]!;
      expect(median).to.be.within(12, 50); // ~20-80 % of 40-100 h, 70 % into the year
      expect(hours.filter((h) => h > 80).length).to.be.greaterThan(5); // some exceed a typical allotment
      expect(hours.at(-1)!).to.be.at.most(140);
      const cats = new Set(entries.map((e) => e.category));
      expect(cats.size).to.equal(3);
      const recentPending = entries.filter((e) => e.status === "pending").length / entries.length;
      expect(recentPending).to.be.within(0.02, 0.2);
    });
  });
});
