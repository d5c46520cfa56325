// One dispatch round of a request: rank, decide with the pure ladder (domain/dispatch), claim the round
// with one conditional update (so concurrent timeouts/declines never both advance), then act.
import type { Deps } from "../deps";
import { freezeDispatch, nextDispatch, resolveDispatchSettings, settingsFor } from "../domain/dispatch";
import type { DispatchDecision, DispatchStep, FrozenDispatch } from "../domain/dispatch";
import type { Urgency } from "../domain/types";
import { Offer } from "../models/offer";
import { OPEN_STATUSES } from "../contract/values";
import { claimOnce, decisionKey, Request } from "../models/request";
import { rankCandidates, toMatchRequest } from "../matching/candidates";
import { memberSnapshot } from "../matching/snapshot";
import { scheduleJob } from "../jobs/queue";
import type { EventOf, NewOffer } from "../events/types";
import { poolMemberIdsFor } from "./pool-members";

export const DISPATCH_JOB = "request:dispatch";
export const dispatchJobKey = (requestId: string, round: number) => `dispatch:${requestId}:${round}`;

export interface DispatchOptions {
  /** The round the caller saw; a stale caller does nothing. */
  round: number;
  /** After a decline: offer one replacement, and do not escalate past offers while others are still pending. */
  replacement?: boolean;
  /** Escalate now: leave the current step (local when none yet) for the next one on the ladder. */
  skipStep?: boolean;
}

export async function dispatchRequest(deps: Deps, requestId: string, opts: DispatchOptions): Promise<DispatchDecision | null> {
  const r = await Request.findById(requestId).lean();
  if (!r || !(OPEN_STATUSES as readonly string[]).includes(r.status) || (r.dispatchRound ?? 0) !== opts.round) return null;
  const now = deps.now();
  const urgency = r.urgency as Urgency;

  const snapshot = await memberSnapshot(deps).ready();
  const [{ ranked }, offered, poolMemberIds] = await Promise.all([
    rankCandidates(deps, toMatchRequest(r), now),
    Offer.find({ requestId }, { memberId: 1, status: 1 }).lean(),
    poolMemberIdsFor(r, snapshot, now),
  ]);
  const current = resolveDispatchSettings(deps.config.DISPATCH_SETTINGS);
  const frozen = settingsFor(urgency, r.dispatchSettings as Partial<FrozenDispatch> | undefined, current);
  const rule = { batchSize: opts.replacement ? 1 : frozen.batchSize, timeoutMs: frozen.timeoutMs };
  const policy = { ...current, [urgency]: rule };
  const decision = nextDispatch({
    urgency,
    step: (r.escalationStep as DispatchDecision["step"] | undefined) ?? null,
    rankedCandidateIds: ranked.map((c) => c.memberId),
    localCandidateIds: ranked.filter((c) => c.unitId === r.unitId).map((c) => c.memberId),
    alreadyOfferedIds: offered.map((o) => o.memberId),
    poolMemberIds,
    policy,
    ladder: frozen.ladder,
    ...(opts.skipStep ? skipCurrentStep(frozen.ladder, (r.escalationStep as DispatchDecision["step"] | undefined) ?? null) : {}),
  });
  if (opts.replacement && decision.step !== "local" && decision.step !== "national" && decision.step !== "pool") {
    if (offered.some((o) => o.status === "pending")) return null; // the round's timeout escalates
  }

  // Giving up competes with a late accept: both claim the request's single decision.
  if (decision.step === "unfilled" && !(await claimOnce(decisionKey(requestId), requestId, "unfilled", "dispatch", now))) return null;
  const update: Record<string, unknown> = { escalationStep: decision.step };
  if (decision.step === "unfilled") Object.assign(update, { status: "unfilled", closedAt: now });
  else if (decision.step !== "coordinators") update.status = "offered";
  const claimed = await Request.findOneAndUpdate(
    { _id: r._id, dispatchRound: opts.round, status: { $in: OPEN_STATUSES } },
    { $set: update, $inc: { dispatchRound: 1 } },
    { returnDocument: "after" },
  ).lean();
  if (!claimed) return null;
  const round = opts.round + 1;

  const step = decision.step;
  const dispatched: EventOf<"request.dispatched"> = { type: "request.dispatched", request: claimed, step, offers: [], withdrawn: [], changed: true };
  if (decision.step === "unfilled") {
    deps.events.publish({ ...dispatched, withdrawn: await withdrawPending(deps, requestId) });
    return decision;
  }
  const runAt = new Date(now.getTime() + decision.timeoutMs);
  await scheduleJob(DISPATCH_JOB, runAt, { requestId, round }, dispatchJobKey(requestId, round));
  if (decision.step === "coordinators") {
    deps.events.publish(dispatched);
    return decision;
  }

  // The whole batch in one insert (one round trip, not one per offer); a member already asked is
  // refused by the unique index and left out, the others still go in (unordered).
  type Created = NewOffer;
  let created: Created[] = [];
  const batch = decision.offerTo.map((memberId) => ({ requestId, memberId, status: "pending", step: decision.step, round, expiresAt: runAt }));
  if (batch.length) {
    try {
      created = (await Offer.insertMany(batch, { ordered: false })) as unknown as Created[];
    } catch (err) {
      const e = err as { code?: number; writeErrors?: { code?: number; err?: { code?: number } }[]; insertedDocs?: Created[] };
      const codes = e.writeErrors?.map((w) => w.code ?? w.err?.code) ?? [e.code];
      if (!codes.every((c) => c === 11000)) throw err;
      created = e.insertedDocs ?? [];
    }
  }
  // An acceptance may have landed while we were creating offers: those offers never go out.
  const fresh = await Request.findById(requestId).lean();
  if (!fresh || !(OPEN_STATUSES as readonly string[]).includes(fresh.status)) {
    await Offer.updateMany({ _id: { $in: created.map((o) => o._id) }, status: "pending" }, { $set: { status: "withdrawn", respondedAt: now } });
    return decision;
  }
  deps.events.publish({ ...dispatched, request: fresh, offers: created, changed: r.status !== claimed.status || r.escalationStep !== claimed.escalationStep });
  return decision;
}

