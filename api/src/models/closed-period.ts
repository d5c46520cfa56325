import mongoose, { Schema } from "mongoose";

// A closed month ("YYYY-MM"): no time can be logged or edited in it any more.
const closedPeriodSchema = new Schema(
  {
    month: { type: String, required: true, unique: true },
    closedBy: { type: String, required: true },
  },
  { timestamps: true },
);

export const ClosedPeriod = mongoose.model("ClosedPeriod", closedPeriodSchema);
