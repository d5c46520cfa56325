import Router from "@koa/router";
import { z } from "zod";
import { isValidObjectId } from "mongoose";
import type { Deps } from "../deps";
import { requireRole } from "../http/auth";
import { query, paging } from "../http/validate";
import { unprocessable } from "../http/problem";
import { AuditEvent } from "../models/audit-event";

// The audit trail, for auditors (and admins): who read or changed which resource, newest first.
export function auditRoutes(_deps: Deps): Router {
  const r = new Router({ prefix: "/audit" });
  r.get("/", requireRole("auditor", "admin"), async (ctx) => {
    const q = query(ctx, z.object({ resourceType: z.string().max(64).optional(), resourceId: z.string().max(64).optional(), actorId: z.string().max(64).optional(), ...paging }));
    const filter: Record<string, unknown> = {};
    if (q.resourceType) filter.resourceType = q.resourceType;
    if (q.resourceId) filter.resourceId = q.resourceId;
    if (q.actorId) filter.actorId = q.actorId;
    if (q.cursor) {
      if (!isValidObjectId(q.cursor)) throw unprocessable("Invalid cursor", [{ path: "query.cursor", code: "invalid_cursor", message: "Invalid cursor" }]);
      filter._id = { $lt: q.cursor };
    }
    const rows = await AuditEvent.find(filter).sort({ _id: -1 }).limit(q.limit + 1).lean();
    const page = rows.slice(0, q.limit);
    ctx.body = {
      data: page.map((e) => ({ id: String(e._id), at: e.at.toISOString(), actorId: e.actorId, actorRoles: e.actorRoles, action: e.action, resourceType: e.resourceType, resourceId: e.resourceId, details: e.details })),
      ...(rows.length > q.limit ? { next: String(page[page.length - 1]!._id) } : {}),
    };
  });
  return r;
}
