// First accept wins: one claim of the request's decision, then ONE conditional update on the request
// (status open|offered → accepted); every other accept gets 409. Then the offer is marked, the other pending offers are withdrawn
// and their members told, and the round's timeout is cancelled. Everything after the withdrawal (audit, caches,
// notifications, the timeout) subscribes to the one "offer.accepted" event (events/subscribers).
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict } from "../../http/problem";
import { Offer } from "../../models/offer";
import { OPEN_STATUSES, type Urgency } from "../../contract/values";
import { claimOnce, decisionKey, Request } from "../../models/request";
import { presentOffer } from "../../presenters/offer";
import { budgetGate, overBudgetProblem } from "../budgets/budget-gate";
import { withdrawPending } from "../../dispatch/dispatch";
import { loadOwnOffer } from "./load";

export async function acceptOffer(deps: Deps, actor: Principal, offerId: string) {
  const offer = await loadOwnOffer(actor, offerId);
  const now = deps.now();
  if (offer.status !== "pending") throw conflict(`This offer is ${offer.status}; the request can no longer be accepted from it`, "offer_not_pending");
  if (offer.expiresAt <= now) throw conflict("This offer has expired", "offer_expired");
  const request = await Request.findById(offer.requestId, { estimatedHours: 1, urgency: 1, status: 1 }).lean();
  if (!request || !(OPEN_STATUSES as readonly string[]).includes(request.status))
    throw conflict("This request has already been taken or closed", "offer_taken");

  const gate = await budgetGate(deps, offer.memberId, { id: offer.requestId, estimatedHours: request.estimatedHours, urgency: request.urgency as Urgency });
  if (!gate.allowed) throw overBudgetProblem(gate.remaining, request.estimatedHours);

  // The winner is whoever claims the request's decision first; the conditional update then records it
  // (and on MongoDB would on its own refuse a second winner as well).
  if (!(await claimOnce(decisionKey(offer.requestId), offer.requestId, "accept", offer.memberId, now)))
    throw conflict("Another member accepted this request first", "offer_taken");
  const won = await Request.findOneAndUpdate(
    { _id: offer.requestId, $or: [{ status: { $in: OPEN_STATUSES } }, { status: "accepted", assigneeMemberId: offer.memberId }] },
    {
      $set: { status: "accepted", assigneeMemberId: offer.memberId, acceptedAt: now },
      ...(gate.flagged ? { $addToSet: { flags: "over-budget-review" } } : {}),
    },
    { returnDocument: "after" },
  ).lean();
  if (!won) throw conflict("Another member accepted this request first", "offer_taken");

  const accepted = await Offer.findOneAndUpdate({ _id: offer._id }, { $set: { status: "accepted", respondedAt: now } }, { returnDocument: "after" }).lean();
  const withdrawn = await withdrawPending(deps, offer.requestId, offer._id);
  deps.events.publish({
    type: "offer.accepted",
    actor,
    offer: { _id: offer._id, memberId: offer.memberId, requestId: offer.requestId },
    request: won,
    dispatchRound: won.dispatchRound ?? 0,
    withdrawn,
    ...(gate.flagged ? { flagged: gate.reason } : {}),
  });
  return { ...presentOffer(accepted!, won), ...(gate.flagged ? { flags: ["over-budget-review"], warning: gate.reason } : {}) };
}
