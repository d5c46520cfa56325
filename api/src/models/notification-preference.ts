import mongoose, { Schema, type InferSchemaType } from "mongoose";
import { DIGEST_MODES, NOTIFY_CHANNELS, UI_LANGUAGES } from "../contract/values";

// A user's notification preferences (one document per user; absent = the defaults in notify/preferences.ts).
const channels = { type: [String], enum: NOTIFY_CHANNELS, default: undefined };
const preferenceSchema = new Schema(
  {
    userId: { type: String, required: true, unique: true },
    channels: { acute: channels, today: channels, planned: channels },
    quietHours: { type: new Schema({ start: String, end: String }, { _id: false }), default: null },
    acuteAtNight: { type: Boolean },
    language: { type: String, enum: UI_LANGUAGES },
    email: { type: String }, // overrides the account's address for notifications
    digest: { type: String, enum: DIGEST_MODES }, // coordinators and planners
  },
  { timestamps: true },
);

export type PreferenceRecord = InferSchemaType<typeof preferenceSchema>;
export const NotificationPreference = mongoose.model("NotificationPreference", preferenceSchema);
