// A coordinator in scope approves or rejects a pending entry. One conditional update
// (status pending → decided) so that simultaneous decisions take effect once.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict, forbidden, notFound } from "../../http/problem";
import { Member } from "../../models/member";
import { TimeEntry } from "../../models/time-entry";
import { canDecideFor } from "../../policies/budgets";
import { presentTimeEntry, type TimeEntryView } from "../../presenters/budget-entries";
import { audit } from "../audit";
import { releaseDayHours } from "./day-limit";

export async function decideTimeEntry(
  deps: Deps,
  actor: Principal,
  id: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<TimeEntryView> {
  const entry = await TimeEntry.findById(id, { memberId: 1 }).lean().catch(() => null);
  if (!entry) throw notFound("Time entry");
  const member = await Member.findById(entry.memberId, { unitId: 1, networks: 1 }).lean();
  if (!member || !canDecideFor(actor, { id: String(member._id), unitId: member.unitId, networks: member.networks })) {
    throw forbidden("Only a coordinator whose scope covers this member may decide on their time");
  }
  const status = decision.approve ? "approved" : "rejected";
  const updated = await TimeEntry.findOneAndUpdate(
    { _id: entry._id, status: "pending" },
    {
      $set: { status, decidedBy: actor.id, decidedAt: deps.now(), ...(decision.approve ? {} : { reason: decision.reason }) },
      $inc: { version: 1 },
    },
    { new: true },
  ).lean();
  if (!updated) {
    const now = await TimeEntry.findById(id, { status: 1 }).lean();
    throw conflict(`The entry is ${now?.status ?? "gone"}, not pending`);
  }
  // A rejected entry no longer occupies its day.
  if (!decision.approve) await releaseDayHours(updated.memberId, updated.day, updated.hours);
  await audit(actor, decision.approve ? "approve" : "reject", "time-entry", id, {
    memberId: updated.memberId,
    hours: updated.hours,
    ...(decision.approve ? {} : { reason: decision.reason }),
  });
  return presentTimeEntry(updated);
}
