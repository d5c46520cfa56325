import mongoose, { Schema, type InferSchemaType } from "mongoose";

// One call to the Roze in Blauw number: the routing decision and, later, its outcome. Written only
// from the in-memory call log buffer (helpline/call-log.ts), so the webhook never waits for it.
// The caller's number is not stored: the region is all the statistics need.
const helplineCallSchema = new Schema(
  {
    // _id is the telephony platform's callId: upserts by _id are fast on every backend (FerretDB
    // pushes only _id filters down to its storage), and it makes the log idempotent per call.
    // Nothing else repeats it, and there are no createdAt/updatedAt next to decidedAt and outcomeAt:
    // the embedded store pays for every stored value (issue 11).
    _id: { type: String, required: true },
    calledAt: { type: Date },
    decidedAt: { type: Date },
    callerUnitId: { type: String }, // region of the caller, when known
    regionSource: { type: String, enum: ["field", "area-code", "none"] },
    action: { type: String, enum: ["member", "rsc"] },
    targetPhone: { type: String },
    targetUnitId: { type: String },
    memberId: { type: String },
    reason: { type: String },
    warning: { type: String }, // malformed request: what was wrong
    outcome: { type: String, enum: ["answered", "missed", "forwarded"] },
    outcomeAt: { type: Date },
    durationSec: { type: Number },
    // A member call the SIP switch forwarded to the RSC: why, where, and the readable summary
    // ("member busy → RSC (amsterdam)").
    forwardReason: { type: String, enum: ["member-busy", "member-no-answer", "member-unreachable"] },
    forwardedToUnitId: { type: String },
    outcomeNote: { type: String },
  },
  { timestamps: false },
);
helplineCallSchema.index({ calledAt: 1 });
helplineCallSchema.index({ decidedAt: -1 }); // the recent calls each instance re-reads (helpline/runtime.ts)
helplineCallSchema.index({ memberId: 1, calledAt: -1 });

export type HelplineCallRecord = InferSchemaType<typeof helplineCallSchema> & { _id: string };
export const HelplineCall = mongoose.model("HelplineCall", helplineCallSchema);
