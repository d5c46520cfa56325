import { expect } from "chai";
import {
  allotment,
  budgetAlertLevel,
  budgetFor,
  crossedAlert,
  needsApproval,
  policyInForce,
  simulatePolicy,
  validateTimeEntry,
  withDraft,
  yearShare,
  type PolicySegment,
} from "../../api/src/domain/budget";
import type { MemberOverride, Policy, TimeCategory, TimeEntry } from "../../api/src/domain/types";

const day = (y: number, m: number, d: number, h = 0): Date => new Date(Date.UTC(y, m - 1, d, h));
const ALL: TimeCategory[] = ["operational", "professionalisation", "network"];

const policy = (over: Partial<Policy> = {}): Policy => ({
  id: "p2025",
  effectiveFrom: day(2025, 1, 1),
  baseHoursPerYear: 120,
  unitSupplements: { rotterdam: 24 },
  categories: ALL,
  approvalThresholdHours: 4,
  ...over,
});

const P1 = policy();
const P2 = policy({ id: "p2026-07", effectiveFrom: day(2026, 7, 1), baseHoursPerYear: 180, unitSupplements: { rotterdam: 36 } });

const override = (over: Partial<MemberOverride> = {}): MemberOverride => ({
  memberId: "m1",
  year: 2026,
  extraHours: 10,
  reason: "pool lead",
  setBy: "coord",
  ...over,
});

let seq = 0;
const entry = (over: Partial<TimeEntry>): TimeEntry => ({
  id: `e${++seq}`,
  memberId: "m1",
  date: day(2026, 3, 1),
  hours: 1,
  category: "operational",
  status: "approved",
  ...over,
});

describe("budget: day counting (month-weighted)", () => {
  it("splits the year exactly in half on 1 July, in a non-leap and a leap year", () => {
    expect(yearShare(day(2026, 7, 1), undefined, 2026)).to.equal(0.5);
    expect(yearShare(undefined, day(2026, 7, 1), 2026)).to.equal(0.5);
    expect(yearShare(day(2028, 7, 1), undefined, 2028)).to.equal(0.5);
  });
  it("counts the whole year for periods around it and nothing for periods outside it", () => {
    expect(yearShare(day(2020, 5, 5), day(2030, 1, 1), 2026)).to.equal(1);
    expect(yearShare(day(2020, 5, 5), day(2025, 12, 31), 2026)).to.equal(0);
    expect(yearShare(day(2027, 1, 1), undefined, 2026)).to.equal(0);
  });
  it("takes calendar days in Europe/Amsterdam (UTC midnight and local midnight are the same day)", () => {
    const localMidnight = new Date("2026-06-30T22:00:00Z"); // 1 July 00:00 CEST
    expect(yearShare(localMidnight, undefined, 2026)).to.equal(0.5);
  });
});

