import { expect } from "chai";
import { helplineStats, median } from "../../api/src/domain/helpline-stats";
import { plannedShifts } from "../../seed/helpline";
import { coverageGaps } from "../../api/src/domain/coverage";

describe("helpline statistics (pure)", () => {
  it("medians", () => {
    expect(median([])).to.equal(null);
    expect(median([5, 1, 3])).to.equal(3);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
  });

  it("counts RSC share by local hour of week (across DST) and by unit, missed calls and durations", () => {
    const st = helplineStats([
      // Sunday 2026-10-25 02:30 local happens twice: 00:30 UTC (CEST) and 01:30 UTC (CET).
      { calledAt: new Date("2026-10-25T00:30:00Z"), action: "rsc", callerUnitId: "limburg", targetUnitId: "limburg", outcome: "answered", durationSec: 100 },
      { calledAt: new Date("2026-10-25T01:30:00Z"), action: "member", callerUnitId: "limburg", outcome: "answered", durationSec: 300 },
      { calledAt: new Date("2026-10-26T08:15:00Z"), action: "rsc", targetUnitId: "landelijke-eenheid", outcome: "missed" },
      { calledAt: new Date("2026-10-26T08:45:00Z"), action: "member", callerUnitId: "amsterdam" },
    ]);
    expect(st).to.include({ total: 4, routedToMember: 2, routedToRsc: 2, rscShare: 0.5, missed: 1 });
    expect(st.outcomes).to.deep.equal({ answered: 2, missed: 1, forwarded: 0, unknown: 1 });
    expect(st.durations).to.deep.include({ count: 2, averageSec: 200, medianSec: 200 });
    expect(st.byHourOfWeek[6 * 24 + 2]).to.include({ day: 7, hour: 2, total: 2, rsc: 1, rscShare: 0.5 });
    expect(st.byHourOfWeek[0 * 24 + 9]).to.include({ total: 2, rsc: 1, missed: 1 });
    expect(st.byUnit.find((u) => u.unitId === "limburg")).to.include({ total: 2, rsc: 1, rscShare: 0.5 });
    expect(st.byUnit.find((u) => u.unitId === "unknown")).to.include({ total: 1, rsc: 1, missed: 1 });
    expect(st.rscLoadByUnit).to.deep.equal([
      { unitId: "landelijke-eenheid", calls: 1 },
      { unitId: "limburg", calls: 1 },
    ]);
  });

  it("the seeded roster covers three weeks except each Sunday night, also across the DST change", () => {
    const now = new Date("2026-10-21T12:00:00Z"); // week of Monday 19 October; DST ends Sunday 25th
    const shifts = plannedShifts(["a", "b", "c"], now);
    const from = new Date("2026-10-18T22:00:00Z"); // Monday 00:00 CEST
    const to = new Date("2026-11-08T23:00:00Z"); // Monday 00:00 CET, three weeks later
    const gaps = coverageGaps(shifts, from, to).map((g) => [g.start.toISOString(), g.end.toISOString()]);
    expect(gaps).to.deep.equal([
      ["2026-10-18T22:00:00.000Z", "2026-10-19T05:00:00.000Z"], // start of the first week (after the Sunday-night hole)
      ["2026-10-25T22:00:00.000Z", "2026-10-26T06:00:00.000Z"], // Sunday 23:00 → Monday 07:00 CET
      ["2026-11-01T22:00:00.000Z", "2026-11-02T06:00:00.000Z"],
      ["2026-11-08T22:00:00.000Z", "2026-11-08T23:00:00.000Z"],
    ]);
    expect(shifts.every((s) => s.end.getTime() - s.start.getTime() <= 9 * 3_600_000)).to.equal(true);
  });
});
