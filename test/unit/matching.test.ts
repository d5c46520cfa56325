import { expect } from "chai";
import { isAvailableNow, isWithinWeekly } from "../../api/src/domain/availability";
import {
  DEFAULT_MATCH_WEIGHTS,
  effectiveWeights,
  DEFAULT_MATCH_TUNING,
  exclusionOf,
  matchCandidates,
  type Candidate,
  type MatchInput,
  type MatchRequest,
} from "../../api/src/domain/matching";
import type { MemberProfile } from "../../api/src/domain/types";

// Wednesday 12 March 2025, 10:00 in Amsterdam (CET, UTC+1).
const NOW = new Date("2025-03-12T09:00:00Z");

const LABELS: Record<string, string> = {
  "culture.somali": "Somali culture",
  "topic.death-rituals": "death rituals",
  "religion.islam": "Islam",
  "lgbtiq.trans": "trans people",
};
const labelOf = (id: string): string => LABELS[id] ?? id;

function member(id: string, over: Partial<MemberProfile> = {}): MemberProfile {
  return {
    id,
    userId: `u-${id}`,
    name: `Member ${id}`,
    unitId: "rotterdam",
    networks: ["ndv"],
    expertise: [{ id: "culture.somali", level: 2, visible: true }],
    languages: ["nl"],
    availability: {},
    consent: { shareExpertise: true, at: new Date("2024-01-01T00:00:00Z") },
    active: true,
    joinedAt: new Date("2020-01-01T00:00:00Z"),
    ...over,
  };
}

function candidate(m: MemberProfile, over: Partial<Omit<Candidate, "member">> = {}): Candidate {
  return { member: m, textRelevance: 0, remainingHours: 40, recentEngagements: 1, ...over };
}

const somaliRequest: MatchRequest = {
  expertise: ["culture.somali"],
  languages: ["so"],
  urgency: "today",
  unitId: "rotterdam",
  estimatedHours: 4,
};

function run(candidates: Candidate[], request: MatchRequest = somaliRequest, extra: Partial<MatchInput> = {}) {
  return matchCandidates({ request, candidates, now: NOW, labelOf, ...extra });
}

describe("domain/availability", () => {
  it("treats a member without a weekly pattern as always available", () => {
    expect(isAvailableNow(member("a"), NOW)).to.equal(true);
    expect(isAvailableNow(member("a", { availability: { weekly: [] } }), NOW)).to.equal(true);
  });

  it("reads weekly slots in Amsterdam local time, Monday = 1", () => {
    const m = member("a", { availability: { weekly: [{ day: 3, from: "10:00", to: "12:00" }] } });
    expect(isAvailableNow(m, new Date("2025-03-12T09:00:00Z"))).to.equal(true); // 10:00 CET
    expect(isAvailableNow(m, new Date("2025-03-12T08:59:00Z"))).to.equal(false); // 09:59 CET
    expect(isAvailableNow(m, new Date("2025-03-12T11:00:00Z"))).to.equal(false); // 12:00, end is exclusive
    // Summer time: 10:00 CEST is 08:00 UTC.
    expect(isAvailableNow(m, new Date("2025-07-09T08:00:00Z"))).to.equal(true);
    expect(isAvailableNow(m, new Date("2025-07-09T10:30:00Z"))).to.equal(false);
  });

  it("supports slots past midnight and Sunday = 7", () => {
    const weekly = [{ day: 7, from: "22:00", to: "06:00" }];
    expect(isWithinWeekly(weekly, new Date("2025-03-16T22:30:00Z"))).to.equal(true); // Sun 23:30
    expect(isWithinWeekly(weekly, new Date("2025-03-17T04:00:00Z"))).to.equal(true); // Mon 05:00
    expect(isWithinWeekly(weekly, new Date("2025-03-17T05:00:00Z"))).to.equal(false); // Mon 06:00
  });

  it("lets an absence override the weekly pattern", () => {
    const m = member("a", {
      availability: { absences: [{ from: new Date("2025-03-10T00:00:00Z"), to: new Date("2025-03-14T00:00:00Z") }] },
    });
    expect(isAvailableNow(m, NOW)).to.equal(false);
    expect(isAvailableNow(m, new Date("2025-03-14T00:00:00Z"))).to.equal(true);
  });
});