describe("budget: allotment", () => {
  const member = { unitId: "amsterdam", joinedAt: day(2020, 1, 1) };

  it("gives the full base for a member all year", () => {
    expect(allotment({ policies: [P1], member, year: 2026, overrides: [] }).hours).to.equal(120);
  });

  it("adds the unit supplement", () => {
    const r = allotment({ policies: [P1], member: { ...member, unitId: "rotterdam" }, year: 2026, overrides: [] });
    expect(r.hours).to.equal(144);
    const seg = r.breakdown[0] as PolicySegment;
    expect(seg).to.include({ kind: "policy", policyId: "p2025", baseHours: 120, unitSupplement: 24, share: 1, hours: 144 });
  });

  it("joining on 1 July of a non-leap year gives exactly half the base", () => {
    const r = allotment({ policies: [P1], member: { unitId: "amsterdam", joinedAt: day(2026, 7, 1) }, year: 2026, overrides: [] });
    expect(r.hours).to.equal(60);
  });

  it("joining on 1 July of a leap year also gives half", () => {
    const r = allotment({ policies: [P1], member: { unitId: "amsterdam", joinedAt: day(2028, 7, 1) }, year: 2028, overrides: [] });
    expect(r.hours).to.equal(60);
  });

  it("prorates a mid-month join by the days of that month and rounds only at the end", () => {
    // 16 March: 15 of 31 March days missed, plus Jan and Feb → (12 − 2 − 15/31) / 12 of 120 h.
    const r = allotment({ policies: [P1], member: { unitId: "amsterdam", joinedAt: day(2026, 3, 16) }, year: 2026, overrides: [] });
    expect(r.hours).to.equal(95.16);
    expect((r.breakdown[0] as PolicySegment).hours).to.be.closeTo(95.16129, 1e-5);
  });

  it("prorates leaving during the year (leftAt is the first day no longer a member)", () => {
    const r = allotment({ policies: [P1], member: { ...member, leftAt: day(2026, 4, 1) }, year: 2026, overrides: [] });
    expect(r.hours).to.equal(30);
    expect(allotment({ policies: [P1], member: { ...member, leftAt: day(2025, 6, 1) }, year: 2026, overrides: [] }).hours).to.equal(0);
  });

  it("joining and leaving in the same year counts only the months in between", () => {
    const r = allotment({
      policies: [P1],
      member: { unitId: "amsterdam", joinedAt: day(2026, 4, 1), leftAt: day(2026, 10, 1) },
      year: 2026,
      overrides: [],
    });
    expect(r.hours).to.equal(60);
  });

  it("a policy change on 1 July gives half of each version", () => {
    const r = allotment({ policies: [P2, P1], member, year: 2026, overrides: [] });
    expect(r.hours).to.equal(150); // 120/2 + 180/2
    const segs = r.breakdown as PolicySegment[];
    expect(segs.map((s) => [s.policyId, s.share])).to.deep.equal([
      ["p2025", 0.5],
      ["p2026-07", 0.5],
    ]);
    expect(segs[0]!.to.getTime()).to.equal(segs[1]!.from.getTime());
  });

  it("a policy change mid-year with the unit supplement changing too", () => {
    const r = allotment({ policies: [P1, P2], member: { ...member, unitId: "rotterdam" }, year: 2026, overrides: [] });
    expect(r.hours).to.equal(180); // 144/2 + 216/2
  });

  it("a member joining after the change only gets the new version", () => {
    const r = allotment({ policies: [P1, P2], member: { unitId: "amsterdam", joinedAt: day(2026, 10, 1) }, year: 2026, overrides: [] });
    expect(r.hours).to.equal(45);
    expect(r.breakdown).to.have.length(1);
  });

  it("days before the first version carry no hours", () => {
    const r = allotment({ policies: [P2], member, year: 2026, overrides: [] });
    expect(r.hours).to.equal(90);
  });

  it("adds overrides of the year (and member), including negative ones", () => {
    const m = { ...member, id: "m1" };
    const overrides = [
      override(),
      override({ extraHours: -2.5, reason: "correction" }),
      override({ year: 2025, extraHours: 100 }),
      override({ memberId: "m2", extraHours: 100 }),
    ];
    const r = allotment({ policies: [P1], member: m, year: 2026, overrides });
    expect(r.hours).to.equal(127.5);
    expect(r.breakdown.filter((p) => p.kind === "override").map((p) => p.hours)).to.deep.equal([10, -2.5]);
  });
});

describe("budget: policyInForce", () => {
  it("returns the version in force on a day", () => {
    expect(policyInForce([P2, P1], day(2024, 12, 31))).to.equal(undefined);
    expect(policyInForce([P2, P1], day(2025, 1, 1))?.id).to.equal("p2025");
    expect(policyInForce([P2, P1], day(2026, 6, 30, 21))?.id).to.equal("p2025"); // 23:00 CEST
    expect(policyInForce([P2, P1], day(2026, 6, 30, 22))?.id).to.equal("p2026-07"); // 1 July 00:00 CEST
    expect(policyInForce([P2, P1], day(2030, 1, 1))?.id).to.equal("p2026-07");
  });
});

describe("budget: budgetFor", () => {
  const entries = [
    entry({ hours: 10, category: "operational", status: "approved" }),
    entry({ hours: 2, category: "operational", status: "pending" }),
    entry({ hours: 5, category: "professionalisation", status: "pending" }),
    entry({ hours: 3, category: "network", status: "approved" }),
    entry({ hours: 20, category: "network", status: "rejected" }),
  ];

  it("sums approved, pending and committed; pending counts as used; rejected is ignored", () => {
    const b = budgetFor({ allotted: 100, entries, committedHours: 4 });
    expect(b).to.deep.include({ allotted: 100, approved: 13, pending: 7, committed: 4, remaining: 76, used: 24 });
    expect(b.used + b.remaining).to.equal(b.allotted);
  });

  it("reports every category, even unused ones", () => {
    const b = budgetFor({ allotted: 100, entries, committedHours: 0 });
    expect(b.byCategory).to.deep.equal({
      operational: { approved: 10, pending: 2 },
      professionalisation: { approved: 0, pending: 5 },
      network: { approved: 3, pending: 0 },
    });
    expect(budgetFor({ allotted: 10, entries: [], committedHours: 0 }).byCategory).to.have.all.keys(ALL);
  });

  it("flags categories whose approved + pending exceed their cap (a cap reached is not over)", () => {
    const b = budgetFor({ allotted: 100, entries, committedHours: 0, categoryCaps: { operational: 10, professionalisation: 5, network: 5 } });
    expect(b.overCaps).to.deep.equal(["operational"]);
    expect(budgetFor({ allotted: 100, entries, committedHours: 0 }).overCaps).to.deep.equal([]);
  });

  it("can go negative when overspent", () => {
    const b = budgetFor({ allotted: 10, entries: [entry({ hours: 12 })], committedHours: 0.5 });
    expect(b.remaining).to.equal(-2.5);
  });
});

