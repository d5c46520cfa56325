import mongoose, { Schema } from "mongoose";

// Durable timed work (offer timeouts, escalation, purges, alerts). Stored, so a restart loses none.
const jobSchema = new Schema({
  type: { type: String, required: true },
  runAt: { type: Date, required: true },
  payload: { type: Schema.Types.Mixed, default: {} },
  status: { type: String, enum: ["pending", "running", "done", "failed", "cancelled"], default: "pending" },
  key: { type: String }, // optional idempotency key: one pending job per key
  attempts: { type: Number, default: 0 },
  lockedUntil: { type: Date },
  lockedBy: { type: new Schema({ host: String, pid: Number, instance: String }, { _id: false }), default: undefined }, // who holds the lock
  lastError: { type: String },
  createdAt: { type: Date, default: () => new Date() },
  doneAt: { type: Date },
});
jobSchema.index({ status: 1, runAt: 1 });
jobSchema.index({ key: 1 }, { unique: true, sparse: true });

export const Job = mongoose.model("Job", jobSchema);
