// Loads the korpsregeling versions and maps them to the domain shape.
import type { TimeCategory } from "../../domain/types";
import { TIME_CATEGORIES } from "../../contract/values";
import { PolicyVersion } from "../../models/regulation";
import { policyTimeline } from "../../domain/regulation-timeline";

import type { PolicyKind, PolicyRecord, PolicyStatus } from "../../domain/policy-record";
export type { PolicyKind, PolicyRecord, PolicyStatus };

export function toPolicy(d: Record<string, any>): PolicyRecord {
  return {
    id: String(d._id ?? d.id),
    name: d.name ?? undefined,
    effectiveFrom: new Date(d.effectiveFrom),
    baseHoursPerYear: d.baseHoursPerYear,
    unitSupplements: { ...(d.unitSupplements ?? {}) },
    categories: (d.categories?.length ? d.categories : TIME_CATEGORIES) as TimeCategory[],
    ...(d.categoryCaps && Object.keys(d.categoryCaps).length ? { categoryCaps: { ...d.categoryCaps } } : {}),
    approvalThresholdHours: d.approvalThresholdHours,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    kind: d.kind === "unit-supplement" ? "unit-supplement" : "force-wide",
    // Records from before the four-eyes rule have no status and were in force: they count as approved.
    status: (d.status ?? "approved") as PolicyStatus,
    ...(d.reason ? { reason: d.reason } : {}),
    ...(d.unitId ? { unitId: d.unitId } : {}),
    ...(typeof d.hours === "number" ? { hours: d.hours } : {}),
    ...(d.carrySupplements ? { carrySupplements: true } : {}),
    ...(d.decidedBy ? { decidedBy: d.decidedBy } : {}),
    ...(d.decidedAt ? { decidedAt: new Date(d.decidedAt) } : {}),
    ...(d.decisionReason ? { decisionReason: d.decisionReason } : {}),
  };
}

const APPROVED: Record<string, unknown> = { $or: [{ status: "approved" }, { status: { $exists: false } }, { status: null }] };

/**
 * The versions in force, oldest first: only approved records, unit-supplement changes folded into
 * complete versions; on equal `effectiveFrom` the later-approved one comes last (and wins).
 */
export async function loadPolicies(): Promise<PolicyRecord[]> {
  const docs = await PolicyVersion.find(APPROVED).sort({ effectiveFrom: 1, createdAt: 1 }).lean();
  const records = docs.map(toPolicy).map((r) => ({ ...r, settledAt: r.decidedAt ?? r.createdAt ?? r.effectiveFrom }));
  return policyTimeline(records).map(({ source, ...p }) => {
    const { settledAt: _settled, ...rest } = source;
    return { ...rest, ...p };
  });
}

/** Records waiting for a decision or decided (proposals and their outcome), newest first. */
export async function loadPolicyRecords(filter: { status?: PolicyStatus; kind?: PolicyKind }, limit = 200): Promise<PolicyRecord[]> {
  const q: Record<string, unknown> = {};
  if (filter.kind === "unit-supplement") q.kind = "unit-supplement";
  else if (filter.kind === "force-wide") q.kind = { $ne: "unit-supplement" };
  if (filter.status === "approved") Object.assign(q, APPROVED);
  else if (filter.status) q.status = filter.status;
  const docs = await PolicyVersion.find(q).sort({ createdAt: -1 }).limit(limit).lean();
  return docs.map(toPolicy);
}

export const DEFAULT_POLICY = {
  name: "Korpsregeling (concept): basis voor iedereen, ruimte per eenheid",
  effectiveFrom: new Date("2020-01-01T00:00:00+01:00"),
  baseHoursPerYear: 60,
  unitSupplements: { rotterdam: 20, amsterdam: 20, "den-haag": 12, "landelijke-eenheid": 16 },
  categories: [...TIME_CATEGORIES],
  approvalThresholdHours: 4,
};

/** Seeds the default version once (idempotent by seed key; racing starts hit the unique index). */
export async function ensureDefaultPolicy(): Promise<void> {
  await PolicyVersion.updateOne({ seedKey: "default" }, { $setOnInsert: { ...DEFAULT_POLICY, seedKey: "default", createdBy: "seed" } }, { upsert: true }).catch(
    (err: { code?: number }) => {
      if (err?.code !== 11000) throw err;
    },
  );
}