describe("budget: alerts", () => {
  const at = (used: number, allotted = 100) => ({ allotted, used });
  it("levels: 0 below 80%, 80 from 80%, 100 from 100%", () => {
    expect(budgetAlertLevel(at(79.75))).to.equal(0);
    expect(budgetAlertLevel(at(80))).to.equal(80);
    expect(budgetAlertLevel(at(99.75))).to.equal(80);
    expect(budgetAlertLevel(at(100))).to.equal(100);
    expect(budgetAlertLevel(at(130))).to.equal(100);
    expect(budgetAlertLevel(at(0, 0))).to.equal(0);
    expect(budgetAlertLevel(at(1, 0))).to.equal(100);
  });
  it("works on a budget from budgetFor", () => {
    const b = budgetFor({ allotted: 10, entries: [entry({ hours: 6, status: "pending" })], committedHours: 2 });
    expect(budgetAlertLevel(b)).to.equal(80);
  });
  it("reports only a newly crossed threshold", () => {
    expect(crossedAlert(at(79), at(80))).to.equal(80);
    expect(crossedAlert(at(80), at(90))).to.equal(null);
    expect(crossedAlert(at(70), at(100))).to.equal(100);
    expect(crossedAlert(at(85), at(101))).to.equal(100);
    expect(crossedAlert(at(100), at(120))).to.equal(null);
    expect(crossedAlert(at(100), at(50))).to.equal(null);
    expect(crossedAlert(at(10), at(20))).to.equal(null);
  });
});

describe("budget: validateTimeEntry", () => {
  const now = day(2026, 5, 15, 10);
  const ctx = { now, existingHoursThatDay: 0, categories: ALL };
  const ok = { date: day(2026, 5, 14), hours: 2, category: "operational" };
  const paths = (errs: { path: string }[]) => errs.map((e) => e.path);

  it("accepts a valid entry, also for later today", () => {
    expect(validateTimeEntry(ok, ctx)).to.deep.equal([]);
    expect(validateTimeEntry({ ...ok, date: day(2026, 5, 15, 20) }, ctx)).to.deep.equal([]); // 22:00 local
  });
  it("rejects future dates", () => {
    expect(paths(validateTimeEntry({ ...ok, date: day(2026, 5, 16) }, ctx))).to.deep.equal(["date"]);
    expect(paths(validateTimeEntry({ ...ok, date: day(2026, 5, 15, 22) }, ctx))).to.deep.equal(["date"]); // 16 May 00:00 local
  });
  it("rejects an invalid date", () => {
    expect(paths(validateTimeEntry({ ...ok, date: new Date("nope") }, ctx))).to.deep.equal(["date"]);
  });
  it("requires positive hours in quarters", () => {
    for (const hours of [0, -1, 0.3, 1.1, Number.NaN]) {
      expect(paths(validateTimeEntry({ ...ok, hours }, ctx)), String(hours)).to.deep.equal(["hours"]);
    }
    for (const hours of [0.25, 1.5, 7.75, 12]) expect(validateTimeEntry({ ...ok, hours }, ctx)).to.deep.equal([]);
  });
  it("limits a day to 12 hours including what is already logged", () => {
    expect(validateTimeEntry({ ...ok, hours: 7 }, { ...ctx, existingHoursThatDay: 5 })).to.deep.equal([]);
    const errs = validateTimeEntry({ ...ok, hours: 7.25 }, { ...ctx, existingHoursThatDay: 5 });
    expect(paths(errs)).to.deep.equal(["hours"]);
    expect(errs[0]!.message).to.match(/12 hours/);
    expect(paths(validateTimeEntry({ ...ok, hours: 12.5 }, ctx))).to.deep.equal(["hours"]);
  });
  it("rejects unknown categories and categories not in the policy", () => {
    expect(paths(validateTimeEntry({ ...ok, category: "training" }, ctx))).to.deep.equal(["category"]);
    expect(paths(validateTimeEntry({ ...ok, category: "network" }, { ...ctx, categories: ["operational"] }))).to.deep.equal(["category"]);
  });
  it("rejects dates in a closed period (on or before closedUntil)", () => {
    const closed = { ...ctx, closedUntil: day(2026, 4, 30) };
    expect(paths(validateTimeEntry({ ...ok, date: day(2026, 4, 30) }, closed))).to.deep.equal(["date"]);
    expect(paths(validateTimeEntry({ ...ok, date: day(2026, 1, 2) }, closed))).to.deep.equal(["date"]);
    expect(validateTimeEntry({ ...ok, date: day(2026, 5, 1) }, closed)).to.deep.equal([]);
  });
  it("reports several problems at once", () => {
    const errs = validateTimeEntry({ date: day(2026, 6, 1), hours: 0.1, category: "x" }, ctx);
    expect(paths(errs)).to.have.members(["date", "hours", "category"]);
  });
});

