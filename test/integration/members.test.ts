import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { login, newUser, type Client } from "../helpers/http";

describe("members: profiles, directory, pools and roles", function () {
  this.timeout(120_000);
  let s: Service;
  let coordinator: Client;
  let auditor: Client;
  before(async () => {
    s = await sharedStack();
    [coordinator, auditor] = await Promise.all([login(s, "coordinator"), login(s, "auditor")]);
  });

  it("reads and updates the own profile; unknown taxonomy ids are 422 listing them; consent is stamped", async () => {
    const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
    const me = await m.client.get("/api/v1/members/me");
    expect(me.status).to.equal(200);
    expect(me.body.consent.shareExpertise).to.equal(false);
    const bad = await m.client.put("/api/v1/members/me", {
      expertise: [
        { id: "culture.somali", level: 2, visible: true },
        { id: "culture.narnia", level: 1, visible: true },
      ],
    });
    expect(bad.status).to.equal(422);
    expect(bad.body.detail).to.contain("culture.narnia");
    expect(bad.body.detail).to.not.contain("culture.somali");
    const put = await m.client.put("/api/v1/members/me", {
      expertise: [
        { id: "culture.eritrean", level: 3, visible: true },
        { id: "lgbtiq.trans", level: 2, visible: false },
      ],
      languages: ["nl", "ti"],
      availability: { weekly: [{ day: 1, from: "08:00", to: "17:00" }], absences: [{ from: "2030-01-01T00:00:00Z", to: "2030-01-10T00:00:00Z" }] },
      consent: { shareExpertise: true },
    });
    expect(put.status).to.equal(200);
    expect(put.body.consent.shareExpertise).to.equal(true);
    expect(new Date(put.body.consent.at).getTime()).to.be.closeTo(Date.now(), 60_000);
    expect(put.body.availability.weekly).to.have.length(1);
    // Re-indexed at once: the coordinator finds them; the hidden item is not searchable.
    const found = await coordinator.get("/api/v1/members?q=eritrean&unit=rotterdam&limit=100");
    expect(found.body.data.map((r: any) => r.id)).to.include(m.memberId);
    const hidden = await coordinator.get("/api/v1/members?expertise=lgbtiq.trans&unit=rotterdam&limit=500");
    expect(hidden.body.data.map((r: any) => r.id)).to.not.include(m.memberId);
  });

  it("lets coordinators in scope read a profile (audited); others get 403", async () => {
    const m = await newUser(s, { roles: ["member"], unitId: "amsterdam" });
    const res = await coordinator.get(`/api/v1/members/${m.memberId}`);
    expect(res.status).to.equal(200);
    expect(res.body.id).to.equal(m.memberId);
    const outside = await newUser(s, { roles: ["coordinator"], unitId: "limburg", scope: { units: ["limburg"], networks: [] } });
    expect((await outside.client.get(`/api/v1/members/${m.memberId}`)).status).to.equal(403);
    const requester = await login(s, "requester");
    expect((await requester.get(`/api/v1/members/${m.memberId}`)).status).to.equal(403);
    expect((await m.client.get(`/api/v1/members/${m.memberId}`)).status).to.equal(200);
    const trail = await auditor.get(`/api/v1/audit?resourceType=member&resourceId=${m.memberId}`);
    expect(trail.body.data.filter((e: any) => e.action === "read")).to.have.length(1);
  });

  it("scopes the directory to the coordinator's units and networks", async () => {
    const res = await coordinator.get("/api/v1/members?limit=500");
    expect(res.status).to.equal(200);
    for (const r of res.body.data) expect(["rotterdam", "amsterdam"].includes(r.unitId) || r.networks.includes("roze-in-blauw")).to.equal(true);
  });

  it("enforces roles: directory and pool management are for coordinators", async () => {
    const requester = await login(s, "requester");
    const member = await login(s, "member");
    expect((await requester.get("/api/v1/members?q=somali")).status).to.equal(403);
    expect((await member.get("/api/v1/members?q=somali")).status).to.equal(403);
    expect((await requester.post("/api/v1/pools", { name: "x", expertise: [] })).status).to.equal(403);
    expect((await requester.get("/api/v1/pools")).status).to.equal(200);
    expect((await auditor.get("/api/v1/audit")).status).to.equal(200);
    expect((await coordinator.get("/api/v1/audit")).status).to.equal(403);
    expect((await requester.get("/api/v1/members/me")).status).to.equal(404);
  });

  it("creates pools and manages their members", async () => {
    const pools = await coordinator.get("/api/v1/pools");
    expect(pools.body.data.map((p: any) => p.name)).to.include.members(["Oekraïense vluchtelingen", "Verkiezingen Turkije", "Rouw en overlijden"]);
    const created = await coordinator.post("/api/v1/pools", {
      name: "Eritrese gemeenschap Rotterdam",
      description: "Test",
      expertise: ["culture.eritrean"],
      unitIds: ["rotterdam"],
    });
    expect(created.status).to.equal(201);
    const bad = await coordinator.post("/api/v1/pools", { name: "x y", expertise: ["nope.nope"] });
    expect(bad.status).to.equal(422);
    const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
    const added = await coordinator.post(`/api/v1/pools/${created.body.id}/members/${m.memberId}`);
    expect(added.status).to.equal(200);
    expect(added.body.memberIds).to.include(m.memberId);
    // Coordinators see who is in the pool by name (members they coordinate), not only ids.
    const listed = (await coordinator.get("/api/v1/pools")).body.data.find((p: any) => p.id === created.body.id);
    expect(listed.members).to.deep.include({ id: m.memberId, unitId: "rotterdam", name: `Test ${m.username}` });
    // A member outside the coordinator's units and networks is shown by unit only, in a national pool.
    const national = await coordinator.post("/api/v1/pools", { name: `Landelijke test ${Date.now()}`, expertise: [], unitIds: [] });
    const far = await newUser(s, { roles: ["member"], unitId: "limburg" });
    const farAdded = await coordinator.post(`/api/v1/pools/${national.body.id}/members/${far.memberId}`);
    expect(farAdded.status).to.equal(200);
    expect(farAdded.body.members).to.deep.equal([{ id: far.memberId, unitId: "limburg" }]);
    // Requesters learn that pools exist, not who is in them.
    const asRequester = (await (await login(s, "requester")).get("/api/v1/pools")).body.data.find((p: any) => p.id === created.body.id);
    expect(asRequester).to.not.have.property("members");
    expect(asRequester).to.not.have.property("memberIds");
    const removed = await coordinator.delete(`/api/v1/pools/${created.body.id}/members/${m.memberId}`);
    expect(removed.body.memberIds).to.not.include(m.memberId);
    const outside = await newUser(s, { roles: ["coordinator"], unitId: "limburg", scope: { units: ["limburg"], networks: [] } });
    expect((await outside.client.post(`/api/v1/pools/${created.body.id}/members/${m.memberId}`)).status).to.equal(403);
  });
});
