import mongoose, { Schema } from "mongoose";

// An alert for one coordinator or planner (issue 13 item 6), waiting to be mailed at once or in the
// daily digest. `item` holds only what domain/staff-alerts.ts allows (no names, no case text).
// Unique per person and key, so an event seen twice (retries, two instances) is mailed once.
const staffAlertSchema = new Schema({
  userId: { type: String, required: true },
  key: { type: String, required: true },
  mode: { type: String, enum: ["immediate", "daily"], required: true },
  item: { type: Schema.Types.Mixed, required: true },
  createdAt: { type: Date, required: true },
  sentAt: { type: Date },
});
staffAlertSchema.index({ userId: 1, key: 1 }, { unique: true });
staffAlertSchema.index({ sentAt: 1, mode: 1, userId: 1 });

export const StaffAlert = mongoose.model("StaffAlert", staffAlertSchema);
