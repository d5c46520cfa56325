import { expect } from "chai";
import { ConfigError, loadConfig } from "../../api/src/config";

describe("configuration", () => {
  it("has sensible defaults and demo mode outside production", () => {
    const c = loadConfig({});
    expect(c.PORT).to.equal(3000);
    expect(c.DATA_DIR).to.equal(".data");
    expect(c.demo).to.equal(true);
    expect(loadConfig({ NODE_ENV: "production" }).demo).to.equal(false);
  });

  it("names every invalid variable", () => {
    expect(() => loadConfig({ PORT: "abc", MONGO_URL: "not a url" }))
      .to.throw(ConfigError)
      .with.property("message")
      .that.matches(/PORT/)
      .and.matches(/MONGO_URL/);
  });

  it("parses a dispatch policy override and rejects a malformed one", () => {
    expect(loadConfig({ DISPATCH_POLICY: '{"acute":{"batchSize":7}}' }).DISPATCH_POLICY).to.deep.equal({ acute: { batchSize: 7 } });
    expect(() => loadConfig({ DISPATCH_POLICY: "{acute" })).to.throw(/DISPATCH_POLICY: Expected JSON/);
    expect(() => loadConfig({ DISPATCH_POLICY: '{"acute":{"batchSize":0}}' })).to.throw(/DISPATCH_POLICY/);
  });
});
