// Least privilege, one row per endpoint and one column per role: who gets in (2xx, or 422 for an empty
// body that passed the guard), who is refused (403), and what a role without a profile sees (404).
import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { Client, login, newUser } from "../helpers/http";

// "policy" is the demo policy-admin (issue 9); "policy2" is a second one, used for four eyes below.
const ROLES = ["requester", "member", "coordinator", "planner", "policy", "admin", "auditor", "telephony"] as const;
type Row = [method: string, path: string, body: unknown, expected: number[]];
const NO_ID = "000000000000000000000000";

// prettier-ignore
const MATRIX: Row[] = [
  //                                                            requester member coord planner policy admin auditor telephony
  ["GET", "/api/v1/auth/me", undefined,                          [200, 200, 200, 200, 200, 200, 200, 403]],
  ["GET", "/api/v1/admin/users", undefined,                      [403, 403, 403, 403, 403, 200, 403, 403]],
  ["POST", "/api/v1/admin/api-keys", {},                         [403, 403, 403, 403, 403, 422, 403, 403]],
  ["GET", "/api/v1/audit", undefined,                            [403, 403, 403, 403, 403, 200, 200, 403]],
  ["GET", "/api/v1/members?q=somali", undefined,                 [403, 403, 200, 403, 403, 403, 403, 403]],
  ["GET", "/api/v1/members/me", undefined,                       [404, 200, 404, 404, 404, 404, 404, 403]],
  ["GET", "/api/v1/requests?mine=1", undefined,                  [200, 200, 200, 200, 200, 200, 200, 403]],
  ["GET", "/api/v1/offers?status=pending", undefined,            [403, 200, 403, 403, 403, 403, 403, 403]],
  ["POST", "/api/v1/pools", {},                                  [403, 403, 422, 403, 403, 422, 403, 403]],
  ["GET", "/api/v1/budgets", undefined,                          [403, 403, 200, 403, 403, 200, 403, 403]],
  ["GET", "/api/v1/budgets/me", undefined,                       [404, 200, 404, 404, 404, 404, 404, 403]],
  ["GET", "/api/v1/budgets/summary", undefined,                  [403, 403, 200, 403, 403, 200, 403, 403]],
  ["GET", "/api/v1/budgets/export.csv", undefined,               [403, 403, 200, 403, 403, 200, 403, 403]],
  // Issue 9: the force-wide regulation is policy-admin work (four eyes below); coordinators set only
  // their units' supplements; network membership and units are granted, asked for by members.
  ["POST", "/api/v1/policies", {},                               [403, 403, 403, 403, 422, 403, 403, 403]],
  ["POST", "/api/v1/policies/simulate", {},                      [403, 403, 422, 403, 422, 422, 403, 403]],
  ["GET", "/api/v1/policies", undefined,                         [200, 200, 200, 200, 200, 200, 200, 403]],
  ["GET", "/api/v1/policies/proposals", undefined,               [403, 403, 403, 403, 200, 200, 200, 403]],
  ["POST", `/api/v1/policies/${NO_ID}/approve`, {},              [403, 403, 403, 403, 404, 403, 403, 403]],
  ["POST", `/api/v1/policies/${NO_ID}/reject`, {},               [403, 403, 403, 403, 404, 403, 403, 403]],
  ["POST", "/api/v1/policies/unit-supplements", {},              [403, 403, 422, 403, 403, 403, 403, 403]],
  ["PUT", "/api/v1/members/me", { networks: ["ndv"] },           [404, 403, 404, 404, 404, 404, 404, 403]],
  ["POST", "/api/v1/members/me/network-requests", {},            [403, 422, 403, 403, 403, 403, 403, 403]],
  ["GET", "/api/v1/members/me/network-requests", undefined,      [200, 200, 200, 200, 200, 200, 200, 403]],
  ["GET", "/api/v1/network-requests?status=pending", undefined,  [403, 403, 200, 403, 403, 200, 403, 403]],
  ["POST", `/api/v1/network-requests/${NO_ID}/approve`, {},      [403, 403, 404, 403, 403, 404, 403, 403]],
  ["POST", `/api/v1/network-requests/${NO_ID}/reject`, {},       [403, 403, 404, 403, 403, 404, 403, 403]],
  ["PUT", `/api/v1/members/${NO_ID}/unit`, {},                   [403, 403, 422, 403, 403, 422, 403, 403]],
  ["POST", "/api/v1/helpline/route", { callId: "authz-1" },      [403, 403, 403, 403, 403, 403, 403, 200]],
  ["GET", "/api/v1/helpline/stats", undefined,                   [403, 403, 200, 200, 403, 200, 403, 403]],
  ["GET", "/api/v1/helpline/shifts", undefined,                  [403, 200, 200, 200, 403, 200, 403, 403]],
  ["GET", "/api/v1/helpline/coverage", undefined,                [403, 200, 200, 200, 403, 200, 403, 403]],
  ["POST", "/api/v1/calendar/token", {},                         [200, 200, 200, 200, 200, 200, 200, 403]],
  ["GET", "/api/v1/knowledge?q=rouw", undefined,                 [200, 200, 200, 200, 200, 200, 200, 403]],
];

