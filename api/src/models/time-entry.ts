import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";
import { TIME_CATEGORIES, TIME_ENTRY_STATUSES } from "../contract/values";

// Hours a member spent on NDV work. A document of its own (not an array on the member) so that
// approval is one conditional update on one document. `day` (local YYYY-MM-DD) and `year` are
// denormalised from `date` for the per-day limit and yearly reports.
const timeEntrySchema = new Schema(
  {
    memberId: { type: String, required: true },
    date: { type: Date, required: true },
    day: { type: String, required: true },
    year: { type: Number, required: true },
    hours: { type: Number, required: true },
    category: { type: String, required: true, enum: TIME_CATEGORIES },
    status: { type: String, required: true, enum: TIME_ENTRY_STATUSES, default: "pending" },
    requestId: { type: String },
    note: { type: String },
    decidedBy: { type: String },
    decidedAt: { type: Date },
    reason: { type: String },
    createdBy: { type: String, required: true },
    version: { type: Number, required: true, default: 1 },
    seedKey: { type: String, sparse: true, unique: true },
  },
  { timestamps: true },
);
timeEntrySchema.index({ memberId: 1, year: 1 });
timeEntrySchema.index({ year: 1, status: 1 });
timeEntrySchema.index({ status: 1, date: -1 });
timeEntrySchema.index({ requestId: 1 }, { sparse: true });

export type TimeEntryDoc = HydratedDocument<InferSchemaType<typeof timeEntrySchema>>;
export const TimeEntry = mongoose.model("TimeEntry", timeEntrySchema);
