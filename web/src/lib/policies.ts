// Korpsregeling helpers shared by the coordinator's supplement page and the policy-admin page.
import type { PolicyVersion } from "../api/types";

/** The version in force now: the last one (the server lists them oldest first) that has started. */
export function inForce(versions: PolicyVersion[], now = new Date()): PolicyVersion | undefined {
  return versions.filter((v) => new Date(v.effectiveFrom) <= now).at(-1);
}

/** Today as YYYY-MM-DD in the browser's zone (the earliest date a regulation change may take effect). */
export function todayIso(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
