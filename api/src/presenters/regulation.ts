// What leaves the server about a policy version.
import type { PolicyRecord } from "../domain/policy-record";

export const presentPolicy = (p: PolicyRecord) => ({
  id: p.id,
  ...(p.name ? { name: p.name } : {}),
  kind: p.kind,
  status: p.status,
  effectiveFrom: p.effectiveFrom.toISOString(),
  baseHoursPerYear: p.baseHoursPerYear,
  unitSupplements: p.unitSupplements,
  categories: p.categories,
  ...(p.categoryCaps ? { categoryCaps: p.categoryCaps } : {}),
  approvalThresholdHours: p.approvalThresholdHours,
  ...(p.kind === "unit-supplement" ? { unitId: p.unitId, hours: p.hours } : {}),
  ...(p.carrySupplements ? { carrySupplements: true } : {}),
  ...(p.reason ? { reason: p.reason } : {}),
  createdBy: p.createdBy,
  ...(p.createdAt ? { createdAt: new Date(p.createdAt).toISOString() } : {}),
  ...(p.decidedBy ? { decidedBy: p.decidedBy } : {}),
  ...(p.decidedAt ? { decidedAt: p.decidedAt.toISOString() } : {}),
  ...(p.decisionReason ? { decisionReason: p.decisionReason } : {}),
});
