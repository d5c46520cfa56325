// Reading the audit trail (auditors, admins) and writing the login-throttle events, which have no
// signed-in actor. The routes validate and present; the queries live here.
import { isValidObjectId } from "mongoose";
import type { ThrottleEvent } from "../auth/login-throttle";
import { unprocessable } from "../http/problem";
import { AuditEvent } from "../models/audit-event";
import { flushAuditLog } from "./audit-log";

export interface AuditFilter {
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  subject?: string;
  action?: string;
  from?: string;
  to?: string;
}

function filterOf(q: AuditFilter) {
  const filter: Record<string, unknown> = {};
  if (q.resourceType) filter.resourceType = q.resourceType;
  if (q.resourceId) filter.resourceId = q.resourceId;
  if (q.actorId) filter.actorId = q.actorId;
  if (q.action) filter.action = q.action;
  if (q.subject)
    filter.$or = [{ resourceId: q.subject }, { "details.owners": q.subject }, { "details.memberId": q.subject }, { "details.requesterId": q.subject }];
  if (q.from || q.to) {
    const at: Record<string, Date> = {};
    if (q.from) at.$gte = new Date(q.from);
    // A bare date as "to" means the whole of that day.
    if (q.to) at.$lt = /^\d{4}-\d{2}-\d{2}$/.test(q.to) ? new Date(new Date(q.to).getTime() + 86_400_000) : new Date(q.to);
    filter.at = at;
  }
  return filter;
}

/** Newest first, up to `limit` events older than the cursor (an event id), after flushing the buffered log. */
export async function findAuditEvents(q: AuditFilter, limit: number, cursor?: string) {
  const filter = filterOf(q);
  if (cursor) {
    if (!isValidObjectId(cursor)) throw unprocessable("Invalid cursor", [{ path: "query.cursor", code: "invalid_cursor", message: "Invalid cursor" }]);
    filter._id = { $lt: cursor };
  }
  await flushAuditLog(); // the trail includes everything done before it was asked for
  return AuditEvent.find(filter).sort({ _id: -1 }).limit(limit).lean();
}

/** Each login delay that starts, written at once (not buffered) for the auditor; never the password. */
export async function auditLoginThrottle(events: ThrottleEvent[]) {
  await AuditEvent.insertMany(
    events.map((e) => ({
      actorId: `address:${e.address}`,
      actorRoles: [],
      action: e.scope === "account-all-addresses" ? "login.targeted" : "login.throttled",
      resourceType: "login",
      resourceId: e.username || "-",
      details: { scope: e.scope, address: e.address, failures: e.failures, delaySeconds: Math.ceil(e.delayMs / 1000), refusedMeanwhile: e.refused },
    })),
  );
}
