// The coordinators' queue of budget alerts.
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { hasRole } from "../../auth/principal";
import { notFound, forbidden } from "../../http/problem";
import { BudgetAlert } from "../../models/budget-alert";
import { Member } from "../../models/member";
import { coordinatorCovers, coordinatorFilter } from "../../access/scope";
import { audit } from "../audit";

// Alerts carry the member's unit and networks, so they follow the member's scope.
function scopeFilter(actor: Principal): Record<string, unknown> {
  if (hasRole(actor, "admin")) return {};
  return coordinatorFilter(actor, { networks: true });
}

const present = (a: Record<string, any>, name?: string) => ({
  id: String(a._id),
  memberId: a.memberId,
  ...(name ? { name } : {}),
  year: a.year,
  level: a.level,
  unitId: a.unitId,
  networks: a.networks,
  allotted: a.allotted,
  used: a.used,
  raisedAt: a.createdAt,
  ...(a.acknowledgedAt ? { acknowledgedBy: a.acknowledgedBy, acknowledgedAt: a.acknowledgedAt } : {}),
});

export async function listBudgetAlerts(actor: Principal, q: { year?: number; all?: boolean }) {
  const filter: Record<string, unknown> = { ...scopeFilter(actor) };
  if (q.year) filter.year = q.year;
  if (!q.all) filter.acknowledgedAt = { $exists: false };
  const alerts = await BudgetAlert.find(filter).sort({ createdAt: -1 }).limit(500).lean();
  const members = await Member.find({ _id: { $in: [...new Set(alerts.map((a) => a.memberId))] } }, { name: 1 }).lean();
  const names = new Map(members.map((m) => [String(m._id), m.name]));
  return alerts.map((a) => present(a, names.get(a.memberId)));
}

export async function acknowledgeBudgetAlert(actor: Principal, id: string) {
  const alert = isValidObjectId(id) ? await BudgetAlert.findById(id).lean() : null;
  if (!alert) throw notFound("Budget alert");
  if (!hasRole(actor, "admin") && !coordinatorCovers(actor, alert)) throw forbidden("This alert is outside your scope");
  const updated = await BudgetAlert.findOneAndUpdate(
    { _id: alert._id, acknowledgedAt: { $exists: false } },
    { $set: { acknowledgedBy: actor.id, acknowledgedAt: new Date() } },
    { returnDocument: "after" },
  ).lean();
  if (updated) await audit(actor, "acknowledge", "budget-alert", id);
  return present(updated ?? alert);
}
