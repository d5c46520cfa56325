import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";
import { OFFER_STATUSES, OFFER_STEPS } from "../contract/values";

// One offer of one request to one member. Its own document so that members answer independently;
// (requestId, memberId) is unique: nobody is asked the same request twice.
const offerSchema = new Schema(
  {
    requestId: { type: String, required: true },
    memberId: { type: String, required: true, index: true },
    status: { type: String, enum: OFFER_STATUSES, default: "pending" },
    step: { type: String, enum: OFFER_STEPS, required: true },
    round: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
    respondedAt: { type: Date },
    reason: { type: String },
  },
  { timestamps: true },
);
offerSchema.index({ requestId: 1, memberId: 1 }, { unique: true });
offerSchema.index({ memberId: 1, status: 1, _id: -1 });
offerSchema.index({ requestId: 1, status: 1 });

export type OfferDoc = HydratedDocument<InferSchemaType<typeof offerSchema>>;
export const Offer = mongoose.model("Offer", offerSchema);
