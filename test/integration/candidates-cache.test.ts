// The candidate list is reused between polls (one ranking per request, a request copy up to 1 s old),
// but never across a change in this process: a member's profile or the request itself changing shows in
// the very next list.
import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { Request } from "../../api/src/models/request";
import { sharedStack } from "../helpers/stack";
import { login, type Client } from "../helpers/http";
import { dispatchSettled, freshMembers, somaliRequest } from "../helpers/core";

const speaksYoruba = (cards: { reasonCodes: { code: string; params?: { code?: string } }[] }[]) =>
  cards.filter((c) => c.reasonCodes.some((r) => r.code === "language" && r.params?.code === "yo")).length;

describe("candidate lists between changes", function () {
  this.timeout(60_000);
  let s: Service;
  let requester: Client;

  before(async () => {
    s = await sharedStack();
    requester = await login(s, "requester");
  });

  it("answers the same list again, and shows a withdrawn consent or a changed request in the very next one", async () => {
    const members = await freshMembers(await login(s, "admin"), s, 2, { unitId: "limburg", language: "yo" });
    const created = await requester.post("/api/v1/requests", { ...somaliRequest, unitId: "limburg", languages: ["yo"], urgency: "planned" });
    expect(created.status, created.text).to.equal(201);
    const path = `/api/v1/requests/${created.body.id}/candidates?limit=100`;

    const first = await requester.get(path);
    expect(first.status).to.equal(200);
    expect(speaksYoruba(first.body)).to.equal(2);
    expect((await requester.get(path)).body).to.deep.equal(first.body);

    const put = await members[0]!.client.put("/api/v1/members/me", { consent: { shareExpertise: false } });
    expect(put.status, put.text).to.equal(200);
    expect(speaksYoruba((await requester.get(path)).body), "after the consent was withdrawn").to.equal(1);

    await dispatchSettled(created.body.id); // not while a dispatch round is writing the request
    await Request.updateOne({ _id: created.body.id }, { $set: { languages: [] } });
    expect(speaksYoruba((await requester.get(path)).body), "after the request no longer asks for Yoruba").to.equal(0);
  });
});
