// The assignee closes the engagement: status completed, hours as an operational time entry, and an
// optional anonymised knowledge note. The note is checked before anything changes; when logging the
// hours fails, the completion is undone so request and time entry never disagree.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict } from "../../http/problem";
import { Request } from "../../models/request";
import { canCompleteRequest } from "../../access/requests";
import { presentRequest } from "../../presenters/request";
import { logTime } from "../time/log-time";
import { checkNote } from "../knowledge/check-note";
import { createNote } from "../knowledge/create-note";
import { loadRequestFor } from "./load";
import { budgetReadModel } from "../budgets/read-model";
import type { CompleteInput } from "./schemas";

export async function completeRequest(deps: Deps, actor: Principal, id: string, input: CompleteInput) {
  const before = await loadRequestFor(actor, id, canCompleteRequest);
  if (input.knowledgeNote) checkNote(input.knowledgeNote, "body.knowledgeNote");
  const now = deps.now();
  const r = await Request.findOneAndUpdate(
    { _id: id, status: "accepted", assigneeMemberId: actor.memberId },
    { $set: { status: "completed", completedAt: now, closedAt: now, hours: input.hours } },
    { returnDocument: "after" },
  ).lean();
  if (!r) throw conflict(`This request is ${before.status}, not accepted; it cannot be completed`, "request_closed");
  // Part of the write, not a subscriber: logging the hours below must see the request completed.
  budgetReadModel.requestChanged(r);
  try {
    await logTime(deps, actor, { memberId: actor.memberId!, date: now, hours: input.hours, category: "operational", requestId: id, note: r.number });
  } catch (err) {
    await Request.updateOne({ _id: id, status: "completed" }, { $set: { status: "accepted" }, $unset: { completedAt: 1, closedAt: 1, hours: 1 } });
    budgetReadModel.requestChanged({ ...r, status: "accepted" });
    throw err;
  }
  const note = input.knowledgeNote
    ? await createNote(deps, actor, input.knowledgeNote, { requestId: id, unitId: r.unitId, path: "body.knowledgeNote" })
    : undefined;
  deps.events.publish({ type: "request.completed", actor, request: r, hours: input.hours, ...(note ? { knowledgeNoteId: note.id } : {}) });
  return { ...presentRequest(r, actor), ...(note ? { knowledgeNote: note } : {}) };
}
