// After every member write: the search index and this process's matching snapshot follow.
import type { Deps } from "../../deps";
import { memberDoc } from "../../indexing/docs";
import { Member } from "../../models/member";
import { memberSnapshot } from "../../matching/snapshot";
import { budgetReadModel } from "../budgets/read-model";

export async function reindexMember(deps: Deps, memberId: string) {
  const m = await Member.findById(memberId).lean();
  if (m) await deps.search.upsert("members", [memberDoc({ ...m, id: String(m._id) })]);
  else await deps.search.remove("members", [memberId]);
  await memberSnapshot(deps).touch(memberId);
  await budgetReadModel.memberChanged(m ?? memberId);
}
