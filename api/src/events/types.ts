// Domain events: what happened, published once by the use case that made it happen, after its write.
// Subscribers (events/subscribers/*) turn them into audit rows, cache invalidation and notifications.
import type { Principal } from "../auth/principal";
import type { RequestView } from "../presenters/request";
import type { TimeEntryView } from "../presenters/budget-entries";

/** Who did it, as the audit trail records it. */
export type Actor = Pick<Principal, "id" | "roles">;

/** An offer as events carry it: enough to address its member. */
export interface OfferRef {
  _id: unknown;
  memberId: string;
  requestId: string;
}

/** An offer as it was created (the member's inbox notification is built from it). */
export type NewOffer = OfferRef & { status: string; step: string; round: number; expiresAt: Date };

export type DomainEvent =
  | { type: "request.created"; actor: Actor; request: RequestView; warnings: string[] }
  | { type: "request.updated"; actor: Actor; request: RequestView; fields: string[]; warnings: string[] }
  | { type: "request.cancelled"; actor: Actor; request: RequestView; withdrawn: OfferRef[]; reason?: string }
  | { type: "request.completed"; actor: Actor; request: RequestView; hours: number; knowledgeNoteId?: string }
  | { type: "request.escalated"; actor: Actor; requestId: string; from: string; to: string }
  // From the dispatch engine (no actor: not audited). One event per round it claimed: the step it moved
  // to, the offers it sent (offer steps) or withdrew (unfilled), and whether the step or status changed.
  | { type: "request.dispatched"; request: RequestView; step: string; offers: NewOffer[]; withdrawn: OfferRef[]; changed: boolean }
  | { type: "offer.expired"; offers: OfferRef[] }
  | { type: "offer.accepted"; actor: Actor; offer: OfferRef; request: RequestView; dispatchRound: number; withdrawn: OfferRef[]; flagged?: string }
  | { type: "offer.declined"; actor: Actor; offer: OfferRef }
  | { type: "time-entry.logged"; actor: Actor; entry: TimeEntryView }
  | { type: "time-entry.edited"; actor: Actor; entry: TimeEntryView; before: { day: string; hours: number; category: string; status: string } }
  | { type: "time-entry.approved"; actor: Actor; entry: TimeEntryView }
  | { type: "time-entry.rejected"; actor: Actor; entry: TimeEntryView; reason: string }
  | { type: "shift.created" | "shift.changed"; actor: Actor; shiftId: string; memberId: string; start: Date; end: Date }
  | { type: "shift.removed"; actor: Actor; shiftId: string; memberId: string }
  | { type: "user.updated"; actor: Actor; userId: string; memberId?: string; changes: Record<string, unknown> };

export type EventType = DomainEvent["type"];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
