// Pseudonymous candidate cards: expertise, unit, availability and why matched; never who.
// Cards must not be linkable across requests (issue 9, finding 4): the reasons are coarse and
// request-relative (see domain/matching.ts) and the score is shown in steps of 0.05.
import { createHmac } from "node:crypto";
import type { RankedCandidate } from "../domain/matching";

/** Stable per request, useless across requests, and not reversible without the server-held salt. */
export function candidateRef(refSalt: string, memberId: string): string {
  return "c_" + createHmac("sha256", refSalt).update(memberId).digest("base64url").slice(0, 16);
}

export const SCORE_STEP = 0.05;
const coarse = (score: number) => Math.round(Math.round(score / SCORE_STEP) * SCORE_STEP * 100) / 100;

export function presentCandidate(refSalt: string, c: RankedCandidate) {
  return {
    candidateRef: candidateRef(refSalt, c.memberId),
    score: coarse(c.score),
    reasons: c.reasons,
    // The same reasons as codes with parameters, for clients that render them in the user's language.
    reasonCodes: c.reasonCodes,
    unitId: c.unitId,
    available: c.available,
  };
}

/** Cards in the server's ranking (best match first). */
export function presentCandidates(refSalt: string, ranked: readonly RankedCandidate[]) {
  return ranked.map((c) => presentCandidate(refSalt, c));
}