describe("domain/matching", () => {
  describe("hard filters", () => {
    const ok = () => candidate(member("ok", { languages: ["so", "nl"] }));

    it("keeps a suitable candidate", () => {
      expect(exclusionOf(somaliRequest, ok(), NOW)).to.equal(null);
    });

    it("excludes inactive members and members who left", () => {
      expect(exclusionOf(somaliRequest, candidate(member("x", { active: false, languages: ["so"] })), NOW)).to.equal("inactive");
      const left = member("y", { languages: ["so"], leftAt: new Date("2025-01-01T00:00:00Z") });
      expect(exclusionOf(somaliRequest, candidate(left), NOW)).to.equal("inactive");
    });

    it("excludes members without consent", () => {
      const m = member("x", { languages: ["so"], consent: { shareExpertise: false } });
      expect(exclusionOf(somaliRequest, candidate(m), NOW)).to.equal("no-consent");
    });

    it("excludes members with no visible requested expertise and no text relevance", () => {
      const hidden = member("x", { languages: ["so"], expertise: [{ id: "culture.somali", level: 3, visible: false }] });
      expect(exclusionOf(somaliRequest, candidate(hidden), NOW)).to.equal("no-expertise");
      // Text relevance alone is enough to stay in.
      expect(exclusionOf(somaliRequest, candidate(hidden, { textRelevance: 0.4 }), NOW)).to.equal(null);
    });

    it("excludes members absent now or at neededBy", () => {
      const absences = [{ from: new Date("2025-03-11T00:00:00Z"), to: new Date("2025-03-13T00:00:00Z") }];
      const m = member("x", { languages: ["so"], availability: { absences } });
      expect(exclusionOf(somaliRequest, candidate(m), NOW)).to.equal("absent");
      const later = member("y", {
        languages: ["so"],
        availability: { absences: [{ from: new Date("2025-03-20T00:00:00Z"), to: new Date("2025-03-22T00:00:00Z") }] },
      });
      expect(exclusionOf(somaliRequest, candidate(later), NOW)).to.equal(null);
      const needed = { ...somaliRequest, neededBy: new Date("2025-03-21T09:00:00Z") };
      expect(exclusionOf(needed, candidate(later), NOW)).to.equal("absent");
    });

    it("excludes members without enough budget, except for acute requests (flagged)", () => {
      const m = member("x", { languages: ["so"] });
      expect(exclusionOf(somaliRequest, candidate(m, { remainingHours: 3 }), NOW)).to.equal("over-budget");
      expect(exclusionOf(somaliRequest, candidate(m, { remainingHours: 4 }), NOW)).to.equal(null);
      const acute = { ...somaliRequest, urgency: "acute" as const };
      const { ranked, excluded } = run([candidate(m, { remainingHours: 1 })], acute);
      expect(excluded).to.deep.equal([]);
      expect(ranked[0]!.overBudget).to.equal(true);
      expect(ranked[0]!.reasons).to.include("over budget (acute request)");
      expect(ranked[0]!.reasonCodes).to.deep.include({ code: "over-budget-acute" });
      expect(ranked[0]!.reasonCodes.some((r) => r.code === "budget-sufficient")).to.equal(false);
      const normal = run([candidate(m, { remainingHours: 10 })], acute).ranked[0]!;
      expect(normal.overBudget).to.equal(false);
    });

    it("excludes members missing a required language", () => {
      const m = member("x", { languages: ["nl", "en"] });
      expect(exclusionOf(somaliRequest, candidate(m), NOW)).to.equal("missing-language");
      // A visible language expertise item counts as speaking it; codes compare case-insensitively.
      const viaExpertise = member("y", {
        languages: ["nl"],
        expertise: [
          { id: "culture.somali", level: 2, visible: true },
          { id: "language.so", level: 3, visible: true },
        ],
      });
      expect(exclusionOf({ ...somaliRequest, languages: ["SO"] }, candidate(viaExpertise), NOW)).to.equal(null);
    });

    it("reports every exclusion with its code", () => {
      const { ranked, excluded } = run([
        ok(),
        candidate(member("a", { active: false })),
        candidate(member("b", { languages: ["so"], consent: { shareExpertise: false } })),
        candidate(member("c", { languages: ["nl"] })),
      ]);
      expect(ranked.map((r) => r.memberId)).to.deep.equal(["ok"]);
      expect(excluded).to.deep.equal([
        { memberId: "a", code: "inactive" },
        { memberId: "b", code: "no-consent" },
        { memberId: "c", code: "missing-language" },
      ]);
    });
  });

  describe("ranking", () => {
    it("ranks an available Somali-speaking Rotterdam member above an unavailable higher-level expert elsewhere", () => {
      const local = member("m-local", {
        unitId: "rotterdam",
        languages: ["so", "nl"],
        expertise: [{ id: "culture.somali", level: 2, visible: true }],
        availability: { weekly: [{ day: 3, from: "08:00", to: "17:00" }] },
      });
      const expert = member("m-expert", {
        unitId: "amsterdam",
        languages: ["so", "nl"],
        expertise: [
          { id: "culture.somali", level: 3, visible: true },
          { id: "topic.death-rituals", level: 3, visible: true },
        ],
        availability: { weekly: [{ day: 1, from: "08:00", to: "17:00" }] }, // Mondays only
      });
      const { ranked } = run([candidate(expert, { textRelevance: 0.9, remainingHours: 80 }), candidate(local, { textRelevance: 0.6, remainingHours: 42 })], {
        ...somaliRequest,
        urgency: "acute",
        mode: "onsite",
      });
      expect(ranked.map((r) => r.memberId)).to.deep.equal(["m-local", "m-expert"]);
      const first = ranked[0]!;
      expect(first.available).to.equal(true);
      expect(first.unitId).to.equal("rotterdam");
      expect(first.reasons).to.include.members([
        "knowledge of Somali culture",
        "speaks Somali",
        "same unit (rotterdam)",
        "available now",
        "few recent engagements",
        "enough budget for this request",
      ]);
      expect(first.reasonCodes).to.deep.equal([
        { code: "expertise", params: { id: "culture.somali", expert: false } },
        { code: "language", params: { code: "so" } },
        { code: "same-unit", params: { unitId: "rotterdam" } },
        { code: "available-now" },
        { code: "few-engagements" },
        { code: "budget-sufficient" },
      ]);
      // One code per English sentence, in the same order.
      expect(first.reasonCodes).to.have.length(first.reasons.length);
      expect(ranked[1]!.available).to.equal(false);
      expect(ranked[1]!.reasons).to.include("expert in Somali culture");
      expect(ranked[1]!.reasonCodes).to.deep.include({ code: "expertise", params: { id: "culture.somali", expert: true } });
      // No remaining hours on a card (issue 9, finding 4): 80 h and 42 h read the same.
      expect(JSON.stringify(ranked)).to.not.match(/\b(80|42)\b/);
      expect(ranked[1]!.reasonCodes.some((r) => r.code === "available-now" || r.code === "same-unit")).to.equal(false);
    });

    it("keeps scores in [0, 1] and names only visible expertise", () => {
      const m = member("a", {
        languages: ["so"],
        expertise: [
          { id: "culture.somali", level: 3, visible: true },
          { id: "religion.islam", level: 3, visible: false },
        ],
      });
      const { ranked } = run([candidate(m, { textRelevance: 5, remainingHours: 1e6, recentEngagements: 0 })], {
        ...somaliRequest,
        expertise: ["culture.somali", "religion.islam"],
      });
      expect(ranked[0]!.score).to.be.within(0, 1);
      expect(ranked[0]!.reasons.join(" ")).not.to.contain("Islam");
      expect(JSON.stringify(ranked[0]!.reasonCodes)).not.to.contain("religion.islam");
    });

    it("weighs proximity more for acute and on-site requests", () => {
      const base = effectiveWeights(somaliRequest, DEFAULT_MATCH_WEIGHTS, DEFAULT_MATCH_TUNING);
      const acute = effectiveWeights({ ...somaliRequest, urgency: "acute" }, DEFAULT_MATCH_WEIGHTS, DEFAULT_MATCH_TUNING);
      const onsite = effectiveWeights({ ...somaliRequest, mode: "onsite" }, DEFAULT_MATCH_WEIGHTS, DEFAULT_MATCH_TUNING);
      expect(acute.proximity).to.be.greaterThan(base.proximity);
      expect(onsite.proximity).to.be.greaterThan(base.proximity);
      const sum = acute.expertise + acute.proximity + acute.availability + acute.fairness;
      expect(sum).to.be.closeTo(1, 1e-9);
    });

    it("scores national parts between the own unit and elsewhere", () => {
      const mk = (id: string, unitId: string) => candidate(member(id, { unitId, languages: ["so"] }));
      const { ranked } = run([mk("c", "limburg"), mk("b", "landelijke-eenheid"), mk("a", "rotterdam")]);
      expect(ranked.map((r) => r.memberId)).to.deep.equal(["a", "b", "c"]);
      expect(ranked[1]!.reasons).to.include("national unit (landelijke-eenheid)");
      expect(ranked[1]!.reasonCodes).to.deep.include({ code: "national-unit", params: { unitId: "landelijke-eenheid" } });
      // The national ids come from the reference data when given.
      const custom = run([mk("c", "limburg"), mk("b", "landelijke-eenheid")], somaliRequest, { nationalUnitIds: ["limburg"] });
      expect(custom.ranked.map((r) => r.memberId)).to.deep.equal(["c", "b"]);
    });

    it("lets fairness break near-ties: fewer recent engagements and more budget first", () => {
      const twin = (id: string) => member(id, { languages: ["so"] });
      const busy = run([candidate(twin("a"), { recentEngagements: 6 }), candidate(twin("b"), { recentEngagements: 0 })]);
      expect(busy.ranked.map((r) => r.memberId)).to.deep.equal(["b", "a"]);
      expect(busy.ranked[0]!.reasons).to.include("few recent engagements");
      expect(busy.ranked[1]!.reasons).not.to.include("few recent engagements");
      expect(busy.ranked[0]!.reasonCodes).to.deep.include({ code: "few-engagements" });
      expect(busy.ranked[1]!.reasonCodes).not.to.deep.include({ code: "few-engagements" });
      const budget = run([candidate(twin("a"), { remainingHours: 8 }), candidate(twin("b"), { remainingHours: 120 })]);
      expect(budget.ranked.map((r) => r.memberId)).to.deep.equal(["b", "a"]);
    });

    it("counts an on-call member as available", () => {
      const m = member("a", { languages: ["so"], availability: { weekly: [{ day: 1, from: "08:00", to: "09:00" }] } });
      const [r] = run([candidate(m, { onCall: true })]).ranked;
      expect(r!.available).to.equal(true);
      expect(r!.reasons).to.include("on call now");
      expect(r!.reasonCodes).to.deep.include({ code: "on-call" });
      expect(r!.reasonCodes).not.to.deep.include({ code: "available-now" });
    });

    it("is deterministic: equal scores order by member id, whatever the input order", () => {
      const ids = ["m-07", "m-03", "m-10", "m-01", "m-05"];
      const cands = ids.map((id) => candidate(member(id, { languages: ["so"] })));
      const one = run(cands);
      const two = run([...cands].reverse());
      expect(one.ranked.map((r) => r.memberId)).to.deep.equal(["m-01", "m-03", "m-05", "m-07", "m-10"]);
      expect(two).to.deep.equal(one);
      expect(run(cands)).to.deep.equal(one);
    });
  });
});
