// The korpsregeling (issue 9, finding 2). Records are never edited: a force-wide version is proposed
// by a policy-admin and takes effect only once a DIFFERENT policy-admin approves it; a coordinator
// sets the supplement of a unit in their scope. Nothing takes effect in the past or in a closed month,
// and every step is audited.
import { DateTime } from "luxon";
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import type { Policy } from "../../domain/types";
import { BUDGET_ZONE } from "../../domain/budget";
import { conflict, forbidden, notFound, unprocessable } from "../../http/problem";
import { ClosedPeriod } from "../../models/closed-period";
import { PolicyVersion } from "../../models/regulation";
import { canDecidePolicy, canProposePolicy, canReadProposals, canRejectPolicy, canSetUnitSupplement } from "../../access/budgets";
import { audit } from "../audit";
import { toPolicy, loadPolicies, loadPolicyRecords, type PolicyStatus } from "../budgets/regulation-data";
import { presentPolicy } from "../../presenters/regulation";
import { budgetReadModel } from "../budgets/read-model";

export type PolicyInput = Omit<Policy, "id"> & { name?: string };
export type ProposalInput = Omit<PolicyInput, "unitSupplements"> & { unitSupplements?: Record<string, number>; reason: string };

/** effectiveFrom must be today or later (Europe/Amsterdam) and not inside a closed month. */
async function assertEffectiveFrom(effectiveFrom: Date, now: Date): Promise<void> {
  const day = DateTime.fromJSDate(effectiveFrom, { zone: BUDGET_ZONE });
  const today = DateTime.fromJSDate(now, { zone: BUDGET_ZONE }).startOf("day");
  if (!day.isValid || day < today)
    throw unprocessable("A regulation change cannot take effect in the past", [
      { path: "body.effectiveFrom", message: `must be today (${today.toISODate()}) or later` },
    ]);
  const month = day.toFormat("yyyy-MM");
  if (await ClosedPeriod.exists({ month }))
    throw unprocessable(`${month} is closed: a regulation change cannot take effect inside a closed period`, [
      { path: "body.effectiveFrom", message: `not inside the closed period ${month}` },
    ]);
}

export async function proposePolicy(actor: Principal, input: ProposalInput, now: Date) {
  if (!canProposePolicy(actor))
    throw forbidden("The force-wide regulation is proposed by a policy-admin; coordinators change only the supplement of their own units");
  await assertEffectiveFrom(input.effectiveFrom, now);
  const { unitSupplements, ...rest } = input;
  const doc = await PolicyVersion.create({
    ...rest,
    unitSupplements: unitSupplements ?? {},
    carrySupplements: unitSupplements === undefined,
    kind: "force-wide",
    status: "proposed",
    createdBy: actor.id,
  });
  await audit(actor, "propose", "policy", doc.id, { ...input, effectiveFrom: input.effectiveFrom.toISOString() });
  return presentPolicy(toPolicy(doc.toObject()));
}

export async function decidePolicy(actor: Principal, id: string, decision: "approve" | "reject", now: Date, reason?: string) {
  const doc = isValidObjectId(id) ? await PolicyVersion.findById(id).lean() : null;
  if (!doc || doc.kind === "unit-supplement") throw notFound("Policy proposal");
  if (decision === "approve" && !canDecidePolicy(actor, doc))
    throw forbidden(
      doc.createdBy === actor.id ? "Four eyes: a different policy-admin must approve this proposal" : "Only a policy-admin approves regulation changes",
    );
  if (decision === "reject" && !canRejectPolicy(actor)) throw forbidden("Only a policy-admin rejects regulation proposals");
  if (doc.status !== "proposed") throw conflict(`This version is ${doc.status ?? "approved"} already`);
  // Approving later must not back-date either: the date is checked again against today and closed months.
  if (decision === "approve") await assertEffectiveFrom(new Date(doc.effectiveFrom), now);
  const status: PolicyStatus = decision === "approve" ? "approved" : "rejected";
  const updated = await PolicyVersion.findOneAndUpdate(
    { _id: doc._id, status: "proposed" },
    { $set: { status, decidedBy: actor.id, decidedAt: now, ...(reason ? { decisionReason: reason } : {}) } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("This proposal was decided by someone else just now");
  if (decision === "approve") await budgetReadModel.policiesChanged();
  await audit(actor, decision, "policy", String(doc._id), {
    proposedBy: doc.createdBy,
    effectiveFrom: new Date(doc.effectiveFrom).toISOString(),
    ...(reason ? { reason } : {}),
  });
  return presentPolicy(toPolicy(updated));
}

export async function setUnitSupplement(actor: Principal, input: { unitId: string; hours: number; effectiveFrom: Date; reason: string }, now: Date) {
  if (!canSetUnitSupplement(actor, input.unitId)) throw forbidden("Only a coordinator of this unit sets its supplement");
  await assertEffectiveFrom(input.effectiveFrom, now);
  const current = await loadPolicies();
  if (!current.length) throw conflict("There is no regulation in force to add a unit supplement to");
  const doc = await PolicyVersion.create({
    kind: "unit-supplement",
    status: "approved",
    unitId: input.unitId,
    hours: input.hours,
    effectiveFrom: input.effectiveFrom,
    reason: input.reason,
    // Required fields of a version; a unit change never touches them (see domain/regulation-timeline.ts).
    baseHoursPerYear: 0,
    approvalThresholdHours: 0,
    unitSupplements: { [input.unitId]: input.hours },
    createdBy: actor.id,
    decidedBy: actor.id,
    decidedAt: now,
  });
  await budgetReadModel.policiesChanged();
  await audit(actor, "set-unit-supplement", "policy", doc.id, {
    unitId: input.unitId,
    hours: input.hours,
    effectiveFrom: input.effectiveFrom.toISOString(),
    reason: input.reason,
  });
  return presentPolicy(toPolicy(doc.toObject()));
}

/** In force (everyone); proposals and decided records only for those who may read them. */
export async function listPolicies() {
  return (await loadPolicies()).map(presentPolicy);
}

export async function listProposals(actor: Principal, status?: PolicyStatus) {
  if (!canReadProposals(actor)) throw forbidden("Regulation proposals are for policy-admins (and admins and auditors reading along)");
  return (await loadPolicyRecords({ kind: "force-wide", status })).map(presentPolicy);
}
