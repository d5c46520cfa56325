// A member corrects their own entry. Changing what was approved (date, hours, category) sends it
// back for approval; the day limit is re-reserved before the write and released after it.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import type { TimeCategory } from "../../domain/types";
import { conflict, forbidden, notFound, unprocessable } from "../../http/problem";
import { TimeEntry } from "../../models/time-entry";
import { presentTimeEntry, type TimeEntryView } from "../../presenters/budget-entries";
import { audit } from "../audit";
import { checkBudgetAlerts } from "../budgets/alerts";
import { yearOf } from "../budgets/compute";
import { dayHours, releaseDayHours, reserveDayHours } from "./day-limit";
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
  const entry = await TimeEntry.findById(id).lean().catch(() => null);
  if (!entry) throw notFound("Time entry");
  if (!actor.memberId || actor.memberId !== entry.memberId) throw forbidden("You may only edit your own time entries");
  if (entry.status === "rejected") throw conflict("A rejected entry cannot be edited; log a new one");
  if (patch.version !== undefined && patch.version !== entry.version) throw conflict("The entry was changed meanwhile; reload it");

  // The old day must not be in a closed month either: that would move hours out of a closed period.
  const oldRules = await rulesFor(entry.date);
  if (oldRules.closedUntil) assertValid([{ path: "date", message: `the month of ${entry.day} is closed` }]);

  const next = { date: patch.date ?? entry.date, hours: patch.hours ?? entry.hours, category: patch.category ?? (entry.category as TimeCategory) };
  const rules = await rulesFor(next.date);
  const sameDay = rules.day === entry.day;
  const existing = (await dayHours(entry.memberId, rules.day)) - (sameDay ? entry.hours : 0);
  validate(next, rules, deps.now(), existing);

  // Reserve what is new on the target day; release what is freed only after the write succeeded.
  const reserve = sameDay ? Math.max(0, next.hours - entry.hours) : next.hours;
  if (reserve > 0 && !(await reserveDayHours(entry.memberId, rules.day, reserve))) {
    const err = dayLimitError(await dayHours(entry.memberId, rules.day));
    throw unprocessable(`hours: ${err.message}`, [err]);
  }
  const substantive = rules.day !== entry.day || next.hours !== entry.hours || next.category !== entry.category;
  const status = entry.status === "approved" && substantive ? "pending" : entry.status;
  const updated = await TimeEntry.findOneAndUpdate(
    { _id: entry._id, version: entry.version, status: entry.status },
    {
      $set: {
        date: next.date,
        day: rules.day,
        year: yearOf(next.date),
        hours: next.hours,
        category: next.category,
        status,
        ...(patch.note !== undefined ? { note: patch.note } : {}),
        ...(patch.requestId !== undefined ? { requestId: patch.requestId } : {}),
      },
      ...(status !== entry.status ? { $unset: { decidedBy: 1, decidedAt: 1 } } : {}),
      $inc: { version: 1 },
    },
    { new: true },
  ).lean();
  if (!updated) {
    if (reserve > 0) await releaseDayHours(entry.memberId, rules.day, reserve);
    throw conflict("The entry was changed meanwhile; reload it");
  }
  const release = sameDay ? Math.max(0, entry.hours - next.hours) : entry.hours;
  if (release > 0) await releaseDayHours(entry.memberId, entry.day, release);

  await audit(actor, "update", "time-entry", id, {
    before: { day: entry.day, hours: entry.hours, category: entry.category, status: entry.status },
    after: { day: rules.day, hours: next.hours, category: next.category, status },
  });
  await checkBudgetAlerts(deps, entry.memberId, yearOf(next.date));
  return presentTimeEntry(updated);
}
