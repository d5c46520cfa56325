// The korpsregeling in force from approved records: force-wide versions and unit-supplement changes.
import { expect } from "chai";
import { policyTimeline, type PolicyEvent } from "../../api/src/domain/regulation-timeline";
import { policyInForce } from "../../api/src/domain/budget";

const d = (s: string) => new Date(`${s}T00:00:00+01:00`);
const forceWide = (id: string, from: string, base: number, supplements: Record<string, number> | undefined, settled = from): PolicyEvent => ({
  id,
  kind: "force-wide",
  effectiveFrom: d(from),
  baseHoursPerYear: base,
  unitSupplements: supplements ?? {},
  carrySupplements: supplements === undefined,
  categories: ["operational", "professionalisation", "network"],
  approvalThresholdHours: 4,
  settledAt: d(settled),
});
const unit = (id: string, from: string, unitId: string, hours: number, settled = from): PolicyEvent => ({
  ...forceWide(id, from, 0, {}, settled),
  kind: "unit-supplement",
  unitId,
  hours,
  carrySupplements: false,
});

describe("policy timeline (issue 9)", () => {
  it("applies a unit change on top of the version in force, and later versions carry it forward", () => {
    const t = policyTimeline([
      forceWide("v1", "2026-01-01", 60, { rotterdam: 20, "den-haag": 12 }),
      unit("u1", "2026-06-01", "rotterdam", 30),
      forceWide("v2", "2027-01-01", 80, undefined),
    ]);
    expect(t.map((p) => p.id)).to.deep.equal(["v1", "u1", "v2"]);
    expect(policyInForce(t, d("2026-03-01"))!.unitSupplements).to.deep.equal({ rotterdam: 20, "den-haag": 12 });
    expect(policyInForce(t, d("2026-07-01"))).to.deep.include({ baseHoursPerYear: 60, unitSupplements: { rotterdam: 30, "den-haag": 12 } });
    expect(policyInForce(t, d("2027-02-01"))).to.deep.include({ baseHoursPerYear: 80, unitSupplements: { rotterdam: 30, "den-haag": 12 } });
  });

  it("a version with its own supplements replaces them; a unit change before any version is left out", () => {
    const t = policyTimeline([
      unit("u0", "2025-01-01", "rotterdam", 99),
      forceWide("v1", "2026-01-01", 60, { rotterdam: 20 }),
      forceWide("v2", "2026-06-01", 70, { limburg: 5 }),
    ]);
    expect(t.map((p) => p.id)).to.deep.equal(["v1", "v2"]);
    expect(policyInForce(t, d("2026-07-01"))!.unitSupplements).to.deep.equal({ limburg: 5 });
  });

  it("on the same effectiveFrom the later-settled record wins, whatever the input order", () => {
    const a = forceWide("a", "2026-01-01", 60, { rotterdam: 20 }, "2025-10-01");
    const b = unit("b", "2026-01-01", "rotterdam", 25, "2025-11-01");
    for (const input of [
      [a, b],
      [b, a],
    ])
      expect(policyInForce(policyTimeline(input), d("2026-01-02"))!.unitSupplements).to.deep.equal({ rotterdam: 25 });
  });
});
