// The member's notification preferences (contract: GET/PUT /notification-preferences/me) and the
// form's draft of them. Pure: the form component only renders and sends.
import { DIGEST_MODES, NOTIFY_CHANNELS, URGENCIES, type DigestMode, type NotifyChannel, type Urgency } from "../../../api/src/contract/values";
import type { NotificationPreferences as Preferences } from "../../../api/src/contract/notifications";
import { parseTime } from "./parse";

export const CHANNELS = NOTIFY_CHANNELS;
export type Channel = NotifyChannel;
export const DIGESTS = DIGEST_MODES;
export type Digest = DigestMode;

/** The contract's shape (the API's domain type; a type import adds nothing to the bundle). */
export type NotificationPreferences = Omit<Preferences, "digest"> & { digest?: Digest };

/** The API's defaults (api/src/domain/notify-rules.ts; a unit test keeps the two equal). */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  channels: { acute: ["push", "email"], today: ["push"], planned: ["email"] },
  quietHours: null,
  acuteAtNight: true,
  language: "nl",
  digest: "immediate",
};

export interface Draft {
  channels: Record<Urgency, Channel[]>;
  quiet: boolean;
  start: string;
  end: string;
  acuteAtNight: boolean;
  language: "nl" | "en";
  email: string;
  digest: Digest;
}

export function toDraft(p: Partial<NotificationPreferences> | undefined): Draft {
  const d = DEFAULT_PREFERENCES;
  const channels = Object.fromEntries(URGENCIES.map((u) => [u, (p?.channels?.[u] ?? d.channels[u]).filter((c) => CHANNELS.includes(c))])) as Record<
    Urgency,
    Channel[]
  >;
  const quiet = p?.quietHours === undefined ? d.quietHours : p.quietHours;
  return {
    channels,
    quiet: quiet !== null,
    start: quiet?.start ?? "22:00",
    end: quiet?.end ?? "07:00",
    acuteAtNight: p?.acuteAtNight ?? d.acuteAtNight,
    language: p?.language === "en" ? "en" : "nl",
    email: p?.email ?? "",
    digest: p?.digest && DIGESTS.includes(p.digest) ? p.digest : "immediate",
  };
}

/** The body to PUT, or the names of the fields that cannot be read (times not as uu:mm). */
export function fromDraft(d: Draft, opts: { withDigest: boolean }): { body: NotificationPreferences } | { invalid: ("start" | "end")[] } {
  const start = parseTime(d.start);
  const end = parseTime(d.end);
  if (d.quiet && (!start || !end)) return { invalid: [...(start ? [] : ["start" as const]), ...(end ? [] : ["end" as const])] };
  const channels = Object.fromEntries(URGENCIES.map((u) => [u, CHANNELS.filter((c) => d.channels[u].includes(c))])) as Record<Urgency, Channel[]>;
  return {
    body: {
      channels,
      quietHours: d.quiet ? { start: start!, end: end! } : null,
      acuteAtNight: d.acuteAtNight,
      language: d.language,
      ...(d.email.trim() ? { email: d.email.trim() } : {}),
      ...(opts.withDigest ? { digest: d.digest } : {}),
    },
  };
}

export function toggle(list: Channel[], c: Channel, on: boolean): Channel[] {
  return on ? (list.includes(c) ? list : [...list, c]) : list.filter((x) => x !== c);
}
