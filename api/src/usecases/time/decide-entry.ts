// A coordinator in scope approves or rejects a pending entry. Decided under the entry's lock
// and the member's (the decision moves hours in the totals), so simultaneous decisions take effect once.
import { isValidObjectId } from "mongoose";
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict, forbidden, notFound } from "../../http/problem";
import { Member } from "../../models/member";
import { TimeEntry } from "../../models/time-entry";
import { canDecideFor } from "../../policies/budgets";
import { presentTimeEntry, type TimeEntryView } from "../../presenters/budget-entries";
import { audit } from "../audit";
import { entryLock, memberLock, withLocks } from "../budgets/mutex";
import { moveTotals } from "../budgets/totals";
import { releaseDayHours } from "./day-limit";

export async function decideTimeEntry(
  deps: Deps,
  actor: Principal,
  id: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<TimeEntryView> {
  const seen = isValidObjectId(id) ? await TimeEntry.findById(id, { memberId: 1 }).lean() : null;
  if (!seen) throw notFound("Time entry");
  const member = await Member.findById(seen.memberId, { unitId: 1, networks: 1 }).lean();
  if (!member || !canDecideFor(actor, { id: String(member._id), unitId: member.unitId, networks: member.networks })) {
    throw forbidden("Only a coordinator whose scope covers this member may decide on their time");
  }
  const status = decision.approve ? "approved" : "rejected";
  const updated = await withLocks([entryLock(id), memberLock(seen.memberId)], async () => {
    const entry = await TimeEntry.findById(id).lean();
    if (!entry || entry.status !== "pending") throw conflict(`The entry is ${entry?.status ?? "gone"}, not pending`, "entry_not_pending");
    const set = { status, decidedBy: actor.id, decidedAt: deps.now(), ...(decision.approve ? {} : { reason: decision.reason }) };
    // Conditional on the version read above: should the lock ever be lost (a holder slower than its
    // TTL on a loaded machine), a second decision matches nothing instead of counting twice.
    const res = await TimeEntry.updateOne({ _id: entry._id, version: entry.version, status: "pending" }, { $set: set, $inc: { version: 1 } });
    if (res.matchedCount === 0) throw conflict("The entry was decided meanwhile; reload it");
    // A rejected entry no longer occupies its day.
    if (!decision.approve) await releaseDayHours(entry.memberId, entry.day, entry.hours);
    await moveTotals(entry, { ...entry, status });
    return { ...entry, ...set, version: entry.version + 1 };
  });
  await audit(actor, decision.approve ? "approve" : "reject", "time-entry", id, {
    memberId: updated.memberId,
    hours: updated.hours,
    ...(decision.approve ? {} : { reason: decision.reason }),
  });
  return presentTimeEntry(updated);
}
