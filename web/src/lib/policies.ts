// Korpsregeling helpers shared by the coordinator's supplement page and the policy-admin page.
import type { PolicyVersion } from "../api/types";

/** The version in force now: the last one (the server lists them oldest first) that has started. */
export function inForce(versions: PolicyVersion[], now = new Date()): PolicyVersion | undefined {
  return versions.filter((v) => new Date(v.effectiveFrom) <= now).at(-1);
}
