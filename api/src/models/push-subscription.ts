import mongoose, { Schema } from "mongoose";

// One browser's Web Push subscription (RFC 8030); removed when the push service answers 404/410.
const pushSubscriptionSchema = new Schema(
  {
    userId: { type: String, required: true, index: true },
    endpoint: { type: String, required: true, unique: true },
    keys: { p256dh: { type: String, required: true }, auth: { type: String, required: true } },
  },
  { timestamps: true },
);

export const PushSubscription = mongoose.model("PushSubscription", pushSubscriptionSchema);
