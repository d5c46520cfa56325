// Members the pool step may ask: the pool named on the request, or else the best fitting active pool
// (most expertise overlap, covering the request's unit); only members who may be asked right now.
import { isValidObjectId } from "mongoose";
import type { MemberProfile } from "../domain/types";
import { isAbsentAt } from "../domain/availability";
import { Pool } from "../models/pool";
import type { MemberSnapshot } from "../matching/snapshot";

interface RequestLike {
  poolId?: string | null;
  expertise: string[];
  unitId: string;
}

export async function poolMemberIdsFor(r: RequestLike, snapshot: MemberSnapshot, now: Date): Promise<string[]> {
  let memberIds: string[];
  if (r.poolId) {
    const pool = isValidObjectId(r.poolId) ? await Pool.findById(r.poolId).lean() : null;
    memberIds = pool?.memberIds ?? [];
  } else {
    const pools = await Pool.find({ expertise: { $in: r.expertise } }).lean();
    const wanted = new Set(r.expertise);
    const fitting = pools
      .filter((p) => (!p.activeFrom || p.activeFrom <= now) && (!p.activeUntil || p.activeUntil > now))
      .filter((p) => !p.unitIds?.length || p.unitIds.includes(r.unitId))
      .map((p) => ({ p, overlap: p.expertise.filter((e) => wanted.has(e)).length }))
      .sort((a, b) => b.overlap - a.overlap || String(a.p._id).localeCompare(String(b.p._id)));
    memberIds = fitting[0]?.p.memberIds ?? [];
  }
  return memberIds.filter((id) => {
    const m = snapshot.get(id);
    return !!m && mayBeAsked(m, now);
  });
}

function mayBeAsked(m: MemberProfile, now: Date): boolean {
  return m.active && (!m.leftAt || m.leftAt > now) && m.consent.shareExpertise && !isAbsentAt(m, now);
}
