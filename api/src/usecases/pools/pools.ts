// Shared pieces of the pool use cases: input shape, loading, presenting.
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { forbidden, notFound } from "../../http/problem";
import { hasRole } from "../../auth/principal";
import { Member } from "../../models/member";
import { Pool } from "../../models/pool";
import { canManagePool, canSeePoolMembers } from "../../access/pools";
import { coordinatesMember } from "../../access/members";

// The input shape lives in the contract (api/src/contract/pools.ts).
export { poolSchema, type PoolInput } from "../../contract/pools";

type PoolRecord = {
  _id: unknown;
  name: string;
  description?: string | null;
  expertise: string[];
  unitIds: string[];
  memberIds: string[];
  activeFrom?: Date | null;
  activeUntil?: Date | null;
};

/** Who a pool member is, as far as the viewer may know: the name only for members the viewer coordinates. */
export interface PoolMemberView {
  id: string;
  unitId?: string;
  name?: string;
}
type MemberLookup = Map<string, { name: string; unitId: string; networks?: string[] | null }>;

/** Names and units of the members of the pools whose members the viewer may see, in one query. */
export async function poolMemberLookup(pools: PoolRecord[], viewer: Principal): Promise<MemberLookup> {
  const ids = [...new Set(pools.filter((p) => canSeePoolMembers(viewer, p)).flatMap((p) => p.memberIds))].filter((id) => isValidObjectId(id));
  if (!ids.length) return new Map();
  const rows = await Member.find({ _id: { $in: ids } }, { name: 1, unitId: 1, networks: 1 }).lean();
  return new Map(rows.map((m) => [String(m._id), { name: m.name, unitId: m.unitId, networks: m.networks }]));
}

function presentMember(id: string, viewer: Principal, lookup: MemberLookup): PoolMemberView {
  const m = lookup.get(id);
  if (!m) return { id };
  const named = hasRole(viewer, "admin") || coordinatesMember(viewer, { id, unitId: m.unitId, networks: m.networks });
  return { id, unitId: m.unitId, ...(named ? { name: m.name } : {}) };
}

export function presentPool(p: PoolRecord, viewer: Principal, lookup: MemberLookup = new Map()) {
  return {
    id: String(p._id),
    name: p.name,
    description: p.description ?? "",
    expertise: p.expertise,
    unitIds: p.unitIds,
    activeFrom: p.activeFrom?.toISOString(),
    activeUntil: p.activeUntil?.toISOString(),
    memberCount: p.memberIds.length,
    ...(canSeePoolMembers(viewer, p) ? { memberIds: p.memberIds, members: p.memberIds.map((id) => presentMember(id, viewer, lookup)) } : {}),
  };
}

/** A pool as it leaves the server, with member names where the viewer may see them. */
export async function presentPoolWithMembers(p: PoolRecord, viewer: Principal) {
  return presentPool(p, viewer, await poolMemberLookup([p], viewer));
}

export async function loadManagedPool(actor: Principal, id: string) {
  const p = isValidObjectId(id) ? await Pool.findById(id).lean() : null;
  if (!p) throw notFound("Pool");
  if (!canManagePool(actor, p)) throw forbidden("Only coordinators of this pool's units may manage it");
  return p;
}