describe("budget: needsApproval", () => {
  it("entries at or above the threshold wait for a coordinator", () => {
    expect(needsApproval(3.75, P1)).to.equal(false);
    expect(needsApproval(4, P1)).to.equal(true);
    expect(needsApproval(6, P1)).to.equal(true);
  });
});

describe("budget: simulatePolicy", () => {
  const members = [
    { id: "r1", unitId: "rotterdam", joinedAt: day(2020, 1, 1) },
    { id: "r2", unitId: "rotterdam", joinedAt: day(2020, 1, 1) },
    { id: "a1", unitId: "amsterdam", joinedAt: day(2020, 1, 1) },
    { id: "a2", unitId: "amsterdam", joinedAt: day(2026, 7, 1) },
    { id: "gone", unitId: "amsterdam", joinedAt: day(2020, 1, 1), leftAt: day(2025, 6, 1) },
  ];
  const entriesByMember = new Map<string, TimeEntry[]>([
    ["r1", [entry({ memberId: "r1", hours: 100 }), entry({ memberId: "r1", hours: 50, status: "pending" })]],
    ["r2", [entry({ memberId: "r2", hours: 10 }), entry({ memberId: "r2", hours: 500, status: "rejected" })]],
    ["a1", [entry({ memberId: "a1", hours: 130 }), entry({ memberId: "a1", hours: 999, date: day(2025, 6, 1) })]],
    ["a2", [entry({ memberId: "a2", hours: 50, date: day(2026, 8, 1) })]],
  ]);
  const draft = policy({ id: "draft", effectiveFrom: day(2026, 1, 1), baseHoursPerYear: 200 });

  it("a draft with a higher base reports fewer members over than the current policy", () => {
    const sim = simulatePolicy({ draft, current: [P1], members, entriesByMember, year: 2026, now: day(2026, 12, 31, 12) });
    expect(sim.totals.over).to.be.lessThan(sim.totals.overCurrent);
    expect(sim.units).to.deep.equal([
      { unitId: "amsterdam", members: 2, over: 0, under: 0, totalGranted: 300, totalGrantedCurrent: 180, delta: 120, overCurrent: 1, underCurrent: 0 },
      { unitId: "rotterdam", members: 2, over: 0, under: 1, totalGranted: 448, totalGrantedCurrent: 288, delta: 160, overCurrent: 1, underCurrent: 1 },
    ]);
    expect(sim.totals).to.deep.equal({
      members: 4,
      over: 0,
      under: 1,
      totalGranted: 748,
      totalGrantedCurrent: 468,
      delta: 280,
      overCurrent: 2,
      underCurrent: 1,
    });
  });

  it("works with entries given as a plain object", () => {
    const sim = simulatePolicy({ draft, current: [P1], members, entriesByMember: Object.fromEntries(entriesByMember), year: 2026, now: day(2026, 12, 31, 12) });
    expect(sim.totals.overCurrent).to.equal(2);
  });

  it("'under' compares with 50% of the allotment pro rata by now", () => {
    const one = [{ id: "x", unitId: "amsterdam", joinedAt: day(2020, 1, 1) }];
    const now = day(2026, 6, 30, 12); // through 30 June: half the year is due → 60 h current, 30 h is the line
    const run = (hours: number) =>
      simulatePolicy({ draft, current: [P1], members: one, entriesByMember: new Map([["x", [entry({ memberId: "x", hours })]]]), year: 2026, now }).totals;
    expect(run(29.75)).to.include({ underCurrent: 1, under: 1 }); // draft line: 50 h
    expect(run(30)).to.include({ underCurrent: 0, under: 1 });
    expect(run(50)).to.include({ underCurrent: 0, under: 0 });
  });

  it("a draft from mid-year keeps the current version before its date", () => {
    const mid = policy({ id: "draft", effectiveFrom: day(2026, 7, 1), baseHoursPerYear: 200 });
    expect(withDraft([P1, P2], mid).map((p) => p.id)).to.deep.equal(["p2025", "draft"]);
    const sim = simulatePolicy({ draft: mid, current: [P1], members: members.slice(2, 3), entriesByMember, year: 2026, now: day(2026, 12, 31) });
    expect(sim.totals).to.include({ totalGranted: 160, totalGrantedCurrent: 120, delta: 40, over: 0, overCurrent: 1 });
  });
});
