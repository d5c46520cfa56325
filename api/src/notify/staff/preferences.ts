// A coordinator's or planner's say over staff alerts: digest (at once, daily, off), language and
// address. Read from the notification preferences (GET/PUT /notification-preferences/me) when that
// model is loaded; otherwise the defaults: at once, Dutch, the account's e-mail.
import mongoose from "mongoose";
import { User } from "../../models/user";
import type { StaffLang } from "../../domain/staff-alerts";

export type Digest = "immediate" | "daily" | "off";

export interface StaffPreference {
  digest: Digest;
  language: StaffLang;
  email?: string;
}

interface StoredPreference {
  userId?: string;
  digest?: string;
  language?: string;
  email?: string;
}

export async function staffPreferences(userIds: string[]): Promise<Map<string, StaffPreference>> {
  const users = await User.find({ _id: { $in: userIds } }, { email: 1 }).lean();
  const model = mongoose.models.NotificationPreference;
  const stored: StoredPreference[] = model ? ((await model.find({ userId: { $in: userIds } }).lean()) as StoredPreference[]) : [];
  const byUser = new Map(stored.map((p) => [String(p.userId), p]));
  const out = new Map<string, StaffPreference>();
  for (const u of users) {
    const p = byUser.get(String(u._id));
    const digest: Digest = p?.digest === "daily" || p?.digest === "off" ? p.digest : "immediate";
    const email = p?.email || u.email || undefined;
    out.set(String(u._id), { digest, language: p?.language === "en" ? "en" : "nl", ...(email ? { email } : {}) });
  }
  return out;
}
