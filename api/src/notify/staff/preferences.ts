// A coordinator's or planner's say over staff alerts: digest (at once, daily, off), language and
// address, from their notification preferences (notify/preferences.ts); the account's e-mail
// unless they gave another.
import { User } from "../../models/user";
import type { StaffLang } from "../../domain/staff-alerts";
import type { DigestMode } from "../../contract/values";
import { preferencesOfMany } from "../preferences";

export interface StaffPreference {
  digest: DigestMode;
  language: StaffLang;
  email?: string;
}

export async function staffPreferences(userIds: string[]): Promise<Map<string, StaffPreference>> {
  const [users, prefs] = await Promise.all([User.find({ _id: { $in: userIds } }, { email: 1 }).lean(), preferencesOfMany(userIds)]);
  const out = new Map<string, StaffPreference>();
  for (const u of users) {
    const p = prefs.get(String(u._id));
    const email = p?.email || u.email || undefined;
    out.set(String(u._id), { digest: p?.digest ?? "immediate", language: p?.language === "en" ? "en" : "nl", ...(email ? { email } : {}) });
  }
  return out;
}
