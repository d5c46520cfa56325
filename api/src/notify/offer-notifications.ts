// Outside notifications of a new offer (push + e-mail). Dispatch only enqueues (one insert, not awaited);
// the durable job runner fans out per member preferences and sends, retrying failures with backoff.
import type { Deps } from "../deps";
import type { Urgency } from "../contract/values";
import { channelsFor, offerMessage, type OfferFacts } from "../domain/notify-rules";
import { scheduleJob } from "../jobs/queue";
import { wakeJobs } from "../jobs/wake";
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

/** Called where an offer is announced: enqueue and return; never throws into dispatch. */
export function queueOfferNotification(deps: Deps, offerId: string): void {
  const at = deps.now();
  void scheduleJob(OFFER_FANOUT_JOB, at, { offerId, at: at.toISOString() })
    .then(() => wakeJobs())
    .catch((err) => deps.logger.warn({ err: String(err), offerId }, "queueing the offer notification failed"));
}

export function offerFacts(offerId: string, expiresAt: Date, r: { urgency: string; expertise?: string[] | null; unitId: string; estimatedHours: number }): OfferFacts {
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

/** Fan-out job: which channels this member wants for this urgency at the time the offer went out. */
export async function onOfferFanout(deps: Deps, payload: { offerId: string; at: string }): Promise<void> {
  const offer = await Offer.findById(payload.offerId).lean();
  if (!offer || offer.status !== "pending") return;
  const [request, user, member] = await Promise.all([
    Request.findById(offer.requestId, { urgency: 1 }).lean(),
    User.findOne({ memberId: offer.memberId, active: true }, { email: 1 }).lean(),
    Member.findById(offer.memberId, { email: 1 }).lean(),
  ]);
  if (!request || !user) return;
  const prefs = await preferencesOf(String(user._id));
  const channels = channelsFor(prefs, request.urgency as Urgency, new Date(payload.at));
  const base = { userId: String(user._id), memberId: offer.memberId, requestId: offer.requestId, offerId: String(offer._id), kind: "offer:new" };
  const created: string[] = [];
  const add = async (doc: Record<string, unknown>, key: string, send: boolean) => {
    try {
      const d = await Delivery.create({ ...base, ...doc, key });
      if (send) created.push(String(d._id));
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err; // a re-run of this job: already there
    }
  };
  if (channels.includes("email")) {
    const to = prefs.email ?? user.email ?? member?.email;
    const key = `${base.offerId}:email`;
    if (!to) await add({ channel: "email", status: "failed", failure: "no e-mail address" }, key, false);
    else if (!mailEnabled()) await add({ channel: "email", status: "failed", failure: "e-mail off (no SMTP_URL)" }, key, false);
    else await add({ channel: "email" }, key, true);
  }
  if (channels.includes("push")) {
    const subs = await PushSubscription.find({ userId: base.userId }, { _id: 1 }).lean();
    if (!subs.length) await add({ channel: "push", status: "failed", failure: "no push subscription" }, `${base.offerId}:push`, false);
    for (const s of subs) await add({ channel: "push", subscriptionId: String(s._id) }, `${base.offerId}:push:${String(s._id)}`, true);
  }
  for (const id of created) await scheduleJob(DELIVER_JOB, deps.now(), { deliveryId: id }, `deliver:${id}`);
}

/** One delivery attempt. Throws to have the job runner retry (with backoff) while attempts remain. */
export async function onDeliver(deps: Deps, payload: { deliveryId: string }): Promise<void> {
  const d = await Delivery.findById(payload.deliveryId).lean();
  if (!d || d.status !== "queued") return;
  const offer = await Offer.findById(d.offerId).lean();
  const now = deps.now();
  if (!offer || offer.status !== "pending" || offer.expiresAt <= now) {
    await Delivery.updateOne({ _id: d._id, status: "queued" }, { $set: { status: "cancelled", failure: d.failure ?? "offer no longer open" } });
    return;
  }
  const request = await Request.findById(offer.requestId, { urgency: 1, expertise: 1, unitId: 1, estimatedHours: 1 }).lean();
  if (!request) return;
  const prefs = await preferencesOf(d.userId);
  const facts = offerFacts(String(offer._id), offer.expiresAt, request);
  const msg = offerMessage(facts, prefs.language);
  const attempts = (d.attempts ?? 0) + 1;
  const fail = async (reason: string, final: boolean) => {
    await Delivery.updateOne({ _id: d._id }, { $set: { attempts, sentAt: now, failure: reason.slice(0, 300), status: final ? "failed" : "queued" } });
  };
  try {
    if (d.channel === "email") {
      const user = await User.findById(d.userId, { email: 1 }).lean();
      const member = await Member.findById(d.memberId, { email: 1 }).lean();
      const to = prefs.email ?? user?.email ?? member?.email;
      if (!to) return await fail("no e-mail address", true);
      const link = offerLinkUrl(deps.config.PUBLIC_URL, await offerLinkToken(String(offer._id), offer.expiresAt));
      const mail = renderOfferMail(msg, link, prefs.language);
      await sendMail({ to, subject: msg.subject, text: mail.text, html: mail.html });
    } else {
      const sub = d.subscriptionId ? await PushSubscription.findById(d.subscriptionId).lean() : null;
      if (!sub?.keys) return await fail("push subscription removed", true);
      const payloadOut = { title: msg.title, body: msg.body, url: appOfferPath(String(offer._id)), tag: `offer-${String(offer._id)}`, offerId: String(offer._id), urgency: facts.urgency };
      const ttl = (offer.expiresAt.getTime() - now.getTime()) / 1000;
      const out = await sendPush({ endpoint: sub.endpoint, keys: sub.keys }, payloadOut, await vapidKeys(deps.config), { ttlSeconds: ttl });
      if (out.gone) {
        await PushSubscription.deleteOne({ _id: sub._id });
        return await fail(`push subscription expired (${out.status}); removed`, true);
      }
      if (!out.accepted) throw new Error(`push service answered ${out.status}`);
    }
  } catch (err) {
    const reason = String((err as Error)?.message ?? err);
    const final = attempts >= MAX_DELIVERY_ATTEMPTS;
    await fail(reason, final);
    if (final) return;
    throw err; // the job runner retries with backoff
  }
  await Delivery.updateOne({ _id: d._id }, { $set: { status: "sent", attempts, sentAt: now, acceptedAt: deps.now() } });
}
