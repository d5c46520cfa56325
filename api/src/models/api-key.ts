import mongoose, { Schema } from "mongoose";

const apiKeySchema = new Schema({
  keyHash: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  role: { type: String, enum: ["telephony"], required: true },
  createdBy: { type: String },
  createdAt: { type: Date, default: () => new Date() },
  revokedAt: { type: Date },
  lastUsedAt: { type: Date }, // updated at most once a minute per key (the verification cache)
});

export const ApiKey = mongoose.model("ApiKey", apiKeySchema);
