// The call log inserts calls it has not written before and upserts the rest; a call that is in the
// database already (written before a restart) is refused as a duplicate and then merged, not lost.
import { expect } from "chai";
import pino from "pino";
import { CallLog } from "../../api/src/helpline/call-log";
import { HelplineCall } from "../../api/src/models/helpline-call";
import { sharedStack } from "../helpers/stack";

describe("helpline call log writes", () => {
  before(async () => {
    await sharedStack();
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

    const docs = await HelplineCall.find({ callId: { $in: [`${id}-a`, `${id}-b`, `${id}-c`] } })
      .sort({ callId: 1 })
      .lean();
    expect(docs.map((d) => [d.callId, d.action, d.outcome ?? null])).to.deep.equal([
      [`${id}-a`, "member", "answered"],
      [`${id}-b`, "rsc", "missed"],
      [`${id}-c`, "rsc", null],
    ]);
    for (const d of docs) expect(d.createdAt).to.be.instanceOf(Date);
  });
});
