// Reading one request: requester, assignee, coordinators in scope; audited when not the requester.
// Each reader gets what is made for them: the assignee (after acceptance) the requester's contact;
// the requester and coordinators in scope where the request is on the escalation ladder and when it moves on.
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { Offer } from "../../models/offer";
import { Job } from "../../models/job";
import { User } from "../../models/user";
import { canReadRequest, canSeeRequesterContact, isRequester, coordinatesUnit } from "../../access/requests";
import { presentRequest } from "../../presenters/request";
import { Member } from "../../models/member";
import { toProfile } from "../../matching/snapshot";
import { DISPATCH_JOB, dispatchJobKey } from "../../dispatch/dispatch";
import { audit, auditRead } from "../audit";
import { loadRequestFor } from "./load";

export async function getRequest(actor: Principal, id: string) {
  const r = await loadRequestFor(actor, id, canReadRequest);
  if (!isRequester(actor, r)) await auditRead(actor, "request", id, [r.requesterId]);
  const showRequester = canSeeRequesterContact(actor, r);
  const showLadder = (isRequester(actor, r) || coordinatesUnit(actor, r.unitId)) && (r.status === "open" || r.status === "offered");
  const [offers, assignee, requester, job] = await Promise.all([
    Offer.find({ requestId: id }, { status: 1 }).sort({ _id: 1 }).lean(),
    r.assigneeMemberId ? Member.findById(r.assigneeMemberId).lean() : null,
    showRequester && isValidObjectId(r.requesterId) ? User.findById(r.requesterId, { name: 1, unitId: 1, phone: 1, email: 1 }).lean() : null,
    showLadder ? Job.findOne({ _id: dispatchJobKey(id, r.dispatchRound ?? 0), type: DISPATCH_JOB, status: "pending" }, { runAt: 1 }).lean() : null,
  ]);
  // The requester's contact reaching the assignee is a read of personal data of its own: audited.
  if (requester) await audit(actor, "read", "requester-contact", id, { requesterId: r.requesterId });
  return {
    ...presentRequest(r, actor, { offers, assignee: assignee ? toProfile(assignee) : null }),
    ...(requester
      ? { requester: { name: requester.name, unitId: requester.unitId, phone: requester.phone ?? undefined, email: requester.email ?? undefined } }
      : {}),
    ...(job ? { nextStepAt: job.runAt.toISOString() } : {}),
  };
}
