// A user's notification preferences: stored overrides on top of DEFAULT_PREFERENCES, validated strictly.
import { z } from "zod";
import { DIGEST_MODES, NOTIFY_CHANNELS, UI_LANGUAGES } from "../contract/values";
import { DEFAULT_PREFERENCES, HHMM, type Preferences } from "../domain/notify-rules";
import { NotificationPreference } from "../models/notification-preference";

const channelList = z
  .array(z.enum(NOTIFY_CHANNELS))
  .max(NOTIFY_CHANNELS.length)
  .refine((a) => new Set(a).size === a.length, { message: "Each channel once", params: { code: "invalid_value" } });
const hhmm = z.string().regex(HHMM, "Expected HH:MM (24 h)");

export const preferencesInput = z.strictObject({
  channels: z.strictObject({ acute: channelList, today: channelList, planned: channelList }),
  quietHours: z.strictObject({ start: hhmm, end: hhmm }).nullable(),
  acuteAtNight: z.boolean(),
  language: z.enum(UI_LANGUAGES),
  email: z.string().max(254).email().optional(),
  digest: z.enum(DIGEST_MODES).optional(),
});
export type PreferencesInput = z.infer<typeof preferencesInput>;

type Stored = {
  channels?: { acute?: string[] | null; today?: string[] | null; planned?: string[] | null } | null;
  quietHours?: { start?: string | null; end?: string | null } | null;
  acuteAtNight?: boolean | null;
  language?: string | null;
  email?: string | null;
  digest?: string | null;
};

export function mergePreferences(stored: Stored | null | undefined): Preferences {
  const d = DEFAULT_PREFERENCES;
  const ch = stored?.channels;
  const q = stored?.quietHours;
  return {
    channels: {
      acute: (ch?.acute ?? d.channels.acute) as Preferences["channels"]["acute"],
      today: (ch?.today ?? d.channels.today) as Preferences["channels"]["today"],
      planned: (ch?.planned ?? d.channels.planned) as Preferences["channels"]["planned"],
    },
    quietHours: q?.start && q.end ? { start: q.start, end: q.end } : null,
    acuteAtNight: stored?.acuteAtNight ?? d.acuteAtNight,
    language: (stored?.language ?? d.language) as Preferences["language"],
    ...(stored?.email ? { email: stored.email } : {}),
    digest: (stored?.digest ?? d.digest) as Preferences["digest"],
  };
}

export async function preferencesOf(userId: string): Promise<Preferences> {
  return mergePreferences(await NotificationPreference.findOne({ userId }).lean());
}

/** Preferences of many users in one query (fan-out of one dispatch round). */
export async function preferencesOfMany(userIds: string[]): Promise<Map<string, Preferences>> {
  const docs = await NotificationPreference.find({ userId: { $in: userIds } }).lean();
  const byUser = new Map(docs.map((d) => [d.userId, d]));
  return new Map(userIds.map((u) => [u, mergePreferences(byUser.get(u))]));
}

export async function savePreferences(userId: string, input: PreferencesInput): Promise<Preferences> {
  const set = {
    channels: input.channels,
    quietHours: input.quietHours,
    acuteAtNight: input.acuteAtNight,
    language: input.language,
    ...(input.digest ? { digest: input.digest } : {}),
    ...(input.email ? { email: input.email } : {}),
  };
  await NotificationPreference.updateOne({ userId }, { $set: set, ...(input.email ? {} : { $unset: { email: 1 } }) }, { upsert: true });
  return preferencesOf(userId);
}
