// Realtime fan-out for the core loop, addressed so nobody hears about what they may not read:
// request events go to the requester, the assignee and coordinators of the request's unit;
// offer events only to the member concerned.
import type { Deps } from "../deps";
import { requestEvent, type RequestView } from "../presenters/request";
import { presentOffer } from "../presenters/offer";

export function notifyRequest(deps: Deps, r: RequestView) {
  deps.notifier.emit(
    { users: [r.requesterId], ...(r.assigneeMemberId ? { members: [r.assigneeMemberId] } : {}), scope: { unitId: r.unitId } },
    "request:updated",
    requestEvent(r),
  );
}

export function notifyOfferNew(deps: Deps, offer: Parameters<typeof presentOffer>[0] & { memberId: string }, r: Parameters<typeof presentOffer>[1]) {
  // No case text over the socket: the inbox refetch (GET /offers) carries the description.
  const payload = presentOffer(offer, r ? { ...r, description: undefined } : r);
  deps.notifier.emit({ members: [offer.memberId] }, "offer:new", payload);
}

export function notifyOfferWithdrawn(
  deps: Deps,
  offers: { _id: unknown; memberId: string; requestId: string }[],
  reason: "taken" | "expired" | "cancelled" | "closed",
) {
  for (const o of offers) deps.notifier.emit({ members: [o.memberId] }, "offer:withdrawn", { id: String(o._id), requestId: o.requestId, reason });
}

export function alertCoordinators(deps: Deps, r: RequestView) {
  deps.notifier.emit({ scope: { unitId: r.unitId } }, "coordinator:alert", { kind: "request-unanswered", ...requestEvent(r) });
}
