// Dispatch and escalation of a request, as data plus small pure functions (cf. Grafana OnCall escalation chains).
//
// Rules:
// 1. The policy per urgency (domain/urgency.ts) says how many members get the offer at once (batchSize) and how
//    long the batch waits for an acceptance before the next call (timeoutMs): acute 5 / 10 min, today 3 / 1 h,
//    planned 1 / 24 h.
//    The first suitable acceptance wins; the caller withdraws the other pending offers.
// 2. The ladder is walked in order: local → national → pool → coordinators → unfilled.
//    - local:        ranked candidates of the request's own unit, in rank order (`localCandidateIds`; when the
//                    caller does not split by unit, the whole ranked list counts as local).
//    - national:     the rest of the ranked list, whole country, in rank order.
//    - pool:         members of the pool named on the request, or the best-fitting pool (chosen by the caller);
//                    pool members who are in the ranked list come first in rank order, then the others as given.
//                    The caller passes only pool members who may be asked (active, consented, not absent).
//    - coordinators: alert the coordinators in scope; they get one timeout (the urgency's) to act.
//    - unfilled:     terminal; the request status becomes "unfilled".
// 3. `nextDispatch` is called when a request opens (step undefined) and whenever a batch times out or is
//    declined in full. It stays on the current step while that step still has members who were never offered
//    the request, otherwise it moves down the ladder, skipping steps with nobody left to ask.
// 4. Nobody is offered the same request twice: `alreadyOfferedIds` holds everyone offered so far, on any step.
import { ESCALATION_STEPS, OFFER_STEPS, recordOf, URGENCIES, type EscalationStep, type OfferStep, type Urgency } from "../contract/values";
import { URGENCY_RULES } from "./urgency";

export interface DispatchRule {
  batchSize: number;
  timeoutMs: number;
}

export type DispatchSettings = Record<Urgency, DispatchRule>;

export const DEFAULT_DISPATCH_SETTINGS: Readonly<DispatchSettings> = Object.freeze(recordOf(URGENCIES, (u) => Object.freeze({ ...URGENCY_RULES[u].dispatch })));

export type DispatchSettingsOverride = Partial<Record<Urgency, Partial<DispatchRule>>>;

/** The default policy with overrides from configuration; invalid values (non-positive, non-integer batch) are ignored. */
export function resolveDispatchSettings(
  override: DispatchSettingsOverride = {},
  base: Readonly<DispatchSettings> = DEFAULT_DISPATCH_SETTINGS,
): DispatchSettings {
  return recordOf(URGENCIES, (u): DispatchRule => {
    const o = override[u] ?? {};
    const batchSize = Number.isInteger(o.batchSize) && (o.batchSize as number) > 0 ? (o.batchSize as number) : base[u].batchSize;
    const timeoutMs = Number.isFinite(o.timeoutMs) && (o.timeoutMs as number) > 0 ? (o.timeoutMs as number) : base[u].timeoutMs;
    return { batchSize, timeoutMs };
  });
}

export type { OfferStep };
export type DispatchStep = EscalationStep;

/** The escalation ladder, in order. The last entry is terminal. */
export const ESCALATION_LADDER: readonly DispatchStep[] = Object.freeze([...ESCALATION_STEPS]);

export function isOfferStep(step: DispatchStep): step is OfferStep {
  return (OFFER_STEPS as readonly DispatchStep[]).includes(step);
}

/**
 * The dispatch settings a request keeps for its whole life (cf. Grafana OnCall, which snapshots an alert
 * group's escalation chain): frozen when its dispatch starts, so a configuration change does not alter a
 * request already in flight.
 */
export interface FrozenDispatch {
  ladder: DispatchStep[];
  batchSize: number;
  timeoutMs: number;
}

export function freezeDispatch(urgency: Urgency, policy: Readonly<DispatchSettings>, ladder: readonly DispatchStep[] = ESCALATION_LADDER): FrozenDispatch {
  return { ladder: [...ladder], batchSize: policy[urgency].batchSize, timeoutMs: policy[urgency].timeoutMs };
}

/** The settings a dispatch step uses: the request's frozen ones, or (documents from before freezing) the current ones. */
export function settingsFor(urgency: Urgency, frozen: Partial<FrozenDispatch> | null | undefined, current: Readonly<DispatchSettings>): FrozenDispatch {
  const valid = frozen && frozen.ladder?.length && frozen.batchSize && frozen.timeoutMs && frozen.ladder.every((s) => ESCALATION_LADDER.includes(s));
  return valid ? { ladder: [...frozen.ladder!], batchSize: frozen.batchSize!, timeoutMs: frozen.timeoutMs! } : freezeDispatch(urgency, current);
}

export interface DispatchInput {
  urgency: Urgency;
  /** The step of the last dispatch; undefined/null when the request has just opened. */
  step?: DispatchStep | null;
  rankedCandidateIds: readonly string[];
  /** Ranked candidates in the request's own unit; defaults to the whole ranked list. */
  localCandidateIds?: readonly string[];
  alreadyOfferedIds: readonly string[];
  poolMemberIds?: readonly string[];
  policy?: Readonly<DispatchSettings>;
  ladder?: readonly DispatchStep[];
}

export type DispatchDecision = { step: OfferStep; offerTo: string[]; timeoutMs: number } | { step: "coordinators"; timeoutMs: number } | { step: "unfilled" };

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** Everyone a step could still ask, in order, excluding those already offered. */
export function stepCandidates(step: OfferStep, input: DispatchInput): string[] {
  const offered = new Set(input.alreadyOfferedIds);
  const ranked = unique(input.rankedCandidateIds);
  let pool: string[];
  switch (step) {
    case "local": {
      const local = new Set(input.localCandidateIds ?? ranked);
      pool = ranked.filter((id) => local.has(id));
      break;
    }
    case "national":
      pool = ranked;
      break;
    case "pool": {
      const members = unique(input.poolMemberIds ?? []);
      const inPool = new Set(members);
      const rankedInPool = ranked.filter((id) => inPool.has(id));
      const seen = new Set(rankedInPool);
      pool = [...rankedInPool, ...members.filter((id) => !seen.has(id))];
      break;
    }
  }
  return pool.filter((id) => !offered.has(id));
}

/** What to do next for a request: offer a batch on a step, alert coordinators, or give up. */
export function nextDispatch(input: DispatchInput): DispatchDecision {
  const ladder = input.ladder ?? ESCALATION_LADDER;
  const rule = (input.policy ?? DEFAULT_DISPATCH_SETTINGS)[input.urgency];
  const startAt = input.step ? ladder.indexOf(input.step) : 0;
  if (startAt < 0) return { step: "unfilled" };
  for (let i = startAt; i < ladder.length; i++) {
    const step = ladder[i]!;
    if (isOfferStep(step)) {
      const offerTo = stepCandidates(step, input).slice(0, rule.batchSize);
      if (offerTo.length > 0) return { step, offerTo, timeoutMs: rule.timeoutMs };
      continue;
    }
    // Coordinators are alerted once: coming from the coordinators step itself means that alert already went out.
    if (step === "coordinators" && input.step !== "coordinators") return { step, timeoutMs: rule.timeoutMs };
    if (step === "unfilled") return { step };
  }
  return { step: "unfilled" };
}
