import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";
import { ESCALATION_STEPS, MODES, REQUEST_STATUSES, URGENCIES } from "../contract/values";

// An operational question looking for expertise. Offers are documents of their own (models/offer.ts);
// the winner is decided by one conditional update on this document (status open|offered → accepted).
// The budget module counts committed hours from status "accepted" + assigneeMemberId + estimatedHours.

const requestSchema = new Schema(
  {
    number: { type: String, required: true, unique: true }, // "NDV-2026-000123"
    title: { type: String, required: true },
    description: { type: String, default: "" },
    expertise: { type: [String], default: [] },
    languages: { type: [String], default: [] },
    urgency: { type: String, enum: URGENCIES, required: true },
    mode: { type: String, enum: MODES, required: true },
    unitId: { type: String, required: true, index: true },
    neededBy: { type: Date },
    estimatedHours: { type: Number, required: true },
    poolId: { type: String },
    status: { type: String, enum: REQUEST_STATUSES, default: "open", index: true },
    requesterId: { type: String, required: true, index: true },
    assigneeMemberId: { type: String, index: true },
    acceptedAt: { type: Date },
    completedAt: { type: Date },
    cancelledAt: { type: Date },
    closedAt: { type: Date }, // completed, cancelled or unfilled: the retention clock starts here
    escalationStep: { type: String, enum: ESCALATION_STEPS }, // the last dispatch step
    dispatchRound: { type: Number, default: 0 }, // guards dispatch: only the holder of the current round may advance
    // Escalation ladder and the urgency's batch/timeout, frozen when dispatch starts (domain/dispatch.ts
    // freezeDispatch): later configuration changes leave this request alone. Missing on older documents.
    dispatchSettings: {
      type: new Schema({ ladder: { type: [String], default: undefined }, batchSize: Number, timeoutMs: Number }, { _id: false }),
      default: undefined,
    },
    warnings: { type: [{ _id: false, kind: String, message: String }], default: [] },
    flags: { type: [String], default: [] }, // e.g. "over-budget-review"
    hours: { type: Number },
    purgedAt: { type: Date },
    refSalt: { type: String, required: true }, // per-request key for pseudonymous candidate refs; never leaves the server
    seedKey: { type: String, sparse: true, unique: true },
  },
  { timestamps: true },
);
requestSchema.index({ status: 1, closedAt: 1 });
requestSchema.index({ requesterId: 1, _id: -1 });
requestSchema.index({ assigneeMemberId: 1, acceptedAt: -1 });

/**
 * Counts writes to requests made by this process, before and after each (see usecases/requests/recent.ts):
 * a copy read while the count stayed the same saw no local write.
 */
export const requestWrites = { count: 0 };
const bump = () => void requestWrites.count++;
const WRITES: mongoose.MongooseQueryMiddleware[] = [
  "updateOne",
  "updateMany",
  "findOneAndUpdate",
  "replaceOne",
  "findOneAndReplace",
  "deleteOne",
  "deleteMany",
  "findOneAndDelete",
];
requestSchema.pre(WRITES, bump);
requestSchema.post(WRITES, bump);
requestSchema.pre("save", bump);
requestSchema.post("save", bump);
requestSchema.pre("bulkWrite", bump);
requestSchema.post("bulkWrite", bump);

export type RequestDoc = HydratedDocument<InferSchemaType<typeof requestSchema>>;
export type RequestRecord = InferSchemaType<typeof requestSchema> & { _id: mongoose.Types.ObjectId };
export const Request = mongoose.model("Request", requestSchema);

// Yearly sequence for human request numbers, one atomic $inc per request.
const counterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, default: 0 } });
export const RequestCounter = mongoose.model("RequestCounter", counterSchema);

export async function nextRequestNumber(now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const c = await RequestCounter.findOneAndUpdate({ _id: `request-${year}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: "after" });
  return `NDV-${year}-${String(c!.seq).padStart(6, "0")}`;
}

// Decisions that must happen once per request (who won, which dispatch round advanced) are claimed by
// inserting a document with a fixed _id: the primary key makes exactly one insert succeed on MongoDB and
// on FerretDB alike (FerretDB's findAndModify reads then writes, so a conditional update alone can let
// two concurrent callers through).
const claimSchema = new Schema({ _id: { type: String, required: true }, requestId: String, kind: String, by: String, at: Date });
export const RequestClaim = mongoose.model("RequestClaim", claimSchema);

/** True for the single caller that claims `key`; `by` lets the same caller retry idempotently. */
export async function claimOnce(key: string, requestId: string, kind: string, by: string, at: Date): Promise<boolean> {
  try {
    await RequestClaim.create({ _id: key, requestId, kind, by, at });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const existing = await RequestClaim.findById(key).lean();
    return existing?.by === by;
  }
}

export const decisionKey = (requestId: string) => `decide:${requestId}`;
