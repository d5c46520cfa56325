// Outside notifications of a new offer (push + e-mail). Dispatch only enqueues (nothing awaited on its path):
// a durable fan-out job as safety net, then the fan-out per member preferences with every first attempt in
// parallel; failed attempts become retry jobs that the durable job runner runs with backoff.
import type { Deps } from "../deps";
import type { UiLanguage, Urgency } from "../contract/values";
import { channelsFor, offerMessage, type OfferFacts, type OfferMessage, type Preferences } from "../domain/notify-rules";
import { scheduleJob } from "../jobs/queue";
import { Delivery } from "../models/delivery";
import { Member } from "../models/member";
import { Offer } from "../models/offer";
import { PushSubscription } from "../models/push-subscription";
import { Request } from "../models/request";
import { User } from "../models/user";
import { expertiseById } from "../reference/expertise";
import { unitById } from "../reference/units";
import { vapidKeys } from "./keys";
import { mailEnabled, sendMail } from "./mailer";
import { appOfferPath, offerLinkToken, offerLinkUrl } from "./offer-links";
import { renderOfferMail } from "./offer-mail";
import { preferencesOf } from "./preferences";
import { sendPush } from "./push";

export const OFFER_FANOUT_JOB = "notify:offer";
export const DELIVER_JOB = "notify:deliver";
/** Attempts per delivery (the job runner backs off 10 s, 20 s, 40 s ... between them). */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Called where an offer is announced; returns at once and never throws into dispatch. A durable fan-out job
 * is stored first (the safety net if this process dies), then the fan-out runs right away off the
 * dispatch path, every first attempt in parallel; failures are retried by the job runner with backoff.
 */
export function queueOfferNotification(deps: Deps, offerId: string): void {
  const at = deps.now();
  // No job key: a keyed upsert scans the jobs on the embedded store, and each offer is announced once.
  void scheduleJob(OFFER_FANOUT_JOB, new Date(at.getTime() + SAFETY_NET_MS), { offerId, at: at.toISOString() })
    .then(() => fanOut(deps, { offerId, at: at.toISOString() }))
    .catch((err) => deps.logger.warn({ err: String(err), offerId }, "offer notification fan-out failed; the job retries"));
}

/** How long the stored fan-out job waits before it checks that the immediate fan-out happened. */
const SAFETY_NET_MS = 30_000;
const LOCK_MS = 60_000;
const backoffMs = (attempts: number) => 10_000 * 2 ** Math.max(0, attempts - 1);

export function offerFacts(
  offerId: string,
  expiresAt: Date,
  r: { urgency: string; expertise?: string[] | null; unitId: string; estimatedHours: number },
): OfferFacts {
  return {
    offerId,
    urgency: r.urgency as Urgency,
    expertise: (r.expertise ?? []).flatMap((id) => {
      const e = expertiseById(id);
      return e ? [e.label] : [];
    }),
    unit: unitById(r.unitId)?.name ?? r.unitId,
    estimatedHours: r.estimatedHours,
    expiresAt,
  };
}

interface SendContext {
  offer: { _id: unknown; expiresAt: Date };
  facts: OfferFacts;
  msg: OfferMessage;
  lang: UiLanguage;
  to?: string;
  subs: Map<string, { _id: unknown; endpoint: string; keys: { p256dh: string; auth: string } }>;
}

const OFFER_REQUEST_FIELDS = { urgency: 1, expertise: 1, unitId: 1, estimatedHours: 1 } as const;

