import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";

// A themed group drawn from the network ("Oekraïense vluchtelingen"). Requests may name one; the
// escalation ladder falls back to it. Membership is a set of member ids changed with $addToSet/$pull.
const poolSchema = new Schema(
  {
    name: { type: String, required: true },
    description: { type: String, default: "" },
    expertise: { type: [String], default: [] },
    unitIds: { type: [String], default: [] }, // empty: national
    memberIds: { type: [String], default: [] },
    activeFrom: { type: Date },
    activeUntil: { type: Date },
    createdBy: { type: String },
    seedKey: { type: String, sparse: true, unique: true },
  },
  { timestamps: true },
);

export type PoolDoc = HydratedDocument<InferSchemaType<typeof poolSchema>>;
export const Pool = mongoose.model("Pool", poolSchema);
