// The helpline behind a real SIP switch: Kamailio (deploy/kamailio) asks the routing API, SIPp
// plays the caller, the on-duty member's phone and the RSCs, all on loopback. The API runs as its
// own process so it can be killed (SIGKILL) or frozen (SIGSTOP) in the middle of a load run.
// Skipped with a message when kamailio or sipp (Debian: kamailio, kamailio-utils-modules,
// kamailio-json-modules, sip-tester) is missing. SIP_CALLS / SIP_RATE change the load runs.
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { freePort } from "../../api/src/db/embedded";
import mongoose from "mongoose";
import { UNITS } from "../../api/src/reference/units";
import { sipAddressing } from "../../api/src/helpline/sip-addressing";
import { mergePages } from "../../api/src/helpline/call-store";
import { escapeRegex } from "../../api/src/db/escape-regex";
import { DEFAULT_TABLE_PATH, apiTable, parseKamailioTable, renderKamailioTable } from "../../api/src/helpline/kamailio-export";
import { Client } from "../helpers/http";
import { LOAD_CALLERS, SipLab, TELEPHONY_KEY, missingSipTools, pct, rscNameFor, type RunResult } from "../helpers/sip";

const CALLS = Number(process.env.SIP_CALLS ?? 300);
const RATE = Number(process.env.SIP_RATE ?? 10);

describe("Kamailio area-code table", () => {
  it("the committed deploy/kamailio/rsc-table.cfg is what npm run export:kamailio writes from the API's reference data", () => {
    const committed = readFileSync(DEFAULT_TABLE_PATH, "utf8");
    expect(committed).to.equal(renderKamailioTable(sipAddressing()));
  });

  it("its area codes and RSC addresses equal the API's, code by code", () => {
    const parsed = parseKamailioTable(readFileSync(DEFAULT_TABLE_PATH, "utf8"));
    const api = apiTable(sipAddressing());
    expect(parsed.areaCodes.size).to.equal(UNITS.reduce((n, u) => n + u.areaCodes.length, 0));
    expect([...parsed.areaCodes].sort()).to.deep.equal([...api.areaCodes].sort());
    expect([...parsed.rscUris].sort()).to.deep.equal([...api.rscUris].sort());
    expect(parsed.fallbackUnitId).to.equal("landelijke-eenheid");
  });

  it("a table exported with per-unit RSC addresses carries exactly those addresses", () => {
    const sip = sipAddressing({ HELPLINE_RSC_SIP_URIS: { limburg: "sip:rsc@10.1.2.3:5070" } });
    const parsed = parseKamailioTable(renderKamailioTable(sip));
    expect(parsed.rscUris.get("limburg")).to.equal("sip:rsc@10.1.2.3:5070");
    expect(parsed.rscUris.get("amsterdam")).to.equal("sip:+31880000105@trunk.helpline.invalid");
  });
});

/** What SIPp said about a run, for the message of a failed expectation. */
const runInfo = (r: RunResult) =>
  `SIPp exit ${r.exitCode}, ${r.successful} successful, ${r.failed} failed, ${r.calls.length} calls logged, ${r.endedAt - r.startedAt} ms; ${r.errors.join(" | ")}`;

