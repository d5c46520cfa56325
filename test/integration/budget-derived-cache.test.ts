// Issue 11: the budget summary and CSV export are reused while the budget read model is unchanged
// (usecases/budgets/derived-cache.ts). They must never be served stale after a write, nor across
// reviewers with different scopes.
import { expect } from "chai";
import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { login, newUser, type Client } from "../helpers/http";

type Row = { unitId: string; members: number; approved: number; pending: number; allotted: number };

describe("budget summary and export follow every write (issue 11)", function () {
  this.timeout(120_000);
  let s: Service;
  let coordinator: Client; // the demo coordinator: rotterdam, amsterdam, network roze-in-blauw
  let today: string;

  before(async () => {
    s = await sharedStack();
    coordinator = await login(s, "coordinator");
    // Today on the service's clock: always inside the budget year the summary shows.
    today = DateTime.fromJSDate(s.deps.now(), { zone: "Europe/Amsterdam" }).toISODate()!;
  });

  const rotterdam = async (c: Client) => (await c.get("/api/v1/budgets/summary")).body.units.find((u: Row) => u.unitId === "rotterdam") as Row;
  const csvRow = async (c: Client, memberId: string) => {
    const res = await c.get("/api/v1/budgets/export.csv?unit=rotterdam");
    const rows = parse(res.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    return rows.find((r) => r.memberId === memberId);
  };

  it("a repeated summary is the same; a new member, a logged and an approved entry each show at once", async () => {
    const first = await coordinator.get("/api/v1/budgets/summary");
    expect((await coordinator.get("/api/v1/budgets/summary")).body).to.deep.equal(first.body);
    const before = await rotterdam(coordinator);

    const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
    expect((await rotterdam(coordinator)).members).to.equal(before.members + 1);
    expect(await csvRow(coordinator, m.memberId!)).to.include({ approved: "0", pending: "0" });

    const logged = await m.client.post("/api/v1/time-entries", { date: today, hours: 6, category: "operational" });
    expect(logged.status, logged.text).to.equal(201);
    expect(logged.body.status).to.equal("pending");
    const mid = await rotterdam(coordinator);
    expect(mid.pending).to.be.closeTo(before.pending + 6, 0.001);
    expect(await csvRow(coordinator, m.memberId!)).to.include({ pending: "6" });

    expect((await coordinator.post(`/api/v1/time-entries/${logged.body.id}/approve`)).status).to.equal(200);
    const after = await rotterdam(coordinator);
    expect(after.approved).to.be.closeTo(before.approved + 6, 0.001);
    expect(after.pending).to.be.closeTo(before.pending, 0.001);
    expect(await csvRow(coordinator, m.memberId!)).to.include({ approved: "6", pending: "0" });
  });

  it("an override moves the allotment in the summary and the export", async () => {
    const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
    const before = await rotterdam(coordinator);
    const allotted = Number((await csvRow(coordinator, m.memberId!))!.allotted);
    const set = await coordinator.post("/api/v1/budgets/overrides", { memberId: m.memberId, extraHours: 10, reason: "Extra inzet" });
    expect(set.status, set.text).to.be.oneOf([200, 201]);
    expect((await rotterdam(coordinator)).allotted).to.be.closeTo(before.allotted + 10, 0.001);
    expect(Number((await csvRow(coordinator, m.memberId!))!.allotted)).to.be.closeTo(allotted + 10, 0.001);
  });

  it("reviewers with another scope never get each other's summary or export", async () => {
    const wide = await coordinator.get("/api/v1/budgets/summary");
    expect(wide.body.units.map((u: Row) => u.unitId)).to.include("rotterdam");
    const zeeland = await newUser(s, { roles: ["coordinator"], unitId: "zeeland-west-brabant", scope: { units: ["zeeland-west-brabant"], networks: [] } });
    const narrow = await zeeland.client.get("/api/v1/budgets/summary");
    expect(narrow.status).to.equal(200);
    expect(narrow.body.units.map((u: Row) => u.unitId)).to.not.include("rotterdam");
    const csv = await zeeland.client.get("/api/v1/budgets/export.csv");
    const units = new Set((parse(csv.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[]).map((r) => r.unit));
    expect([...units].every((u) => u === "zeeland-west-brabant")).to.equal(true);
    // And the wide view is unchanged by the narrow one.
    expect((await coordinator.get("/api/v1/budgets/summary")).body.units.map((u: Row) => u.unitId)).to.include("rotterdam");
  });
});
