// A new version of the korpsregeling. Versions are never edited: the latest with the same or an
// earlier `effectiveFrom` is the one in force.
import type { Principal } from "../../auth/principal";
import type { Policy } from "../../domain/types";
import { PolicyVersion } from "../../models/policy";
import { audit } from "../audit";
import { toPolicy, loadPolicies } from "../budgets/policy-data";
import { presentPolicy } from "../../presenters/budget-policy";
import { budgetReadModel } from "../budgets/read-model";

export type PolicyInput = Omit<Policy, "id"> & { name?: string };

export async function createPolicy(actor: Principal, input: PolicyInput) {
  const doc = await PolicyVersion.create({ ...input, createdBy: actor.id });
  await budgetReadModel.policiesChanged();
  await audit(actor, "create", "policy", doc.id, { ...input, effectiveFrom: input.effectiveFrom.toISOString() });
  return presentPolicy(toPolicy(doc.toObject()));
}

export async function listPolicies() {
  return (await loadPolicies()).map(presentPolicy);
}
