// Reading profiles: your own; coordinators in scope; the requester of a request this member accepted
// (contact only). Reads by anyone but the owner are audited.
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { forbidden, notFound } from "../../http/problem";
import { Member } from "../../models/member";
import { Request } from "../../models/request";
import { canReadMember, coordinatesMember } from "../../access/members";
import { presentContact, presentProfile } from "../../presenters/member";
import { toProfile } from "../../matching/snapshot";
import { auditRead } from "../audit";

export async function getOwnProfile(actor: Principal) {
  const m = actor.memberId ? await Member.findById(actor.memberId).lean() : null;
  if (!m) throw notFound("Member profile (your account has no member role)");
  return presentProfile(toProfile(m));
}

export async function getMember(actor: Principal, id: string) {
  const doc = isValidObjectId(id) ? await Member.findById(id).lean() : null;
  if (!doc) throw notFound("Member");
  const m = toProfile(doc);
  const self = actor.memberId === m.id;
  const coordinator = coordinatesMember(actor, m);
  const acceptedForCaller =
    !self && !coordinator && !!(await Request.exists({ requesterId: actor.id, assigneeMemberId: m.id, status: { $in: ["accepted", "completed"] } }));
  if (!canReadMember(actor, m, acceptedForCaller)) throw forbidden("You may not read this member's profile");
  await auditRead(actor, "member", m.id, [m.userId, m.id]);
  return self || coordinator ? presentProfile(m) : presentContact(m);
}
