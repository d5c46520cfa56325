import type { Principal } from "../../auth/principal";
import { Pool } from "../../models/pool";
import { poolMemberLookup, presentPool } from "./pools";

export async function listPools(actor: Principal) {
  const pools = await Pool.find().sort({ name: 1 }).limit(500).lean();
  const lookup = await poolMemberLookup(pools, actor);
  return { data: pools.map((p) => presentPool(p, actor, lookup)) };
}
