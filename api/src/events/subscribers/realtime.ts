// Socket notifications (dispatch/notify.ts addresses them: nobody hears about what they may not read).
import type { Deps } from "../../deps";
import type { EventBus } from "../bus";
import { notifyOfferWithdrawn, notifyRequest } from "../../dispatch/notify";

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
}
