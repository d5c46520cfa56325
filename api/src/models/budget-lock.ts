import mongoose, { Schema } from "mongoose";

// Short-lived mutexes for service-time writes. Acquired by inserting `_id`: a unique-key insert is
// atomic on MongoDB and on FerretDB alike, whereas FerretDB 1.24 (SQLite) does not make a
// conditional update atomic (20 parallel "pending → approved" updates all matched in our tests).
const budgetLockSchema = new Schema({
  _id: { type: String, required: true },
  owner: { type: String, required: true },
  expiresAt: { type: Date, required: true },
});

export const BudgetLock = mongoose.model("BudgetLock", budgetLockSchema);