/** Everything one offer's deliveries need, read once. Null when the offer is no longer open. */
async function loadContext(
  deps: Deps,
  offerId: string,
  userId?: string,
): Promise<(SendContext & { userId: string; memberId: string; requestId: string; prefs: Preferences; urgency: Urgency }) | null> {
  const offer = await Offer.findById(offerId).lean();
  if (!offer || offer.status !== "pending" || offer.expiresAt <= deps.now()) return null;
  const [request, user, member] = await Promise.all([
    Request.findById(offer.requestId, OFFER_REQUEST_FIELDS).lean(),
    userId ? User.findById(userId, { email: 1 }).lean() : User.findOne({ memberId: offer.memberId, active: true }, { email: 1 }).lean(),
    Member.findById(offer.memberId, { email: 1 }).lean(),
  ]);
  if (!request || !user) return null;
  const uid = String(user._id);
  const [prefs, subs] = await Promise.all([preferencesOf(uid), PushSubscription.find({ userId: uid }).lean()]);
  const facts = offerFacts(String(offer._id), offer.expiresAt, request);
  const to = prefs.email ?? user.email ?? member?.email ?? undefined;
  return {
    offer,
    facts,
    msg: offerMessage(facts, prefs.language),
    lang: prefs.language,
    ...(to ? { to } : {}),
    subs: new Map(subs.map((x) => [String(x._id), { _id: x._id, endpoint: x.endpoint, keys: { p256dh: x.keys!.p256dh, auth: x.keys!.auth } }])),
    userId: uid,
    memberId: offer.memberId,
    requestId: offer.requestId,
    prefs,
    urgency: request.urgency as Urgency,
  };
}

/** Fan-out: which channels this member wants for this urgency at the time the offer went out; first attempts in parallel. */
export async function fanOut(deps: Deps, payload: { offerId: string; at: string }): Promise<void> {
  const ctx = await loadContext(deps, payload.offerId);
  if (!ctx) return;
  const channels = channelsFor(ctx.prefs, ctx.urgency, new Date(payload.at));
  const base = { userId: ctx.userId, memberId: ctx.memberId, requestId: ctx.requestId, offerId: payload.offerId, kind: "offer:new" };
  const lockedUntil = new Date(deps.now().getTime() + LOCK_MS);
  type Plan = { doc: Record<string, unknown>; key: string };
  const plans: Plan[] = [];
  if (channels.includes("email")) {
    const key = `${base.offerId}:email`;
    if (!ctx.to) plans.push({ doc: { channel: "email", status: "failed", failure: "no e-mail address" }, key });
    else if (!mailEnabled()) plans.push({ doc: { channel: "email", status: "failed", failure: "e-mail off (no SMTP_URL)" }, key });
    else plans.push({ doc: { channel: "email", lockedUntil }, key });
  }
  if (channels.includes("push")) {
    if (!ctx.subs.size) plans.push({ doc: { channel: "push", status: "failed", failure: "no push subscription" }, key: `${base.offerId}:push` });
    for (const id of ctx.subs.keys()) plans.push({ doc: { channel: "push", subscriptionId: id, lockedUntil }, key: `${base.offerId}:push:${id}` });
  }
  // Created already claimed (lockedUntil), so the first attempt needs no claim round trip.
  const created = await Promise.all(
    plans.map(async (p) => {
      try {
        return await Delivery.create({ ...base, ...p.doc, key: p.key });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err; // a re-run of the fan-out: already there
        return null;
      }
    }),
  );
  await Promise.all(
    created.map(async (d) => {
      if (!d || d.status !== "queued") return;
      const outcome = await send(deps, d.toObject(), ctx);
      // One retry job per failed delivery; the runner itself re-runs it with backoff while it throws.
      if (outcome.retry) await scheduleJob(DELIVER_JOB, new Date(deps.now().getTime() + backoffMs(outcome.attempts)), { deliveryId: String(d._id) });
    }),
  );
  // The safety-net run: deliveries a dead process created but never tried go to the retry job now.
  const stale = await Delivery.find({ offerId: base.offerId, status: "queued", attempts: 0, lockedUntil: { $lte: deps.now() } }, { _id: 1 }).lean();
  for (const d of stale) await scheduleJob(DELIVER_JOB, deps.now(), { deliveryId: String(d._id) });
}

export const onOfferFanout = fanOut;

