import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";
import { POLICY_KINDS, POLICY_STATUSES, TIME_CATEGORIES } from "../contract/values";

// A version of the korpsregeling. Versions are append-only: a change is a new version with a
// later `effectiveFrom`, so past allotments stay explainable.
const policySchema = new Schema(
  {
    name: { type: String },
    effectiveFrom: { type: Date, required: true, index: true },
    baseHoursPerYear: { type: Number, required: true },
    // Plain object (unit id → hours); unit ids never contain "." or "$".
    unitSupplements: { type: Schema.Types.Mixed, default: {} },
    categories: { type: [String], default: () => [...TIME_CATEGORIES] },
    categoryCaps: { type: Schema.Types.Mixed },
    approvalThresholdHours: { type: Number, required: true },
    createdBy: { type: String, required: true },
    // Issue 9, finding 2. "force-wide": a whole version, proposed by one policy-admin and approved by
    // another (four eyes); "unit-supplement": one unit's supplement from `effectiveFrom`, set by a
    // coordinator of that unit. Only approved records take effect; records without a status predate
    // this and count as approved.
    kind: { type: String, enum: POLICY_KINDS, default: "force-wide" },
    status: { type: String, enum: POLICY_STATUSES },
    reason: { type: String },
    unitId: { type: String },
    hours: { type: Number },
    carrySupplements: { type: Boolean },
    decidedBy: { type: String },
    decidedAt: { type: Date },
    decisionReason: { type: String },
    seedKey: { type: String, sparse: true, unique: true },
  },
  { timestamps: true, minimize: false },
);

export type PolicyDoc = HydratedDocument<InferSchemaType<typeof policySchema>>;
export const PolicyVersion = mongoose.model("Policy", policySchema);
