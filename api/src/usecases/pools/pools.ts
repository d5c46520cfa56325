// Shared pieces of the pool use cases: input shape, loading, presenting.
import { isValidObjectId } from "mongoose";
import { z } from "zod";
import type { Principal } from "../../auth/principal";
import { isoDate } from "../../http/validate";
import { forbidden, notFound } from "../../http/problem";
import { Pool } from "../../models/pool";
import { canManagePool, canSeePoolMembers } from "../../policies/pools";

export const poolSchema = z.strictObject({
  name: z.string().trim().min(2).max(120),
  description: z.string().max(2000).default(""),
  expertise: z.array(z.string().min(1).max(80)).max(30).default([]),
  unitIds: z.array(z.string().min(1).max(64)).max(20).default([]),
  activeFrom: isoDate.optional(),
  activeUntil: isoDate.optional(),
});
export type PoolInput = z.infer<typeof poolSchema>;

type PoolRecord = { _id: unknown; name: string; description?: string | null; expertise: string[]; unitIds: string[]; memberIds: string[]; activeFrom?: Date | null; activeUntil?: Date | null };

export function presentPool(p: PoolRecord, viewer: Principal) {
  return {
    id: String(p._id),
    name: p.name,
    description: p.description ?? "",
    expertise: p.expertise,
    unitIds: p.unitIds,
    activeFrom: p.activeFrom?.toISOString(),
    activeUntil: p.activeUntil?.toISOString(),
    memberCount: p.memberIds.length,
    ...(canSeePoolMembers(viewer, p) ? { memberIds: p.memberIds } : {}),
  };
}

export async function loadManagedPool(actor: Principal, id: string) {
  const p = isValidObjectId(id) ? await Pool.findById(id).lean() : null;
  if (!p) throw notFound("Pool");
  if (!canManagePool(actor, p)) throw forbidden("Only coordinators of this pool's units may manage it");
  return p;
}
