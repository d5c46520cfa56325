import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { login, type Client } from "../helpers/http";

describe("knowledge notes and search", function () {
  this.timeout(60_000);
  let s: Service;
  let member: Client;
  let requester: Client;
  let coordinator: Client;
  before(async () => {
    s = await sharedStack();
    [member, requester, coordinator] = await Promise.all([login(s, "member"), login(s, "requester"), login(s, "coordinator")]);
  });

  it("stores an anonymised note and finds it with a misspelled query", async () => {
    const res = await member.post("/api/v1/knowledge", {
      title: "Rouwrituelen in Somalische families",
      body: "Begrafenis volgt meestal binnen 24 uur; betrek een imam bij uitleg over sectie.",
      expertise: ["culture.somali", "topic.death-rituals"],
    });
    expect(res.status).to.equal(201);
    expect(res.body).to.not.have.property("authorUserId");
    const found = await requester.get("/api/v1/knowledge?q=somalisch%20rouw");
    expect(found.status).to.equal(200);
    expect(found.body.data.map((n: any) => n.id)).to.include(res.body.id);
    expect((await requester.get(`/api/v1/knowledge/${res.body.id}`)).body.title).to.equal("Rouwrituelen in Somalische families");
    const list = await requester.get("/api/v1/knowledge?limit=5");
    expect(list.body.data.length).to.be.greaterThan(0);
  });

  it("rejects notes with citizens' names, phone numbers, BSN or e-mail with 422 and a clear message", async () => {
    const res = await member.post("/api/v1/knowledge", {
      title: "Gesprek familie",
      body: "Dhr. J. de Vries (bsn 111222333, jan@example.nl) wil teruggebeld worden op 010-1234567.",
    });
    expect(res.status).to.equal(422);
    expect(res.body.title).to.equal("Knowledge note contains personal data");
    const msgs = res.body.errors.map((e: any) => e.message).join(" ");
    expect(msgs).to.contain("a name").and.contain("a phone number").and.contain("BSN").and.contain("e-mail");
  });

  it("searches knowledge for everyone and members only for coordinators", async () => {
    const forRequester = await requester.get("/api/v1/search?q=somali");
    expect(forRequester.status).to.equal(200);
    expect(forRequester.body).to.have.property("knowledge");
    expect(forRequester.body).to.not.have.property("members");
    const forCoordinator = await coordinator.get("/api/v1/search?q=somali");
    expect(forCoordinator.body.members.length).to.be.greaterThan(0);
    for (const m of forCoordinator.body.members) expect(["rotterdam", "amsterdam"].includes(m.unitId) || m.networks.includes("roze-in-blauw")).to.equal(true);
  });
});
