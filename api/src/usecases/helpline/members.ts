// Who a planner can put on the roster: active Roze in Blauw members, by name, so shifts are assigned by
// picking a person rather than typing an id. Name and unit only: no contact details, no expertise.
import { Member } from "../../models/member";
import { RIB } from "../../access/helpline";
import { escapeRegex } from "../../db/escape-regex";

export interface HelplineMemberView {
  id: string;
  name: string;
  unitId: string;
}

export async function listHelplineMembers(q: { q?: string; limit: number }): Promise<HelplineMemberView[]> {
  const filter: Record<string, unknown> = { networks: RIB, active: { $ne: false } };
  const text = q.q?.trim();
  if (text) filter.name = { $regex: escapeRegex(text), $options: "i" };
  const rows = await Member.find(filter, { name: 1, unitId: 1 }).sort({ name: 1, _id: 1 }).limit(q.limit).lean();
  return rows.map((m) => ({ id: String(m._id), name: m.name, unitId: m.unitId }));
}
