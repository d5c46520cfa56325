// Per-member exceptions: extra hours and/or permission to accept over budget, with a reason.
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { hasRole } from "../../auth/principal";
import { forbidden, notFound } from "../../http/problem";
import { BudgetOverride } from "../../models/budget-override";
import { Member } from "../../models/member";
import { canDecideFor } from "../../access/budgets";
import { audit } from "../audit";
import { budgetReadModel } from "./read-model";

export interface OverrideInput {
  memberId: string;
  year: number;
  extraHours: number;
  reason: string;
  requestId?: string;
}

const present = (o: Record<string, any>) => ({
  id: String(o._id),
  memberId: o.memberId,
  year: o.year,
  extraHours: o.extraHours,
  reason: o.reason,
  ...(o.requestId ? { requestId: o.requestId } : {}),
  setBy: o.setBy,
  createdAt: o.createdAt,
});

async function memberInReach(actor: Principal, memberId: string) {
  const m = isValidObjectId(memberId) ? await Member.findById(memberId, { unitId: 1, networks: 1 }).lean() : null;
  if (!m) throw notFound("Member");
  if (!hasRole(actor, "admin") && !canDecideFor(actor, { id: String(m._id), unitId: m.unitId, networks: m.networks })) {
    throw forbidden("Only a coordinator whose scope covers this member (or an admin) may set an override");
  }
  return m;
}

export async function setBudgetOverride(actor: Principal, input: OverrideInput) {
  await memberInReach(actor, input.memberId);
  const o = await BudgetOverride.create({ ...input, setBy: actor.id });
  budgetReadModel.overrideSet({ memberId: o.memberId, year: o.year, extraHours: o.extraHours, reason: o.reason, setBy: o.setBy });
  await audit(actor, "create", "budget-override", o.id, input);
  return present(o.toObject());
}

export async function listBudgetOverrides(actor: Principal, q: { memberId: string; year?: number }) {
  await memberInReach(actor, q.memberId);
  const docs = await BudgetOverride.find({ memberId: q.memberId, ...(q.year ? { year: q.year } : {}) })
    .sort({ createdAt: -1 })
    .lean();
  return docs.map(present);
}
