// Audit trail: one row per domain event, queued on the buffered writer (usecases/audit-log.ts).
import type { EventBus } from "../bus";
import type { DomainEvent } from "../types";
import { audit } from "../../usecases/audit";

type Row = [action: string, resourceType: string, resourceId: string, details?: unknown];

/** The audit row of an event (none for the dispatch engine's); rows keep the actions and details they had before the bus. */
export function auditRow(e: DomainEvent): Row | null {
  switch (e.type) {
    case "request.dispatched":
    case "offer.expired":
      return null;
    case "request.created":
      return ["create", "request", String(e.request._id), { number: e.request.number, warnings: e.warnings }];
    case "request.updated":
      return ["update", "request", String(e.request._id), { fields: e.fields, warnings: e.warnings }];
    case "request.cancelled":
      return ["cancel", "request", String(e.request._id), e.reason ? { reason: e.reason } : undefined];
    case "request.completed":
      return ["complete", "request", String(e.request._id), { hours: e.hours, knowledgeNote: e.knowledgeNoteId }];
    case "request.escalated":
      return ["escalate", "request", e.requestId, { from: e.from, to: e.to }];
    case "offer.accepted":
      return ["accept", "request", e.offer.requestId, { offerId: String(e.offer._id), ...(e.flagged ? { flagged: e.flagged } : {}) }];
    case "offer.declined":
      return ["decline", "request", e.offer.requestId, { offerId: String(e.offer._id) }];
    case "time-entry.logged": {
      const { memberId, day, hours, category, status } = e.entry;
      return ["create", "time-entry", e.entry.id, { memberId, day, hours, category, status }];
    }
    case "time-entry.edited": {
      const { day, hours, category, status } = e.entry;
      return ["update", "time-entry", e.entry.id, { before: e.before, after: { day, hours, category, status } }];
    }
    case "time-entry.approved":
      return ["approve", "time-entry", e.entry.id, { memberId: e.entry.memberId, hours: e.entry.hours }];
    case "time-entry.rejected":
      return ["reject", "time-entry", e.entry.id, { memberId: e.entry.memberId, hours: e.entry.hours, reason: e.reason }];
    case "shift.created":
    case "shift.changed":
      return [e.type === "shift.created" ? "create" : "update", "shift", e.shiftId, { memberId: e.memberId, start: e.start, end: e.end }];
    case "shift.removed":
      return ["delete", "shift", e.shiftId, { memberId: e.memberId }];
    case "user.updated":
      return ["update", "user", e.userId, e.changes];
  }
}

export function subscribeAudit(bus: EventBus) {
  bus.subscribe("*", "audit", (e) => {
    const row = auditRow(e);
    if (!row || !("actor" in e)) return;
    const [action, type, id, details] = row;
    void audit(e.actor, action, type, id, details);
  });
}