/** The ladder below the current step, walked from its start ("zoek nu landelijk"). */
function skipCurrentStep(ladder: readonly DispatchStep[], step: DispatchDecision["step"] | null) {
  const at = ladder.indexOf(step ?? "local");
  return { step: null, ladder: ladder.slice(at + 1) };
}

/** What a new request freezes when its dispatch starts: the ladder and its urgency's rule as configured now. */
export function dispatchSettingsNow(deps: Deps, urgency: Urgency): FrozenDispatch {
  return freezeDispatch(urgency, resolveDispatchSettings(deps.config.DISPATCH_SETTINGS));
}

/** Withdraws every pending offer of a request; returns them so the caller's event tells their members. */
export async function withdrawPending(deps: Deps, requestId: string, exceptOfferId?: unknown) {
  const filter: Record<string, unknown> = { requestId, status: "pending", ...(exceptOfferId ? { _id: { $ne: exceptOfferId } } : {}) };
  const pending = await Offer.find(filter, { memberId: 1, requestId: 1 }).lean();
  if (!pending.length) return [];
  await Offer.updateMany({ _id: { $in: pending.map((o) => o._id) }, status: "pending" }, { $set: { status: "withdrawn", respondedAt: deps.now() } });
  return pending;
}

/** Durable timeout of a round: expire what is due, then (if the round is still current) escalate. */
export async function onDispatchJob(deps: Deps, payload: { requestId: string; round: number }) {
  const now = deps.now();
  const due = await Offer.find({ requestId: payload.requestId, status: "pending", expiresAt: { $lte: now } }, { memberId: 1, requestId: 1 }).lean();
  if (due.length) {
    await Offer.updateMany({ _id: { $in: due.map((o) => o._id) }, status: "pending" }, { $set: { status: "expired", respondedAt: now } });
    deps.events.publish({ type: "offer.expired", offers: due });
  }
  await dispatchRequest(deps, payload.requestId, { round: payload.round });
}
