// The call log inserts calls it has not written before and upserts the rest; a call that is in the
// database already (written before a restart) is refused as a duplicate and then merged, not lost.
import { expect } from "chai";
import pino from "pino";
import { CallLog } from "../../api/src/helpline/call-log";
import { HelplineRuntime } from "../../api/src/helpline/runtime";
import { HelplineCall } from "../../api/src/models/helpline-call";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";

describe("helpline call log writes", () => {
  let deps: Service["deps"];
  before(async () => {
    deps = (await sharedStack()).deps;
  });

  it("inserts new calls, merges later writes, and merges into calls written by an earlier process", async () => {
    const id = `cl-${Date.now().toString(36)}`;
    const first = new CallLog(pino({ level: "silent" }));
    first.write(`${id}-a`, { action: "member", reason: "on duty" });
    first.write(`${id}-b`, { action: "rsc", reason: "nobody on duty" });
    await first.flush();
    first.write(`${id}-a`, { outcome: "answered", durationSec: 30 }); // known to this log: an upsert
    await first.flush();

    // A restarted process knows nothing of what was written: its insert of b is refused, then merged.
    const restarted = new CallLog(pino({ level: "silent" }));
    restarted.write(`${id}-b`, { outcome: "missed" });
    restarted.write(`${id}-c`, { action: "rsc", reason: "malformed request" });
    await restarted.flush();
    expect(restarted.pending).to.equal(0);

    const docs = await HelplineCall.find({ _id: { $in: [`${id}-a`, `${id}-b`, `${id}-c`] } })
      .sort({ _id: 1 })
      .lean();
    expect(docs.map((d) => [d._id, d.action, d.outcome ?? null])).to.deep.equal([
      [`${id}-a`, "member", "answered"],
      [`${id}-b`, "rsc", "missed"],
      [`${id}-c`, "rsc", null],
    ]);
    // Only what was written: no nulls for fields left undefined, no copies of the id, no timestamps.
    const c = await HelplineCall.collection.findOne({ _id: `${id}-c` as never });
    expect(Object.keys(c!).sort()).to.deep.equal(["_id", "action", "reason"]);
  });

  it("writes a backlog larger than one batch, and a write made during the flush, keeping nothing back", async () => {
    const id = `bl-${Date.now().toString(36)}`;
    const log = new CallLog(pino({ level: "silent" }));
    for (let i = 0; i < 1234; i++) log.write(`${id}-${String(i).padStart(4, "0")}`, { action: "rsc", reason: `call ${i}` });
    const first = log.flush();
    log.write(`${id}-late`, { action: "member", reason: "written during the flush" });
    await first;
    await log.flush();
    expect(log.pending).to.equal(0);
    const docs = await HelplineCall.find({ _id: { $regex: `^${id}-` } }, { reason: 1 }).lean();
    expect(docs).to.have.length(1235);
    expect(new Set(docs.map((d) => d.reason)).size).to.equal(1235);
  });

  it("reads recent calls at start; again each period only from a shared database, where others write", async () => {
    const id = `rc-${Date.now().toString(36)}`;
    const now = deps.now();
    // As another instance (or this one before a restart) would have logged them.
    const logged = (callId: string) => ({
      _id: callId,
      decidedAt: now,
      action: "rsc",
      targetPhone: "+31880000107",
      targetUnitId: "rotterdam",
      reason: "no member on duty",
    });
    await HelplineCall.collection.insertOne(logged(`${id}-before`) as never);

    const rt = new HelplineRuntime({ ...deps, sharedDatabase: false });
    await rt.start();
    try {
      expect(rt.recall(`${id}-before`, now)?.target).to.deep.equal({ phone: "+31880000107", unitId: "rotterdam" });

      // Embedded: nobody else writes there, so a period does not re-read the log.
      await HelplineCall.collection.insertOne(logged(`${id}-other`) as never);
      await rt.refresh();
      expect(rt.recall(`${id}-other`, now)).to.equal(undefined);

      // Shared: a call routed by another instance is known after the next period.
      const shared = new HelplineRuntime({ ...deps, sharedDatabase: true });
      await shared.refresh();
      await HelplineCall.collection.insertOne(logged(`${id}-later`) as never);
      await shared.refresh();
      expect(shared.recall(`${id}-later`, now)?.reason).to.equal("no member on duty");
    } finally {
      await rt.stop();
    }
  });
});
