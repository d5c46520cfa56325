// Least privilege, one row per endpoint and one column per role: who gets in (2xx, or 422 for an empty
// body that passed the guard), who is refused (403), and what a role without a profile sees (404).
import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { Client, login } from "../helpers/http";

const ROLES = ["requester", "member", "coordinator", "planner", "admin", "auditor", "telephony"] as const;
type Row = [method: string, path: string, body: unknown, expected: number[]];

// prettier-ignore
const MATRIX: Row[] = [
  //                                                            requester member coord planner admin auditor telephony
  ["GET", "/api/v1/auth/me", undefined,                          [200, 200, 200, 200, 200, 200, 403]],
  ["GET", "/api/v1/admin/users", undefined,                      [403, 403, 403, 403, 200, 403, 403]],
  ["POST", "/api/v1/admin/api-keys", {},                         [403, 403, 403, 403, 422, 403, 403]],
  ["GET", "/api/v1/audit", undefined,                            [403, 403, 403, 403, 200, 200, 403]],
  ["GET", "/api/v1/members?q=somali", undefined,                 [403, 403, 200, 403, 403, 403, 403]],
  ["GET", "/api/v1/members/me", undefined,                       [404, 200, 404, 404, 404, 404, 403]],
  ["GET", "/api/v1/requests?mine=1", undefined,                  [200, 200, 200, 200, 200, 200, 403]],
  ["GET", "/api/v1/offers?status=pending", undefined,            [403, 200, 403, 403, 403, 403, 403]],
  ["POST", "/api/v1/pools", {},                                  [403, 403, 422, 403, 422, 403, 403]],
  ["GET", "/api/v1/budgets", undefined,                          [403, 403, 200, 403, 200, 403, 403]],
  ["GET", "/api/v1/budgets/me", undefined,                       [404, 200, 404, 404, 404, 404, 403]],
  ["GET", "/api/v1/budgets/summary", undefined,                  [403, 403, 200, 403, 200, 403, 403]],
  ["GET", "/api/v1/budgets/export.csv", undefined,               [403, 403, 200, 403, 200, 403, 403]],
  ["POST", "/api/v1/policies", {},                               [403, 403, 422, 403, 422, 403, 403]],
  ["POST", "/api/v1/policies/simulate", {},                      [403, 403, 422, 403, 422, 403, 403]],
  ["POST", "/api/v1/helpline/route", { callId: "authz-1" },      [403, 403, 403, 403, 403, 403, 200]],
  ["GET", "/api/v1/helpline/stats", undefined,                   [403, 403, 200, 200, 200, 403, 403]],
  ["GET", "/api/v1/helpline/shifts", undefined,                  [403, 200, 200, 200, 200, 403, 403]],
  ["GET", "/api/v1/helpline/coverage", undefined,                [403, 200, 200, 200, 200, 403, 403]],
  ["POST", "/api/v1/calendar/token", {},                         [200, 200, 200, 200, 200, 200, 403]],
  ["GET", "/api/v1/knowledge?q=rouw", undefined,                 [200, 200, 200, 200, 200, 200, 403]],
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

  it("gives a non-member an empty own time-entry list, not others' entries", async () => {
    const res = await clients.requester.get("/api/v1/time-entries?status=pending");
    expect(res.status).to.equal(200);
    expect(res.body.data).to.deep.equal([]);
  });
});
