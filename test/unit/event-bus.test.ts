import { expect } from "chai";
import { createEventBus } from "../../api/src/events/bus";
import { auditRow } from "../../api/src/events/subscribers/audit";
import type { DomainEvent } from "../../api/src/events/types";

const actor = { id: "u1", roles: ["member" as const] };
const declined: DomainEvent = { type: "offer.declined", actor, offer: { _id: "o1", memberId: "m1", requestId: "r1" } };
const escalated: DomainEvent = { type: "request.escalated", actor, requestId: "r1", from: "local", to: "national" };

function recordingLogger() {
  const errors: Record<string, unknown>[] = [];
  return { errors, logger: { error: (obj: Record<string, unknown>) => void errors.push(obj) } as never };
}

describe("event bus", () => {
  it("delivers an event to the subscribers of its type, in subscription order, before publish returns", () => {
    const { logger } = recordingLogger();
    const bus = createEventBus(logger);
    const seen: string[] = [];
    bus.subscribe("offer.declined", "a", (e) => void seen.push(`a:${e.offer.memberId}`));
    bus.subscribe(["offer.declined", "request.escalated"], "b", (e) => void seen.push(`b:${e.type}`));
    bus.subscribe("*", "c", (e) => void seen.push(`c:${e.type}`));
    bus.publish(declined);
    bus.publish(escalated);
    expect(seen).to.deep.equal(["a:m1", "b:offer.declined", "c:offer.declined", "b:request.escalated", "c:request.escalated"]);
  });

  it("logs a throwing or rejecting subscriber and still runs the others", async () => {
    const { logger, errors } = recordingLogger();
    const bus = createEventBus(logger);
    const seen: string[] = [];
    bus.subscribe("*", "throws", () => {
      throw new Error("boom");
    });
    bus.subscribe("*", "rejects", async () => {
      throw new Error("later");
    });
    bus.subscribe("*", "fine", () => void seen.push("fine"));
    expect(() => bus.publish(declined)).not.to.throw();
    expect(seen).to.deep.equal(["fine"]);
    await bus.idle();
    expect(errors.map((e) => [e.subscriber, e.event])).to.deep.equal([
      ["throws", "offer.declined"],
      ["rejects", "offer.declined"],
    ]);
  });

  it("idle() waits for asynchronous subscribers, including the events they publish in turn", async () => {
    const { logger } = recordingLogger();
    const bus = createEventBus(logger);
    const done: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    bus.subscribe("offer.declined", "slow", async () => {
      await gate;
      bus.publish(escalated);
    });
    bus.subscribe("request.escalated", "slower", async () => {
      await Promise.resolve();
      done.push("escalated handled");
    });
    bus.publish(declined);
    let idle = false;
    const waiting = bus.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).to.equal(false);
    release();
    await waiting;
    expect(done).to.deep.equal(["escalated handled"]);
  });

  it("unsubscribe stops delivery", () => {
    const bus = createEventBus(recordingLogger().logger);
    let n = 0;
    const off = bus.subscribe("*", "count", () => void n++);
    bus.publish(declined);
    off();
    bus.publish(declined);
    expect(n).to.equal(1);
  });

  it("audit rows keep the actions and details of the use cases", () => {
    expect(auditRow(declined)).to.deep.equal(["decline", "request", "r1", { offerId: "o1" }]);
    expect(auditRow(escalated)).to.deep.equal(["escalate", "request", "r1", { from: "local", to: "national" }]);
    const entry = { id: "e1", memberId: "m1", date: "", day: "2026-03-02", hours: 9, category: "operational", createdBy: "u1", version: 1 } as const;
    const rejected = { ...entry, status: "rejected" as const };
    expect(auditRow({ type: "time-entry.rejected", actor, entry: rejected, reason: "dubbel" })).to.deep.equal([
      "reject",
      "time-entry",
      "e1",
      { memberId: "m1", hours: 9, reason: "dubbel" },
    ]);
  });
});
