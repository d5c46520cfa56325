// Outcome of a routed call, reported by the telephony platform. Buffered like the decision, so it
// too works while the database is away; it frees the member for the next call at once.
import type { Deps } from "../../deps";
import { helplineFor } from "../../helpline/runtime";

export type Outcome = "answered" | "missed" | "forwarded";
/** Why a member call went on to the RSC (reported by the SIP switch's failure route). */
import { FORWARD_REASONS } from "../../contract/helpline";
export { FORWARD_REASONS };
export type ForwardReason = (typeof FORWARD_REASONS)[number];
const FORWARD_TEXT: Record<ForwardReason, string> = {
  "member-busy": "member busy",
  "member-no-answer": "member did not answer",
  "member-unreachable": "member unreachable",
};

export function recordOutcome(deps: Deps, callId: string, input: { outcome: Outcome; durationSec?: number; reason?: ForwardReason; forwardedTo?: string }) {
  const rt = helplineFor(deps);
  const now = deps.now();
  const known = rt.recall(callId, now);
  if (known) {
    known.outcome = input.outcome;
    if (known.memberId && rt.busy.get(known.memberId)?.callId === callId) rt.busy.delete(known.memberId);
  }
  rt.callLog.write(callId, {
    outcome: input.outcome,
    outcomeAt: now,
    ...(input.durationSec !== undefined ? { durationSec: input.durationSec } : {}),
    ...(input.reason
      ? { forwardReason: input.reason, outcomeNote: `${FORWARD_TEXT[input.reason]} → RSC${input.forwardedTo ? ` (${input.forwardedTo})` : ""}` }
      : {}),
    ...(input.forwardedTo ? { forwardedToUnitId: input.forwardedTo } : {}),
  });
  deps.notifier.emit({ roles: ["helpline-planner"] }, "helpline:call", {
    phase: "outcome",
    callId,
    at: now.toISOString(),
    outcome: input.outcome,
    action: known?.action,
  });
  return {
    callId,
    outcome: input.outcome,
    ...(input.durationSec !== undefined ? { durationSec: input.durationSec } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    known: !!known,
  };
}
