// Issue 10 (ui-views): what the per-person request views, the privacy edit, escalate-now, bulk approval,
// API-key revocation, audit filters/export and name search need from the API — real HTTP on real FerretDB.
import { expect } from "chai";
import { DateTime } from "luxon";
import type { Service } from "../../api/src/bootstrap";
import { AuditEvent } from "../../api/src/models/audit-event";
import { flushAuditLog } from "../../api/src/usecases/audit-log";
import { Request } from "../../api/src/models/request";
import { Offer } from "../../api/src/models/offer";
import { User } from "../../api/src/models/user";
import { neutraliseCell } from "../../api/src/http/csv";
import { sharedStack } from "../helpers/stack";
import { anonymous, login, newUser, type Client } from "../helpers/http";
import { freshMembers, pendingOffer, somaliRequest, waitFor } from "../helpers/core";

const daysAgo = (n: number) => DateTime.now().setZone("Europe/Amsterdam").minus({ days: n }).toISODate()!;

describe("ui-views API: request views, edits, escalation, bulk approval, keys, audit, name search", function () {
  this.timeout(180_000);
  let s: Service;
  let admin: Client;
  let coordinator: Client;
  before(async () => {
    s = await sharedStack();
    [admin, coordinator] = await Promise.all([login(s, "admin"), login(s, "coordinator")]);
  });

  it("gives the assignee the requester's name, unit, phone and e-mail after acceptance (audited), nobody else", async () => {
    const [m] = await freshMembers(admin, s, 1, { unitId: "noord-nederland", language: "kl" });
    const req = await newUser(s, { roles: ["requester"], unitId: "noord-nederland", name: "Rianne Verzoeker" });
    await admin.patch(`/api/v1/admin/users/${req.id}`, { name: "Rianne Verzoeker" });
    await User.updateOne({ _id: req.id }, { $set: { phone: "+31 6 1111 2222", email: "rianne@politie.example" } });
    const id = (await req.client.post("/api/v1/requests", { ...somaliRequest, unitId: "noord-nederland", languages: ["kl"], urgency: "today" })).body.id;
    const offer = await waitFor(() => pendingOffer(m!.client, id), "offer");
    // Before acceptance the member may not read the request at all.
    expect((await m!.client.get(`/api/v1/requests/${id}`)).status).to.equal(403);
    expect((await m!.client.post(`/api/v1/offers/${offer.id}/accept`)).status).to.equal(200);
    const seen = await m!.client.get(`/api/v1/requests/${id}`);
    expect(seen.status).to.equal(200);
    expect(seen.body.requester).to.deep.equal({
      name: "Rianne Verzoeker",
      unitId: "noord-nederland",
      phone: "+31 6 1111 2222",
      email: "rianne@politie.example",
    });
    expect(seen.body.description).to.contain("Somalische");
    await flushAuditLog(); // the audit log is buffered
    expect(
      await AuditEvent.countDocuments({
        action: "read",
        resourceType: "requester-contact",
        resourceId: id,
        actorId: (await m!.client.get("/api/v1/auth/me")).body.id,
      }),
    ).to.equal(1);
    // The requester and a coordinator get no "requester" block (they know who asked).
    expect((await req.client.get(`/api/v1/requests/${id}`)).body).to.not.have.property("requester");
  });

  it("lets the requester edit title and description while open (audited, warnings recomputed, offered member sees the new text); not after acceptance, not others", async () => {
    const [m] = await freshMembers(admin, s, 1, { unitId: "zeeland-west-brabant", language: "ht" });
    const req = await newUser(s, { roles: ["requester"], unitId: "zeeland-west-brabant" });
    const other = await newUser(s, { roles: ["requester"], unitId: "zeeland-west-brabant" });
    const created = await req.client.post("/api/v1/requests", {
      ...somaliRequest,
      unitId: "zeeland-west-brabant",
      languages: ["ht"],
      urgency: "planned",
      description: "Bel mevrouw Jansen op 06-12345678.",
    });
    expect(created.body.warnings.map((w: { kind: string }) => w.kind)).to.have.members(["phone", "name"]);
    const id = created.body.id;
    const offer = await waitFor(() => pendingOffer(m!.client, id), "offer");
    expect(offer.request.description).to.contain("06-12345678");

    expect((await other.client.patch(`/api/v1/requests/${id}`, { description: "x" })).status).to.equal(403);
    expect((await req.client.patch(`/api/v1/requests/${id}`, {})).status).to.equal(422);
    const edited = await req.client.patch(`/api/v1/requests/${id}`, { title: "Uitleg rouwgebruiken", description: "Bel de familie via de wijkagent." });
    expect(edited.status, edited.text).to.equal(200);
    expect(edited.body.warnings).to.deep.equal([]);
    expect(edited.body.title).to.equal("Uitleg rouwgebruiken");
    const after = await pendingOffer(m!.client, id);
    expect(after.request.description).to.equal("Bel de familie via de wijkagent.");
    expect(JSON.stringify(after)).to.not.contain("06-12345678");
    await flushAuditLog(); // the audit log is buffered
    const ev = await AuditEvent.findOne({ action: "update", resourceType: "request", resourceId: id }).lean();
    expect(ev?.details).to.deep.include({ fields: ["title", "description"] });
    expect(JSON.stringify(ev)).to.not.contain("wijkagent"); // no case text in the trail

    expect((await m!.client.post(`/api/v1/offers/${after.id}/accept`)).status).to.equal(200);
    expect((await req.client.patch(`/api/v1/requests/${id}`, { description: "te laat" })).status).to.equal(409);
  });

  it("escalates now: local → next step at once, with the next step's time shown to the requester; others 403", async () => {
    // Two local candidates in Limburg, planned (one at a time): the first round goes local.
    await freshMembers(admin, s, 2, { unitId: "limburg", language: "yo" });
    await freshMembers(admin, s, 1, { unitId: "oost-nederland", language: "yo" });
    const req = await newUser(s, { roles: ["requester"], unitId: "limburg" });
    const stranger = await newUser(s, { roles: ["requester"], unitId: "limburg" });
    const id = (await req.client.post("/api/v1/requests", { ...somaliRequest, unitId: "limburg", languages: ["yo"], urgency: "planned" })).body.id;
    // The round is complete once its offer is out (the step is claimed first, the next step's job and offers follow).
    const first = await waitFor(
      async () => ((await Request.findById(id).lean())?.escalationStep === "local" && (await Offer.exists({ requestId: id })) ? true : null),
      "local round",
    );
    expect(first).to.equal(true);
    const view = await req.client.get(`/api/v1/requests/${id}`);
    expect(view.body.escalationStep).to.equal("local");
    expect(Date.parse(view.body.nextStepAt) - Date.now()).to.be.greaterThan(23 * 3_600_000); // planned: 24 h
    expect((await stranger.client.post(`/api/v1/requests/${id}/escalate`)).status).to.equal(403);
    const esc = await req.client.post(`/api/v1/requests/${id}/escalate`);
    expect(esc.status, esc.text).to.equal(200);
    expect(esc.body.escalationStep).to.equal("national");
    const offers = await Offer.find({ requestId: id }).sort({ _id: 1 }).lean();
    expect(offers.map((o) => o.step)).to.deep.equal(["local", "national"]); // one new offer, nationally
    expect(offers[0]!.status).to.equal("pending"); // the local offer stays valid
    await flushAuditLog(); // the audit log is buffered
    expect(await AuditEvent.countDocuments({ action: "escalate", resourceId: id })).to.equal(1);
  });

  it("approves 20 entries in one request with one result per entry; own, out-of-scope and decided entries fail", async () => {
    const members = await Promise.all(Array.from({ length: 5 }, () => newUser(s, { roles: ["member"], unitId: "rotterdam" })));
    const ids: string[] = [];
    for (const [i, m] of members.entries())
      for (let d = 0; d < 4; d++) {
        const r = await m.client.post("/api/v1/time-entries", { date: daysAgo(10 + d + i * 4), hours: 5, category: "operational" });
        expect(r.status, r.text).to.equal(201);
        expect(r.body.status).to.equal("pending");
        ids.push(r.body.id);
      }
    const outside = await newUser(s, { roles: ["member"], unitId: "limburg" });
    const foreign = (await outside.client.post("/api/v1/time-entries", { date: daysAgo(3), hours: 5, category: "operational" })).body.id;
    const res = await coordinator.post("/api/v1/time-entries/approve", { ids: [...ids, foreign] });
    expect(res.status, res.text).to.equal(200);
    expect(res.body.approved).to.equal(20);
    expect(res.body.failed).to.equal(1);
    expect(res.body.results).to.have.length(21);
    expect(res.body.results.find((r: { id: string }) => r.id === foreign)).to.deep.include({ ok: false });
    expect(res.body.results.find((r: { id: string }) => r.id === foreign).error.status).to.equal(403);
    const again = await coordinator.post("/api/v1/time-entries/approve", { ids: ids.slice(0, 2) });
    expect(again.body.results.map((r: { error: { status: number } }) => r.error.status)).to.deep.equal([409, 409]);
    expect((await members[0]!.client.post("/api/v1/time-entries/approve", { ids })).status).to.equal(403);
    expect((await coordinator.post("/api/v1/time-entries/approve", { ids: [] })).status).to.equal(422);
  });

  it("lists API keys with last use and revokes one so it stops working at once", async () => {
    const created = await admin.post("/api/v1/admin/api-keys", { name: `ui-views-${Date.now()}`, role: "telephony" });
    expect(created.status).to.equal(201);
    const key = created.body.key as string;
    const call = () => anonymous(s).request("POST", "/api/v1/helpline/calls/ui-views-1/outcome", { outcome: "answered" }, { "X-Api-Key": key });
    expect((await call()).status).to.not.equal(401);
    const listed = await waitFor(async () => {
      const l = (await admin.get("/api/v1/admin/api-keys")).body.data.find((k: { name: string }) => k.name === created.body.name);
      return l?.lastUsedAt ? l : null;
    }, "last use recorded");
    expect(JSON.stringify(listed)).to.not.contain(key);
    expect((await coordinator.get("/api/v1/admin/api-keys")).status).to.equal(403);
    expect((await admin.delete(`/api/v1/admin/api-keys/${listed.id}`)).status).to.equal(204);
    expect((await call()).status).to.equal(401); // at once, although the key was cached a moment ago
    expect((await admin.delete(`/api/v1/admin/api-keys/${listed.id}`)).status).to.equal(409);
    await flushAuditLog(); // the audit log is buffered
    expect(await AuditEvent.countDocuments({ action: "revoke", resourceType: "api-key", resourceId: listed.id })).to.equal(1);
  });

  it("resets a password: the old one stops, the new one works", async () => {
    const u = await newUser(s, { roles: ["requester"] });
    expect((await admin.post(`/api/v1/admin/users/${u.id}/reset-password`, { password: "short" })).status).to.equal(422);
    expect((await admin.post(`/api/v1/admin/users/${u.id}/reset-password`, { password: "nieuw-wachtwoord-1" })).status).to.equal(204);
    expect((await u.client.get("/api/v1/auth/me")).status).to.equal(401); // sessions ended
    expect((await anonymous(s).post("/api/v1/auth/login", { username: u.username, password: "nieuw-wachtwoord-1" })).status).to.equal(200);
  });

  it("filters the audit trail by who, whose data, what and when, and exports neutralised CSV", async () => {
    const auditor = await login(s, "auditor");
    const me = (await coordinator.get("/api/v1/auth/me")).body;
    const from = new Date(Date.now() - 1000).toISOString();
    const m = await newUser(s, { roles: ["member"], unitId: "rotterdam" });
    expect((await coordinator.get(`/api/v1/members/${m.memberId}`)).status).to.equal(200);
    const byWho = await auditor.get(`/api/v1/audit?actorId=${me.id}&action=read&from=${encodeURIComponent(from)}`);
    expect(byWho.body.data.some((e: { resourceId: string }) => e.resourceId === m.memberId)).to.equal(true);
    const whose = await auditor.get(`/api/v1/audit?subject=${m.id}`);
    expect(whose.body.data.some((e: { actorId: string; action: string }) => e.actorId === me.id && e.action === "read")).to.equal(true);
    const none = await auditor.get(`/api/v1/audit?actorId=${me.id}&to=2000-01-01`);
    expect(none.body.data).to.deep.equal([]);
    expect((await auditor.get("/api/v1/audit?from=gisteren")).status).to.equal(422);

    await AuditEvent.create({ actorId: '=HYPERLINK("x")', action: "read", resourceType: "test", resourceId: "+31", details: { note: "@SUM(A1)" } });
    const csv = await auditor.get("/api/v1/audit/export.csv?resourceType=test");
    expect(csv.status).to.equal(200);
    expect(csv.headers.get("content-type")).to.contain("text/csv");
    const raw = new Uint8Array(
      await (
        await fetch(`${s.url}/api/v1/audit/export.csv?resourceType=test`, {
          headers: { authorization: `Bearer ${(auditor as unknown as { token: string }).token}` },
        })
      ).arrayBuffer(),
    );
    expect([...raw.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const line = csv.text.split("\r\n")[1]!;
    expect(line).to.contain(`"'=HYPERLINK(""x"")"`).and.contain(`;"'+31";`);
    expect(neutraliseCell("-2+3")).to.equal("'-2+3");
    expect(neutraliseCell("@x")).to.equal("'@x");
    expect(neutraliseCell("gewoon")).to.equal("gewoon");
    expect((await coordinator.get("/api/v1/audit/export.csv")).status).to.equal(403);
  });

  it("finds members by name for coordinators in scope only", async () => {
    const hit = await coordinator.get("/api/v1/members?q=Yusuf%20Abdi");
    expect(hit.status).to.equal(200);
    expect(hit.body.data[0].name).to.equal("Yusuf Abdi");
    expect((await coordinator.get("/api/v1/members?q=yus%20abd")).body.data.map((r: { name: string }) => r.name)).to.include("Yusuf Abdi");
    const hodan = await newUser(s, { roles: ["member"], unitId: "rotterdam", name: "Hodan Warsame-Testnaam" });
    const found = await waitFor(async () => {
      const d = (await coordinator.get("/api/v1/members?q=Hodan")).body.data as { id: string }[];
      return d.some((r) => r.id === hodan.memberId) ? d : null;
    }, "name search finds the new member");
    expect(found.length).to.be.greaterThan(0);
    // A coordinator of another unit does not find the Rotterdam member by name.
    const elsewhere = await newUser(s, { roles: ["coordinator"], unitId: "limburg", scope: { units: ["limburg"], networks: [] } });
    const miss = await elsewhere.client.get("/api/v1/members?q=Yusuf%20Abdi");
    expect(miss.body.data.map((r: { name: string }) => r.name)).to.not.include("Yusuf Abdi");
  });
});
