// Who gets a staff alert: coordinators whose scope covers the unit or one of the networks (the
// same rule as the live coordinator rooms and budgets), and helpline planners.
import { User } from "../../models/user";

export interface StaffRecipient {
  id: string;
  email?: string;
}

const present = (u: { _id: unknown; email?: string | null }): StaffRecipient => ({ id: String(u._id), ...(u.email ? { email: u.email } : {}) });

export async function coordinatorsCovering(scope: { unitId?: string; networks?: string[] }): Promise<StaffRecipient[]> {
  const or: Record<string, unknown>[] = [];
  if (scope.unitId) or.push({ "scope.units": scope.unitId });
  if (scope.networks?.length) or.push({ "scope.networks": { $in: scope.networks } });
  if (!or.length) return [];
  const users = await User.find({ roles: "coordinator", active: { $ne: false }, $or: or }, { email: 1 })
    .limit(500)
    .lean();
  return users.map(present);
}

export async function helplinePlanners(): Promise<StaffRecipient[]> {
  const users = await User.find({ roles: "helpline-planner", active: { $ne: false } }, { email: 1 })
    .limit(500)
    .lean();
  return users.map(present);
}
