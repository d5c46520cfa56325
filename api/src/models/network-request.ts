import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";
import { NETWORK_REQUEST_STATUSES } from "../contract/values";

// A member's request to join a network (e.g. Roze in Blauw). Network membership is granted by a
// coordinator of that network or an admin, never self-declared. While a request is pending it holds
// `pendingKey` (member:network), so a member has at most one open request per network.
const networkRequestSchema = new Schema(
  {
    memberId: { type: String, required: true, index: true },
    userId: { type: String, required: true },
    networkId: { type: String, required: true, index: true },
    motivation: { type: String },
    status: { type: String, enum: NETWORK_REQUEST_STATUSES, default: "pending", index: true },
    pendingKey: { type: String, sparse: true, unique: true },
    decidedBy: { type: String },
    decidedAt: { type: Date },
    decisionReason: { type: String },
  },
  { timestamps: true },
);

export type NetworkRequestDoc = HydratedDocument<InferSchemaType<typeof networkRequestSchema>>;
export const NetworkRequest = mongoose.model("NetworkRequest", networkRequestSchema);
