import mongoose, { Schema } from "mongoose";

// An item in the coordinators' queue: a member reached 80 % or 100 % of their yearly budget.
// Unique per member, year and level, so concurrent writers raise an alert once.
const budgetAlertSchema = new Schema(
  {
    memberId: { type: String, required: true },
    year: { type: Number, required: true },
    level: { type: Number, required: true, enum: [80, 100] },
    unitId: { type: String, required: true, index: true },
    networks: { type: [String], default: [] },
    allotted: { type: Number },
    used: { type: Number },
    acknowledgedBy: { type: String },
    acknowledgedAt: { type: Date },
  },
  { timestamps: true },
);
budgetAlertSchema.index({ memberId: 1, year: 1, level: 1 }, { unique: true });

export const BudgetAlert = mongoose.model("BudgetAlert", budgetAlertSchema);
