// What each urgency level decides, in one table. A new level in contract/values.ts (URGENCIES) fails to
// compile until its row here is filled in: no `if (urgency === "acute")` elsewhere in the server.
import type { Urgency } from "../contract/values";

export interface UrgencyRule {
  /** Dispatch: how many members get the offer at once, and how long a batch waits for an acceptance. */
  dispatch: { batchSize: number; timeoutMs: number };
  /** May a member accept beyond their remaining service-time budget (flagged for review) rather than be filtered out? */
  mayExceedBudget: boolean;
  /** Does proximity weigh more in matching (somebody may have to be there soon)? */
  proximityBoost: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const URGENCY_RULES: Readonly<Record<Urgency, Readonly<UrgencyRule>>> = Object.freeze({
  acute: { dispatch: { batchSize: 5, timeoutMs: 10 * MINUTE }, mayExceedBudget: true, proximityBoost: true },
  today: { dispatch: { batchSize: 3, timeoutMs: 1 * HOUR }, mayExceedBudget: false, proximityBoost: false },
  planned: { dispatch: { batchSize: 1, timeoutMs: 24 * HOUR }, mayExceedBudget: false, proximityBoost: false },
});
