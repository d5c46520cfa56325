import { expect } from "chai";
import { DEFAULT_DISPATCH_SETTINGS, freezeDispatch, resolveDispatchSettings, settingsFor } from "../../api/src/domain/dispatch";

describe("frozen dispatch settings", () => {
  const changed = resolveDispatchSettings({ acute: { batchSize: 2, timeoutMs: 60_000 } });

  it("freezes the ladder and the urgency's rule", () => {
    expect(freezeDispatch("today", DEFAULT_DISPATCH_SETTINGS)).to.deep.equal({
      ladder: ["local", "national", "pool", "coordinators", "unfilled"],
      batchSize: 3,
      timeoutMs: 3_600_000,
    });
  });

  it("a request keeps its frozen settings when the configuration changes", () => {
    const frozen = freezeDispatch("acute", DEFAULT_DISPATCH_SETTINGS, ["local", "coordinators", "unfilled"]);
    expect(settingsFor("acute", frozen, changed)).to.deep.equal({ ladder: ["local", "coordinators", "unfilled"], batchSize: 5, timeoutMs: 600_000 });
  });

  it("a document without (or with a broken) snapshot follows the current configuration", () => {
    const now = { ladder: ["local", "national", "pool", "coordinators", "unfilled"], batchSize: 2, timeoutMs: 60_000 };
    expect(settingsFor("acute", undefined, changed)).to.deep.equal(now);
    expect(settingsFor("acute", { ladder: [], batchSize: 5, timeoutMs: 1 }, changed)).to.deep.equal(now);
    expect(settingsFor("acute", { ladder: ["local", "bogus" as never], batchSize: 5, timeoutMs: 1 }, changed)).to.deep.equal(now);
  });
});
