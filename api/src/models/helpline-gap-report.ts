import mongoose, { Schema } from "mongoose";

// The latest finding of the daily coverage check (one document, _id "latest"), for GET /helpline/gaps.
const gapReportSchema = new Schema({
  _id: { type: String, required: true },
  computedAt: { type: Date, required: true },
  from: { type: Date, required: true },
  to: { type: Date, required: true },
  gaps: { type: [{ _id: false, start: Date, end: Date }], default: [] },
});

export const HelplineGapReport = mongoose.model("HelplineGapReport", gapReportSchema);
