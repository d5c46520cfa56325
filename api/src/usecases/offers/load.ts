// An offer belongs to one member: anyone else gets 404 (they need not learn it exists).
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { notFound } from "../../http/problem";
import { Offer } from "../../models/offer";

export async function loadOwnOffer(actor: Principal, id: string) {
  const o = isValidObjectId(id) && actor.memberId ? await Offer.findOne({ _id: id, memberId: actor.memberId }).lean() : null;
  if (!o) throw notFound("Offer");
  return o;
}
