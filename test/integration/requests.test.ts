import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { login, newUser, type Client } from "../helpers/http";
import { somaliRequest, waitFor } from "../helpers/core";

describe("requests: create, read, list, cancel", function () {
  this.timeout(60_000);
  let s: Service;
  let requester: Client;
  let coordinator: Client;
  let auditor: Client;
  before(async () => {
    s = await sharedStack();
    [requester, coordinator, auditor] = await Promise.all([login(s, "requester"), login(s, "coordinator"), login(s, "auditor")]);
  });

  it("creates a request (201 open with a number) and warns about personal data without blocking", async () => {
    const res = await requester.post("/api/v1/requests", {
      ...somaliRequest,
      urgency: "planned",
      unitId: "amsterdam",
      description: "Bel de moeder op 06-12345678 of mail fam@example.nl; BSN 111222333.",
    });
    expect(res.status).to.equal(201);
    expect(res.body.status).to.equal("open");
    expect(res.body.number).to.match(/^NDV-\d{4}-\d{6}$/);
    expect(res.body.warnings.map((w: any) => w.kind)).to.have.members(["phone", "email", "bsn"]);
    for (const w of res.body.warnings) expect(w.message).to.be.a("string").and.not.empty;
  });

  it("rejects unknown expertise ids with 422 listing them, and unknown fields", async () => {
    const res = await requester.post("/api/v1/requests", { ...somaliRequest, expertise: ["culture.somali", "culture.atlantis", "x.y"] });
    expect(res.status).to.equal(422);
    expect(res.body.detail).to.contain("culture.atlantis").and.contain("x.y");
    const extra = await requester.post("/api/v1/requests", { ...somaliRequest, secret: 1 });
    expect(extra.status).to.equal(422);
    expect(extra.body.errors[0].path).to.contain("secret");
  });

  it("lets the requester, coordinators in scope (audited) read it; others get 403", async () => {
    const created = await requester.post("/api/v1/requests", { ...somaliRequest, urgency: "planned", unitId: "amsterdam" });
    const id = created.body.id;
    const own = await requester.get(`/api/v1/requests/${id}`);
    expect(own.status).to.equal(200);
    expect(own.body.description).to.contain("Somalische");
    expect(own.body).to.not.have.property("refSalt");
    const coord = await coordinator.get(`/api/v1/requests/${id}`);
    expect(coord.status).to.equal(200);
    const other = await newUser(s, { roles: ["requester"], unitId: "amsterdam" });
    expect((await other.client.get(`/api/v1/requests/${id}`)).status).to.equal(403);
    const outOfScope = await newUser(s, { roles: ["coordinator"], unitId: "limburg", scope: { units: ["limburg"], networks: [] } });
    expect((await outOfScope.client.get(`/api/v1/requests/${id}`)).status).to.equal(403);
    expect((await requester.get(`/api/v1/requests/000000000000000000000000`)).status).to.equal(404);
    const trail = await auditor.get(`/api/v1/audit?resourceType=request&resourceId=${id}`);
    expect(trail.status).to.equal(200);
    const reads = trail.body.data.filter((e: any) => e.action === "read");
    expect(reads).to.have.length(1); // the coordinator's read, not the requester's
    expect((await requester.get(`/api/v1/audit?resourceType=request`)).status).to.equal(403);
  });

  it("lists own requests with cursor paging, and in-scope requests for coordinators", async () => {
    const me = await newUser(s, { roles: ["requester"], unitId: "rotterdam" });
    for (let i = 0; i < 3; i++) await me.client.post("/api/v1/requests", { ...somaliRequest, title: `Vraag ${i}`, urgency: "planned" });
    const p1 = await me.client.get("/api/v1/requests?mine=1&limit=2");
    expect(p1.status).to.equal(200);
    expect(p1.body.data).to.have.length(2);
    expect(p1.body.next).to.be.a("string");
    const p2 = await me.client.get(`/api/v1/requests?mine=1&limit=2&cursor=${p1.body.next}`);
    expect(p2.body.data).to.have.length(1);
    expect(p2.body).to.not.have.property("next");
    expect(p2.body.data[0]).to.not.have.property("description");
    const coord = await coordinator.get("/api/v1/requests?limit=500");
    expect(coord.body.data.length).to.be.greaterThan(0);
    for (const r of coord.body.data) expect(["rotterdam", "amsterdam"]).to.include(r.unitId);
  });

  it("cancels: the requester may, another requester may not; pending offers are withdrawn", async () => {
    const created = await requester.post("/api/v1/requests", { ...somaliRequest, urgency: "today", unitId: "rotterdam" });
    const id = created.body.id;
    await waitFor(async () => (await requester.get(`/api/v1/requests/${id}`)).body.offers?.length > 0, "offers");
    const other = await newUser(s, { roles: ["requester"] });
    expect((await other.client.post(`/api/v1/requests/${id}/cancel`, {})).status).to.equal(403);
    const res = await requester.post(`/api/v1/requests/${id}/cancel`, { reason: "opgelost" });
    expect(res.status).to.equal(200);
    expect(res.body.status).to.equal("cancelled");
    const after = await requester.get(`/api/v1/requests/${id}`);
    expect(after.body.offers.every((o: any) => o.status !== "pending")).to.equal(true);
    expect((await requester.post(`/api/v1/requests/${id}/cancel`, {})).status).to.equal(409);
  });
});
