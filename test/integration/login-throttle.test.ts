// Issue 9, finding 5: login abuse. Each test plays an attacker from its own loopback address
// (127.0.0.x), so the real users on 127.0.0.1 are another machine. The service's clock stands still
// here, so a delay never runs out while a slow machine works through the attempts (under load the
// right password once arrived after a 1 s delay had passed).
import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { startStack } from "../helpers/stack";
import { login } from "../helpers/http";
import { postJsonFrom } from "../helpers/raw";

describe("login throttling (issue 9.5)", () => {
  let s: Service;
  before(async function () {
    this.timeout(120_000); // under load a start can pass 30 s
    const frozen = new Date();
    s = await startStack({ DEMO_MEMBERS: "0" }, { now: () => frozen });
  });
  after(async () => {
    await s?.stop();
  });

  it("150 different usernames from one address: 429 with Retry-After appears, and the delay is audited", async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 150; i++) {
      const res = await postJsonFrom(s.url, "127.0.0.77", "/api/v1/auth/login", { username: `spray${i}-${process.pid}`, password: "Winter2026!" });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers["retry-after"] as string;
    }
    const n401 = statuses.filter((x) => x === 401).length;
    const n429 = statuses.filter((x) => x === 429).length;
    expect(n401 + n429).to.equal(150);
    expect(n401).to.equal(30); // the address budget; with the clock standing still no delay runs out
    expect(n429).to.equal(120);
    expect(retryAfter).to.match(/^\d+$/);
    const auditor = await login(s, "auditor");
    const trail = (await auditor.get("/api/v1/audit?resourceType=login&limit=500")).body.data as {
      action: string;
      details: { scope: string; address: string };
    }[];
    expect(trail.some((e) => e.action === "login.throttled" && e.details.scope === "address" && e.details.address === "127.0.0.77")).to.equal(true);
  });

  it("60 wrong guesses for `auditor` from an attacker do not stop the real auditor signing in elsewhere", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++)
      statuses.push((await postJsonFrom(s.url, "127.0.0.78", "/api/v1/auth/login", { username: "auditor", password: `guess${i}` })).status);
    expect(statuses.slice(0, 5)).to.deep.equal([401, 401, 401, 401, 401]);
    expect(statuses.filter((x) => x === 429).length).to.equal(55);
    expect(statuses).not.to.include(423);
    // Even the right password waits on the attacker's address…
    expect((await postJsonFrom(s.url, "127.0.0.78", "/api/v1/auth/login", { username: "auditor", password: "demo" })).status).to.equal(429);
    // …but the real auditor, on another machine, signs in at once.
    const real = await postJsonFrom(s.url, "127.0.0.1", "/api/v1/auth/login", { username: "auditor", password: "demo" });
    expect(real.status).to.equal(200);
    expect(real.body.token).to.be.a("string");
    const trail = (await login(s, "auditor")).get("/api/v1/audit?resourceType=login&resourceId=auditor");
    const rows = (await trail).body.data as { action: string; actorId: string; details: { scope: string } }[];
    expect(rows.some((e) => e.action === "login.throttled" && e.details.scope === "account" && e.actorId === "address:127.0.0.78")).to.equal(true);
  });

  it("unknown and known usernames get the same status and body", async () => {
    const known = await postJsonFrom(s.url, "127.0.0.79", "/api/v1/auth/login", { username: "coordinator", password: "not-the-password" });
    const unknown = await postJsonFrom(s.url, "127.0.0.79", "/api/v1/auth/login", { username: `nobody-${process.pid}`, password: "not-the-password" });
    expect(known.status).to.equal(401);
    expect(unknown.status).to.equal(known.status);
    expect(unknown.text).to.equal(known.text);
    expect(unknown.headers["content-type"]).to.equal(known.headers["content-type"]);
  });
});
