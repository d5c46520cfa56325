// The requester (or a coordinator in scope) withdraws a request; pending offers are withdrawn and told.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict } from "../../http/problem";
import { claimOnce, decisionKey, Request } from "../../models/request";
import { canCancelRequest } from "../../access/requests";
import { presentRequest } from "../../presenters/request";
import { withdrawPending } from "../../dispatch/dispatch";
import { loadRequestFor } from "./load";

export async function cancelRequest(deps: Deps, actor: Principal, id: string, reason?: string) {
  const before = await loadRequestFor(actor, id, canCancelRequest);
  const now = deps.now();
  // While open, cancelling competes with accepting: both claim the request's single decision.
  const open = before.status === "open" || before.status === "offered";
  if (open && !(await claimOnce(decisionKey(id), id, "cancel", actor.id, now)))
    throw conflict("This request was just accepted or closed; reload it", "request_closed");
  const r = await Request.findOneAndUpdate(
    { _id: id, status: { $in: open ? ["open", "offered"] : ["accepted"] } },
    { $set: { status: "cancelled", cancelledAt: now, closedAt: now } },
    { returnDocument: "after" },
  ).lean();
  if (!r) throw conflict("This request is already closed", "request_closed");
  const withdrawn = await withdrawPending(deps, id);
  deps.events.publish({ type: "request.cancelled", actor, request: r, withdrawn, ...(reason ? { reason } : {}) });
  return presentRequest(r, actor);
}
