// An offer in a member's inbox: enough to decide (what, how urgent, how, where, how long), not the case
// requester; those follow on acceptance through GET /requests/:id. The question's text is shown while pending.
interface OfferLike {
  _id: unknown;
  requestId: string;
  status: string;
  step: string;
  expiresAt: Date;
  createdAt?: Date;
  respondedAt?: Date | null;
}

interface RequestLike {
  _id: unknown;
  number: string;
  title: string;
  description?: string | null;
  purgedAt?: Date | null;
  expertise: string[];
  languages?: string[] | null;
  urgency: string;
  mode: string;
  unitId: string;
  estimatedHours: number;
  neededBy?: Date | null;
  status: string;
}

export function presentOffer(o: OfferLike, r?: RequestLike | null) {
  return {
    id: String(o._id),
    requestId: o.requestId,
    status: o.status,
    step: o.step,
    expiresAt: o.expiresAt.toISOString(),
    createdAt: o.createdAt?.toISOString(),
    ...(o.respondedAt ? { respondedAt: o.respondedAt.toISOString() } : {}),
    ...(r
      ? {
          request: {
            id: String(r._id),
            number: r.number,
            title: r.title,
            // The question's text while the member can still act on it (ui-views: offer cards show it).
            ...((o.status === "pending" || o.status === "accepted") && !r.purgedAt && r.description ? { description: r.description } : {}),
            expertise: r.expertise,
            languages: r.languages ?? [],
            urgency: r.urgency,
            mode: r.mode,
            unitId: r.unitId,
            estimatedHours: r.estimatedHours,
            ...(r.neededBy ? { neededBy: r.neededBy.toISOString() } : {}),
            status: r.status,
          },
        }
      : {}),
  };
}
