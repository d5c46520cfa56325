import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole } from "../http/auth";
import { query } from "../http/validate";
import { auditExportQuery, auditQuery } from "../contract/audit";
import { toCsv } from "../http/csv";
import { audit } from "../usecases/audit";
import { findAuditEvents } from "../usecases/audit-trail";

// The audit trail, for auditors (and admins): who read or changed which resource, newest first.
// Filters (ui-views): who (actorId), whose data (subject: the resource or an owner/member/requester named in
// the details), what (action, resourceType), when (from, to). The same as CSV, cells neutralised.

const present = (e: {
  _id: unknown;
  at: Date;
  actorId: string;
  actorRoles?: string[];
  action: string;
  resourceType: string;
  resourceId: string;
  details?: unknown;
}) => ({
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
    const rows = await findAuditEvents(q, q.limit + 1, q.cursor);
    const page = rows.slice(0, q.limit);
    ctx.body = {
      data: page.map(present),
      ...(rows.length > q.limit ? { next: String(page[page.length - 1]!._id) } : {}),
    };
  });
  // Semicolon-separated with a BOM (opens in Dutch Excel); at most 10,000 rows; exporting is itself audited.
  r.get("/export.csv", requireRole("auditor", "admin"), async (ctx) => {
    const q = query(ctx, auditExportQuery);
    const rows = await findAuditEvents(q, 10_000);
    await audit(currentUser(ctx), "export", "audit", "audit-trail", { filter: q, rows: rows.length });
    const header = ["tijdstip", "actor", "rollen", "actie", "soort", "id", "details"];
    const body = rows.map((e) => [
      e.at.toISOString(),
      e.actorId,
      (e.actorRoles ?? []).join(" "),
      e.action,
      e.resourceType,
      e.resourceId,
      e.details === undefined ? "" : JSON.stringify(e.details),
    ]);
    ctx.set("Content-Disposition", 'attachment; filename="audit.csv"');
    ctx.type = "text/csv; charset=utf-8";
    ctx.body = toCsv([header, ...body], { delimiter: ";", bom: true }); // formula cells neutralised there
  });
  return r;
}
