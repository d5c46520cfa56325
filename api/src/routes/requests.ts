import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { body, query } from "../http/validate";
import { cancelSchema, candidatesQuery, completeSchema, listRequestsQuery, newRequestSchema, patchRequestSchema } from "../contract/requests";
import { emptyBody } from "../contract/common";
import { createRequest } from "../usecases/requests/create-request";
import { getRequest } from "../usecases/requests/get-request";
import { listRequests } from "../usecases/requests/list-requests";
import { cancelRequest } from "../usecases/requests/cancel-request";
import { completeRequest } from "../usecases/requests/complete-request";
import { listCandidates } from "../usecases/requests/list-candidates";
import { requestSummary } from "../usecases/requests/summary";
import { updateRequest } from "../usecases/requests/update-request";
import { escalateRequest } from "../usecases/requests/escalate-request";
import { listDeliveries } from "../usecases/notify/list-deliveries";

export function requestRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/requests" });
  r.post("/", requireUser, async (ctx) => {
    const created = await createRequest(deps, currentUser(ctx), body(ctx, newRequestSchema));
    ctx.status = 201;
    ctx.set("Location", `/api/v1/requests/${String(created._id)}`);
    ctx.body = {
      id: String(created._id),
      number: created.number,
      status: created.status,
      warnings: created.warnings.map((w) => ({ kind: w.kind, message: w.message })),
    };
  });
  r.get("/", requireUser, async (ctx) => {
    const q = query(ctx, listRequestsQuery);
    ctx.body = await listRequests(currentUser(ctx), q);
  });
  // Before "/:id" so "summary" is not taken for an id.
  r.get("/summary", requireRole("coordinator"), async (ctx) => {
    ctx.body = await requestSummary(currentUser(ctx), deps.now());
  });
  r.get("/:id", requireUser, async (ctx) => {
    ctx.body = await getRequest(currentUser(ctx), ctx.params.id!);
  });
  // ui-views: the requester corrects the text while open; "zoek nu landelijk" escalates now.
  r.patch("/:id", requireUser, async (ctx) => {
    const b = body(ctx, patchRequestSchema);
    ctx.body = await updateRequest(deps, currentUser(ctx), ctx.params.id!, b);
  });
  r.post("/:id/escalate", requireUser, async (ctx) => {
    body(ctx, emptyBody);
    ctx.body = await escalateRequest(deps, currentUser(ctx), ctx.params.id!);
  });
  r.get("/:id/candidates", requireUser, async (ctx) => {
    const q = query(ctx, candidatesQuery);
    ctx.body = await listCandidates(deps, currentUser(ctx), ctx.params.id!, q.limit);
  });
  // Notification deliveries (push, e-mail) of the request's offers: coordinators in scope.
  r.get("/:id/deliveries", requireUser, async (ctx) => {
    ctx.body = await listDeliveries(currentUser(ctx), ctx.params.id!);
  });
  r.post("/:id/cancel", requireUser, async (ctx) => {
    const b = body(ctx, cancelSchema);
    ctx.body = await cancelRequest(deps, currentUser(ctx), ctx.params.id!, b.reason);
  });
  r.post("/:id/complete", requireUser, async (ctx) => {
    ctx.body = await completeRequest(deps, currentUser(ctx), ctx.params.id!, body(ctx, completeSchema));
  });
  return r;
}
