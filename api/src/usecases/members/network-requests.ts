// Joining a network is asked by the member and granted by a coordinator of that network (or an
// admin); unit changes are made by an admin or a coordinator of both units. All of it is audited,
// and the login, the search index, the matching snapshot and the helpline roster follow at once.
import { isValidObjectId } from "mongoose";
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import type { NetworkRequestStatus } from "../../contract/values";
import { conflict, forbidden, notFound, unprocessable } from "../../http/problem";
import { Member } from "../../models/member";
import { User } from "../../models/user";
import { forgetUserSessions } from "../../auth/sessions";
import { NetworkRequest } from "../../models/network-request";
import { networkById } from "../../reference/networks";
import { unitById } from "../../reference/units";
import { canAskToJoin, canChangeUnit, canDecideNetworkRequest, canListNetworkRequests, networkRequestScope } from "../../access/memberships";
import { helplineFor } from "../../helpline/runtime";
import { audit } from "../audit";
import { reindexMember } from "./index-member";

export type { NetworkRequestStatus };

interface RequestRecord {
  _id: unknown;
  memberId: string;
  networkId: string;
  motivation?: string | null;
  status: string;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  decisionReason?: string | null;
  createdAt?: Date;
}

function present(r: RequestRecord, member?: { name: string; unitId: string }) {
  return {
    id: String(r._id),
    memberId: r.memberId,
    ...(member ? { name: member.name, unitId: member.unitId } : {}),
    networkId: r.networkId,
    ...(r.motivation ? { motivation: r.motivation } : {}),
    status: r.status as NetworkRequestStatus,
    ...(r.createdAt ? { createdAt: new Date(r.createdAt).toISOString() } : {}),
    ...(r.decidedAt ? { decidedAt: new Date(r.decidedAt).toISOString() } : {}),
    ...(r.decisionReason ? { reason: r.decisionReason } : {}),
  };
}

export async function askToJoin(deps: Deps, actor: Principal, input: { networkId: string; motivation?: string }) {
  if (!canAskToJoin(actor)) throw forbidden("Only members with a member profile can ask to join a network");
  if (!networkById(input.networkId))
    throw unprocessable(`Unknown network ${input.networkId}`, [{ path: "body.networkId", message: `Unknown network ${input.networkId}` }]);
  const m = await Member.findById(actor.memberId, { networks: 1 }).lean();
  if (!m) throw notFound("Member profile");
  if ((m.networks ?? []).includes(input.networkId)) throw conflict(`You are already a member of ${input.networkId}`);
  const pendingKey = `${actor.memberId}:${input.networkId}`;
  try {
    const doc = await NetworkRequest.create({
      memberId: actor.memberId,
      userId: actor.id,
      networkId: input.networkId,
      motivation: input.motivation,
      pendingKey,
    });
    await audit(actor, "create", "network-request", doc.id, { networkId: input.networkId });
    return present(doc.toObject());
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw conflict(`You already asked to join ${input.networkId}; a coordinator will decide`);
    throw err;
  }
}

export async function myNetworkRequests(actor: Principal) {
  if (!actor.memberId) return [];
  const rows = await NetworkRequest.find({ memberId: actor.memberId }).sort({ createdAt: -1 }).limit(100).lean();
  return rows.map((r) => present(r));
}

/** Join requests in the caller's scope (coordinators: their networks; admins: all). The read is audited. */
export async function listNetworkRequests(actor: Principal, q: { status?: NetworkRequestStatus; limit: number }) {
  if (!canListNetworkRequests(actor)) throw forbidden("Join requests are decided by coordinators of that network or an admin");
  const filter: Record<string, unknown> = { ...(networkRequestScope(actor) ?? {}), ...(q.status ? { status: q.status } : {}) };
  const rows = await NetworkRequest.find(filter).sort({ createdAt: 1 }).limit(q.limit).lean();
  const members = rows.length ? await Member.find({ _id: { $in: [...new Set(rows.map((r) => r.memberId))] } }, { name: 1, unitId: 1 }).lean() : [];
  const byId = new Map(members.map((m) => [String(m._id), { name: m.name, unitId: m.unitId }]));
  await audit(actor, "list", "network-request", q.status ?? "all", { count: rows.length });
  return rows.map((r) => present(r, byId.get(r.memberId)));
}

export async function decideNetworkRequest(deps: Deps, actor: Principal, id: string, decision: "approve" | "reject", reason?: string) {
  const r = isValidObjectId(id) ? await NetworkRequest.findById(id).lean() : null;
  if (!r) throw notFound("Network request");
  if (!canDecideNetworkRequest(actor, r)) {
    const own = r.userId === actor.id || actor.memberId === r.memberId;
    throw forbidden(own ? "Nobody decides on their own request to join a network" : "Only a coordinator of this network (or an admin) decides on this request");
  }
  // Decide once: only a pending request changes (two coordinators clicking at once → one wins).
  const status = decision === "approve" ? "approved" : "rejected";
  const updated = await NetworkRequest.findOneAndUpdate(
    { _id: r._id, status: "pending" },
    { $set: { status, decidedBy: actor.id, decidedAt: deps.now(), ...(reason ? { decisionReason: reason } : {}) }, $unset: { pendingKey: 1 } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict(`This request was already ${r.status}`);
  if (status === "approved") {
    await Member.updateOne({ _id: r.memberId }, { $addToSet: { networks: r.networkId } });
    await User.updateOne({ _id: r.userId }, { $addToSet: { networks: r.networkId } });
    forgetUserSessions(String(r.userId)); // cached logins pick up the new network at once
    await reindexMember(deps, r.memberId);
    helplineFor(deps).snapshot.refreshSoon();
  }
  await audit(actor, decision, "network-request", String(r._id), { memberId: r.memberId, networkId: r.networkId, ...(reason ? { reason } : {}) });
  const m = await Member.findById(r.memberId, { name: 1, unitId: 1 }).lean();
  return present(updated, m ?? undefined);
}

/** Moves a member to another unit (which changes their budget): an admin, or a coordinator of both units. */
export async function changeUnit(deps: Deps, actor: Principal, memberId: string, input: { unitId: string; reason?: string }) {
  const m = isValidObjectId(memberId) ? await Member.findById(memberId, { unitId: 1, userId: 1 }).lean() : null;
  if (!m) throw notFound("Member");
  if (!unitById(input.unitId)) throw unprocessable(`Unknown unit ${input.unitId}`, [{ path: "body.unitId", message: `Unknown unit ${input.unitId}` }]);
  if (!canChangeUnit(actor, { id: String(m._id), userId: m.userId }, m.unitId, input.unitId))
    throw forbidden("A unit is changed by an admin or by a coordinator of both the old and the new unit, never by the member themselves");
  if (m.unitId !== input.unitId) {
    await Member.updateOne({ _id: m._id }, { $set: { unitId: input.unitId } });
    await User.updateOne({ _id: m.userId }, { $set: { unitId: input.unitId } });
    forgetUserSessions(String(m.userId));
    await reindexMember(deps, String(m._id));
    helplineFor(deps).snapshot.refreshSoon();
  }
  await audit(actor, "change-unit", "member", String(m._id), { from: m.unitId, to: input.unitId, ...(input.reason ? { reason: input.reason } : {}) });
  return { memberId: String(m._id), unitId: input.unitId };
}
