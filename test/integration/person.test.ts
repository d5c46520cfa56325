import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { AuditEvent } from "../../api/src/models/audit-event";
import { Member } from "../../api/src/models/member";
import { flushAuditLog } from "../../api/src/usecases/audit-log";
import { sharedStack } from "../helpers/stack";
import { login, newUser, type Client } from "../helpers/http";

// One source for a person: the user holds name and contact; an admin's change shows at once wherever the
// member is read (profile, coordinators' directory, the helpline planners' member list).
describe("person: name and contact live on the user; renames propagate", function () {
  this.timeout(120_000);
  let s: Service;
  let admin: Client;
  let coordinator: Client;
  let planner: Client;
  before(async () => {
    s = await sharedStack();
    [admin, coordinator, planner] = await Promise.all([login(s, "admin"), login(s, "coordinator"), login(s, "planner")]);
  });

  const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((r) => r.name);

  it("admin renames a member user: profile, directory and helpline roster show the new name and contact", async () => {
    const tag = Date.now().toString(36).replace(/\d/g, "");
    const m = await newUser(s, { roles: ["member"], unitId: "rotterdam", networks: ["ndv", "roze-in-blauw"], name: `Noor Oudenaam${tag}` });
    expect(names(await coordinator.get(`/api/v1/members?q=Oudenaam${tag}`))).to.deep.equal([`Noor Oudenaam${tag}`]);

    const patched = await admin.patch(`/api/v1/admin/users/${m.id}`, { name: `Noor Nieuwland${tag}`, email: "noor@politie.example", phone: "+31 6 1234 5678" });
    expect(patched.status).to.equal(200);
    expect(patched.body).to.include({ name: `Noor Nieuwland${tag}`, email: "noor@politie.example" });

    const profile = await coordinator.get(`/api/v1/members/${m.memberId}`);
    expect(profile.body).to.include({ name: `Noor Nieuwland${tag}`, email: "noor@politie.example", phone: "+31 6 1234 5678" });
    expect((await m.client.get("/api/v1/members/me")).body).to.include({ name: `Noor Nieuwland${tag}`, phone: "+31 6 1234 5678" });
    expect(names(await coordinator.get(`/api/v1/members?q=Nieuwland${tag}`))).to.deep.equal([`Noor Nieuwland${tag}`]);
    expect(names(await coordinator.get(`/api/v1/members?q=Oudenaam${tag}`))).to.deep.equal([]);
    expect(names(await planner.get(`/api/v1/helpline/members?q=Nieuwland${tag}`))).to.deep.equal([`Noor Nieuwland${tag}`]);
    expect(names(await planner.get(`/api/v1/helpline/members?q=Oudenaam${tag}`))).to.deep.equal([]);
    expect((await Member.findById(m.memberId).lean())!.name).to.equal(`Noor Nieuwland${tag}`);

    await flushAuditLog();
    const row = await AuditEvent.findOne({ action: "update", resourceType: "user", resourceId: m.id }).lean();
    expect(row?.details).to.deep.include({ name: `Noor Nieuwland${tag}` });
  });

  it("nobody else renames: a coordinator's PATCH is 403, a member cannot rename themselves on the profile", async () => {
    const m = await newUser(s, { roles: ["member"], unitId: "rotterdam", name: "Blijft Zoals Hij Is" });
    expect((await coordinator.patch(`/api/v1/admin/users/${m.id}`, { name: "Gekaapt" })).status).to.equal(403);
    expect((await m.client.patch(`/api/v1/admin/users/${m.id}`, { name: "Gekaapt" })).status).to.equal(403);
    expect((await m.client.put("/api/v1/members/me", { name: "Gekaapt" })).status).to.equal(422);
    expect((await admin.patch(`/api/v1/admin/users/${m.id}`, { email: "not an address" })).status).to.equal(422);
    expect((await Member.findById(m.memberId).lean())!.name).to.equal("Blijft Zoals Hij Is");
  });
});
