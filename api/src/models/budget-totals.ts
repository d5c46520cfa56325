import mongoose, { Schema } from "mongoose";

// A member's hours in one year, kept up to date with every entry change (under the member's lock).
// Budget reviews read these instead of the entries: FerretDB needs seconds to scan 20,000 entries.
// `_id` is "<memberId>:<year>". `hours` maps "<status>:<category>" to hours; `byRequest` maps a
// request id to the pending + approved hours logged against it (for committed hours).
const budgetTotalsSchema = new Schema(
  {
    _id: { type: String, required: true },
    memberId: { type: String, required: true },
    year: { type: Number, required: true, index: true },
    hours: { type: Schema.Types.Mixed, default: {} },
    byRequest: { type: Schema.Types.Mixed, default: {} },
  },
  { minimize: false },
);

export const BudgetTotals = mongoose.model("BudgetTotals", budgetTotalsSchema);
