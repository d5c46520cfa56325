// The member's inbox, newest first, each offer with the little the member needs to decide.
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { Offer } from "../../models/offer";
import { Request } from "../../models/request";
import { presentOffer } from "../../presenters/offer";
import { unprocessable } from "../../http/problem";
import { auditRead } from "../audit";

export async function listOffers(actor: Principal, q: { status?: string; limit: number; cursor?: string }) {
  if (!actor.memberId) return { data: [] };
  const filter: Record<string, unknown> = { memberId: actor.memberId };
  if (q.status) filter.status = { $in: q.status.split(",") };
  if (q.cursor) {
    if (!isValidObjectId(q.cursor)) throw unprocessable("Invalid cursor", [{ path: "query.cursor", code: "invalid_cursor", message: "Invalid cursor" }]);
    filter._id = { $lt: q.cursor };
  }
  const rows = await Offer.find(filter)
    .sort({ _id: -1 })
    .limit(q.limit + 1)
    .lean();
  const page = rows.slice(0, q.limit);
  const requests = await Request.find({ _id: { $in: page.map((o) => o.requestId) } }, { refSalt: 0 }).lean();
  const byId = new Map(requests.map((r) => [String(r._id), r]));
  const data = page.map((o) => presentOffer(o, byId.get(o.requestId)));
  // The inbox shows the request text of pending and accepted offers: a read of someone else's request.
  for (const o of data) if (o.request?.description) await auditRead(actor, "request", o.requestId, [byId.get(o.requestId)?.requesterId]);
  return { data, ...(rows.length > q.limit ? { next: String(page[page.length - 1]!._id) } : {}) };
}
