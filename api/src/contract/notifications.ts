// Notification preferences, Web Push subscriptions and delivery tracking (issue 13). The routes validate
// with the stricter schemas of api/src/notify (production-dependent endpoint rule, key lengths); these
// document the same shapes.
import { z } from "zod";
import { DELIVERY_STATUSES, DIGEST_MODES, NOTIFY_CHANNELS, UI_LANGUAGES } from "./values";
import { Id, IsoDateTime } from "./common";

const Channels = z.array(z.enum(NOTIFY_CHANNELS));
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const PreferencesIn = z.strictObject({
  channels: z.strictObject({ acute: Channels, today: Channels, planned: Channels }),
  quietHours: z.strictObject({ start: HhMm, end: HhMm }).nullable(),
  acuteAtNight: z.boolean(),
  language: z.enum(UI_LANGUAGES),
  email: z.string().optional(),
  digest: z.enum(DIGEST_MODES).optional(),
});
export const Preferences = z.object({
  channels: z.object({ acute: Channels, today: Channels, planned: Channels }),
  quietHours: z.object({ start: HhMm, end: HhMm }).nullable(),
  acuteAtNight: z.boolean(),
  language: z.enum(UI_LANGUAGES),
  email: z.string().optional(),
  digest: z.enum(DIGEST_MODES).optional(),
});
export const VapidKey = z.object({ publicKey: z.string() });
export const SubscriptionIn = z.strictObject({
  endpoint: z.string().max(2048),
  keys: z.strictObject({ p256dh: z.string(), auth: z.string() }),
  expirationTime: z.number().nullable().optional(),
});
export const SubscriptionCreated = z.object({ endpoint: z.string() });
export const SubscriptionDelete = z.strictObject({ endpoint: z.string().min(1).max(2048) });
export const Delivery = z.object({
  candidateRef: z.string(),
  offerId: Id.nullable().optional(),
  offerStatus: z.string().nullable(),
  channel: z.enum(NOTIFY_CHANNELS),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  queuedAt: IsoDateTime.nullable(),
  sentAt: IsoDateTime.nullable(),
  acceptedAt: IsoDateTime.nullable(),
  failure: z.string().nullable(),
});
export type NotificationPreferences = z.infer<typeof Preferences>;
