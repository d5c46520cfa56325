// Socket notifications (dispatch/notify.ts addresses them: nobody hears about what they may not read).
import type { Deps } from "../../deps";
import type { EventBus } from "../bus";
import { alertCoordinators, notifyOfferNew, notifyOfferWithdrawn, notifyRequest } from "../../dispatch/notify";
import { Offer } from "../../models/offer";
import { requestEvent } from "../../presenters/request";

export function subscribeRealtime(bus: EventBus, deps: Deps) {
  bus.subscribe(["request.created", "request.completed"], "realtime", (e) => notifyRequest(deps, e.request));
  bus.subscribe("request.cancelled", "realtime", (e) => {
    notifyOfferWithdrawn(deps, e.withdrawn, "cancelled");
    notifyRequest(deps, e.request);
  });
  bus.subscribe("offer.accepted", "realtime", (e) => {
    notifyOfferWithdrawn(deps, e.withdrawn, "taken");
    notifyRequest(deps, e.request);
  });
  bus.subscribe("request.updated", "realtime", async (e) => {
    notifyRequest(deps, e.request);
    // Members holding a pending offer refetch their inbox: tell them the request changed (ids and state only).
    const pending = await Offer.find({ requestId: String(e.request._id), status: "pending" }, { memberId: 1 }).lean();
    if (pending.length) deps.notifier.emit({ members: pending.map((o) => o.memberId) }, "request:updated", requestEvent(e.request));
  });
  bus.subscribe("offer.expired", "realtime", (e) => notifyOfferWithdrawn(deps, e.offers, "expired"));
  bus.subscribe("request.dispatched", "realtime", (e) => {
    if (e.step === "unfilled") notifyOfferWithdrawn(deps, e.withdrawn, "closed");
    if (e.step === "coordinators") alertCoordinators(deps, e.request);
    for (const o of e.offers) notifyOfferNew(deps, o, e.request);
    if (e.changed) notifyRequest(deps, e.request);
  });
}
