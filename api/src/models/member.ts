import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";

// A member's profile. Expertise often reveals special-category data (GDPR art. 9):
// visibility is per item and consent is stamped by the server.
const memberSchema = new Schema(
  {
    userId: { type: String, required: true, unique: true },
    // name, email, phone: a copy of the User's (the source), written only by usecases/users/person.ts.
    name: { type: String, required: true },
    email: { type: String },
    phone: { type: String },
    unitId: { type: String, required: true, index: true },
    networks: { type: [String], default: [], index: true },
    expertise: {
      type: [
        {
          _id: false,
          id: { type: String, required: true },
          level: { type: Number, min: 1, max: 3, required: true },
          visible: { type: Boolean, default: true },
        },
      ],
      default: [],
    },
    languages: { type: [String], default: [] },
    availability: {
      weekly: { type: [{ _id: false, day: Number, from: String, to: String }], default: undefined },
      absences: { type: [{ _id: false, from: Date, to: Date, reason: String }], default: [] },
    },
    consent: { shareExpertise: { type: Boolean, default: false }, at: { type: Date } },
    active: { type: Boolean, default: true },
    joinedAt: { type: Date, default: () => new Date() },
    leftAt: { type: Date },
    seedKey: { type: String, sparse: true, unique: true },
  },
  { timestamps: true },
);

export type MemberDoc = HydratedDocument<InferSchemaType<typeof memberSchema>>;
export const Member = mongoose.model("Member", memberSchema);
