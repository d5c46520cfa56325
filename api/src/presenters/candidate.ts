// Pseudonymous candidate cards: expertise, unit, availability and why matched; never who.
import { createHmac } from "node:crypto";
import type { RankedCandidate } from "../domain/matching";

/** Stable per request, useless across requests, and not reversible without the server-held salt. */
export function candidateRef(refSalt: string, memberId: string): string {
  return "c_" + createHmac("sha256", refSalt).update(memberId).digest("base64url").slice(0, 16);
}

export function presentCandidate(refSalt: string, c: RankedCandidate) {
  return {
    candidateRef: candidateRef(refSalt, c.memberId),
    score: c.score,
    reasons: c.reasons,
    // The same reasons as codes with parameters, for clients that render them in the user's language.
    reasonCodes: c.reasonCodes,
    unitId: c.unitId,
    available: c.available,
  };
}
