// Roze in Blauw helpline through the real app and FerretDB: authorization, roster rules, the routing
// table (incl. a shift ending at the DST change), idempotency, malformed input, coverage, events, stats.
import { expect } from "chai";
import { io, type Socket } from "socket.io-client";
import type { Service } from "../../api/src/bootstrap";
import { Member } from "../../api/src/models/member";
import { loggedCalls } from "../helpers/call-log";
import { helplineFor } from "../../api/src/helpline/runtime";
import { findUpcomingGaps } from "../../api/src/usecases/helpline/coverage";
import { startStack, stopSharedStack } from "../helpers/stack";
import { Client, anonymous, login, newUser } from "../helpers/http";

const RIB = ["ndv", "roze-in-blauw"];
const RSC = { amsterdam: "+31880000105", denHaag: "+31880000106", limburg: "+31880000110", noordHolland: "+31880000104", national: "+31880000111" };

/** Default SIP addressing (HELPLINE_*_SIP_URI unset): every target is its phone number on the trunk. */
const trunkUri = (phone: string) => `sip:${phone}@trunk.helpline.invalid`;

describe("helpline (Roze in Blauw)", function () {
  this.timeout(120_000);
  let s: Service;
  let clock = new Date("2026-10-20T10:00:00Z"); // a Tuesday, five days before the autumn DST change
  let planner: Client;
  let telephony: Client;
  const m: Record<"a" | "b" | "c", { client: Client; memberId: string; phone: string }> = {} as never;

  const at = async (iso: string) => {
    clock = new Date(iso);
    await helplineFor(s.deps).snapshot.refresh();
  };
  const route = (b: unknown) => telephony.post("/api/v1/helpline/route", b as object);
  const shift = (who: Client, body: object) => who.post("/api/v1/helpline/shifts", body);

  before(async () => {
    // A private stack: its clock moves and its roster must not be shared (mongoose has one connection).
    await stopSharedStack();
    s = await startStack({ DEMO_MEMBERS: "0" }, { now: () => clock });
    planner = await login(s, "planner");
    telephony = new Client(s.url, undefined, { "x-api-key": "demo-telephony-key" });
    for (const [k, unitId, phone] of [
      ["a", "amsterdam", "+31611111111"],
      ["b", "den-haag", "+31622222222"],
      ["c", "rotterdam", "+31633333333"],
    ] as const) {
      const u = await newUser(s, { roles: ["member"], unitId, networks: RIB, name: `${k.toUpperCase()}lex Tester` });
      await Member.updateOne({ _id: u.memberId }, { $set: { phone } });
      m[k] = { client: u.client, memberId: u.memberId!, phone };
    }
  });
  after(async () => {
    await s?.stop();
  });

  describe("authorization", () => {
    it("401 without or with a wrong API key; the key works only on the telephony endpoints", async () => {
      expect((await anonymous(s).post("/api/v1/helpline/route", { callId: "x" })).status).to.equal(401);
      expect((await new Client(s.url, undefined, { "x-api-key": "wrong-key-123" }).post("/api/v1/helpline/route", { callId: "x" })).status).to.equal(401);
      expect((await planner.post("/api/v1/helpline/route", { callId: "x" })).status).to.equal(403);
      expect((await telephony.get("/api/v1/helpline/shifts")).status).to.equal(403);
      expect((await telephony.get("/api/v1/helpline/stats")).status).to.equal(403);
      expect((await telephony.post("/api/v1/calendar/token")).status).to.equal(403);
    });

    it("a requester may not put anyone on the roster; a member only themself; a planner anyone", async () => {
      const requester = await login(s, "requester");
      const slot = { start: "2026-10-21T08:00:00Z", end: "2026-10-21T12:00:00Z" };
      expect((await shift(requester, { memberId: m.a.memberId, ...slot })).status).to.equal(403);
      expect((await shift(m.b.client, { memberId: m.a.memberId, ...slot })).status).to.equal(403);
      const own = await shift(m.a.client, slot);
      expect(own.status, own.text).to.equal(201);
      expect(own.body).to.include({ memberId: m.a.memberId, memberName: "Alex" });
      const assigned = await shift(planner, { memberId: m.b.memberId, ...slot });
      expect(assigned.status).to.equal(201);
      // B may not edit A's shift; the planner may; A may delete their own.
      expect((await m.b.client.patch(`/api/v1/helpline/shifts/${own.body.id}`, { end: "2026-10-21T11:00:00Z" })).status).to.equal(403);
      expect((await planner.patch(`/api/v1/helpline/shifts/${own.body.id}`, { end: "2026-10-21T11:00:00Z" })).body.end).to.equal("2026-10-21T11:00:00.000Z");
      expect((await m.a.client.delete(`/api/v1/helpline/shifts/${own.body.id}`)).status).to.equal(204);
      expect((await planner.delete(`/api/v1/helpline/shifts/${assigned.body.id}`)).status).to.equal(204);
      expect((await requester.get("/api/v1/helpline/stats")).status).to.equal(403);
      expect((await m.a.client.get("/api/v1/helpline/stats")).status).to.equal(403);
      expect((await planner.get("/api/v1/helpline/stats")).status).to.equal(200);
    });

    it("only Roze in Blauw members can be rostered", async () => {
      const ndvOnly = await newUser(s, { roles: ["member"], networks: ["ndv"] });
      const res = await shift(planner, { memberId: ndvOnly.memberId, start: "2026-10-21T08:00:00Z", end: "2026-10-21T12:00:00Z" });
      expect(res.status).to.equal(422);
      expect(res.body.errors[0].path).to.equal("memberId");
    });
  });

  describe("members a planner can roster", () => {
    it("lists active Roze in Blauw members by name for planners only, without contact details", async () => {
      const ndvOnly = await newUser(s, { roles: ["member"], networks: ["ndv"], name: "Nora Ndv" });
      const res = await planner.get("/api/v1/helpline/members");
      expect(res.status).to.equal(200);
      const ids = res.body.data.map((x: { id: string }) => x.id);
      expect(ids).to.include.members([m.a.memberId, m.b.memberId, m.c.memberId]);
      expect(ids).to.not.include(ndvOnly.memberId);
      expect(res.body.data.find((x: { id: string }) => x.id === m.b.memberId)).to.deep.equal({ id: m.b.memberId, name: "Blex Tester", unitId: "den-haag" });
      const names = res.body.data.map((x: { name: string }) => x.name);
      expect(names).to.deep.equal([...names].sort((x: string, y: string) => x.localeCompare(y)));
      // ?q= narrows by part of the name, case-insensitively; regex characters are literal.
      const q = await planner.get("/api/v1/helpline/members?q=clex");
      expect(q.body.data.map((x: { id: string }) => x.id)).to.deep.equal([m.c.memberId]);
      expect((await planner.get("/api/v1/helpline/members?q=.*")).body.data).to.deep.equal([]);
      expect((await m.a.client.get("/api/v1/helpline/members")).status).to.equal(403);
      expect((await (await login(s, "requester")).get("/api/v1/helpline/members")).status).to.equal(403);
      expect((await telephony.get("/api/v1/helpline/members")).status).to.equal(403);
    });
  });

  describe("roster rules (422 naming the field)", () => {
    it("rejects end before start, more than 12 hours, and overlaps per member", async () => {
      const back = await shift(planner, { memberId: m.c.memberId, start: "2026-10-22T12:00:00Z", end: "2026-10-22T08:00:00Z" });
      expect(back.status).to.equal(422);
      expect(back.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(["end"]);
      const long = await shift(planner, { memberId: m.c.memberId, start: "2026-10-22T06:00:00Z", end: "2026-10-22T18:30:00Z" });
      expect(long.status).to.equal(422);
      expect(long.body.errors[0]).to.include({ path: "end", code: "range_too_long" });
      const first = await shift(planner, { memberId: m.c.memberId, start: "2026-10-22T06:00:00Z", end: "2026-10-22T14:00:00Z" });
      expect(first.status).to.equal(201);
      const overlap = await shift(planner, { memberId: m.c.memberId, start: "2026-10-22T13:00:00Z", end: "2026-10-22T20:00:00Z" });
      expect(overlap.status).to.equal(422);
      expect(overlap.body.errors[0].path).to.equal("start");
      // Touching is fine, and another member may overlap.
      expect((await shift(planner, { memberId: m.c.memberId, start: "2026-10-22T14:00:00Z", end: "2026-10-22T20:00:00Z" })).status).to.equal(201);
      expect((await shift(planner, { memberId: m.a.memberId, start: "2026-10-22T13:00:00Z", end: "2026-10-22T20:00:00Z" })).status).to.equal(201);
      const bad = await shift(planner, { memberId: m.c.memberId, start: "soon", end: "2026-10-22T20:00:00Z" });
      expect(bad.status).to.equal(422);
      expect(bad.body.errors[0].path).to.equal("start");
    });
  });

  describe("routing table", () => {
    let events: Socket;
    const received: { event: string; payload: any }[] = [];
    before(async () => {
      // Roster for Tuesday 2026-10-20: A 08–16 UTC; later B too.
      expect((await shift(planner, { memberId: m.a.memberId, start: "2026-10-20T08:00:00Z", end: "2026-10-20T16:00:00Z" })).status).to.equal(201);
      const token = planner.token;
      events = io(s.url, { auth: { token }, transports: ["websocket"] });
      events.onAny((event, payload) => received.push({ event, payload }));
      await new Promise<void>((res, rej) => {
        events.on("connect", () => res());
        events.on("connect_error", rej);
      });
      await at("2026-10-20T10:00:00Z");
    });
    after(() => events?.close());

    it("a member on duty gets the call, and planners see it live", async () => {
      const res = await route({ callId: "t-1", callerNumber: "+31 20 555 0101" });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.include({ action: "member", target: { phone: m.a.phone, unitId: "amsterdam", sipUri: trunkUri(m.a.phone) } });
      expect(res.body.reason).to.be.a("string").and.not.empty;
      await new Promise((r) => setTimeout(r, 200));
      const ev = received.find((e) => e.event === "helpline:call" && e.payload.callId === "t-1");
      expect(ev?.payload).to.include({ phase: "routed", action: "member" });
    });

    it("the same callId twice gets the same answer (even after the member became busy)", async () => {
      const again = await route({ callId: "t-1", callerNumber: "+31 20 555 0101" });
      const first = await route({ callId: "t-1" });
      expect(again.body).to.deep.equal(first.body);
      expect(again.body.target.phone).to.equal(m.a.phone);
    });

    it("the on-duty member already on a call: the RSC of the caller's region (from the field)", async () => {
      const res = await route({ callId: "t-2", region: "den-haag" });
      expect(res.body).to.deep.include({ action: "rsc", target: { phone: RSC.denHaag, unitId: "den-haag", sipUri: trunkUri(RSC.denHaag) } });
      expect(res.body.reason).to.match(/busy/);
    });

    it("an outcome frees the member for the next call; with two on duty the least recently routed goes first", async () => {
      expect((await telephony.post("/api/v1/helpline/calls/t-1/outcome", { outcome: "answered", durationSec: 300 })).status).to.equal(200);
      expect((await shift(planner, { memberId: m.b.memberId, start: "2026-10-20T09:00:00Z", end: "2026-10-20T17:00:00Z" })).status).to.equal(201);
      await helplineFor(s.deps).snapshot.refresh();
      const toB = await route({ callId: "t-3" });
      expect(toB.body.target.phone, "B was never routed to").to.equal(m.b.phone);
      const toA = await route({ callId: "t-4" });
      expect(toA.body.target.phone).to.equal(m.a.phone);
      await telephony.post("/api/v1/helpline/calls/t-3/outcome", { outcome: "missed" });
      await telephony.post("/api/v1/helpline/calls/t-4/outcome", { outcome: "forwarded", durationSec: 40 });
      expect((await telephony.post("/api/v1/helpline/calls/t-4/outcome", { outcome: "maybe" })).status).to.equal(422);
    });

    it("none on duty: the RSC from the region field, from the caller's area code, else the national fallback", async () => {
      await at("2026-10-20T20:00:00Z");
      const byField = await route({ callId: "t-5", region: "noord-holland", callerNumber: "+31431234567" });
      expect(byField.body).to.deep.include({ action: "rsc", target: { phone: RSC.noordHolland, unitId: "noord-holland", sipUri: trunkUri(RSC.noordHolland) } });
      expect(byField.body.reason).to.match(/no member on duty/);
      const byAreaCode = await route({ callId: "t-6", callerNumber: "043-1234567" });
      expect(byAreaCode.body).to.deep.include({ action: "rsc", target: { phone: RSC.limburg, unitId: "limburg", sipUri: trunkUri(RSC.limburg) } });
      const mobile = await route({ callId: "t-7", callerNumber: "+31612345678" });
      expect(mobile.body).to.deep.include({ action: "rsc", target: { phone: RSC.national, unitId: "landelijke-eenheid", sipUri: trunkUri(RSC.national) } });
      const unknownRegion = await route({ callId: "t-8", region: "atlantis" });
      expect(unknownRegion.body.target.phone).to.equal(RSC.national);
    });

    it("a shift ending at the DST change: on duty until 03:00 CEST, off at what is then 02:00 CET", async () => {
      // 2026-10-25 01:00 UTC is the autumn change in Amsterdam (03:00 CEST → 02:00 CET).
      expect((await shift(planner, { memberId: m.b.memberId, start: "2026-10-24T19:00:00Z", end: "2026-10-25T01:00:00Z" })).status).to.equal(201);
      await at("2026-10-25T00:59:59Z");
      const before = await route({ callId: "dst-1", callerNumber: "020 1234567" });
      expect(before.body).to.deep.include({ action: "member", target: { phone: m.b.phone, unitId: "den-haag", sipUri: trunkUri(m.b.phone) } });
      await telephony.post("/api/v1/helpline/calls/dst-1/outcome", { outcome: "answered", durationSec: 60 });
      await at("2026-10-25T01:00:00Z");
      const after = await route({ callId: "dst-2", callerNumber: "020 1234567" });
      expect(after.body).to.deep.include({ action: "rsc", target: { phone: RSC.amsterdam, unitId: "amsterdam", sipUri: trunkUri(RSC.amsterdam) } });
      // The next shift starts at the same instant and takes over.
      expect((await shift(planner, { memberId: m.c.memberId, start: "2026-10-25T01:00:00Z", end: "2026-10-25T08:00:00Z" })).status).to.equal(201);
      await helplineFor(s.deps).snapshot.refresh();
      const handover = await route({ callId: "dst-3" });
      expect(handover.body.target.phone).to.equal(m.c.phone);
    });

    it("malformed input still gets a routable RSC (200) instead of an error", async () => {
      await at("2026-10-20T10:30:00Z"); // A and B on duty: a broken request still goes to the RSC
      const noId = await route({ callerNumber: "010 1234567" });
      expect(noId.status).to.equal(200);
      expect(noId.body).to.deep.include({ action: "rsc", target: { phone: "+31880000107", unitId: "rotterdam", sipUri: trunkUri("+31880000107") } });
      expect(noId.body.reason).to.match(/malformed/);
      const wrongTypes = await route({ callId: 42, region: ["x"], calledAt: "yesterday-ish" });
      expect(wrongTypes.status).to.equal(200);
      expect(wrongTypes.body).to.deep.include({ action: "rsc", target: { phone: RSC.national, unitId: "landelijke-eenheid", sipUri: trunkUri(RSC.national) } });
      const array = await telephony.request("POST", "/api/v1/helpline/route", "[1,2,3]");
      expect(array.status).to.equal(200);
      expect(array.body.action).to.equal("rsc");
      const notJsonType = await telephony.request("POST", "/api/v1/helpline/route", "callId=1", { "content-type": "text/plain" });
      expect(notJsonType.status).to.equal(200);
      expect(notJsonType.body.action).to.equal("rsc");
    });

    it("a body that is not JSON at all still gets an RSC", async () => {
      const res = await telephony.request("POST", "/api/v1/helpline/route", '{"callId": "broken-1", "callerNumber": "010 12', {
        "content-type": "application/json",
      });
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.include({ action: "rsc", target: { phone: RSC.national, unitId: "landelijke-eenheid", sipUri: trunkUri(RSC.national) } });
      expect(res.body.reason).to.match(/not valid JSON/);
    });

    it("statistics count the calls, the RSC share by hour of week and unit, missed calls and durations", async () => {
      await helplineFor(s.deps).callLog.flush();
      expect(helplineFor(s.deps).callLog.pending).to.equal(0);
      expect([...(await loggedCalls()).keys()].filter((k) => /^(t|dst)-/.test(k))).to.have.length(11);
      const res = await planner.get("/api/v1/helpline/stats?from=2026-10-20T00:00:00Z&to=2026-10-26T00:00:00Z");
      expect(res.status).to.equal(200);
      const st = res.body;
      expect(st.total).to.be.at.least(15);
      expect(st.routedToMember + st.routedToRsc).to.equal(st.total);
      expect(st.missed).to.equal(1);
      expect(st.durations.member.medianSec).to.equal(60); // 300, 40, 60 → 60
      expect(st.byHourOfWeek).to.have.length(168);
      // t-5..t-8 came in on Tuesday 22:00 local (20:00 UTC, CEST), all to an RSC.
      const tue22 = st.byHourOfWeek[1 * 24 + 22];
      expect(tue22).to.include({ day: 2, hour: 22, total: 4, rsc: 4, rscShare: 1 });
      const limburg = st.byUnit.find((u: { unitId: string }) => u.unitId === "limburg");
      expect(limburg).to.include({ total: 1, rsc: 1 });
      expect(st.rscLoadByUnit.find((u: { unitId: string }) => u.unitId === "landelijke-eenheid").calls).to.be.at.least(2);
    });
  });

  describe("coverage", () => {
    it("a week with a hole on Sunday night reports exactly that hole", async () => {
      // Week of Monday 2026-11-02 (CET, UTC+1): 06–14, 14–22, 22–06 local each day, except Sunday 22:00 → Monday 06:00.
      const who = [m.a.memberId, m.b.memberId, m.c.memberId];
      let n = 0;
      for (let day = 0; day < 7; day++) {
        for (const [h, len] of [
          [5, 8],
          [13, 8],
          [21, 8],
        ] as const) {
          if (day === 6 && h === 21) continue;
          const start = new Date(Date.UTC(2026, 10, 2 + day, h));
          const end = new Date(start.getTime() + len * 3_600_000);
          const res = await shift(planner, { memberId: who[n++ % 3], start: start.toISOString(), end: end.toISOString() });
          expect(res.status, res.text).to.equal(201);
        }
      }
      const res = await planner.get("/api/v1/helpline/coverage?from=2026-11-02T05:00:00Z&to=2026-11-09T05:00:00Z&byHourOfWeek=1");
      expect(res.status).to.equal(200);
      expect(res.body.gaps).to.deep.equal([{ start: "2026-11-08T21:00:00.000Z", end: "2026-11-09T05:00:00.000Z" }]);
      expect(res.body.byHourOfWeek[6 * 24 + 23]).to.equal(0); // Sunday 23:00 local
      expect(res.body.byHourOfWeek[2 * 24 + 3]).to.equal(1); // Wednesday 03:00 local
      expect((await m.a.client.get("/api/v1/helpline/coverage?from=2026-11-02T05:00:00Z&to=2026-11-09T05:00:00Z")).status).to.equal(200);
      expect((await (await login(s, "requester")).get("/api/v1/helpline/coverage")).status).to.equal(403);
    });

    it("the daily check tells planners about the holes of the next 7 days (event and API)", async () => {
      await at("2026-11-02T05:00:00Z");
      const sock = io(s.url, { auth: { token: planner.token }, transports: ["websocket"] });
      const got = new Promise<any>((res) => sock.on("helpline:gaps", res));
      await new Promise<void>((res) => sock.on("connect", () => res()));
      await findUpcomingGaps(s.deps); // what the durable daily job runs
      const payload = await got;
      sock.close();
      expect(payload.gaps).to.deep.equal([{ start: "2026-11-08T21:00:00.000Z", end: "2026-11-09T05:00:00.000Z" }]);
      const list = await planner.get("/api/v1/helpline/gaps");
      expect(list.body.gaps).to.deep.equal(payload.gaps);
    });
  });
});
