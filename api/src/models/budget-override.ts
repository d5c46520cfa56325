import mongoose, { Schema } from "mongoose";

// A coordinator's exception for one member and year: extra (or fewer) hours, and permission to
// accept requests over budget (for one request when `requestId` is set).
const budgetOverrideSchema = new Schema(
  {
    memberId: { type: String, required: true },
    year: { type: Number, required: true },
    extraHours: { type: Number, required: true, default: 0 },
    reason: { type: String, required: true },
    requestId: { type: String },
    setBy: { type: String, required: true },
  },
  { timestamps: true },
);
budgetOverrideSchema.index({ year: 1, memberId: 1 });

export const BudgetOverride = mongoose.model("BudgetOverride", budgetOverrideSchema);
