// A member logs hours of NDV work. Small entries are approved at once; larger ones wait for a
// coordinator in scope. Check and write happen under the member's lock (12 hours a day, totals).
import { isValidObjectId } from "mongoose";
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import type { TimeCategory } from "../../domain/types";
import { needsApproval } from "../../domain/budget";
import { forbidden, notFound, unprocessable } from "../../http/problem";
import { Member } from "../../models/member";
import { TimeEntry } from "../../models/time-entry";
import { canLogFor } from "../../access/budgets";
import { presentTimeEntry, type TimeEntryView } from "../../presenters/budget-entries";
import { checkBudgetAlerts } from "../budgets/alerts";
import { yearOf } from "../budgets/compute";
import { dayHours, releaseDayHours, reserveDayHours } from "./day-limit";
import { memberLock, withLock } from "../budgets/mutex";
import { moveTotals } from "../budgets/totals";
import { dayLimitError, rulesFor, validate } from "./rules";

export interface LogTimeInput {
  memberId: string;
  date: Date;
  hours: number;
  category: TimeCategory;
  requestId?: string;
  note?: string;
}

export async function logTime(deps: Deps, actor: Principal, input: LogTimeInput): Promise<TimeEntryView> {
  const member = isValidObjectId(input.memberId) ? await Member.findById(input.memberId, { unitId: 1, networks: 1 }).lean() : null;
  if (!member) throw notFound("Member");
  if (!canLogFor(actor, { id: String(member._id), unitId: member.unitId, networks: member.networks })) {
    throw forbidden("You may only log time for yourself or for members in your scope");
  }
  const now = deps.now();
  const rules = await rulesFor(input.date);
  const status = needsApproval(input.hours, { approvalThresholdHours: rules.approvalThresholdHours }) ? "pending" : "approved";
  validate(input, rules, now, await dayHours(input.memberId, rules.day));
  const entry = await withLock(memberLock(input.memberId), async () => {
    // Re-checked under the lock: another entry for the same day may have landed meanwhile.
    if (!(await reserveDayHours(input.memberId, rules.day, input.hours))) {
      const err = dayLimitError(await dayHours(input.memberId, rules.day));
      throw unprocessable(`hours: ${err.message}`, [err]);
    }
    try {
      const created = await TimeEntry.create({
        memberId: input.memberId,
        date: input.date,
        day: rules.day,
        year: yearOf(input.date),
        hours: input.hours,
        category: input.category,
        status,
        requestId: input.requestId,
        note: input.note,
        createdBy: actor.id,
        ...(status === "approved" ? { decidedBy: "auto", decidedAt: now } : {}),
      });
      await moveTotals(null, created.toObject());
      return created;
    } catch (err) {
      // The reservation must not outlive a failed write.
      await releaseDayHours(input.memberId, rules.day, input.hours);
      throw err;
    }
  });
  const view = presentTimeEntry(entry.toObject());
  deps.events.publish({ type: "time-entry.logged", actor, entry: view });
  await checkBudgetAlerts(deps, input.memberId, yearOf(input.date));
  return view;
}
