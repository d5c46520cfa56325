// A member corrects their own entry. Changing what was approved (date, hours, category) sends it
// back for approval. Runs under the entry's lock and the member's.
import { isValidObjectId } from "mongoose";
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import type { TimeCategory } from "../../domain/types";
import { conflict, forbidden, notFound, unprocessable } from "../../http/problem";
import { TimeEntry } from "../../models/time-entry";
import { presentTimeEntry, type TimeEntryView } from "../../presenters/budget-entries";
import { checkBudgetAlerts } from "../budgets/alerts";
import { yearOf } from "../budgets/compute";
import { dayHours, releaseDayHours, reserveDayHours } from "./day-limit";
import { entryLock, memberLock, withLocks } from "../budgets/mutex";
import { moveTotals } from "../budgets/totals";
import { assertValid, dayLimitError, rulesFor, validate } from "./rules";

export interface EditTimeInput {
  date?: Date;
  hours?: number;
  category?: TimeCategory;
  note?: string;
  requestId?: string;
  /** Optimistic concurrency: the version the client edited. */
  version?: number;
}

export async function editTimeEntry(deps: Deps, actor: Principal, id: string, patch: EditTimeInput): Promise<TimeEntryView> {
  const seen = isValidObjectId(id) ? await TimeEntry.findById(id).lean() : null;
  if (!seen) throw notFound("Time entry");
  if (!actor.memberId || actor.memberId !== seen.memberId) throw forbidden("You may only edit your own time entries");

  // The old day must not be in a closed month either: that would move hours out of a closed period.
  if ((await rulesFor(seen.date)).closedUntil) assertValid([{ path: "date", message: `the month of ${seen.day} is closed` }]);
  const next = { date: patch.date ?? seen.date, hours: patch.hours ?? seen.hours, category: patch.category ?? (seen.category as TimeCategory) };
  const rules = await rulesFor(next.date);
  validate(next, rules, deps.now(), 0); // the day limit is checked under the lock below

  const { entry, updated } = await withLocks([entryLock(id), memberLock(seen.memberId)], async () => {
    const entry = await TimeEntry.findById(id).lean();
    if (!entry || entry.version !== seen.version || entry.day !== seen.day) throw conflict("The entry was changed meanwhile; reload it", "entry_changed");
    if (entry.status === "rejected") throw conflict("A rejected entry cannot be edited; log a new one", "entry_rejected");
    if (patch.version !== undefined && patch.version !== entry.version) throw conflict("The entry was changed meanwhile; reload it", "entry_changed");

    const sameDay = rules.day === entry.day;
    // Reserve what is new on the target day; release what is freed.
    const reserve = sameDay ? Math.max(0, next.hours - entry.hours) : next.hours;
    if (reserve > 0 && !(await reserveDayHours(entry.memberId, rules.day, reserve))) {
      const err = dayLimitError((await dayHours(entry.memberId, rules.day)) - (sameDay ? entry.hours : 0));
      throw unprocessable(`hours: ${err.message}`, [err]);
    }
    const release = sameDay ? Math.max(0, entry.hours - next.hours) : entry.hours;
    if (release > 0) await releaseDayHours(entry.memberId, entry.day, release);

    const substantive = !sameDay || next.hours !== entry.hours || next.category !== entry.category;
    // Only what was approved goes back: a note is not part of what the coordinator approved.
    const status = entry.status === "approved" && substantive ? "pending" : entry.status;
    const set = {
      date: next.date,
      day: rules.day,
      year: yearOf(next.date),
      hours: next.hours,
      category: next.category,
      status,
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.requestId !== undefined ? { requestId: patch.requestId } : {}),
    };
    const updated = await TimeEntry.findOneAndUpdate(
      { _id: entry._id },
      { $set: set, ...(status !== entry.status ? { $unset: { decidedBy: 1, decidedAt: 1 } } : {}), $inc: { version: 1 } },
      { returnDocument: "after" },
    ).lean();
    await moveTotals(entry, updated!);
    return { entry, updated: updated! };
  });
  const view = presentTimeEntry(updated);
  deps.events.publish({
    type: "time-entry.edited",
    actor,
    entry: view,
    before: { day: entry.day, hours: entry.hours, category: entry.category, status: entry.status },
  });
  await checkBudgetAlerts(deps, entry.memberId, yearOf(next.date));
  return view;
}
