// Maintains BudgetTotals. Callers hold the member's lock (mutex.ts memberLock), so the check before a
// change (day limit, budget) and the totals after it are one step.
import { BudgetTotals } from "../../models/budget-totals";
import { budgetReadModel } from "./read-model";

export interface EntryShape {
  memberId: string;
  year: number;
  status: string;
  category: string;
  hours: number;
  requestId?: string | null;
}

const counts = (e: EntryShape) => e.status === "pending" || e.status === "approved";

/** Moves an entry's hours in the totals: `before` out (if any), `after` in (if any). */
export async function moveTotals(before: EntryShape | null, after: EntryShape | null): Promise<void> {
  const incs = new Map<string, Record<string, number>>(); // totals _id → $inc
  const add = (e: EntryShape, sign: number) => {
    if (!counts(e)) return;
    const id = `${e.memberId}:${e.year}`;
    const inc = incs.get(id) ?? incs.set(id, {}).get(id)!;
    const k = `hours.${e.status}:${e.category}`;
    inc[k] = (inc[k] ?? 0) + sign * e.hours;
    // A request id is a field name here: never one that could address another path.
    if (e.requestId && /^[A-Za-z0-9_:-]{1,64}$/.test(e.requestId)) inc[`byRequest.${e.requestId}`] = (inc[`byRequest.${e.requestId}`] ?? 0) + sign * e.hours;
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  // The approval queue (read-model.ts): the entry as it now is, or gone.
  if (after) budgetReadModel.entryChanged(after);
  else if (before) budgetReadModel.entryChanged({ ...before, status: "deleted" });
  for (const [id, inc] of incs) {
    const [memberId, year] = [id.slice(0, id.lastIndexOf(":")), Number(id.slice(id.lastIndexOf(":") + 1))];
    const nonZero = Object.fromEntries(Object.entries(inc).filter(([, v]) => v !== 0));
    if (!Object.keys(nonZero).length) continue;
    await BudgetTotals.updateOne({ _id: id }, { $inc: nonZero, $setOnInsert: { memberId, year } }, { upsert: true });
    budgetReadModel.totalsMoved(memberId, year, nonZero);
  }
}

/** Totals computed from entries (seeding, repair). */
export function totalsFromEntries(
  entries: EntryShape[],
): Map<string, { memberId: string; year: number; hours: Record<string, number>; byRequest: Record<string, number> }> {
  const out = new Map<string, { memberId: string; year: number; hours: Record<string, number>; byRequest: Record<string, number> }>();
  for (const e of entries) {
    if (!counts(e)) continue;
    const id = `${e.memberId}:${e.year}`;
    const t = out.get(id) ?? out.set(id, { memberId: e.memberId, year: e.year, hours: {}, byRequest: {} }).get(id)!;
    const k = `${e.status}:${e.category}`;
    t.hours[k] = (t.hours[k] ?? 0) + e.hours;
    if (e.requestId) t.byRequest[e.requestId] = (t.byRequest[e.requestId] ?? 0) + e.hours;
  }
  return out;
}
