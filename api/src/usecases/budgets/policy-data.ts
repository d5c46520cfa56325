// Loads the korpsregeling versions and maps them to the domain shape.
import type { Policy, TimeCategory } from "../../domain/types";
import { ALL_CATEGORIES } from "../../domain/budget";
import { PolicyVersion } from "../../models/policy";

export interface PolicyRecord extends Policy {
  name?: string;
  createdBy: string;
  createdAt?: Date;
}

export function toPolicy(d: Record<string, any>): PolicyRecord {
  return {
    id: String(d._id ?? d.id),
    name: d.name ?? undefined,
    effectiveFrom: new Date(d.effectiveFrom),
    baseHoursPerYear: d.baseHoursPerYear,
    unitSupplements: { ...(d.unitSupplements ?? {}) },
    categories: (d.categories?.length ? d.categories : ALL_CATEGORIES) as TimeCategory[],
    ...(d.categoryCaps && Object.keys(d.categoryCaps).length ? { categoryCaps: { ...d.categoryCaps } } : {}),
    approvalThresholdHours: d.approvalThresholdHours,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
  };
}

/** All versions, oldest first; on equal `effectiveFrom` the later-created one comes last (and wins). */
export async function loadPolicies(): Promise<PolicyRecord[]> {
  const docs = await PolicyVersion.find({}).sort({ effectiveFrom: 1, createdAt: 1 }).lean();
  return docs.map(toPolicy);
}

export const DEFAULT_POLICY = {
  name: "Korpsregeling (concept): basis voor iedereen, ruimte per eenheid",
  effectiveFrom: new Date("2020-01-01T00:00:00+01:00"),
  baseHoursPerYear: 60,
  unitSupplements: { rotterdam: 20, amsterdam: 20, "den-haag": 12, "landelijke-eenheid": 16 },
  categories: [...ALL_CATEGORIES],
  approvalThresholdHours: 4,
};

/** Seeds the default version once (idempotent by seed key; racing starts hit the unique index). */
export async function ensureDefaultPolicy(): Promise<void> {
  await PolicyVersion.updateOne(
    { seedKey: "default" },
    { $setOnInsert: { ...DEFAULT_POLICY, seedKey: "default", createdBy: "seed" } },
    { upsert: true },
  ).catch((err: { code?: number }) => {
    if (err?.code !== 11000) throw err;
  });
}