describe("authorization per role", function () {
  this.timeout(120000);
  let s: Service;
  const clients = {} as Record<(typeof ROLES)[number], Client>;

  before(async () => {
    s = await sharedStack();
    for (const r of ROLES.filter((r) => r !== "telephony")) clients[r] = await login(s, r);
    clients.telephony = new Client(s.url, undefined, { "x-api-key": "demo-telephony-key" });
  });

  for (const [method, path, body, expected] of MATRIX)
    it(`${method} ${path}`, async () => {
      const got: Record<string, number> = {};
      for (const r of ROLES) got[r] = (await clients[r].request(method, path, body)).status;
      expect(got).to.deep.equal(Object.fromEntries(ROLES.map((r, i) => [r, expected[i]])));
    });

  it("refuses everything without credentials (401)", async () => {
    for (const [method, path, body] of MATRIX) {
      const res = await new Client(s.url).request(method, path, body);
      expect(res.status, `${method} ${path}`).to.equal(401);
    }
  });

  /** Runs `act` once per role on fresh data from `make`, and returns the status per role. */
  async function perRole(make: () => Promise<string>, act: (c: Client, id: string) => Promise<{ status: number }>) {
    const got: Record<string, number> = {};
    for (const r of ROLES) got[r] = (await act(clients[r], await make())).status;
    return got;
  }
  const expectOnly = (got: Record<string, number>, ok: Partial<Record<(typeof ROLES)[number], number>>, otherwise = 403) =>
    expect(got).to.deep.equal(Object.fromEntries(ROLES.map((r) => [r, ok[r] ?? otherwise])));

  it("join a network: members ask; a coordinator of that network or an admin approves, nobody their own", async () => {
    // Who may ask: the row above (members 422 on an empty body, everyone else 403); here, who may approve.
    const ask = async () => {
      const m = await newUser(s, { roles: ["member"], unitId: "den-haag", networks: ["ndv"] });
      const res = await m.client.post("/api/v1/members/me/network-requests", { networkId: "roze-in-blauw" });
      expect(res.status, res.text).to.equal(201);
      return res.body.id as string;
    };
    expectOnly(await perRole(ask, (c, id) => c.post(`/api/v1/network-requests/${id}/approve`)), { coordinator: 200, admin: 200 });
    expectOnly(await perRole(ask, (c, id) => c.post(`/api/v1/network-requests/${id}/reject`)), { coordinator: 200, admin: 200 });
    // A coordinator of another network only, and a coordinator deciding on their own request: 403.
    const ndvCoord = await newUser(s, { roles: ["coordinator"], unitId: "den-haag", scope: { units: ["den-haag"], networks: ["ndv"] } });
    expect((await ndvCoord.client.post(`/api/v1/network-requests/${await ask()}/approve`)).status).to.equal(403);
    const both = await newUser(s, { roles: ["member", "coordinator"], unitId: "rotterdam", scope: { units: ["rotterdam"], networks: ["roze-in-blauw"] } });
    const own = await both.client.post("/api/v1/members/me/network-requests", { networkId: "roze-in-blauw" });
    expect((await both.client.post(`/api/v1/network-requests/${own.body.id}/approve`)).status).to.equal(403);
  });

  it("regulation: only a policy-admin proposes, only a different policy-admin approves", async () => {
    const policy2 = await login(s, "policy2");
    const proposal = { effectiveFrom: "2099-06-01", baseHoursPerYear: 64, approvalThresholdHours: 4, reason: "Autorisatiematrix" };
    const got: Record<string, number> = {};
    for (const r of ROLES) got[r] = (await clients[r].post("/api/v1/policies", proposal)).status;
    expectOnly(got, { policy: 201 });
    const propose = async () => {
      const res = await policy2.post("/api/v1/policies", proposal);
      expect(res.status, res.text).to.equal(201);
      return res.body.id as string;
    };
    expectOnly(await perRole(propose, (c, id) => c.post(`/api/v1/policies/${id}/approve`)), { policy: 200 });
    expect((await policy2.post(`/api/v1/policies/${await propose()}/approve`)).status, "four eyes").to.equal(403);
    // A unit supplement: the coordinator of that unit only (the demo coordinator has Rotterdam and Amsterdam).
    const supplement = (unitId: string) => ({ unitId, hours: 20, effectiveFrom: "2099-06-01", reason: "Autorisatiematrix" });
    const sup: Record<string, number> = {};
    for (const r of ROLES) sup[r] = (await clients[r].post("/api/v1/policies/unit-supplements", supplement("amsterdam"))).status;
    expectOnly(sup, { coordinator: 201 });
    expect((await clients.coordinator.post("/api/v1/policies/unit-supplements", supplement("den-haag"))).status).to.equal(403);
  });

  it("unit change: an admin, or a coordinator of both units; nobody else", async () => {
    const rotterdamMember = async () => (await newUser(s, { roles: ["member"], unitId: "rotterdam" })).memberId!;
    expectOnly(await perRole(rotterdamMember, (c, id) => c.put(`/api/v1/members/${id}/unit`, { unitId: "amsterdam" })), { coordinator: 200, admin: 200 });
    // The demo coordinator does not cover Den Haag: moving a Rotterdam member there is refused.
    expect((await clients.coordinator.put(`/api/v1/members/${await rotterdamMember()}/unit`, { unitId: "den-haag" })).status).to.equal(403);
  });

  it("gives a non-member an empty own time-entry list, not others' entries", async () => {
    const res = await clients.requester.get("/api/v1/time-entries?status=pending");
    expect(res.status).to.equal(200);
    expect(res.body.data).to.deep.equal([]);
  });
});
