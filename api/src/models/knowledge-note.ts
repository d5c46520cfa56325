import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";

// A reusable, anonymised lesson from an engagement. Readable by every employee, so it never holds
// citizens' data (checked on write) and does not name its author to readers.
const noteSchema = new Schema(
  {
    title: { type: String, required: true },
    body: { type: String, required: true },
    expertise: { type: [String], default: [] },
    authorUserId: { type: String, required: true },
    authorMemberId: { type: String },
    requestId: { type: String, index: true },
    unitId: { type: String },
  },
  { timestamps: true },
);

export type KnowledgeNoteDoc = HydratedDocument<InferSchemaType<typeof noteSchema>>;
export const KnowledgeNote = mongoose.model("KnowledgeNote", noteSchema);
