import mongoose, { Schema } from "mongoose";

// One calendar feed token per user, stored as a SHA-256 hash. Rotating replaces the hash, so the
// old feed URL stops working at once.
const calendarTokenSchema = new Schema(
  {
    userId: { type: String, required: true, unique: true },
    tokenHash: { type: String, required: true, unique: true },
    rotatedAt: { type: Date, required: true },
  },
  { timestamps: true },
);

export const CalendarToken = mongoose.model("CalendarToken", calendarTokenSchema);
