// Issue 9, findings 1 and 2, replayed as the attacker did them, and the flows that replace them:
// networks and units are granted (asked by the member, decided by a coordinator of that network or an
// admin), and the force-wide regulation is proposed by one policy-admin and approved by another.
import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { Member } from "../../api/src/models/member";
import { helplineFor } from "../../api/src/helpline/runtime";
import { startStack, stopSharedStack } from "../helpers/stack";
import { Client, login, newUser } from "../helpers/http";
import { freshMembers } from "../helpers/core";

describe("issue 9: granted networks and units, force-wide regulation (security)", function () {
  this.timeout(120_000);
  let s: Service;
  // The injected clock: "now" for shifts, routing and "never in the past" all come from here.
  let clock = new Date("2026-11-10T10:00:00Z");
  let admin: Client;
  let coordinator: Client; // the demo coordinator: Rotterdam, Amsterdam and Roze in Blauw
  let telephony: Client;
  let auditor: Client;

  const iso = (ms: number) => new Date(clock.getTime() + ms).toISOString();
  const MIN = 60_000;

  /** A fresh Den Haag NDV member with a phone of their own (the attacker of finding 1). */
  async function denHaagMember(phone: string) {
    const u = await newUser(s, { roles: ["member"], unitId: "den-haag", networks: ["ndv"] });
    await Member.updateOne({ _id: u.memberId }, { $set: { phone } });
    return u;
  }

  async function auditActions(resourceType: string, resourceId: string): Promise<string[]> {
    const res = await auditor.get(`/api/v1/audit?resourceType=${resourceType}&resourceId=${resourceId}`);
    expect(res.status, res.text).to.equal(200);
    return (res.body.data as { action: string }[]).map((e) => e.action).sort();
  }

  before(async () => {
    await stopSharedStack();
    s = await startStack({ DEMO_MEMBERS: "0" }, { now: () => clock });
    admin = await login(s, "admin");
    coordinator = await login(s, "coordinator");
    auditor = await login(s, "auditor");
    telephony = new Client(s.url, undefined, { "x-api-key": "demo-telephony-key" });
  });
  after(async () => {
    await s?.stop();
  });

  describe("finding 1: a member cannot make themselves a helpline answerer", () => {
    it("replays the attack: PUT networks → 403, own shift → 403, the call does not reach them", async () => {
      const phone = "+31690000001";
      const attacker = await denHaagMember(phone);
      const put = await attacker.client.put("/api/v1/members/me", { networks: ["ndv", "roze-in-blauw"] });
      expect(put.status, put.text).to.equal(403);
      expect(put.headers.get("content-type")).to.match(/application\/problem\+json/);
      expect(put.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(["networks"]);
      expect((await Member.findById(attacker.memberId).lean())!.networks).to.deep.equal(["ndv"]);
      expect((await attacker.client.get("/api/v1/auth/me")).body.networks).to.deep.equal(["ndv"]);

      const shift = await attacker.client.post("/api/v1/helpline/shifts", { start: iso(-5 * MIN), end: iso(180 * MIN) });
      expect(shift.status, shift.text).to.equal(403);

      await helplineFor(s.deps).snapshot.refresh();
      const routed = await telephony.post("/api/v1/helpline/route", { callId: "issue9-attack-1", callerNumber: "+31701234567" });
      expect(routed.status).to.equal(200);
      expect(routed.body.target.phone).to.not.equal(phone);
      expect(routed.body.action).to.equal("rsc"); // nobody (approved) is on duty in this store
    });

    it("the unit is not self-declared either; unchanged unit and networks still pass (the profile form)", async () => {
      const m = await denHaagMember("+31690000002");
      const moved = await m.client.put("/api/v1/members/me", { unitId: "rotterdam" });
      expect(moved.status).to.equal(403);
      expect(moved.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(["unitId"]);
      expect((await Member.findById(m.memberId).lean())!.unitId).to.equal("den-haag");
      const same = await m.client.put("/api/v1/members/me", { unitId: "den-haag", networks: ["ndv"], languages: ["nl", "en"] });
      expect(same.status, same.text).to.equal(200);
      expect(same.body.languages).to.deep.equal(["nl", "en"]);
      // Dropping a network is a change too.
      expect((await m.client.put("/api/v1/members/me", { networks: [] })).status).to.equal(403);
    });

    it("asking to join: the member asks, a coordinator of that network approves; then the shift and the call work", async () => {
      const phone = "+31690000003";
      const m = await denHaagMember(phone);
      const ask = await m.client.post("/api/v1/members/me/network-requests", { networkId: "roze-in-blauw", motivation: "Ik wil de hulplijn versterken" });
      expect(ask.status, ask.text).to.equal(201);
      expect(ask.body).to.include({ networkId: "roze-in-blauw", status: "pending", memberId: m.memberId });
      expect((await m.client.post("/api/v1/members/me/network-requests", { networkId: "roze-in-blauw" })).status).to.equal(409);
      expect((await m.client.post("/api/v1/members/me/network-requests", { networkId: "atlantis" })).status).to.equal(422);
      expect((await m.client.post("/api/v1/members/me/network-requests", { networkId: "ndv" })).status).to.equal(409);
      const mine = await m.client.get("/api/v1/members/me/network-requests");
      expect(mine.body.data.map((r: { id: string; status: string }) => [r.id, r.status])).to.deep.equal([[ask.body.id, "pending"]]);

      // Who may not decide: the member, a coordinator of another network/unit only, the planner.
      expect((await m.client.post(`/api/v1/network-requests/${ask.body.id}/approve`)).status).to.equal(403);
      const unitCoord = await newUser(s, { roles: ["coordinator"], unitId: "den-haag", scope: { units: ["den-haag"], networks: ["ndv"] } });
      expect((await unitCoord.client.post(`/api/v1/network-requests/${ask.body.id}/approve`)).status).to.equal(403);
      expect((await unitCoord.client.get("/api/v1/network-requests?status=pending")).body.data.map((r: { id: string }) => r.id)).to.not.include(ask.body.id);
      expect((await (await login(s, "planner")).post(`/api/v1/network-requests/${ask.body.id}/approve`)).status).to.equal(403);

      const pending = await coordinator.get("/api/v1/network-requests?status=pending");
      expect(pending.status).to.equal(200);
      expect(pending.body.data.find((r: { id: string }) => r.id === ask.body.id)).to.include({
        name: `Test ${m.username}`,
        unitId: "den-haag",
        motivation: "Ik wil de hulplijn versterken",
      });

      const ok = await coordinator.post(`/api/v1/network-requests/${ask.body.id}/approve`);
      expect(ok.status, ok.text).to.equal(200);
      expect(ok.body.status).to.equal("approved");
      expect((await coordinator.post(`/api/v1/network-requests/${ask.body.id}/reject`)).status).to.equal(409);
      expect((await Member.findById(m.memberId).lean())!.networks).to.include("roze-in-blauw");
      expect((await m.client.get("/api/v1/auth/me")).body.networks).to.include("roze-in-blauw");
      expect(await auditActions("network-request", ask.body.id)).to.deep.equal(["approve", "create"]);

      const shift = await m.client.post("/api/v1/helpline/shifts", { start: iso(-5 * MIN), end: iso(180 * MIN) });
      expect(shift.status, shift.text).to.equal(201);
      await helplineFor(s.deps).snapshot.refresh();
      const routed = await telephony.post("/api/v1/helpline/route", { callId: "issue9-approved-1" });
      expect(routed.body).to.deep.include({ action: "member" });
      expect(routed.body.target.phone).to.equal(phone);
      expect((await m.client.delete(`/api/v1/helpline/shifts/${shift.body.id}`)).status).to.equal(204);
    });

    it("a coordinator never approves their own request; a rejection grants nothing", async () => {
      const both = await newUser(s, {
        roles: ["member", "coordinator"],
        unitId: "rotterdam",
        networks: ["ndv"],
        scope: { units: ["rotterdam"], networks: ["roze-in-blauw"] },
      });
      const ask = await both.client.post("/api/v1/members/me/network-requests", { networkId: "roze-in-blauw" });
      expect(ask.status).to.equal(201);
      const self = await both.client.post(`/api/v1/network-requests/${ask.body.id}/approve`);
      expect(self.status).to.equal(403);
      expect(self.body.detail).to.match(/own request/);
      const no = await admin.post(`/api/v1/network-requests/${ask.body.id}/reject`, { reason: "Eerst kennismaken" });
      expect(no.status).to.equal(200);
      expect(no.body).to.include({ status: "rejected", reason: "Eerst kennismaken" });
      expect((await Member.findById(both.memberId).lean())!.networks).to.deep.equal(["ndv"]);
      expect(await auditActions("network-request", ask.body.id)).to.deep.equal(["create", "reject"]);
    });

    it("a unit changes only by an admin or a coordinator of both units, audited", async () => {
      const m = await denHaagMember("+31690000004");
      const to = (c: Client, unitId: string) => c.put(`/api/v1/members/${m.memberId}/unit`, { unitId, reason: "Overplaatsing" });
      expect((await to(m.client, "rotterdam")).status).to.equal(403); // not oneself
      expect((await to(coordinator, "rotterdam")).status).to.equal(403); // Rotterdam + Amsterdam: not Den Haag
      const both = await newUser(s, { roles: ["coordinator"], unitId: "den-haag", scope: { units: ["den-haag", "rotterdam"], networks: [] } });
      expect((await to(both.client, "limburg")).status).to.equal(403); // not the new unit
      expect((await to(both.client, "atlantis")).status).to.equal(422);
      const ok = await to(both.client, "rotterdam");
      expect(ok.status, ok.text).to.equal(200);
      expect((await m.client.get("/api/v1/auth/me")).body.unitId).to.equal("rotterdam");
      expect((await Member.findById(m.memberId).lean())!.unitId).to.equal("rotterdam");
      expect((await to(admin, "limburg")).status).to.equal(200);
      expect(await auditActions("member", m.memberId!)).to.include.members(["change-unit"]);
    });

    it("nobody grants themselves a role: an admin cannot make themselves policy-admin", async () => {
      const me = (await admin.get("/api/v1/auth/me")).body;
      const self = await admin.patch(`/api/v1/admin/users/${me.id}`, { roles: ["admin", "policy-admin"] });
      expect(self.status).to.equal(403);
      expect((await admin.get("/api/v1/auth/me")).body.roles).to.not.include("policy-admin");
      const other = await newUser(s, { roles: ["requester"] });
      expect((await admin.patch(`/api/v1/admin/users/${other.id}`, { roles: ["policy-admin"] })).status).to.equal(200);
    });

    it("planners roster only approved Roze in Blauw members", async () => {
      const planner = await login(s, "planner");
      const m = await denHaagMember("+31690000005");
      const res = await planner.post("/api/v1/helpline/shifts", { memberId: m.memberId, start: iso(60 * MIN), end: iso(120 * MIN) });
      expect(res.status).to.equal(422);
    });
  });

  describe("finding 4: candidate cards cannot be linked across requests", () => {
    it("two requests with the same expertise: no budget figure, no level numbers, coarse cards, per-request refs", async () => {
      // Twelve members with the same expertise, half expert (3) and half level 2, each with a different
      // amount of time used, so every remaining budget differs (the attacker's 55.2 h linked all 100 cards).
      const experts = await freshMembers(admin, s, 6, { unitId: "rotterdam", language: "ti", expertise: [{ id: "culture.somali", level: 3, visible: true }] });
      const others = await freshMembers(admin, s, 6, { unitId: "rotterdam", language: "ti", expertise: [{ id: "culture.somali", level: 2, visible: true }] });
      const all = [...experts, ...others];
      for (const [i, m] of all.entries()) {
        const res = await m.client.post("/api/v1/time-entries", { date: "2026-11-02", hours: 0.25 * (i + 1), category: "network" });
        expect(res.status, res.text).to.equal(201);
      }
      const requester = await login(s, "requester");
      const ask = {
        title: "Somalische gemeenschap",
        description: "Context gevraagd bij een melding.",
        expertise: ["culture.somali"],
        languages: ["ti"],
        urgency: "planned",
        mode: "phone",
        unitId: "rotterdam",
        estimatedHours: 1,
      };
      const cards = async () => {
        const created = await requester.post("/api/v1/requests", ask);
        expect(created.status, created.text).to.equal(201);
        const res = await requester.get(`/api/v1/requests/${created.body.id}/candidates?limit=50`);
        expect(res.status).to.equal(200);
        return res.body as {
          candidateRef: string;
          score: number;
          reasons: string[];
          reasonCodes: { code: string; params?: Record<string, unknown> }[];
          unitId: string;
          available: boolean;
        }[];
      };
      const [a, b] = [await cards(), await cards()];
      expect(a).to.have.length(12);
      expect(b).to.have.length(12);
      for (const c of [...a, ...b]) {
        expect(c.reasons.join(" "), "no figures in the reasons").to.not.match(/\d/);
        expect(c.reasonCodes.map((r) => r.code)).to.include("budget-sufficient");
        for (const r of c.reasonCodes) for (const v of Object.values(r.params ?? {})) expect(v, `${r.code} params`).to.not.be.a("number");
      }
      // Fingerprint of everything on a card except its score and its (per-request) ref.
      const print = (c: (typeof a)[number]) => JSON.stringify([c.reasons, c.reasonCodes, c.unitId, c.available]);
      const counts = (cs: typeof a) => cs.reduce((m, c) => m.set(print(c), (m.get(print(c)) ?? 0) + 1), new Map<string, number>());
      const [ca, cb] = [counts(a), counts(b)];
      expect(ca.size, "distinct cards").to.be.at.most(2); // expert or not; everything else is alike
      const linkable = a.filter((c) => ca.get(print(c)) === 1 && cb.get(print(c)) === 1);
      expect(linkable, "cards that match one-to-one across the two requests").to.have.length(0);
      const refsB = new Set(b.map((c) => c.candidateRef));
      expect(
        a.filter((c) => refsB.has(c.candidateRef)),
        "candidateRef is per request",
      ).to.have.length(0);
      // Scores are shown in coarse steps.
      for (const c of [...a, ...b]) expect(Math.abs(c.score * 20 - Math.round(c.score * 20))).to.be.lessThan(1e-9);
    });
  });

  describe("finding 2: the force-wide regulation belongs to policy-admins, four eyes", () => {
    const year = () => clock.getUTCFullYear();
    const allotted = async (c: Client, y = year()) => {
      const res = await c.get(`/api/v1/budgets/me?year=${y}`);
      expect(res.status, res.text).to.equal(200);
      return res.body.allotted as number;
    };
    const version = (over: Record<string, unknown> = {}) => ({
      effectiveFrom: "2098-01-01",
      baseHoursPerYear: 100,
      approvalThresholdHours: 4,
      reason: "Evaluatie korpsregeling: meer basisuren",
      ...over,
    });

    it("replays the attack: the Rotterdam coordinator's back-dated zero regulation → 403, nothing changes", async () => {
      const dh = await denHaagMember("+31690000010");
      const before = await allotted(dh.client);
      const policiesBefore = (await coordinator.get("/api/v1/policies")).body.data;
      const res = await coordinator.post("/api/v1/policies", {
        effectiveFrom: "2026-01-01",
        baseHoursPerYear: 0,
        unitSupplements: {},
        approvalThresholdHours: 4,
      });
      expect(res.status, res.text).to.equal(403);
      expect(await allotted(dh.client)).to.equal(before);
      expect(before).to.be.greaterThan(0);
      expect((await coordinator.get("/api/v1/policies")).body.data).to.deep.equal(policiesBefore);
      // Nor through the supplement endpoint for a unit outside their scope.
      const dhSupp = await coordinator.post("/api/v1/policies/unit-supplements", {
        unitId: "den-haag",
        hours: -72,
        effectiveFrom: "2026-12-01",
        reason: "Aanval op Den Haag",
      });
      expect(dhSupp.status).to.equal(403);
      expect(await allotted(dh.client)).to.equal(before);
      // An admin is not a policy-admin either.
      expect((await admin.post("/api/v1/policies", version())).status).to.equal(403);
    });

    it("a policy-admin proposes with a reason, never in the past or in a closed month; only another approves", async () => {
      const policy = await login(s, "policy");
      const policy2 = await login(s, "policy2");
      const dh = await denHaagMember("+31690000011");
      const before = await allotted(dh.client, 2098);

      const noReason = await policy.post("/api/v1/policies", { ...version(), reason: undefined });
      expect(noReason.status).to.equal(422);
      expect(noReason.body.errors.map((e: { path: string }) => e.path)).to.include("reason");
      // In the past by the injected clock (2026-11-10): yesterday is refused, today is allowed.
      const past = await policy.post("/api/v1/policies", version({ effectiveFrom: "2026-11-09" }));
      expect(past.status).to.equal(422);
      expect(past.body.errors[0].path).to.equal("effectiveFrom");
      expect((await admin.post("/api/v1/budgets/closed-periods", { month: "2097-06" })).status).to.equal(201);
      const closed = await policy.post("/api/v1/policies", version({ effectiveFrom: "2097-06-15" }));
      expect(closed.status).to.equal(422);
      expect(closed.body.detail).to.match(/closed/);

      const proposed = await policy.post("/api/v1/policies", version());
      expect(proposed.status, proposed.text).to.equal(201);
      expect(proposed.body).to.include({ status: "proposed", kind: "force-wide", reason: "Evaluatie korpsregeling: meer basisuren" });
      // A proposal is not in force.
      expect((await coordinator.get("/api/v1/policies")).body.data.map((p: { id: string }) => p.id)).to.not.include(proposed.body.id);
      expect(await allotted(dh.client, 2098)).to.equal(before);
      expect((await policy2.get("/api/v1/policies/proposals?status=proposed")).body.data.map((p: { id: string }) => p.id)).to.include(proposed.body.id);

      const own = await policy.post(`/api/v1/policies/${proposed.body.id}/approve`);
      expect(own.status).to.equal(403);
      expect(own.body.detail).to.match(/Four eyes/);
      expect((await coordinator.post(`/api/v1/policies/${proposed.body.id}/approve`)).status).to.equal(403);
      expect((await admin.post(`/api/v1/policies/${proposed.body.id}/approve`)).status).to.equal(403);

      const ok = await policy2.post(`/api/v1/policies/${proposed.body.id}/approve`);
      expect(ok.status, ok.text).to.equal(200);
      expect(ok.body.status).to.equal("approved");
      expect((await policy2.post(`/api/v1/policies/${proposed.body.id}/approve`)).status).to.equal(409);
      expect((await coordinator.get("/api/v1/policies")).body.data.map((p: { id: string }) => p.id)).to.include(proposed.body.id);
      // 100 base + Den Haag's supplement (carried forward from the version in force) for 2098.
      expect(await allotted(dh.client, 2098)).to.equal(112);
      expect(await auditActions("policy", proposed.body.id)).to.deep.equal(["approve", "propose"]);
    });

    it("a proposal that has become past by approval time is refused; a rejected one never takes effect", async () => {
      const policy = await login(s, "policy");
      const policy2 = await login(s, "policy2");
      const p = await policy.post("/api/v1/policies", version({ effectiveFrom: "2026-11-12", baseHoursPerYear: 5 }));
      expect(p.status, p.text).to.equal(201);
      const saved = clock;
      clock = new Date("2026-11-13T09:00:00Z");
      try {
        const late = await policy2.post(`/api/v1/policies/${p.body.id}/approve`);
        expect(late.status).to.equal(422);
      } finally {
        clock = saved;
      }
      const rejected = await policy2.post(`/api/v1/policies/${p.body.id}/reject`, { reason: "Te laat" });
      expect(rejected.body.status).to.equal("rejected");
      expect((await coordinator.get("/api/v1/policies")).body.data.map((x: { id: string }) => x.id)).to.not.include(p.body.id);
    });

    it("a coordinator sets the supplement of a unit in scope only, from today on, with a reason", async () => {
      const rt = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
      const dh = await denHaagMember("+31690000012");
      const [rtBefore, dhBefore] = [await allotted(rt.client, 2099), await allotted(dh.client, 2099)];
      const body = { unitId: "rotterdam", hours: 30, effectiveFrom: "2099-01-01", reason: "Extra inzet Rotterdam" };
      expect((await coordinator.post("/api/v1/policies/unit-supplements", { ...body, reason: undefined })).status).to.equal(422);
      expect((await coordinator.post("/api/v1/policies/unit-supplements", { ...body, effectiveFrom: "2026-01-01" })).status).to.equal(422);
      expect((await (await login(s, "policy")).post("/api/v1/policies/unit-supplements", body)).status).to.equal(403);
      const ok = await coordinator.post("/api/v1/policies/unit-supplements", body);
      expect(ok.status, ok.text).to.equal(201);
      expect(ok.body).to.include({ kind: "unit-supplement", unitId: "rotterdam", hours: 30, status: "approved" });
      expect(await allotted(rt.client, 2099)).to.equal(rtBefore - 20 + 30); // Rotterdam's supplement 20 → 30
      expect(await allotted(dh.client, 2099)).to.equal(dhBefore);
      expect(await auditActions("policy", ok.body.id)).to.deep.equal(["set-unit-supplement"]);
    });
  });
});
