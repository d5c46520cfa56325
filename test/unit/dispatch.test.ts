import { expect } from "chai";
import {
  DEFAULT_DISPATCH_SETTINGS,
  ESCALATION_LADDER,
  nextDispatch,
  resolveDispatchSettings,
  type DispatchDecision,
  type DispatchInput,
  type DispatchStep,
} from "../../api/src/domain/dispatch";
import type { Urgency } from "../../api/src/domain/types";

const ranked = Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, "0")}`);
const local = ["m01", "m02", "m04", "m07"]; // same unit as the request, in rank order
const pool = ["p1", "m03", "p2", "m01"]; // two pool members already in the ranked list

/** Walk the ladder as the escalation job would: every batch times out unanswered. */
function walk(input: Omit<DispatchInput, "step" | "alreadyOfferedIds">): DispatchDecision[] {
  const out: DispatchDecision[] = [];
  const offered: string[] = [];
  let step: DispatchStep | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const d = nextDispatch({ ...input, step, alreadyOfferedIds: offered });
    out.push(d);
    if (d.step === "unfilled") return out;
    if ("offerTo" in d) offered.push(...d.offerTo);
    step = d.step;
  }
  throw new Error("ladder did not terminate");
}

describe("domain/dispatch", () => {
  it("defines the policy per urgency", () => {
    expect(DEFAULT_DISPATCH_SETTINGS.acute).to.deep.equal({ batchSize: 5, timeoutMs: 10 * 60_000 });
    expect(DEFAULT_DISPATCH_SETTINGS.today).to.deep.equal({ batchSize: 3, timeoutMs: 60 * 60_000 });
    expect(DEFAULT_DISPATCH_SETTINGS.planned).to.deep.equal({ batchSize: 1, timeoutMs: 24 * 60 * 60_000 });
    expect(ESCALATION_LADDER).to.deep.equal(["local", "national", "pool", "coordinators", "unfilled"]);
  });

  it("offers the first batch to the top of the list with the urgency's batch size and timeout", () => {
    const cases: [Urgency, string[]][] = [
      ["acute", ["m01", "m02", "m03", "m04", "m05"]],
      ["today", ["m01", "m02", "m03"]],
      ["planned", ["m01"]],
    ];
    for (const [urgency, expected] of cases) {
      const d = nextDispatch({ urgency, rankedCandidateIds: ranked, alreadyOfferedIds: [] });
      expect(d).to.deep.equal({ step: "local", offerTo: expected, timeoutMs: DEFAULT_DISPATCH_SETTINGS[urgency].timeoutMs });
    }
  });

  it("offers the request's own unit first, then the whole country", () => {
    const first = nextDispatch({ urgency: "today", rankedCandidateIds: ranked, localCandidateIds: local, alreadyOfferedIds: [] });
    expect(first).to.deep.include({ step: "local", offerTo: ["m01", "m02", "m04"] });
    const second = nextDispatch({
      urgency: "today",
      step: "local",
      rankedCandidateIds: ranked,
      localCandidateIds: local,
      alreadyOfferedIds: ["m01", "m02", "m04"],
    });
    expect(second).to.deep.include({ step: "local", offerTo: ["m07"] });
    const third = nextDispatch({
      urgency: "today",
      step: "local",
      rankedCandidateIds: ranked,
      localCandidateIds: local,
      alreadyOfferedIds: ["m01", "m02", "m04", "m07"],
    });
    expect(third).to.deep.include({ step: "national", offerTo: ["m03", "m05", "m06"] });
  });

  it("walks the whole ladder to unfilled, offering nobody twice", () => {
    const steps = walk({ urgency: "acute", rankedCandidateIds: ranked, localCandidateIds: local, poolMemberIds: pool });
    expect(steps.map((d) => d.step)).to.deep.equal(["local", "national", "national", "pool", "coordinators", "unfilled"]);
    const offered = steps.flatMap((d) => ("offerTo" in d ? d.offerTo : []));
    expect(offered).to.have.length(new Set(offered).size);
    expect(new Set(offered)).to.deep.equal(new Set([...ranked, "p1", "p2"]));
    const coordinators = steps.find((d) => d.step === "coordinators");
    expect(coordinators).to.deep.equal({ step: "coordinators", timeoutMs: DEFAULT_DISPATCH_SETTINGS.acute.timeoutMs });
  });

  it("uses the pool's members on the pool step, ranked ones first", () => {
    const d = nextDispatch({
      urgency: "today",
      step: "national",
      rankedCandidateIds: ["m01", "m02", "m03"],
      alreadyOfferedIds: ["m01", "m02"],
      poolMemberIds: ["p9", "p1", "m02"],
    });
    // m03 is still unoffered on the national step.
    expect(d).to.deep.include({ step: "national", offerTo: ["m03"] });
    const p = nextDispatch({
      urgency: "today",
      step: "national",
      rankedCandidateIds: ["m01", "m02", "m03"],
      alreadyOfferedIds: ["m01", "m02", "m03"],
      poolMemberIds: ["p9", "p1", "m02", "p4", "m03"],
    });
    expect(p).to.deep.equal({ step: "pool", offerTo: ["p9", "p1", "p4"], timeoutMs: DEFAULT_DISPATCH_SETTINGS.today.timeoutMs });
  });

  it("skips empty steps: no candidates and no pool go straight to the coordinators, then unfilled", () => {
    const steps = walk({ urgency: "planned", rankedCandidateIds: [] });
    expect(steps.map((d) => d.step)).to.deep.equal(["coordinators", "unfilled"]);
    expect(nextDispatch({ urgency: "planned", step: "unfilled", rankedCandidateIds: ranked, alreadyOfferedIds: [] })).to.deep.equal({
      step: "unfilled",
    });
  });

  it("offers one at a time for planned requests across the whole ladder", () => {
    const steps = walk({ urgency: "planned", rankedCandidateIds: ["a", "b"], localCandidateIds: ["b"], poolMemberIds: ["c"] });
    expect(steps).to.deep.equal([
      { step: "local", offerTo: ["b"], timeoutMs: DEFAULT_DISPATCH_SETTINGS.planned.timeoutMs },
      { step: "national", offerTo: ["a"], timeoutMs: DEFAULT_DISPATCH_SETTINGS.planned.timeoutMs },
      { step: "pool", offerTo: ["c"], timeoutMs: DEFAULT_DISPATCH_SETTINGS.planned.timeoutMs },
      { step: "coordinators", timeoutMs: DEFAULT_DISPATCH_SETTINGS.planned.timeoutMs },
      { step: "unfilled" },
    ]);
  });

  it("ignores duplicate ids in the ranked list", () => {
    const d = nextDispatch({ urgency: "acute", rankedCandidateIds: ["a", "a", "b"], alreadyOfferedIds: [] });
    expect(d).to.deep.include({ offerTo: ["a", "b"] });
  });

  it("takes overrides from configuration and ignores invalid values", () => {
    const policy = resolveDispatchSettings({ acute: { batchSize: 8 }, planned: { timeoutMs: 3_600_000, batchSize: 0 } });
    expect(policy.acute).to.deep.equal({ batchSize: 8, timeoutMs: DEFAULT_DISPATCH_SETTINGS.acute.timeoutMs });
    expect(policy.planned).to.deep.equal({ batchSize: 1, timeoutMs: 3_600_000 });
    expect(policy.today).to.deep.equal(DEFAULT_DISPATCH_SETTINGS.today);
    const d = nextDispatch({ urgency: "acute", rankedCandidateIds: ranked, alreadyOfferedIds: [], policy });
    expect(d).to.deep.include({ offerTo: ranked.slice(0, 8) });
  });
});
