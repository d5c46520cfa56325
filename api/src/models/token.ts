import mongoose, { Schema } from "mongoose";

// Bearer tokens and session cookies, stored only as SHA-256 hashes so a database leak reveals no credential.
const tokenSchema = new Schema({
  tokenHash: { type: String, required: true, unique: true },
  userId: { type: String, required: true, index: true },
  kind: { type: String, enum: ["session", "calendar"], default: "session" },
  createdAt: { type: Date, default: () => new Date() },
  expiresAt: { type: Date },
  revokedAt: { type: Date },
});

export const Token = mongoose.model("Token", tokenSchema);
