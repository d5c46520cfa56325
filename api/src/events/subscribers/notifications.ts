// Push and e-mail (issue 13): each new offer is queued for the member's outside channels; the
// notification module decides per preferences and quiet hours, sends, and retries through the job runner.
import type { Deps } from "../../deps";
import type { EventBus } from "../bus";
import { queueOfferNotification } from "../../notify/offer-notifications";

export function subscribeNotifications(bus: EventBus, deps: Deps) {
  bus.subscribe("request.dispatched", "notifications", (e) => {
    for (const o of e.offers) queueOfferNotification(deps, String(o._id));
  });
}
