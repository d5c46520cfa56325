// The requester corrects the question's title and description while the request is open (e.g. removes a
// citizen's phone number the warning pointed at). Audited without the text; offered members read the new
// text from their inbox and are told by a request event.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict, forbidden } from "../../http/problem";
import { OPEN_STATUSES } from "../../contract/values";
import { Request } from "../../models/request";
import { Offer } from "../../models/offer";
import { canEditRequest } from "../../policies/requests";
import { presentRequest, requestEvent } from "../../presenters/request";
import { notifyRequest } from "../../dispatch/notify";
import { audit } from "../audit";
import { personalDataWarnings } from "./create-request";
import { findRequest } from "./load";

export async function updateRequest(deps: Deps, actor: Principal, id: string, patch: { title?: string; description?: string }) {
  const before = await findRequest(id);
  if (before.requesterId !== actor.id) throw forbidden("Only the requester may change the question");
  if (!canEditRequest(actor, before)) throw conflict(`The request is ${before.status}; it can no longer be changed`);
  const title = patch.title ?? before.title;
  const description = patch.description ?? before.description ?? "";
  const warnings = personalDataWarnings(title, description);
  const r = await Request.findOneAndUpdate(
    { _id: id, status: { $in: OPEN_STATUSES } },
    { $set: { title, description, warnings } },
    { returnDocument: "after" },
  ).lean();
  if (!r) throw conflict("The request was just accepted or closed; reload it");
  await audit(actor, "update", "request", id, { fields: Object.keys(patch), warnings: warnings.map((w) => w.kind) });
  notifyRequest(deps, r);
  // Members holding a pending offer refetch their inbox: tell them the request changed (ids and state only).
  const pending = await Offer.find({ requestId: id, status: "pending" }, { memberId: 1 }).lean();
  if (pending.length) deps.notifier.emit({ members: pending.map((o) => o.memberId) }, "request:updated", requestEvent(r));
  return presentRequest(r, actor);
}
