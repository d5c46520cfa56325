// A coordinator in scope approves or rejects a pending entry. Decided under the member's lock (the
// decision moves hours in the totals), conditional on the entry's version, so simultaneous decisions
// take effect once.
import { isValidObjectId } from "mongoose";
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict, forbidden, notFound } from "../../http/problem";
import { Member } from "../../models/member";
import { TimeEntry } from "../../models/time-entry";
import { canDecideFor } from "../../access/budgets";
import { presentTimeEntry, type TimeEntryView } from "../../presenters/budget-entries";
import { memberLock, withLock } from "../budgets/mutex";
import { moveTotals } from "../budgets/totals";
import { releaseDayHours } from "./day-limit";

export async function decideTimeEntry(
  deps: Deps,
  actor: Principal,
  id: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<TimeEntryView> {
  const entry = isValidObjectId(id) ? await TimeEntry.findById(id).lean() : null;
  if (!entry) throw notFound("Time entry");
  const member = await Member.findById(entry.memberId, { unitId: 1, networks: 1 }).lean();
  if (!member || !canDecideFor(actor, { id: String(member._id), unitId: member.unitId, networks: member.networks })) {
    throw forbidden("Only a coordinator whose scope covers this member may decide on their time");
  }
  const notPending = (status?: string) => conflict(`The entry is ${status ?? "gone"}, not pending`, "entry_not_pending");
  if (entry.status !== "pending") throw notPending(entry.status);
  const status = decision.approve ? "approved" : "rejected";
  // Under the member's lock, which every write to this member's hours and entries takes (log, edit,
  // decide; an entry never changes member), so the day counters and totals move once. The update is
  // conditional on the version read above: every write to an entry bumps it, so a match means the
  // entry is exactly as read (no second read under the lock), and a second decision matches nothing.
  const updated = await withLock(memberLock(entry.memberId), async () => {
    const set = { status, decidedBy: actor.id, decidedAt: deps.now(), ...(decision.approve ? {} : { reason: decision.reason }) };
    const res = await TimeEntry.updateOne({ _id: entry._id, version: entry.version, status: "pending" }, { $set: set, $inc: { version: 1 } });
    if (res.matchedCount === 0) {
      const now = await TimeEntry.findById(id, { status: 1 }).lean();
      throw now?.status !== "pending" ? notPending(now?.status) : conflict("The entry was changed meanwhile; reload it", "entry_changed");
    }
    // A rejected entry no longer occupies its day.
    if (!decision.approve) await releaseDayHours(entry.memberId, entry.day, entry.hours);
    await moveTotals(entry, { ...entry, status });
    return { ...entry, ...set, version: entry.version + 1 };
  });
  const view = presentTimeEntry(updated);
  if (decision.approve) deps.events.publish({ type: "time-entry.approved", actor, entry: view });
  else deps.events.publish({ type: "time-entry.rejected", actor, entry: view, reason: decision.reason });
  return view;
}
