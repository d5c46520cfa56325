// One source for a person: the User holds name and contact (e-mail, phone). A member profile carries a
// copy for the readers that work on members (directory, helpline roster and routing, matching snapshot,
// the assignee's contact shown to a requester); that copy is written here and nowhere else, when the
// member is created (create-user) and whenever an admin changes the user (update-user).
import type { Deps } from "../../deps";
import { Member } from "../../models/member";
import { reindexMember } from "../members/index-member";

export interface Person {
  name: string;
  email?: string | null;
  phone?: string | null;
}

/** The member's copy of a user's name and contact (absent contact fields are absent on the member too). */
export function memberPersonFields(u: Person): { name: string; email?: string; phone?: string } {
  return { name: u.name, ...(u.email ? { email: u.email } : {}), ...(u.phone ? { phone: u.phone } : {}) };
}

/** Copies the user's name and contact onto their member profile, then the index and snapshots follow. */
export async function syncMemberPerson(deps: Deps, memberId: string, u: Person, grants: { unitId?: string; networks?: string[] } = {}) {
  const person = memberPersonFields(u);
  const unset = { ...(person.email ? {} : { email: 1 }), ...(person.phone ? {} : { phone: 1 }) };
  await Member.updateOne({ _id: memberId }, { $set: { ...person, ...grants }, ...(Object.keys(unset).length ? { $unset: unset } : {}) });
  // Search, budgets, the matching snapshot (directory names) and the helpline roster follow.
  await reindexMember(deps, memberId);
}
