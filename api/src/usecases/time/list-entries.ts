// Time entries: one's own, one member's (reviewer), or the approval queue of a coordinator's scope.
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import type { TimeEntryStatus } from "../../contract/values";
import { forbidden, notFound } from "../../http/problem";
import { Member } from "../../models/member";
import { TimeEntry } from "../../models/time-entry";
import { canReadBudgetOf, canReviewBudgets, inMemberScope, memberScopeFilter } from "../../access/budgets";
import { budgetReadModel } from "../budgets/read-model";
import { SHORT_IN } from "../budgets/compute";
import { presentTimeEntry, type TimeEntryView } from "../../presenters/budget-entries";
import { auditRead } from "../audit";

export interface ListEntriesInput {
  mine?: boolean;
  memberId?: string;
  status?: TimeEntryStatus;
  year?: number;
  limit: number;
}

export async function listTimeEntries(actor: Principal, q: ListEntriesInput): Promise<TimeEntryView[]> {
  const filter: Record<string, unknown> = {};
  if (q.status) filter.status = q.status;
  if (q.year) filter.year = q.year;
  const names = new Map<string, string>();

  const ownOnly = q.mine || (!q.memberId && !canReviewBudgets(actor));
  if (ownOnly) {
    if (!actor.memberId) return [];
    filter.memberId = actor.memberId;
  } else if (q.memberId) {
    const member = isValidObjectId(q.memberId) ? await Member.findById(q.memberId, { name: 1, unitId: 1, networks: 1 }).lean() : null;
    if (!member) throw notFound("Member");
    if (!canReadBudgetOf(actor, { id: String(member._id), unitId: member.unitId, networks: member.networks })) {
      throw forbidden("This member is outside your scope");
    }
    await auditRead(actor, "time-entries", q.memberId, [q.memberId]);
    filter.memberId = q.memberId;
    names.set(q.memberId, member.name);
  } else {
    // The whole scope (e.g. the approval queue). No $lookup: the scope's members come from the budget
    // read model. FerretDB tests a long `$in` element by element against every entry, so a large scope
    // is matched here while streaming the sorted entries, stopping at `limit`.
    const scopeFilter = memberScopeFilter(actor);
    if (scopeFilter) {
      for (const m of await budgetReadModel.members()) if (inMemberScope(actor, m)) names.set(m.id, m.name);
      if (q.status === "pending") {
        // The approval queue comes from the read model, which keeps every pending entry.
        const docs = await budgetReadModel.pendingEntries((id) => names.has(id), q.limit, q.year);
        return docs.map((d) => presentTimeEntry(d as Parameters<typeof presentTimeEntry>[0], names.get(d.memberId)));
      }
      if (names.size <= SHORT_IN) filter.memberId = { $in: [...names.keys()] };
      else {
        const docs = [];
        for await (const d of TimeEntry.find(filter).sort({ date: -1, _id: -1 }).lean().cursor()) {
          if (!names.has(d.memberId)) continue;
          docs.push(d);
          if (docs.length >= q.limit) break;
        }
        return docs.map((d) => presentTimeEntry(d, names.get(d.memberId)));
      }
    }
  }
  const docs = await TimeEntry.find(filter).sort({ date: -1, _id: -1 }).limit(q.limit).lean();
  if (!names.size && docs.length) {
    const members = await Member.find({ _id: { $in: [...new Set(docs.map((d) => d.memberId))] } }, { name: 1 }).lean();
    for (const m of members) names.set(String(m._id), m.name);
  }
  return docs.map((d) => presentTimeEntry(d, names.get(d.memberId)));
}
