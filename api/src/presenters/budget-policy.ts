// What leaves the server about a policy version.
import type { PolicyRecord } from "../usecases/budgets/policy-data";

export const presentPolicy = (p: PolicyRecord) => ({
  id: p.id,
  ...(p.name ? { name: p.name } : {}),
  effectiveFrom: p.effectiveFrom.toISOString(),
  baseHoursPerYear: p.baseHoursPerYear,
  unitSupplements: p.unitSupplements,
  categories: p.categories,
  ...(p.categoryCaps ? { categoryCaps: p.categoryCaps } : {}),
  approvalThresholdHours: p.approvalThresholdHours,
  createdBy: p.createdBy,
  ...(p.createdAt ? { createdAt: new Date(p.createdAt).toISOString() } : {}),
});
