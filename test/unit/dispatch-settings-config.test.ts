import { expect } from "chai";
import { loadConfig } from "../../api/src/config";

describe("config: DISPATCH_SETTINGS (DISPATCH_POLICY is the older name)", () => {
  it("reads DISPATCH_SETTINGS, falls back to DISPATCH_POLICY, and prefers the new name when both are set", () => {
    expect(loadConfig({ DISPATCH_SETTINGS: '{"acute":{"batchSize":7}}' }).DISPATCH_SETTINGS).to.deep.equal({ acute: { batchSize: 7 } });
    expect(loadConfig({ DISPATCH_POLICY: '{"today":{"batchSize":2}}' }).DISPATCH_SETTINGS).to.deep.equal({ today: { batchSize: 2 } });
    const both = loadConfig({ DISPATCH_SETTINGS: '{"acute":{"batchSize":7}}', DISPATCH_POLICY: '{"acute":{"batchSize":2}}' });
    expect(both.DISPATCH_SETTINGS).to.deep.equal({ acute: { batchSize: 7 } });
    expect(loadConfig({}).DISPATCH_SETTINGS).to.equal(undefined);
    expect(() => loadConfig({ DISPATCH_SETTINGS: '{"acute":{"batchSize":0}}' })).to.throw(/DISPATCH_SETTINGS/);
  });
});