describe("helpline through Kamailio and SIPp (real SIP on loopback)", function () {
  this.timeout(240_000);
  const lab = new SipLab({ memberRingMs: 2000, log: (s) => console.log(`      ${s}`) });
  let planner: Client;
  let telephony: Client;
  let memberId = "";
  let shiftId = "";
  let db: mongoose.Connection | undefined;
  let probes = 0;
  /** Member calls whose end the killed API never heard about. */
  let unreported: string[] = [];

  const summary = (label: string, r: RunResult, calls = r.calls) => {
    const setups = calls.filter((c) => c.setupMs !== undefined).map((c) => c.setupMs!);
    return `${label}: ${calls.length} calls, INVITE→200 p50 ${pct(setups, 50).toFixed(1)} ms, p99 ${pct(setups, 99).toFixed(1)} ms`;
  };

  /** Waits until the API's roster snapshot has the member on duty (or nobody), freeing the probe call. */
  const rosterIs = async (onDuty: boolean) => {
    for (let i = 0; i < 100; i++) {
      const callId = `probe-${process.pid}-${++probes}`;
      const r = await telephony.post("/api/v1/helpline/route", { callId, callerNumber: "+31201234567" });
      if (r.body?.action === "member") await telephony.post(`/api/v1/helpline/calls/${callId}/outcome`, { outcome: "answered", durationSec: 0 });
      if ((r.body?.action === "member") === onDuty) return;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`roster never showed ${onDuty ? "the member on duty" : "nobody on duty"}`);
  };
  const putOnDuty = async () => {
    const now = Date.now();
    const res = await planner.post("/api/v1/helpline/shifts", {
      memberId,
      start: new Date(now - 3_600_000).toISOString(),
      end: new Date(now + 4 * 3_600_000).toISOString(),
    });
    expect(res.status, res.text).to.equal(201);
    shiftId = res.body.id;
    await rosterIs(true);
  };
  const takeOffDuty = async () => {
    expect((await planner.delete(`/api/v1/helpline/shifts/${shiftId}`)).status).to.equal(204);
    await rosterIs(false);
  };
  const callLog = async (callId: string, field: string) => {
    db ??= await mongoose.createConnection(lab.dbUrl).asPromise();
    for (let i = 0; i < 100; i++) {
      // The lab's API is another process: read its call log pages over this connection.
      const pages = await db
        .collection("helplinecallpages")
        .find({ lines: { $elemMatch: { $regex: escapeRegex(`"_id":"${callId}"`) } } })
        .toArray();
      const doc = mergePages(pages as never[]).find((c) => c._id === callId) as Record<string, unknown> | undefined;
      if (doc?.[field] !== undefined) return doc;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`call ${callId} has no ${field} in the call log`);
  };
  const login = async (username: string) => {
    const r = await new Client(lab.apiUrl).post("/api/v1/auth/login", { username, password: "demo" });
    return new Client(lab.apiUrl, r.body.token);
  };

  before(async function () {
    const missing = missingSipTools();
    if (missing.length) {
      console.log(
        `      SKIPPED: real-SIP tests need ${missing.join(", ")} (apt-get install kamailio kamailio-utils-modules kamailio-json-modules sip-tester)`,
      );
      this.skip();
    }
    await lab.init();
    await lab.startApi();
    planner = await login("planner");
    telephony = new Client(lab.apiUrl, undefined, { "x-api-key": TELEPHONY_KEY });
    memberId = (await (await login("member")).get("/api/v1/members/me")).body.id;
    expect(memberId).to.be.a("string");
    await lab.startKamailio();
    await lab.startRscs();
    await lab.startUas("member", "answer");
  });
  after(async () => {
    await db?.close();
    await lab.stop();
  });

  describe("one call at a time", () => {
    before(putOnDuty);

    it("with a member on duty, a call from an Amsterdam number reaches the member's phone", async () => {
      const r = await lab.call({ callers: ["+31201234567"], holdMs: 200 });
      expect(r.failed, r.errors.join("\n")).to.equal(0);
      expect(
        r.calls.map((c) => c.who),
        runInfo(r),
      ).to.deep.equal(["member"]);
      // The end of the call (BYE) is reported as answered, which frees the member.
      const doc = await callLog(r.calls[0]!.callId, "outcome");
      expect(doc).to.include({ action: "member", memberId, outcome: "answered" });
    });

    it("a member answering 486 sends the call to the Amsterdam RSC; the call log says member busy → RSC", async () => {
      await lab.startUas("member", "busy");
      const r = await lab.call({ callers: ["+31201234567"], holdMs: 200 });
      expect(r.failed, r.errors.join("\n")).to.equal(0);
      expect(
        r.calls.map((c) => c.who),
        runInfo(r),
      ).to.deep.equal(["rsc:amsterdam"]);
      const doc = await callLog(r.calls[0]!.callId, "outcome");
      expect(doc).to.include({
        action: "member",
        outcome: "forwarded",
        forwardReason: "member-busy",
        forwardedToUnitId: "amsterdam",
        outcomeNote: "member busy → RSC (amsterdam)",
      });
      const bad = await telephony.post(`/api/v1/helpline/calls/${r.calls[0]!.callId}/outcome`, { outcome: "forwarded", reason: "asleep" });
      expect(bad.status).to.equal(422);
    });

    it("a member who lets it ring (2 s here) is replaced by the caller's RSC: member did not answer → RSC", async () => {
      await lab.startUas("member", "no-answer");
      const r = await lab.call({ callers: ["+31433214567"], holdMs: 200 });
      expect(r.failed, r.errors.join("\n")).to.equal(0);
      expect(
        r.calls.map((c) => c.who),
        runInfo(r),
      ).to.deep.equal(["rsc:limburg"]);
      expect(r.calls[0]!.setupMs).to.be.greaterThan(1900);
      expect(await callLog(r.calls[0]!.callId, "outcome")).to.include({
        outcome: "forwarded",
        forwardReason: "member-no-answer",
        forwardedToUnitId: "limburg",
      });
    });

    it("a member phone that does not respond at all is unreachable → RSC", async () => {
      await lab.stopUas("member");
      const r = await lab.call({ callers: ["+31104567890"], holdMs: 200 });
      expect(r.failed, r.errors.join("\n")).to.equal(0);
      expect(
        r.calls.map((c) => c.who),
        runInfo(r),
      ).to.deep.equal(["rsc:rotterdam"]);
      expect(await callLog(r.calls[0]!.callId, "outcome")).to.include({
        outcome: "forwarded",
        forwardReason: "member-unreachable",
        forwardedToUnitId: "rotterdam",
      });
      await lab.startUas("member", "answer");
    });

    it("with nobody on duty, 043… reaches the Limburg RSC and an unknown prefix the national fallback", async () => {
      await takeOffDuty();
      const r = await lab.call({ callers: ["+31433214567", "0031433214567", "0433214567", "+31687654321", "+442071234567"], holdMs: 200 });
      expect(r.failed, r.errors.join("\n")).to.equal(0);
      expect(
        r.calls.map((c) => c.who),
        runInfo(r),
      ).to.deep.equal(["rsc:limburg", "rsc:limburg", "rsc:limburg", "rsc:landelijke-eenheid", "rsc:landelijke-eenheid"]);
    });
  });

  describe("a routing API that answers nonsense", () => {
    it("an error, garbage, or a target without a usable SIP URI: the caller's RSC from Kamailio's table", async () => {
      const answers: [number, string][] = [
        [500, JSON.stringify({ type: "about:blank", status: 500 })],
        [200, "<html>not json</html>"],
        [200, JSON.stringify({ action: "member", target: { phone: "+31612345678" }, reason: "no sipUri" })],
        [200, JSON.stringify({ action: "member", target: { phone: "+31612345678", sipUri: "mailto:x@y" }, reason: "not SIP" })],
      ];
      const seen: { key?: string; body: string }[] = [];
      const read = (req: IncomingMessage) =>
        new Promise<string>((res) => {
          let b = "";
          req.on("data", (d) => (b += d)).on("end", () => res(b));
        });
      const fake = createServer(async (req, res) => {
        seen.push({ key: req.headers["x-api-key"] as string | undefined, body: await read(req) });
        const [status, body] = answers[Math.min(seen.length, answers.length) - 1]!;
        res.writeHead(status, { "content-type": "application/json" }).end(body);
      });
      const port = await freePort();
      await new Promise<void>((r) => fake.listen(port, "127.0.0.1", r));
      try {
        // A 1 s hold-off (htable expiry counts whole seconds, so up to 2 s): the next call, 2.2 s later, asks again.
        await lab.startKamailio({ API_URL: `"http://127.0.0.1:${port}"`, API_HOLDOFF_S: 1 });
        const callers = ["+31201234567", "+31433214567", "+31703456789", "+442071234567"];
        const who: (string | undefined)[] = [];
        for (const caller of callers) {
          const r = await lab.call({ callers: [caller], holdMs: 100 });
          expect(r.failed, r.errors.join("\n")).to.equal(0);
          who.push(r.calls[0]!.who);
          await new Promise((res) => setTimeout(res, 2200));
        }
        expect(who).to.deep.equal(["rsc:amsterdam", "rsc:limburg", "rsc:den-haag", "rsc:landelijke-eenheid"]);
        // What Kamailio asked: the telephony key, the call id and the caller's number.
        expect(seen).to.have.length(4);
        for (const [i, s] of seen.entries()) {
          expect(s.key).to.equal(TELEPHONY_KEY);
          expect(JSON.parse(s.body)).to.have.keys("callId", "callerNumber").and.include({ callerNumber: callers[i] });
        }
      } finally {
        fake.close();
      }
    });
  });

  describe(`${CALLS} calls at ${RATE} calls/s with a member on duty`, () => {
    before(async () => {
      await lab.startKamailio();
      await putOnDuty();
    });

    it("API up: 0 failed calls, each answered where /route said", async () => {
      const r = await lab.call({ callers: LOAD_CALLERS, count: CALLS, rate: RATE, holdMs: 1000 });
      console.log(`      ${summary("API up", r)}; SIPp: ${r.successful} successful, ${r.failed} failed`);
      expect(r.failed, r.errors.join("\n")).to.equal(0);
      expect(r.successful, runInfo(r)).to.equal(CALLS);
      expect(r.calls.filter((c) => c.who)).to.have.length(CALLS);
      const wrong: string[] = [];
      const byWhom: Record<string, number> = {};
      for (const c of r.calls) {
        // /route is idempotent per callId: asking again returns what Kamailio was told.
        const said = await telephony.post("/api/v1/helpline/route", { callId: c.callId });
        const expected = lab.nameOfUri(said.body.target.sipUri);
        byWhom[c.who!] = (byWhom[c.who!] ?? 0) + 1;
        if (c.who !== expected) wrong.push(`${c.callId} from ${c.caller}: /route said ${expected}, answered by ${c.who}`);
      }
      console.log(`      answered by: ${JSON.stringify(byWhom)}`);
      expect(wrong).to.deep.equal([]);
      expect(byWhom.member, "the member took some calls").to.be.greaterThan(0);
    });

    it("API killed (SIGKILL) a third of the way: 0 failed calls, every later call answered by the right RSC", async () => {
      await lab.startKamailio(); // a fresh switch: no hold-off left from earlier runs
      let killedAt = 0;
      const r = await lab.call({
        callers: LOAD_CALLERS,
        count: CALLS,
        rate: RATE,
        holdMs: 1000,
        during: async (started) => {
          await new Promise((res) => setTimeout(res, started + (CALLS / 3 / RATE) * 1000 - Date.now()));
          lab.signalApi("SIGKILL");
          killedAt = Date.now();
        },
      });
      const before = r.calls.filter((c) => c.startMs < killedAt);
      const after = r.calls.filter((c) => c.startMs >= killedAt);
      console.log(`      ${summary("before SIGKILL", r, before)}`);
      console.log(`      ${summary("after SIGKILL", r, after)}; SIPp: ${r.successful} successful, ${r.failed} failed`);
      expect(r.failed, r.errors.join("\n")).to.equal(0);
      expect(r.successful, runInfo(r)).to.equal(CALLS);
      expect(after.length).to.be.greaterThan(CALLS / 2);
      unreported = before.filter((c) => c.who === "member").map((c) => c.callId);
      expect(after.filter((c) => c.who !== rscNameFor(c.caller)).map((c) => `${c.caller} → ${c.who}`)).to.deep.equal([]);
    });

    it("API frozen (SIGSTOP) a third of the way: the timeout path answers every call", async () => {
      await lab.startApi(); // same database: the member is still on duty
      await lab.startKamailio();
      // The restarted API counts the member busy on calls whose end it never heard of (their BYE
      // came while it was dead); the platform reconciles those, as it would after an outage.
      for (const callId of unreported) await telephony.post(`/api/v1/helpline/calls/${callId}/outcome`, { outcome: "answered" });
      await rosterIs(true);
      let frozenAt = 0;
      const r = await lab.call({
        callers: LOAD_CALLERS,
        count: CALLS,
        rate: RATE,
        holdMs: 1000,
        during: async (started) => {
          await new Promise((res) => setTimeout(res, started + (CALLS / 3 / RATE) * 1000 - Date.now()));
          lab.signalApi("SIGSTOP");
          frozenAt = Date.now();
        },
      });
      await lab.stopApi();
      const before = r.calls.filter((c) => c.startMs < frozenAt);
      const after = r.calls.filter((c) => c.startMs >= frozenAt);
      console.log(`      ${summary("before SIGSTOP", r, before)}`);
      console.log(`      ${summary("after SIGSTOP", r, after)}; SIPp: ${r.successful} successful, ${r.failed} failed`);
      expect(r.failed, r.errors.join("\n")).to.equal(0);
      expect(r.successful, runInfo(r)).to.equal(CALLS);
      expect(after.filter((c) => c.who !== rscNameFor(c.caller)).map((c) => `${c.caller} → ${c.who}`)).to.deep.equal([]);
    });
  });
});
