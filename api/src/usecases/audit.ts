// Writes the audit trail. Reads of someone else's profile or request go through `auditRead`.
import type { Principal } from "../auth/principal";
import { auditLog } from "./audit-log";

/** Queues the event for the buffered writer (audit-log.ts): no database round trip on the caller's path. */
export async function audit(actor: Pick<Principal, "id" | "roles">, action: string, resourceType: string, resourceId: string, details?: unknown) {
  auditLog.write({ actorId: actor.id, actorRoles: actor.roles, action, resourceType, resourceId, details });
}

/** Audit a read unless the reader owns the resource. */
export async function auditRead(actor: Principal, resourceType: string, resourceId: string, ownerIds: (string | undefined)[]) {
  if (ownerIds.includes(actor.id) || (actor.memberId && ownerIds.includes(actor.memberId))) return;
  // Whose data was read: kept so the auditor can filter on it ("whose data").
  await audit(actor, "read", resourceType, resourceId, { owners: ownerIds.filter((x): x is string => !!x) });
}
