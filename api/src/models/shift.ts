import mongoose, { Schema, type InferSchemaType } from "mongoose";

// A helpline shift of one Roze in Blauw member. A document of its own (not an array in the member)
// so edits are single-document updates and the roster is one bounded range query.
const shiftSchema = new Schema(
  {
    memberId: { type: String, required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    createdBy: { type: String, required: true },
    seedKey: { type: String, sparse: true, unique: true },
  },
  { timestamps: true },
);
shiftSchema.index({ memberId: 1, start: 1 });
shiftSchema.index({ start: 1, end: 1 });

export type ShiftRecord = InferSchemaType<typeof shiftSchema> & { _id: mongoose.Types.ObjectId };
export const Shift = mongoose.model("Shift", shiftSchema);
