// Service time under the korpsregeling, through the real HTTP API on real FerretDB.
import { expect } from "chai";
import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import type { Service } from "../../api/src/bootstrap";
import { budgetGate, OVER_BUDGET_TYPE, overBudgetProblem, remainingHoursFor } from "../../api/src/usecases/budgets/budget-gate";
import { BudgetOverride } from "../../api/src/models/budget-override";
import { sharedStack } from "../helpers/stack";
import { login, newUser, type Client } from "../helpers/http";

const ZONE = "Europe/Amsterdam";
/** A past calendar day (YYYY-MM-DD), `n` days before today; tests use distinct days per member. */
const daysAgo = (n: number) => DateTime.now().setZone(ZONE).minus({ days: n }).toISODate()!;

const sum = (rows: Record<string, unknown>[], key: string) => Math.round(rows.reduce((s, r) => s + Number(r[key]), 0) * 100) / 100;

describe("service time budgets (korpsregeling)", function () {
  this.timeout(180_000);
  let service: Service;
  let coordinator: Client; // scope: rotterdam, amsterdam, network roze-in-blauw

  before(async () => {
    service = await sharedStack();
    coordinator = await login(service, "coordinator");
  });

  const rotterdamMember = () => newUser(service, { roles: ["member"], unitId: "rotterdam" });

  describe("logging and approval", () => {
    it("a member logs hours → pending → the coordinator of that unit approves → the budget moves", async () => {
      const m = await rotterdamMember();
      const before = (await m.client.get("/api/v1/budgets/me")).body;
      expect(before.pending).to.equal(0);

      const logged = await m.client.post("/api/v1/time-entries", { date: daysAgo(1), hours: 5, category: "operational", note: "Advies basisteam" });
      expect(logged.status, logged.text).to.equal(201);
      expect(logged.body.status).to.equal("pending"); // 5 h ≥ threshold 4 h

      const mid = (await m.client.get("/api/v1/budgets/me")).body;
      expect(mid.pending).to.equal(5);
      expect(mid.remaining).to.be.closeTo(before.remaining - 5, 0.01);

      const queue = await coordinator.get("/api/v1/time-entries?status=pending");
      expect(queue.status).to.equal(200);
      expect(queue.body.data.map((e: { id: string }) => e.id)).to.include(logged.body.id);

      const approved = await coordinator.post(`/api/v1/time-entries/${logged.body.id}/approve`);
      expect(approved.status, approved.text).to.equal(200);
      expect(approved.body.status).to.equal("approved");

      const after = (await m.client.get("/api/v1/budgets/me")).body;
      expect(after.approved).to.equal(before.approved + 5);
      expect(after.pending).to.equal(0);
      expect(after.byCategory.operational.approved).to.equal(5);

      const list = await coordinator.get("/api/v1/budgets?unit=rotterdam");
      const row = list.body.data.find((b: { memberId: string }) => b.memberId === m.memberId);
      expect(row).to.include({ approved: 5, pending: 0 });
    });

    it("small entries are approved at once; editing an approved entry sends it back for approval", async () => {
      const m = await rotterdamMember();
      const small = await m.client.post("/api/v1/time-entries", { date: daysAgo(2), hours: 1.5, category: "network" });
      expect(small.status).to.equal(201);
      expect(small.body.status).to.equal("approved");
      const edited = await m.client.patch(`/api/v1/time-entries/${small.body.id}`, { hours: 2 });
      expect(edited.status, edited.text).to.equal(200);
      expect(edited.body).to.include({ status: "pending", hours: 2, version: 2 });
      const others = await (await rotterdamMember()).client.patch(`/api/v1/time-entries/${small.body.id}`, { hours: 1 });
      expect(others.status).to.equal(403);
    });

    it("a rejection needs a reason and frees the day", async () => {
      const m = await rotterdamMember();
      const day = daysAgo(3);
      const e = await m.client.post("/api/v1/time-entries", { date: day, hours: 12, category: "professionalisation" });
      expect(e.status).to.equal(201);
      expect((await coordinator.post(`/api/v1/time-entries/${e.body.id}/reject`, {})).status).to.equal(422);
      const rejected = await coordinator.post(`/api/v1/time-entries/${e.body.id}/reject`, { reason: "Geen NDV-werk" });
      expect(rejected.status).to.equal(200);
      expect(rejected.body).to.include({ status: "rejected", reason: "Geen NDV-werk" });
      expect((await m.client.post("/api/v1/time-entries", { date: day, hours: 2, category: "network" })).status).to.equal(201);
    });

    it("a coordinator of another unit gets 403", async () => {
      const m = await rotterdamMember();
      const e = await m.client.post("/api/v1/time-entries", { date: daysAgo(1), hours: 6, category: "operational" });
      const other = await newUser(service, { roles: ["coordinator"], unitId: "den-haag", scope: { units: ["den-haag"], networks: [] } });
      const res = await other.client.post(`/api/v1/time-entries/${e.body.id}/approve`);
      expect(res.status).to.equal(403);
      expect((await other.client.get(`/api/v1/time-entries?memberId=${m.memberId}`)).status).to.equal(403);
      const budgets = await other.client.get("/api/v1/budgets");
      expect(budgets.body.data.every((b: { unitId: string }) => b.unitId === "den-haag")).to.equal(true);
    });

    it("bad entries get 422 naming the field", async () => {
      const m = await rotterdamMember();
      const post = (b: Record<string, unknown>) => m.client.post("/api/v1/time-entries", b);
      const paths = (r: { body: { errors?: { path: string }[] } }) => (r.body.errors ?? []).map((e) => e.path);
      const future = DateTime.now().setZone(ZONE).plus({ days: 2 }).toISODate();

      const zero = await post({ date: daysAgo(1), hours: 0, category: "operational" });
      expect(zero.status).to.equal(422);
      expect(paths(zero)).to.include("hours");
      const negative = await post({ date: daysAgo(1), hours: -2, category: "operational" });
      expect(paths(negative)).to.include("hours");
      const step = await post({ date: daysAgo(1), hours: 1.3, category: "operational" });
      expect(paths(step)).to.include("hours");
      expect(step.body).to.include({ code: "validation_failed" });
      expect(step.body.errors.map((e: { code: string }) => e.code)).to.include("not_quarter_hour");
      const tooMuch = await post({ date: daysAgo(1), hours: 12.25, category: "operational" });
      expect(paths(tooMuch)).to.include("hours");
      const inFuture = await post({ date: future, hours: 1, category: "operational" });
      expect(inFuture.status).to.equal(422);
      expect(paths(inFuture)).to.include("date");
      const badCategory = await post({ date: daysAgo(1), hours: 1, category: "coffee" });
      expect(paths(badCategory)).to.include("category");
      const unknownField = await post({ date: daysAgo(1), hours: 1, category: "network", minutes: 5 });
      expect(paths(unknownField)).to.include("minutes");
      expect(unknownField.body.errors[0]).to.include({ code: "unknown_field", in: "body" });
      const notADate = await post({ date: "gisteren", hours: 1, category: "network" });
      expect(paths(notADate)).to.include("date");
      expect(notADate.body.errors[0]).to.include({ code: "invalid_date" });

      expect((await post({ date: daysAgo(1), hours: 8, category: "operational" })).status).to.equal(201);
      const overDay = await post({ date: daysAgo(1), hours: 4.25, category: "network" });
      expect(overDay.status).to.equal(422);
      expect(overDay.body.errors[0]).to.include({ path: "hours" });
      expect(overDay.body.errors[0].message).to.match(/12 hours/);
    });

    it("a closed month takes no entries", async () => {
      const admin = await login(service, "admin");
      const closed = await admin.post("/api/v1/budgets/closed-periods", { month: "2001-03" });
      expect([201, 409]).to.include(closed.status);
      const m = await rotterdamMember();
      const res = await m.client.post("/api/v1/time-entries", { date: "2001-03-15", hours: 1, category: "network" });
      expect(res.status).to.equal(422);
      expect(res.body.errors[0].path).to.equal("date");
      expect(res.body.errors[0].message).to.match(/closed/);
      expect((await m.client.post("/api/v1/budgets/closed-periods", { month: "2001-04" })).status).to.equal(403);
    });
  });

  describe("concurrency", () => {
    it("20 simultaneous approvals of one entry count once", async () => {
      const m = await rotterdamMember();
      const e = await m.client.post("/api/v1/time-entries", { date: daysAgo(4), hours: 6, category: "operational" });
      const results = await Promise.all(Array.from({ length: 20 }, () => coordinator.post(`/api/v1/time-entries/${e.body.id}/approve`)));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).to.have.length(1);
      expect(statuses.filter((s) => s === 409)).to.have.length(19);
      const me = (await m.client.get("/api/v1/budgets/me")).body;
      expect(me.approved).to.equal(6);
      expect(me.pending).to.equal(0);
    });

    it("20 simultaneous entries on one day never exceed 12 hours", async () => {
      const m = await rotterdamMember();
      const day = daysAgo(5);
      const results = await Promise.all(Array.from({ length: 20 }, () => m.client.post("/api/v1/time-entries", { date: day, hours: 1, category: "network" })));
      const ok = results.filter((r) => r.status === 201);
      expect(ok, results.map((r) => r.status).join(",")).to.have.length(12);
      expect(results.filter((r) => r.status === 422)).to.have.length(8);
      const mine = await m.client.get("/api/v1/time-entries?mine=1");
      expect(
        sum(
          mine.body.data.filter((e: { day: string }) => e.day === day),
          "hours",
        ),
      ).to.equal(12);
      const me = (await m.client.get("/api/v1/budgets/me")).body;
      expect(me.approved + me.pending).to.equal(12);
    });
  });

  describe("coordinator review", () => {
    it("the CSV export, parsed back, gives the same totals as the JSON", async () => {
      const json = await coordinator.get("/api/v1/budgets?unit=amsterdam");
      expect(json.status).to.equal(200);
      const raw = await fetch(`${service.url}/api/v1/budgets/export.csv?unit=amsterdam`, { headers: { authorization: `Bearer ${coordinator.token}` } });
      expect(raw.status).to.equal(200);
      expect(raw.headers.get("content-type")).to.match(/^text\/csv; charset=utf-8/);
      expect(raw.headers.get("content-disposition")).to.match(/^attachment; filename="ndv-budgets-\d{4}-amsterdam\.csv"$/);
      const bytes = new Uint8Array(await raw.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]); // UTF-8 BOM
      const rows = parse(Buffer.from(bytes), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
      const data = json.body.data as Record<string, unknown>[];
      expect(rows).to.have.length(data.length);
      expect(data.length).to.be.greaterThan(0);
      for (const k of ["allotted", "approved", "pending", "committed", "used", "remaining"]) expect(sum(rows, k), k).to.equal(sum(data, k));
      expect(rows.map((r) => r.name)).to.deep.equal(data.map((d) => d.name)); // names with accents and quotes survive
    });

    it("the summary per unit matches the per-member list", async () => {
      const summary = await coordinator.get("/api/v1/budgets/summary");
      expect(summary.status).to.equal(200);
      const rdam = summary.body.units.find((u: { unitId: string }) => u.unitId === "rotterdam");
      const list = (await coordinator.get("/api/v1/budgets?unit=rotterdam")).body.data;
      expect(rdam.members).to.equal(list.length);
      expect(rdam.approved).to.equal(sum(list, "approved"));
      expect(summary.body.networks.map((n: { networkId: string }) => n.networkId)).to.include("roze-in-blauw");
    });

    it("sorts and filters the per-member list", async () => {
      const sorted = (await coordinator.get("/api/v1/budgets?sort=-used&network=roze-in-blauw")).body.data as { used: number; networks: string[] }[];
      expect(sorted.length).to.be.greaterThan(0);
      expect(sorted.every((b) => b.networks.includes("roze-in-blauw"))).to.equal(true);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.used).to.be.at.least(sorted[i]!.used);
      expect((await coordinator.get("/api/v1/budgets?sort=sideways")).status).to.equal(422);
    });

    it("raises an 80 % / 100 % alert once into the coordinators' queue", async () => {
      // A member who joins today gets only the rest of the year pro rata: a few hours.
      const m = await rotterdamMember();
      const me = (await m.client.get("/api/v1/budgets/me")).body;
      let need = Math.ceil(me.allotted * 4) / 4 + 0.25;
      for (let day = 0; need > 0; day++) {
        const hours = Math.min(12, need);
        const e = await m.client.post("/api/v1/time-entries", { date: daysAgo(day), hours, category: "operational" });
        expect(e.status, e.text).to.equal(201);
        need -= hours;
      }
      const alerts = (await coordinator.get("/api/v1/budgets/alerts")).body.data as { memberId: string; level: number }[];
      const mine = alerts
        .filter((a) => a.memberId === m.memberId)
        .map((a) => a.level)
        .sort((a, b) => a - b);
      expect(mine).to.deep.equal([80, 100]);
    });
  });

  describe("policies and simulation", () => {
    it("a draft with a higher base has fewer members over budget than the policy in force, on seeded usage", async () => {
      const res = await coordinator.post("/api/v1/policies/simulate", { baseHoursPerYear: 200, approvalThresholdHours: 4 });
      expect(res.status, res.text).to.equal(200);
      expect(res.body.totals.overCurrent).to.be.greaterThan(0);
      expect(res.body.totals.over).to.be.lessThan(res.body.totals.overCurrent);
      expect(res.body.totals.delta).to.be.greaterThan(0);
      expect(res.body.units.find((u: { unitId: string }) => u.unitId === "rotterdam")).to.have.keys(
        "unitId",
        "members",
        "over",
        "under",
        "totalGranted",
        "totalGrantedCurrent",
        "delta",
        "overCurrent",
        "underCurrent",
      );
    });

    it("validates policy versions; policy-admins propose and another approves, others not (issue 9)", async () => {
      const admin = await login(service, "admin");
      const member = await login(service, "member");
      const policy = await login(service, "policy");
      const policy2 = await login(service, "policy2");
      const future = {
        effectiveFrom: "2099-01-01",
        baseHoursPerYear: 70,
        unitSupplements: { rotterdam: 10 },
        approvalThresholdHours: 4,
        reason: "Nieuwe basis vanaf 2099",
      };
      for (const c of [member, coordinator, admin]) expect((await c.post("/api/v1/policies", future)).status).to.equal(403);
      const bad = await policy.post("/api/v1/policies", { ...future, unitSupplements: { atlantis: 5 }, approvalThresholdHours: 3.1 });
      expect(bad.status).to.equal(422);
      const badPaths = bad.body.errors.map((e: { path: string }) => e.path);
      expect(badPaths.some((p: string) => p.startsWith("unitSupplements"))).to.equal(true);
      expect(badPaths).to.include("approvalThresholdHours");
      const ok = await policy.post("/api/v1/policies", future);
      expect(ok.status, ok.text).to.equal(201);
      expect((await policy2.post(`/api/v1/policies/${ok.body.id}/approve`)).status).to.equal(200);
      const list = await member.get("/api/v1/policies");
      expect(list.body.data.map((p: { id: string }) => p.id)).to.include(ok.body.id);
    });
  });

  describe("authorization per role", () => {
    it("only reviewers see budgets of others; members see their own", async () => {
      const requester = await login(service, "requester");
      const member = await login(service, "member");
      const auditor = await login(service, "auditor");
      const planner = await login(service, "planner");
      for (const c of [requester, member, auditor, planner]) {
        expect((await c.get("/api/v1/budgets")).status).to.equal(403);
        expect((await c.get("/api/v1/budgets/summary")).status).to.equal(403);
        expect((await c.get("/api/v1/budgets/export.csv")).status).to.equal(403);
        expect((await c.get("/api/v1/budgets/alerts")).status).to.equal(403);
        expect((await c.post("/api/v1/policies/simulate", { baseHoursPerYear: 80, approvalThresholdHours: 4 })).status).to.equal(403);
      }
      expect((await member.get("/api/v1/budgets/me")).status).to.equal(200);
      expect((await requester.post("/api/v1/time-entries", { date: daysAgo(1), hours: 1, category: "network" })).status).to.equal(403);
      expect((await member.post("/api/v1/time-entries/000000000000000000000000/approve")).status).to.equal(403);
      const scoped = (await coordinator.get("/api/v1/budgets")).body.data as { unitId: string; networks: string[] }[];
      expect(scoped.every((b) => ["rotterdam", "amsterdam"].includes(b.unitId) || b.networks.includes("roze-in-blauw"))).to.equal(true);
    });

    it("a coordinator cannot approve their own entry", async () => {
      const both = await newUser(service, { roles: ["member", "coordinator"], unitId: "rotterdam", scope: { units: ["rotterdam"], networks: [] } });
      const e = await both.client.post("/api/v1/time-entries", { date: daysAgo(1), hours: 5, category: "operational" });
      expect(e.status).to.equal(201);
      expect((await both.client.post(`/api/v1/time-entries/${e.body.id}/approve`)).status).to.equal(403);
    });
  });

  describe("accepting over budget (the gate used by offer acceptance)", () => {
    it("blocks a planned request over budget with its own problem type; acute or an override passes flagged", async () => {
      const m = await rotterdamMember();
      const deps = service.deps;
      const remaining = (await remainingHoursFor([m.memberId!], deps.now())).get(m.memberId!)!;
      const big = remaining + 10;
      const planned = await budgetGate(deps, m.memberId!, { id: "req-1", estimatedHours: big, urgency: "planned" });
      expect(planned).to.include({ allowed: false, flagged: false });
      const problem = overBudgetProblem(planned.remaining, big).toJSON();
      expect(problem).to.include({ type: OVER_BUDGET_TYPE, status: 409, remaining: planned.remaining, needed: big });

      expect(await budgetGate(deps, m.memberId!, { id: "req-1", estimatedHours: 0.5, urgency: "planned" })).to.include({ allowed: true, flagged: false });
      expect(await budgetGate(deps, m.memberId!, { id: "req-1", estimatedHours: big, urgency: "acute" })).to.include({ allowed: true, flagged: true });

      const o = await coordinator.post("/api/v1/budgets/overrides", { memberId: m.memberId, reason: "Only Somali speaker available", requestId: "req-2" });
      expect(o.status, o.text).to.equal(201);
      expect(await budgetGate(deps, m.memberId!, { id: "req-2", estimatedHours: big, urgency: "planned" })).to.include({ allowed: true, flagged: true });
      expect(await budgetGate(deps, m.memberId!, { id: "req-3", estimatedHours: big, urgency: "today" })).to.include({ allowed: false });
      expect(await BudgetOverride.countDocuments({ memberId: m.memberId })).to.equal(1);
    });

    it("extra hours from an override raise the allotment", async () => {
      const m = await rotterdamMember();
      const before = (await m.client.get("/api/v1/budgets/me")).body.allotted;
      const o = await coordinator.post("/api/v1/budgets/overrides", { memberId: m.memberId, extraHours: 16, reason: "Landelijke bijeenkomst organiseren" });
      expect(o.status).to.equal(201);
      const after = (await m.client.get("/api/v1/budgets/me")).body;
      expect(after.allotted).to.be.closeTo(before + 16, 0.01);
      expect(
        after.breakdown.some((p: { kind: string; reason?: string }) => p.kind === "override" && p.reason === "Landelijke bijeenkomst organiseren"),
      ).to.equal(true);
      const member = await login(service, "member");
      expect((await member.post("/api/v1/budgets/overrides", { memberId: m.memberId, extraHours: 5, reason: "self-service" })).status).to.equal(403);
    });
  });
});
