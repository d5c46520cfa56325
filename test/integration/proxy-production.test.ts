// Issue 9, finding 11: NODE_ENV=production over plain HTTP, and URLs built from forwarded headers.
import { expect } from "chai";
import { Writable } from "node:stream";
import pino from "pino";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack, startStack } from "../helpers/stack";
import { login } from "../helpers/http";
import { raw } from "../helpers/raw";

describe("proxies and production over plain HTTP (issue 9.11)", function () {
  this.timeout(120_000);

  it("without TRUST_PROXY, X-Forwarded-Host never reaches the calendar feed URLs", async () => {
    const s = await sharedStack();
    const member = await login(s, "member");
    const res = await raw(s.url, "POST", "/api/v1/calendar/token", {
      body: "{}",
      headers: {
        authorization: `Bearer ${member.token}`,
        "content-type": "application/json",
        "x-forwarded-host": "attacker.example",
        "x-forwarded-proto": "https",
      },
    });
    expect(res.status, res.text).to.equal(200);
    expect(JSON.stringify(res.body.urls)).not.to.contain("attacker.example");
    expect(res.body.urls.me).to.match(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/me\.ics\?token=/);
  });

  describe("NODE_ENV=production, no TRUST_PROXY, plain HTTP", () => {
    let s: Service;
    const lines: string[] = [];
    before(async () => {
      const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
      s = await startStack({ NODE_ENV: "production", DEMO: "1", DEMO_MEMBERS: "0" }, { logger: pino({ level: "warn" }, sink) });
    });
    after(async () => {
      await s?.stop();
    });

    it("says at start-up how to set up HTTPS (TRUST_PROXY / COOKIE_SECURE)", () => {
      expect(lines.join("\n")).to.match(/COOKIE_SECURE is on .* TRUST_PROXY is off/);
    });

    it("login answers 200 with a token (no 500) and sends no Secure cookie over plain HTTP", async () => {
      const res = await raw(s.url, "POST", "/api/v1/auth/login", {
        body: JSON.stringify({ username: "requester", password: "demo" }),
        headers: { "content-type": "application/json" },
      });
      expect(res.status, res.text).to.equal(200);
      expect(res.body.token).to.be.a("string");
      expect(res.headers["set-cookie"]).to.equal(undefined);
      // A spoofed X-Forwarded-Proto is not believed either (no proxy is trusted).
      const spoofed = await raw(s.url, "POST", "/api/v1/auth/login", {
        body: JSON.stringify({ username: "requester", password: "demo" }),
        headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
      });
      expect(spoofed.status).to.equal(200);
      expect(spoofed.headers["set-cookie"]).to.equal(undefined);
    });
  });

  describe("TRUST_PROXY=1 behind an HTTPS proxy", () => {
    let s: Service;
    before(async () => {
      s = await startStack({ NODE_ENV: "production", DEMO: "1", DEMO_MEMBERS: "0", TRUST_PROXY: "1" });
    });
    after(async () => {
      await s?.stop();
    });

    it("sets the Secure session cookie when the proxy says HTTPS, and uses the forwarded host", async () => {
      const res = await raw(s.url, "POST", "/api/v1/auth/login", {
        body: JSON.stringify({ username: "member", password: "demo" }),
        headers: { "content-type": "application/json", "x-forwarded-proto": "https", "x-forwarded-host": "ndv.politie.example" },
      });
      expect(res.status, res.text).to.equal(200);
      expect(String(res.headers["set-cookie"])).to.match(/ndv_session=.*secure/i);
      const cal = await raw(s.url, "POST", "/api/v1/calendar/token", {
        body: "{}",
        headers: {
          authorization: `Bearer ${res.body.token}`,
          "content-type": "application/json",
          "x-forwarded-proto": "https",
          "x-forwarded-host": "ndv.politie.example",
        },
      });
      expect(cal.body.urls.me).to.match(/^https:\/\/ndv\.politie\.example\/api\/v1\/calendar\/me\.ics/);
    });
  });
});
