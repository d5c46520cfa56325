import type { Principal } from "../../auth/principal";
import { forbidden, unprocessable } from "../../http/problem";
import { Pool } from "../../models/pool";
import { canCreatePool, canManagePool } from "../../access/pools";
import { unknownExpertiseIds } from "../../reference/expertise";
import { unitById } from "../../reference/units";
import { audit } from "../audit";
import { presentPool, type PoolInput } from "./pools";

export async function createPool(actor: Principal, input: PoolInput) {
  if (!canCreatePool(actor) || !canManagePool(actor, input)) throw forbidden("Coordinators create pools for their own units (or national pools)");
  const unknown = unknownExpertiseIds(input.expertise);
  if (unknown.length)
    throw unprocessable(
      `Unknown expertise: ${unknown.join(", ")}`,
      unknown.map((id) => ({ path: "body.expertise", code: "unknown_expertise" as const, params: { id }, message: `Unknown expertise id ${id}` })),
    );
  const badUnit = input.unitIds.find((u) => !unitById(u));
  if (badUnit)
    throw unprocessable(`Unknown unit ${badUnit}`, [
      { path: "body.unitIds", code: "unknown_unit", params: { id: badUnit }, message: `Unknown unit ${badUnit}` },
    ]);
  const p = await Pool.create({ ...input, memberIds: [], createdBy: actor.id });
  await audit(actor, "create", "pool", p.id, { name: input.name });
  return presentPool(p.toObject(), actor);
}
