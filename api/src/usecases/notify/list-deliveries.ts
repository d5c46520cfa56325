// Who was reached how for one request: coordinators in scope. Members appear by the same per-request
// pseudonymous ref as on the candidate cards (no names, no addresses, no endpoints).
import type { Principal } from "../../auth/principal";
import { coordinatesUnit } from "../../access/requests";
import { candidateRef } from "../../presenters/candidate";
import { Delivery } from "../../models/delivery";
import { Offer } from "../../models/offer";
import { auditRead } from "../audit";
import { loadRequestFor } from "../requests/load";

export async function listDeliveries(actor: Principal, requestId: string) {
  const r = await loadRequestFor(actor, requestId, (p, req) => coordinatesUnit(p, req.unitId));
  await auditRead(actor, "request", requestId, [r.requesterId]);
  const [deliveries, offers] = await Promise.all([
    Delivery.find({ requestId }).sort({ createdAt: 1 }).limit(1000).lean(),
    Offer.find({ requestId }, { memberId: 1, status: 1 }).lean(),
  ]);
  const offerStatus = new Map(offers.map((o) => [String(o._id), o.status]));
  return {
    data: deliveries.map((d) => ({
      candidateRef: candidateRef(r.refSalt, d.memberId ?? d.userId),
      offerId: d.offerId,
      offerStatus: d.offerId ? (offerStatus.get(d.offerId) ?? null) : null,
      channel: d.channel,
      status: d.status,
      attempts: d.attempts ?? 0,
      queuedAt: (d as { createdAt?: Date }).createdAt ?? null,
      sentAt: d.sentAt ?? null,
      acceptedAt: d.acceptedAt ?? null,
      failure: d.failure ?? null,
    })),
  };
}
