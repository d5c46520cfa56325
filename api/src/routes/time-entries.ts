// Time entries: log, list, correct, approve/reject. Thin: validation here, rules in use cases.
import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { forbidden } from "../http/problem";
import { body, query } from "../http/validate";
import {
  approveManySchema,
  listEntriesQuery as listQuery,
  newEntrySchema as newEntry,
  patchEntrySchema as patchEntry,
  rejectEntrySchema,
} from "../contract/time-entries";
import { emptyBody } from "../contract/common";
import { logTime } from "../usecases/time/log-time";
import { editTimeEntry } from "../usecases/time/edit-entry";
import { decideTimeEntry } from "../usecases/time/decide-entry";
import { listTimeEntries } from "../usecases/time/list-entries";
import { approveMany } from "../usecases/time/approve-many";

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
    const { ids } = body(ctx, approveManySchema);
    ctx.body = await approveMany(deps, currentUser(ctx), ids);
  });

  r.post("/:id/approve", requireRole("coordinator"), async (ctx) => {
    body(ctx, emptyBody);
    ctx.body = await decideTimeEntry(deps, currentUser(ctx), ctx.params.id!, { approve: true });
  });

  r.post("/:id/reject", requireRole("coordinator"), async (ctx) => {
    const { reason } = body(ctx, rejectEntrySchema);
    ctx.body = await decideTimeEntry(deps, currentUser(ctx), ctx.params.id!, { approve: false, reason });
  });

  return r;
}
