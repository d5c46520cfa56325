// Reading one request: requester, assignee, coordinators in scope; audited when not the requester.
import type { Principal } from "../../auth/principal";
import { Offer } from "../../models/offer";
import { canReadRequest, isRequester } from "../../policies/requests";
import { presentRequest } from "../../presenters/request";
import { Member } from "../../models/member";
import { toProfile } from "../../matching/snapshot";
import { auditRead } from "../audit";
import { loadRequestFor } from "./load";

export async function getRequest(actor: Principal, id: string) {
  const r = await loadRequestFor(actor, id, canReadRequest);
  if (!isRequester(actor, r)) await auditRead(actor, "request", id, [r.requesterId]);
  const [offers, assignee] = await Promise.all([
    Offer.find({ requestId: id }, { status: 1 }).sort({ _id: 1 }).lean(),
    r.assigneeMemberId ? Member.findById(r.assigneeMemberId).lean() : null,
  ]);
  return presentRequest(r, actor, { offers, assignee: assignee ? toProfile(assignee) : null });
}
