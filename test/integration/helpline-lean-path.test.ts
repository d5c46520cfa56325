// Issue 11: the routing webhook's lean path (api/src/helpline/lean-route.ts) answers a valid
// telephony key before the rest of the middleware, and must not answer differently from the full
// stack: same security headers, same request id, same decisions; everything else falls through.
import { expect } from "chai";
import { connect } from "node:net";
import type { Service } from "../../api/src/bootstrap";
import { createApiKey, revokeApiKey } from "../../api/src/auth/api-keys";
import { ApiKey } from "../../api/src/models/api-key";
import { sharedStack } from "../helpers/stack";
import { raw } from "../helpers/raw";
import { sha256 } from "../../api/src/auth/secrets";

const PATH = "/api/v1/helpline/route";
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "content-type", "content-length", "x-request-id", "vary", "transfer-encoding"]);

describe("helpline webhook lean path (issue 11)", function () {
  this.timeout(60_000);
  let s: Service;
  before(async () => {
    s = await sharedStack();
  });

  const call = (
    headers: Record<string, string>,
    body = JSON.stringify({ callId: `lean-${Math.random().toString(36).slice(2)}`, callerNumber: "+31201234567" }),
    path = PATH,
  ) => raw(s.url, "POST", path, { body, headers: { "content-type": "application/json", ...headers } });

  it("sends the same security headers as the full stack, and echoes the request id", async () => {
    const lean = await call({ "x-api-key": "demo-telephony-key", "x-request-id": "lean-path-1" });
    expect(lean.status).to.equal(200);
    expect(lean.body.action).to.be.oneOf(["member", "rsc"]);
    expect(lean.headers["x-request-id"]).to.equal("lean-path-1");
    // A wrong key goes through the full stack (helmet included) and ends in a 401.
    const full = await call({ "x-api-key": "not-a-key-at-all" });
    expect(full.status).to.equal(401);
    const security = Object.keys(full.headers).filter((h) => !PER_RESPONSE.has(h));
    expect(security).to.include.members(["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"]);
    for (const h of security) expect(lean.headers[h], h).to.equal(full.headers[h]);
  });

  it("answers the same decision through the full stack (a query string takes that path)", async () => {
    const body = JSON.stringify({ callId: "lean-same-1", callerNumber: "+31101234567" });
    const lean = await call({ "x-api-key": "demo-telephony-key" }, body);
    const full = await call({ "x-api-key": "demo-telephony-key" }, body, `${PATH}?via=full`);
    expect(full.status).to.equal(200);
    expect({ ...lean.body, reason: undefined }).to.deep.equal({ ...full.body, reason: undefined });
  });

  it("reads a body that arrives after its headers, in two parts", async () => {
    // A body sent with its headers is taken from the parser at once; this one the path has to wait for.
    const body = JSON.stringify({ callId: "lean-split-1", callerNumber: "+31101234567" });
    const half = Math.floor(body.length / 2);
    const { port } = new URL(s.url);
    const text = await new Promise<string>((resolve, reject) => {
      const sock = connect(Number(port), "127.0.0.1", () => {
        sock.write(
          `POST ${PATH} HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: demo-telephony-key\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
        );
        setTimeout(() => sock.write(body.slice(half)), 100);
      });
      let out = "";
      sock.on("data", (c) => (out += c.toString("utf8")));
      sock.on("end", () => resolve(out));
      sock.on("error", reject);
    });
    expect(text).to.match(/^HTTP\/1\.1 200 /);
    const answer = JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4));
    expect(answer.callId).to.equal("lean-split-1");
    // The same call again, whole: the same decision (idempotency), so the split body was read right.
    const again = await call({ "x-api-key": "demo-telephony-key" }, body);
    expect(again.body).to.deep.equal(answer);
  });

  it("still reads a body that is not JSON, and gives an RSC", async () => {
    const res = await call({ "x-api-key": "demo-telephony-key", "content-type": "text/plain" }, "{{{ not json");
    expect(res.status).to.equal(200);
    expect(res.body.action).to.equal("rsc");
  });

  it("refuses what the full stack refuses: no key, a revoked key, a session cookie", async () => {
    expect((await call({})).status).to.equal(401);
    const key = await createApiKey("lean-path-test", "telephony", "test");
    expect((await call({ "x-api-key": key })).status).to.equal(200);
    const stored = await ApiKey.findOne({ keyHash: sha256(key) }).lean();
    await revokeApiKey(String(stored!._id));
    const revoked = await call({ "x-api-key": key });
    expect(revoked.status).to.equal(401);
    expect(revoked.headers["content-type"]).to.match(/problem\+json/);
    expect((await call({ cookie: "ndv_session=forged" })).status).to.be.oneOf([401, 403]);
  });
});
