import mongoose, { Schema } from "mongoose";

// Durable timed work (offer timeouts, escalation, purges, alerts). Stored, so a restart loses none.
const jobSchema = new Schema({
  // A keyed job's _id is its key (one per key, found by _id: other lookups scan on the embedded store);
  // other jobs get an ObjectId. Mixed, so neither is cast into the other.
  _id: { type: Schema.Types.Mixed, default: () => new mongoose.Types.ObjectId() },
  type: { type: String, required: true },
  runAt: { type: Date, required: true },
  payload: { type: Schema.Types.Mixed, default: {} },
  status: { type: String, enum: ["pending", "running", "done", "failed", "cancelled"], default: "pending" },
  key: { type: String }, // optional idempotency key, equal to _id (kept for readers of the collection)
  attempts: { type: Number, default: 0 },
  lockedUntil: { type: Date },
  lockedBy: { type: new Schema({ host: String, pid: Number, instance: String }, { _id: false }), default: undefined }, // who holds the lock
  lastError: { type: String },
  createdAt: { type: Date, default: () => new Date() },
  doneAt: { type: Date },
});
jobSchema.index({ status: 1, runAt: 1 });

export const Job = mongoose.model("Job", jobSchema);
