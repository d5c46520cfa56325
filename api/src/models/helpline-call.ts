import mongoose, { Schema } from "mongoose";

/**
 * One call to the Roze in Blauw number as the log knows it: the routing decision and, later, its outcome.
 * The caller's number is not stored: the region is all the statistics need.
 */
export interface HelplineCallRecord {
  _id: string; // the telephony platform's callId
  calledAt?: Date;
  decidedAt?: Date;
  callerUnitId?: string; // region of the caller, when known
  regionSource?: "field" | "area-code" | "none";
  action?: "member" | "rsc";
  targetPhone?: string;
  targetUnitId?: string;
  memberId?: string;
  reason?: string;
  warning?: string; // malformed request: what was wrong
  outcome?: "answered" | "missed" | "forwarded";
  outcomeAt?: Date;
  durationSec?: number;
  // A member call the SIP switch forwarded to the RSC: why, where, and the readable summary
  // ("member busy → RSC (amsterdam)").
  forwardReason?: "member-busy" | "member-no-answer" | "member-unreachable";
  forwardedToUnitId?: string;
  outcomeNote?: string;
}

// The call log is stored in pages (MongoDB's bucket pattern): each flush of the in-memory buffer
// (helpline/call-log.ts) appends one page with the writes of up to 500 calls, one JSON line per call
// (helpline/call-store.ts reads them back). The embedded store pays for every stored value and every
// document: a document per call cost it 60–70 µs of CPU, a line in a page 10–14 µs (issue 11).
const helplineCallPageSchema = new Schema(
  {
    _id: { type: String, required: true },
    from: { type: Date, required: true }, // the earliest time any line carries
    to: { type: Date, required: true }, // the latest
    lines: { type: [String], required: true },
  },
  { timestamps: false, versionKey: false },
);
helplineCallPageSchema.index({ to: 1 });

export const HelplineCallPage = mongoose.model("HelplineCallPage", helplineCallPageSchema, "helplinecallpages");
