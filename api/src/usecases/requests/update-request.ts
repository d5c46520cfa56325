// The requester corrects the question's title and description while the request is open (e.g. removes a
// citizen's phone number the warning pointed at). Audited without the text; offered members read the new
// text from their inbox and are told by a request event.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { conflict, forbidden } from "../../http/problem";
import { OPEN_STATUSES } from "../../contract/values";
import { Request } from "../../models/request";
import { canEditRequest } from "../../access/requests";
import { presentRequest } from "../../presenters/request";
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
  deps.events.publish({ type: "request.updated", actor, request: r, fields: Object.keys(patch), warnings: warnings.map((w) => w.kind) });
  return presentRequest(r, actor);
}
