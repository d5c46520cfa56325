// Multi-select approval: one request, each entry still decided by the single-entry use case (scope, not
// one's own entries, still pending, locks, audit), one result per entry so the UI can say what passed.
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { Problem } from "../../http/problem";
import { decideTimeEntry } from "./decide-entry";

export interface BulkResult {
  id: string;
  ok: boolean;
  status?: string;
  error?: ReturnType<Problem["toJSON"]>;
}

export async function approveMany(deps: Deps, actor: Principal, ids: string[]) {
  const results: BulkResult[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      const e = await decideTimeEntry(deps, actor, id, { approve: true });
      results.push({ id, ok: true, status: e.status });
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      results.push({ id, ok: false, error: err.toJSON() });
    }
  }
  const approved = results.filter((r) => r.ok).length;
  return { approved, failed: results.length - approved, results };
}
