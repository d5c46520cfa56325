// Answering an offer from the e-mail link. Reading (GET) never changes anything: mail scanners follow
// links. Answering (POST) goes through the same use cases as the app: first accept wins, budget gate.
import type { Deps } from "../deps";
import type { UiLanguage } from "../contract/values";
import { principalFromUser } from "../auth/principal";
import { Problem } from "../http/problem";
import { Offer } from "../models/offer";
import { Request } from "../models/request";
import { User } from "../models/user";
import { offerMessage, type OfferMessage } from "../domain/notify-rules";
import { acceptOffer } from "../usecases/offers/accept-offer";
import { declineOffer } from "../usecases/offers/decline-offer";
import type { LinkState } from "./offer-page";
import { offerFacts } from "./offer-notifications";
import { verifyOfferLinkToken } from "./offer-links";
import { preferencesOf } from "./preferences";

export interface LinkView {
  state: LinkState;
  lang: UiLanguage;
  offerId?: string;
  msg?: OfferMessage;
}

type Loaded = { view: LinkView; offer?: NonNullable<Awaited<ReturnType<typeof loadOffer>>>; userId?: string };

const loadOffer = (id: string) => Offer.findById(id).lean();

/** Where an offer stands, as the member should read it. */
async function stateOf(offer: { status: string; expiresAt: Date; requestId: string; memberId: string }, now: Date): Promise<LinkState> {
  if (offer.status === "accepted" || offer.status === "declined") return "already-answered";
  if (offer.status === "expired") return "expired";
  const r = await Request.findById(offer.requestId, { status: 1, assigneeMemberId: 1 }).lean();
  if (offer.status === "withdrawn") return r?.status === "accepted" || r?.status === "completed" ? "taken" : "withdrawn";
  if (offer.expiresAt <= now) return "expired";
  if (!r || !["open", "offered"].includes(r.status)) return r?.status === "accepted" ? "taken" : "withdrawn";
  return "open";
}

async function load(deps: Deps, token: string): Promise<Loaded> {
  const t = await verifyOfferLinkToken(token);
  if (!t.ok) return { view: { state: "invalid", lang: "nl" } };
  const offer = await loadOffer(t.offerId);
  if (!offer) return { view: { state: "invalid", lang: "nl" } };
  const user = await User.findOne({ memberId: offer.memberId }, { _id: 1 }).lean();
  const lang = user ? (await preferencesOf(String(user._id))).language : "nl";
  const now = deps.now();
  // The signed expiry and the offer's own: whichever comes first ends the link.
  const state = t.expiresAt <= now ? "expired" : await stateOf(offer, now);
  const view: LinkView = { state, lang, offerId: String(offer._id) };
  if (state === "open") {
    const r = await Request.findById(offer.requestId, { urgency: 1, expertise: 1, unitId: 1, estimatedHours: 1 }).lean();
    if (r) view.msg = offerMessage(offerFacts(view.offerId!, offer.expiresAt, r), lang);
  }
  return { view, offer, ...(user ? { userId: String(user._id) } : {}) };
}

export async function viewOfferLink(deps: Deps, token: string): Promise<LinkView> {
  return (await load(deps, token)).view;
}

export async function answerOfferLink(deps: Deps, token: string, answer: "accept" | "decline"): Promise<LinkView> {
  const { view, offer, userId } = await load(deps, token);
  if (view.state !== "open" || !offer || !userId) return view;
  const user = await User.findOne({ _id: userId, active: true }).lean();
  if (!user) return { ...view, state: "invalid", msg: undefined };
  const actor = principalFromUser({ ...user, id: String(user._id), memberId: user.memberId ?? undefined, unitId: user.unitId });
  try {
    if (answer === "accept") await acceptOffer(deps, actor, String(offer._id));
    else await declineOffer(deps, actor, String(offer._id), "via e-mail");
    return { ...view, state: answer === "accept" ? "accepted" : "declined", msg: answer === "accept" ? view.msg : undefined };
  } catch (err) {
    if (!(err instanceof Problem) || err.status !== 409) throw err;
    const code = err.code as string;
    if (code === "budget_exceeded") return { ...view, state: "over-budget", msg: undefined };
    if (code === "offer_taken") return { ...view, state: "taken", msg: undefined };
    if (code === "offer_expired") return { ...view, state: "expired", msg: undefined };
    // offer_not_pending: answered meanwhile (a second click of the same link, or the app).
    const again = await loadOffer(String(offer._id));
    return { ...view, state: again ? await stateOf(again, deps.now()) : "invalid", msg: undefined };
  }
}
