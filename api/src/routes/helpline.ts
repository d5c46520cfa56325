// Roze in Blauw helpline: roster, coverage, the telephony webhook, outcomes and statistics.
import Router from "@koa/router";
import { z } from "zod";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { forbidden, unprocessable } from "../http/problem";
import { body, id, isoDate, query } from "../http/validate";
import { canReadRoster, canReadStats } from "../policies/helpline";
import { CALL_ID, routeCall } from "../usecases/helpline/route-call";
import { FORWARD_REASONS, recordOutcome } from "../usecases/helpline/record-outcome";
import { createShift, deleteShift, listShifts, MAX_RANGE_DAYS, updateShift } from "../usecases/helpline/shifts";
import { getCoverage, latestGaps } from "../usecases/helpline/coverage";
import { getHelplineStats } from "../usecases/helpline/stats";
import { listHelplineMembers } from "../usecases/helpline/members";
import { readLenientJson } from "../helpline/lenient-body";

const DAY = 86_400_000;
const flag = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");

/** The asked window, or a default one around now. */
const windowOf = (q: { from?: Date; to?: Date }, defaults: { back: number; ahead: number }, now: Date) => ({
  from: q.from ?? new Date(now.getTime() - defaults.back * DAY),
  to: q.to ?? new Date(now.getTime() + defaults.ahead * DAY),
});

function checkRange(r: { from: Date; to: Date }, maxDays: number) {
  if (r.to <= r.from) throw unprocessable("to must be after from", [{ path: "query.to", code: "end_before_start", message: "must be after from" }]);
  if (r.to.getTime() - r.from.getTime() > maxDays * DAY)
    throw unprocessable(`At most ${maxDays} days at once`, [{ path: "query.to", code: "range_too_long", params: { maximum: maxDays }, message: `at most ${maxDays} days after from` }]);
}

const newShift = z.strictObject({ memberId: id.optional(), start: isoDate, end: isoDate });
const shiftPatch = z.strictObject({ memberId: id.optional(), start: isoDate.optional(), end: isoDate.optional() });
const outcomeSchema = z.strictObject({
  outcome: z.enum(["answered", "missed", "forwarded"]),
  durationSec: z.number().int().min(0).max(86_400).optional(),
  // Why the switch forwarded a member call to the RSC, and to which unit's RSC (deploy/kamailio).
  reason: z.enum(FORWARD_REASONS).optional(),
  forwardedTo: z.string().regex(/^[a-z-]{1,64}$/).optional(),
});

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
    if (!CALL_ID.test(callId)) throw unprocessable("Invalid callId", [{ path: "params.callId", code: "invalid_format", message: "1 to 128 letters, digits or . : @ - _" }]);
    ctx.body = recordOutcome(deps, callId, body(ctx, outcomeSchema));
  });

  r.get("/shifts", requireUser, roster, async (ctx) => {
    const q = query(ctx, z.object({ from: isoDate.optional(), to: isoDate.optional(), memberId: id.optional(), mine: flag.optional() }));
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
    const q = query(ctx, z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(1000).default(500) }));
    ctx.body = { data: await listHelplineMembers(q) };
  });

  r.get("/coverage", requireUser, roster, async (ctx) => {
    const q = query(ctx, z.object({ from: isoDate.optional(), to: isoDate.optional(), byHourOfWeek: flag.optional() }));
    const win = windowOf(q, { back: 0, ahead: 7 }, deps.now());
    checkRange(win, MAX_RANGE_DAYS);
    ctx.body = await getCoverage({ ...win, byHourOfWeek: q.byHourOfWeek });
  });

  r.get("/gaps", requireUser, roster, async (ctx) => {
    ctx.body = await latestGaps(deps);
  });

  r.get("/stats", requireRole("helpline-planner", "coordinator", "admin"), async (ctx) => {
    if (!canReadStats(currentUser(ctx))) throw forbidden();
    const q = query(ctx, z.object({ from: isoDate.optional(), to: isoDate.optional() }));
    const win = windowOf(q, { back: 28, ahead: 0 }, deps.now());
    checkRange(win, 400);
    ctx.body = await getHelplineStats(win);
  });

  return r;
}
