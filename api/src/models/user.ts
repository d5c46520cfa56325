import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from "mongoose";

const userSchema = new Schema(
  {
    username: { type: String, required: true, unique: true, lowercase: true, trim: true },
    passwordHash: { type: String },
    name: { type: String, required: true },
    email: { type: String },
    phone: { type: String },
    roles: { type: [String], default: [] },
    unitId: { type: String, required: true },
    networks: { type: [String], default: [] },
    scope: {
      units: { type: [String], default: [] },
      networks: { type: [String], default: [] },
    },
    active: { type: Boolean, default: true },
    memberId: { type: String },
    oidcSubject: { type: String, sparse: true, unique: true },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: { type: Date },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export type UserDoc = HydratedDocument<InferSchemaType<typeof userSchema>>;
export const User = mongoose.model("User", userSchema);
