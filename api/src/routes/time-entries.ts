// Time entries: log, list, correct, approve/reject. Thin: validation here, rules in use cases.
import Router from "@koa/router";
import { z } from "zod";
import { TIME_CATEGORIES, TIME_ENTRY_STATUSES } from "../contract/values";
import { safeId, text } from "../http/input";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { forbidden } from "../http/problem";
import { body, isoDate, query } from "../http/validate";
import { logTime } from "../usecases/time/log-time";
import { editTimeEntry } from "../usecases/time/edit-entry";
import { decideTimeEntry } from "../usecases/time/decide-entry";
import { listTimeEntries } from "../usecases/time/list-entries";
import { approveMany } from "../usecases/time/approve-many";

const category = z.enum(TIME_CATEGORIES);
const hours = z.number({ message: "hours must be a number" });

const newEntry = z.strictObject({
  date: isoDate,
  hours,
  category,
  requestId: safeId().optional(),
  note: text().max(500).optional(),
});

const patchEntry = z.strictObject({
  date: isoDate.optional(),
  hours: hours.optional(),
  category: category.optional(),
  requestId: safeId().optional(),
  note: text().max(500).optional(),
  version: z.number().int().positive().optional(),
});

const listQuery = z.object({
  mine: z.enum(["1", "true", "0", "false"]).optional(),
  memberId: z.string().max(64).optional(),
  status: z.enum(TIME_ENTRY_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export function timeEntryRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/time-entries" });

  r.post("/", requireUser, async (ctx) => {
    const input = body(ctx, newEntry);
    const actor = currentUser(ctx);
    if (!actor.memberId) throw forbidden("Only NDV members log service time");
    ctx.status = 201;
    ctx.body = await logTime(deps, actor, { ...input, memberId: actor.memberId });
  });

  r.get("/", requireUser, async (ctx) => {
    const q = query(ctx, listQuery);
    const data = await listTimeEntries(currentUser(ctx), { ...q, mine: q.mine === "1" || q.mine === "true" });
    ctx.body = { data };
  });

  r.patch("/:id", requireUser, async (ctx) => {
    ctx.body = await editTimeEntry(deps, currentUser(ctx), ctx.params.id!, body(ctx, patchEntry));
  });

  // ui-views: multi-select approval; before "/:id/approve" so "approve" is not taken for an id.
  r.post("/approve", requireRole("coordinator"), async (ctx) => {
    const { ids } = body(ctx, z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) }));
    ctx.body = await approveMany(deps, currentUser(ctx), ids);
  });

  r.post("/:id/approve", requireRole("coordinator"), async (ctx) => {
    body(ctx, z.strictObject({}));
    ctx.body = await decideTimeEntry(deps, currentUser(ctx), ctx.params.id!, { approve: true });
  });

  r.post("/:id/reject", requireRole("coordinator"), async (ctx) => {
    const { reason } = body(ctx, z.strictObject({ reason: text().trim().min(1, "A reason is required").max(500) }));
    ctx.body = await decideTimeEntry(deps, currentUser(ctx), ctx.params.id!, { approve: false, reason });
  });

  return r;
}
