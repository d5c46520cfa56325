// Adding and removing pool members: one $addToSet / $pull each, no read-modify-write.
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { notFound } from "../../http/problem";
import { Member } from "../../models/member";
import { Pool } from "../../models/pool";
import { audit } from "../audit";
import { loadManagedPool, presentPoolWithMembers } from "./pools";

export async function addPoolMember(actor: Principal, poolId: string, memberId: string) {
  await loadManagedPool(actor, poolId);
  if (!isValidObjectId(memberId) || !(await Member.exists({ _id: memberId }))) throw notFound("Member");
  const p = await Pool.findByIdAndUpdate(poolId, { $addToSet: { memberIds: memberId } }, { returnDocument: "after" }).lean();
  await audit(actor, "add-member", "pool", poolId, { memberId });
  return presentPoolWithMembers(p!, actor);
}

export async function removePoolMember(actor: Principal, poolId: string, memberId: string) {
  await loadManagedPool(actor, poolId);
  const p = await Pool.findByIdAndUpdate(poolId, { $pull: { memberIds: memberId } }, { returnDocument: "after" }).lean();
  await audit(actor, "remove-member", "pool", poolId, { memberId });
  return presentPoolWithMembers(p!, actor);
}
