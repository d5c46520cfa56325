import Router from "@koa/router";
import { isValidObjectId } from "mongoose";
import type { Deps } from "../deps";
import { currentUser, requireRole } from "../http/auth";
import { query } from "../http/validate";
import { auditExportQuery, auditQuery } from "../contract/audit";
import { unprocessable } from "../http/problem";
import { AuditEvent } from "../models/audit-event";
import { flushAuditLog } from "../usecases/audit-log";
import { toCsv } from "../http/csv";
import { audit } from "../usecases/audit";

// The audit trail, for auditors (and admins): who read or changed which resource, newest first.
// Filters (ui-views): who (actorId), whose data (subject: the resource or an owner/member/requester named in
// the details), what (action, resourceType), when (from, to). The same as CSV, cells neutralised.
function filterOf(q: { resourceType?: string; resourceId?: string; actorId?: string; subject?: string; action?: string; from?: string; to?: string }) {
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

const present = (e: { _id: unknown; at: Date; actorId: string; actorRoles?: string[]; action: string; resourceType: string; resourceId: string; details?: unknown }) => ({
  id: String(e._id),
  at: e.at.toISOString(),
  actorId: e.actorId,
  actorRoles: e.actorRoles ?? [],
  action: e.action,
  resourceType: e.resourceType,
  resourceId: e.resourceId,
  details: e.details,
});

export function auditRoutes(_deps: Deps): Router {
  const r = new Router({ prefix: "/audit" });
  r.get("/", requireRole("auditor", "admin"), async (ctx) => {
    const q = query(ctx, auditQuery);
    const filter = filterOf(q);
    if (q.cursor) {
      if (!isValidObjectId(q.cursor)) throw unprocessable("Invalid cursor", [{ path: "query.cursor", code: "invalid_cursor", message: "Invalid cursor" }]);
      filter._id = { $lt: q.cursor };
    }
    await flushAuditLog(); // the trail includes everything done before it was asked for
    const rows = await AuditEvent.find(filter).sort({ _id: -1 }).limit(q.limit + 1).lean();
    const page = rows.slice(0, q.limit);
    ctx.body = {
      data: page.map(present),
      ...(rows.length > q.limit ? { next: String(page[page.length - 1]!._id) } : {}),
    };
  });
  // Semicolon-separated with a BOM (opens in Dutch Excel); at most 10,000 rows; exporting is itself audited.
  r.get("/export.csv", requireRole("auditor", "admin"), async (ctx) => {
    const q = query(ctx, auditExportQuery);
    await flushAuditLog();
    const rows = await AuditEvent.find(filterOf(q)).sort({ _id: -1 }).limit(10_000).lean();
    await audit(currentUser(ctx), "export", "audit", "audit-trail", { filter: q, rows: rows.length });
    const header = ["tijdstip", "actor", "rollen", "actie", "soort", "id", "details"];
    const body = rows.map((e) => [e.at.toISOString(), e.actorId, (e.actorRoles ?? []).join(" "), e.action, e.resourceType, e.resourceId, e.details === undefined ? "" : JSON.stringify(e.details)]);
    ctx.set("Content-Disposition", 'attachment; filename="audit.csv"');
    ctx.type = "text/csv; charset=utf-8";
    ctx.body = toCsv([header, ...body], { delimiter: ";", bom: true }); // formula cells neutralised there
  });
  return r;
}
