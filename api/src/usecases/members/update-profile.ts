// A member edits their own profile. Unknown taxonomy ids are 422 listing them; the server stamps
// consent changes; the search index and the matching snapshot follow at once.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { notFound, problem, unprocessable, type FieldError } from "../../http/problem";
import { Member } from "../../models/member";
import { unknownExpertiseIds } from "../../reference/expertise";
import { unitById } from "../../reference/units";
import { networkById } from "../../reference/networks";
import { presentProfile } from "../../presenters/member";
import { toProfile } from "../../matching/snapshot";
import { audit } from "../audit";
import { reindexMember } from "./index-member";
import type { ProfileInput } from "./schemas";

function check(input: ProfileInput) {
  const errors: FieldError[] = [];
  const unknown = unknownExpertiseIds((input.expertise ?? []).map((e) => e.id));
  for (const id of unknown) errors.push({ path: "body.expertise", code: "unknown_expertise", params: { id }, message: `Unknown expertise id ${id}` });
  if (input.unitId && !unitById(input.unitId)) errors.push({ path: "body.unitId", code: "unknown_unit", message: `Unknown unit ${input.unitId}` });
  for (const n of input.networks ?? [])
    if (!networkById(n)) errors.push({ path: "body.networks", code: "unknown_network", params: { id: n }, message: `Unknown network ${n}` });
  (input.availability?.absences ?? []).forEach((a, i) => {
    if (a.to <= a.from) errors.push({ path: `body.availability.absences.${i}.to`, code: "end_before_start", message: "An absence must end after it starts" });
  });
  if (errors.length) throw unprocessable(unknown.length ? `Unknown expertise: ${unknown.join(", ")}` : errors.map((e) => e.message).join("; "), errors);
}

/**
 * A member's unit and networks are granted by an admin or a coordinator (audited), not self-declared
 * (issue 9, finding 1). The profile form may send them back unchanged; any change is refused.
 */
function assertUnchangedGrants(input: ProfileInput, current: { unitId: string; networks?: string[] | null }) {
  const errors: FieldError[] = [];
  if (input.unitId !== undefined && input.unitId !== current.unitId)
    errors.push({ path: "body.unitId", message: "Your unit is changed by an admin or by a coordinator of both units, not on your profile" });
  if (input.networks !== undefined) {
    const have = new Set(current.networks ?? []);
    const want = new Set(input.networks);
    if (have.size !== want.size || [...want].some((n) => !have.has(n)))
      errors.push({
        path: "body.networks",
        message: "Ask to join a network with POST /api/v1/members/me/network-requests; a coordinator of that network approves it",
      });
  }
  if (errors.length)
    throw problem(403, "Forbidden", "Unit and networks are granted by a coordinator or an admin; they cannot be changed on your own profile", errors);
}

export async function updateOwnProfile(deps: Deps, actor: Principal, input: ProfileInput) {
  check(input);
  const current = actor.memberId ? await Member.findById(actor.memberId).lean() : null;
  if (!current) throw notFound("Member profile (your account has no member role)");
  assertUnchangedGrants(input, current);
  // Unit and networks are granted, never self-declared: they are accepted only unchanged and not written.
  const set: Record<string, unknown> = {};
  if (input.expertise) set.expertise = [...new Map(input.expertise.map((e) => [e.id, e])).values()];
  if (input.languages) set.languages = [...new Set(input.languages)];
  if (input.availability) {
    // No weekly pattern means available at any time, so an omitted pattern is cleared, not kept.
    set["availability.weekly"] = input.availability.weekly?.length ? input.availability.weekly : undefined;
    if (input.availability.absences) set["availability.absences"] = input.availability.absences;
  }
  const consentChanged = input.consent && input.consent.shareExpertise !== (current.consent?.shareExpertise === true);
  if (consentChanged) set.consent = { shareExpertise: input.consent!.shareExpertise, at: deps.now() };
  const updated = await Member.findByIdAndUpdate(current._id, { $set: set }, { returnDocument: "after" }).lean();
  await reindexMember(deps, String(current._id));
  await audit(actor, "update", "member", String(current._id), {
    fields: Object.keys(set),
    ...(consentChanged ? { consent: input.consent!.shareExpertise } : {}),
  });
  return presentProfile(toProfile(updated!));
}
