// Roze in Blauw helpline: roster, coverage, the telephony webhook, outcomes and statistics.
import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { forbidden, unprocessable } from "../http/problem";
import { body, query } from "../http/validate";
import {
  coverageQuery,
  helplineMembersQuery,
  newShiftSchema as newShift,
  outcomeSchema,
  shiftPatchSchema as shiftPatch,
  shiftsQuery,
  windowQuery,
} from "../contract/helpline";
import { canReadRoster, canReadStats } from "../access/helpline";
import { CALL_ID, routeCall } from "../usecases/helpline/route-call";
import { recordOutcome } from "../usecases/helpline/record-outcome";
import { createShift, deleteShift, listShifts, MAX_RANGE_DAYS, updateShift } from "../usecases/helpline/shifts";
import { getCoverage, latestGaps } from "../usecases/helpline/coverage";
import { getHelplineStats } from "../usecases/helpline/stats";
import { listHelplineMembers } from "../usecases/helpline/members";
import { readLenientJson } from "../helpline/lenient-body";

const DAY = 86_400_000;

/** The asked window, or a default one around now. */
const windowOf = (q: { from?: Date; to?: Date }, defaults: { back: number; ahead: number }, now: Date) => ({
  from: q.from ?? new Date(now.getTime() - defaults.back * DAY),
  to: q.to ?? new Date(now.getTime() + defaults.ahead * DAY),
});

function checkRange(r: { from: Date; to: Date }, maxDays: number) {
  if (r.to <= r.from) throw unprocessable("to must be after from", [{ path: "query.to", code: "end_before_start", message: "must be after from" }]);
  if (r.to.getTime() - r.from.getTime() > maxDays * DAY)
    throw unprocessable(`At most ${maxDays} days at once`, [
      { path: "query.to", code: "range_too_long", params: { maximum: maxDays }, message: `at most ${maxDays} days after from` },
    ]);
}

export function helplineRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/helpline" });
  const roster = async (ctx: import("koa").Context, next: import("koa").Next) => {
    if (!canReadRoster(currentUser(ctx))) throw forbidden("The roster is for helpline planners, coordinators and Roze in Blauw members");
    await next();
  };

  // Telephony webhook: synchronous, no database on this path (see usecases/helpline/route-call.ts).
  r.post("/route", requireRole("telephony"), async (ctx) => {
    const raw = ctx.disableBodyParser ? await readLenientJson(ctx.req) : (ctx.request as unknown as { body?: unknown }).body;
    ctx.body = routeCall(deps, raw, ctx.state.log);
  });

  r.post("/calls/:callId/outcome", requireRole("telephony"), (ctx) => {
    const callId = ctx.params.callId!;
    if (!CALL_ID.test(callId))
      throw unprocessable("Invalid callId", [{ path: "params.callId", code: "invalid_format", message: "1 to 128 letters, digits or . : @ - _" }]);
    ctx.body = recordOutcome(deps, callId, body(ctx, outcomeSchema));
  });

  r.get("/shifts", requireUser, roster, async (ctx) => {
    const q = query(ctx, shiftsQuery);
    const win = windowOf(q, { back: 1, ahead: 14 }, deps.now());
    checkRange(win, MAX_RANGE_DAYS);
    const memberId = q.mine ? (currentUser(ctx).memberId ?? "none") : q.memberId;
    ctx.body = { data: await listShifts({ ...win, memberId }) };
  });

  r.post("/shifts", requireUser, async (ctx) => {
    const input = body(ctx, newShift);
    ctx.status = 201;
    ctx.body = await createShift(deps, currentUser(ctx), input);
  });

  r.patch("/shifts/:id", requireUser, async (ctx) => {
    ctx.body = await updateShift(deps, currentUser(ctx), ctx.params.id!, body(ctx, shiftPatch));
  });

  r.delete("/shifts/:id", requireUser, async (ctx) => {
    await deleteShift(deps, currentUser(ctx), ctx.params.id!);
    ctx.status = 204;
  });

  // Planners pick whom to roster by name.
  r.get("/members", requireRole("helpline-planner", "admin"), async (ctx) => {
    const q = query(ctx, helplineMembersQuery);
    ctx.body = { data: await listHelplineMembers(q) };
  });

  r.get("/coverage", requireUser, roster, async (ctx) => {
    const q = query(ctx, coverageQuery);
    const win = windowOf(q, { back: 0, ahead: 7 }, deps.now());
    checkRange(win, MAX_RANGE_DAYS);
    ctx.body = await getCoverage({ ...win, byHourOfWeek: q.byHourOfWeek });
  });

  r.get("/gaps", requireUser, roster, async (ctx) => {
    ctx.body = await latestGaps(deps);
  });

  r.get("/stats", requireRole("helpline-planner", "coordinator", "admin"), async (ctx) => {
    if (!canReadStats(currentUser(ctx))) throw forbidden();
    const q = query(ctx, windowQuery);
    const win = windowOf(q, { back: 28, ahead: 0 }, deps.now());
    checkRange(win, 400);
    ctx.body = await getHelplineStats(win);
  });

  return r;
}
