// A member says no (optionally why); the next candidate is offered at once.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict } from "../../http/problem";
import { Offer } from "../../models/offer";
import { Request } from "../../models/request";
import { presentOffer } from "../../presenters/offer";
import { dispatchRequest } from "../../dispatch/dispatch";
import { loadOwnOffer } from "./load";

export async function declineOffer(deps: Deps, actor: Principal, offerId: string, reason?: string) {
  const offer = await loadOwnOffer(actor, offerId);
  const declined = await Offer.findOneAndUpdate(
    { _id: offer._id, status: "pending" },
    { $set: { status: "declined", respondedAt: deps.now(), ...(reason ? { reason } : {}) } },
    { returnDocument: "after" },
  ).lean();
  if (!declined) throw conflict(`This offer is ${offer.status}; it can no longer be declined`, "offer_not_pending");
  deps.events.publish({ type: "offer.declined", actor, offer: { _id: offer._id, memberId: offer.memberId, requestId: offer.requestId } });
  const r = await Request.findById(offer.requestId, { dispatchRound: 1 }).lean();
  if (r) await dispatchRequest(deps, offer.requestId, { round: r.dispatchRound ?? 0, replacement: true });
  return presentOffer(declined);
}
