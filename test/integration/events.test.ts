import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import type { DomainEvent } from "../../api/src/events/types";
import { AuditEvent } from "../../api/src/models/audit-event";
import { Request } from "../../api/src/models/request";
import { flushAuditLog } from "../../api/src/usecases/audit-log";
import { sharedStack } from "../helpers/stack";
import { login, type Client } from "../helpers/http";
import { freshMembers, pendingOffer, somaliRequest, waitFor } from "../helpers/core";

// Domain events over the real service: one event per state change, a new channel is one subscriber,
// and a failing subscriber neither fails nor undoes the write.
describe("domain events", function () {
  this.timeout(120_000);
  let s: Service;
  let admin: Client;
  let requester: Client;
  const seen: DomainEvent[] = [];
  const off: (() => void)[] = [];
  before(async () => {
    s = await sharedStack();
    [admin, requester] = await Promise.all([login(s, "admin"), login(s, "requester")]);
    // A new channel, as "notify" would add one: recorded here. And two broken channels around it.
    off.push(
      s.deps.events.subscribe("*", "broken-sync", () => {
        throw new Error("channel down");
      }),
      s.deps.events.subscribe("*", "recorder", (e) => void seen.push(e)),
      s.deps.events.subscribe("*", "broken-async", async () => {
        throw new Error("push service down");
      }),
    );
  });
  after(() => off.forEach((f) => f()));

  it("an accept publishes one offer.accepted; broken subscribers do not fail it and audit still records it", async () => {
    const [m] = await freshMembers(admin, s, 1, { unitId: "zeeland-west-brabant", language: "fy" });
    const created = await requester.post("/api/v1/requests", { ...somaliRequest, unitId: "zeeland-west-brabant", languages: ["fy"], urgency: "today" });
    expect(created.status).to.equal(201);
    const id = created.body.id as string;
    const offer = await waitFor(() => pendingOffer(m!.client, id), "offer to the fresh member");
    const accepted = await m!.client.post(`/api/v1/offers/${offer.id}/accept`);
    expect(accepted.status).to.equal(200);
    expect((await Request.findById(id).lean())!.status).to.equal("accepted");

    await s.deps.events.idle();
    const mine = seen.filter((e) => ("request" in e && String(e.request._id) === id) || ("offer" in e && e.offer.requestId === id));
    expect(mine.map((e) => e.type)).to.deep.equal(["request.created", "request.dispatched", "offer.accepted"]);
    const acceptedEvent = mine[2] as Extract<DomainEvent, { type: "offer.accepted" }>;
    expect(acceptedEvent.offer.memberId).to.equal(m!.memberId);
    expect(acceptedEvent.actor.id).to.equal(m!.userId);

    await flushAuditLog();
    const rows = await AuditEvent.find({ resourceType: "request", resourceId: id }).lean();
    expect(
      rows
        .map((r) => r.action)
        .filter((a) => a !== "read")
        .sort(),
    ).to.deep.equal(["accept", "create"]);
  });
});
