import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";

// A version of the korpsregeling. Versions are append-only: a change is a new version with a
// later `effectiveFrom`, so past allotments stay explainable.
const policySchema = new Schema(
  {
    name: { type: String },
    effectiveFrom: { type: Date, required: true, index: true },
    baseHoursPerYear: { type: Number, required: true },
    // Plain object (unit id → hours); unit ids never contain "." or "$".
    unitSupplements: { type: Schema.Types.Mixed, default: {} },
    categories: { type: [String], default: ["operational", "professionalisation", "network"] },
    categoryCaps: { type: Schema.Types.Mixed },
    approvalThresholdHours: { type: Number, required: true },
    createdBy: { type: String, required: true },
    seedKey: { type: String, sparse: true, unique: true },
  },
  { timestamps: true, minimize: false },
);

export type PolicyDoc = HydratedDocument<InferSchemaType<typeof policySchema>>;
export const PolicyVersion = mongoose.model("Policy", policySchema);
