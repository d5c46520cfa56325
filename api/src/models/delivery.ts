import mongoose, { Schema } from "mongoose";
import { DELIVERY_STATUSES, NOTIFY_CHANNELS } from "../contract/values";

// One notification to one member over one channel (one per push subscription), tracked from queued to
// accepted by the mail server / push service, or failed with the reason. Retries update the same document.
const deliverySchema = new Schema(
  {
    channel: { type: String, enum: NOTIFY_CHANNELS, required: true },
    userId: { type: String, required: true },
    memberId: { type: String },
    requestId: { type: String, index: true },
    offerId: { type: String },
    kind: { type: String, required: true }, // "offer:new", later digests
    status: { type: String, enum: DELIVERY_STATUSES, default: "queued" },
    attempts: { type: Number, default: 0 },
    sentAt: { type: Date }, // last attempt
    acceptedAt: { type: Date }, // SMTP accepted / push service 201
    failure: { type: String }, // last failure reason (kept after a later success for the record)
    subscriptionId: { type: String },
    lockedUntil: { type: Date }, // held while one attempt is sending, so two paths never send it twice
    key: { type: String, required: true, unique: true }, // offer + channel + subscription: a re-run fan-out adds no twin
  },
  { timestamps: true },
);
deliverySchema.index({ requestId: 1, createdAt: 1 });

export const Delivery = mongoose.model("Delivery", deliverySchema);
