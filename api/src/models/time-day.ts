import mongoose, { Schema } from "mongoose";

// Hours a member has logged (pending or approved) on one local day. `_id` is "<memberId>:<YYYY-MM-DD>".
// Entries reserve hours here with a conditional $inc before they are written, so the 12-hours-a-day
// rule holds under simultaneous entries without transactions.
const timeDaySchema = new Schema({
  _id: { type: String, required: true },
  memberId: { type: String, required: true, index: true },
  day: { type: String, required: true },
  hours: { type: Number, required: true, default: 0 },
});

export const TimeDay = mongoose.model("TimeDay", timeDaySchema);