/** Retry job of one delivery: throws to have the job runner back off and try again while attempts remain. */
export async function onDeliver(deps: Deps, payload: { deliveryId: string }): Promise<void> {
  const outcome = await attemptDelivery(deps, payload.deliveryId);
  if (outcome.retry) throw new Error(`delivery ${payload.deliveryId} failed (attempt ${outcome.attempts}): ${outcome.reason ?? "busy"}`);
}

export interface AttemptOutcome {
  /** Try again later (the delivery is still queued, or another attempt holds it right now). */
  retry: boolean;
  attempts: number;
  reason?: string;
}

type DeliveryRow = {
  _id: unknown;
  channel: string;
  attempts?: number | null;
  failure?: string | null;
  subscriptionId?: string | null;
  userId: string;
  offerId?: string | null;
};

/** A retry: claim the delivery with a lock so two attempts never both send, then send. */
export async function attemptDelivery(deps: Deps, deliveryId: string): Promise<AttemptOutcome> {
  const now = deps.now();
  const d = await Delivery.findOneAndUpdate(
    { _id: deliveryId, status: "queued", $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] },
    { $set: { lockedUntil: new Date(now.getTime() + LOCK_MS) } },
    { returnDocument: "after" },
  ).lean();
  if (!d) {
    const still = await Delivery.findById(deliveryId, { status: 1, attempts: 1 }).lean();
    return { retry: still?.status === "queued", attempts: still?.attempts ?? 0, reason: "held by another attempt" };
  }
  const ctx = d.offerId ? await loadContext(deps, d.offerId, d.userId) : null;
  if (!ctx) {
    await Delivery.updateOne({ _id: d._id }, { $set: { status: "cancelled", failure: d.failure ?? "offer no longer open" }, $unset: { lockedUntil: 1 } });
    return { retry: false, attempts: d.attempts ?? 0 };
  }
  return send(deps, d, ctx);
}

/** Sends one claimed delivery and records the outcome. */
async function send(deps: Deps, d: DeliveryRow, ctx: SendContext): Promise<AttemptOutcome> {
  const now = deps.now();
  const attempts = (d.attempts ?? 0) + 1;
  const fail = async (reason: string, final: boolean): Promise<AttemptOutcome> => {
    await Delivery.updateOne(
      { _id: d._id },
      { $set: { attempts, sentAt: now, failure: reason.slice(0, 300), status: final ? "failed" : "queued" }, $unset: { lockedUntil: 1 } },
    );
    return { retry: !final, attempts, reason };
  };
  const offerId = String(ctx.offer._id);
  try {
    if (d.channel === "email") {
      if (!ctx.to) return await fail("no e-mail address", true);
      const link = offerLinkUrl(deps.config.PUBLIC_URL, await offerLinkToken(offerId, ctx.offer.expiresAt));
      const mail = renderOfferMail(ctx.msg, link, ctx.lang);
      await sendMail({ to: ctx.to, subject: ctx.msg.subject, text: mail.text, html: mail.html });
    } else {
      const sub = d.subscriptionId ? ctx.subs.get(d.subscriptionId) : undefined;
      if (!sub) return await fail("push subscription removed", true);
      const payload = { title: ctx.msg.title, body: ctx.msg.body, url: appOfferPath(offerId), tag: `offer-${offerId}`, offerId, urgency: ctx.facts.urgency };
      const ttl = (ctx.offer.expiresAt.getTime() - now.getTime()) / 1000;
      const out = await sendPush(sub, payload, await vapidKeys(deps.config), { ttlSeconds: ttl });
      if (out.gone) {
        await PushSubscription.deleteOne({ _id: sub._id });
        return await fail(`push subscription expired (${out.status}); removed`, true);
      }
      if (!out.accepted) throw new Error(`push service answered ${out.status}`);
    }
  } catch (err) {
    return fail(String((err as Error)?.message ?? err), attempts >= MAX_DELIVERY_ATTEMPTS);
  }
  await Delivery.updateOne({ _id: d._id }, { $set: { status: "sent", attempts, sentAt: now, acceptedAt: deps.now() }, $unset: { lockedUntil: 1 } });
  return { retry: false, attempts };
}
