// The value lists of the contract, written once. Domain types, mongoose enums, zod validation,
// the OpenAPI document and the web app all derive from these arrays.

export const ROLES = ["requester", "member", "coordinator", "helpline-planner", "policy-admin", "admin", "auditor", "telephony"] as const;
export const URGENCIES = ["acute", "today", "planned"] as const;
export const MODES = ["phone", "video", "onsite"] as const;
export const REQUEST_STATUSES = ["open", "offered", "accepted", "completed", "cancelled", "unfilled"] as const;
export const OFFER_STATUSES = ["pending", "accepted", "declined", "withdrawn", "expired"] as const;
export const TIME_CATEGORIES = ["operational", "professionalisation", "network"] as const;
export const TIME_ENTRY_STATUSES = ["pending", "approved", "rejected"] as const;
export const EXPERTISE_DOMAINS = ["culture", "religion", "language", "lgbtiq", "gender", "subculture", "topic"] as const;

export type Role = (typeof ROLES)[number];
export type Urgency = (typeof URGENCIES)[number];
export type Mode = (typeof MODES)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export type TimeCategory = (typeof TIME_CATEGORIES)[number];
export type TimeEntryStatus = (typeof TIME_ENTRY_STATUSES)[number];
export type ExpertiseDomain = (typeof EXPERTISE_DOMAINS)[number];

// Notifications (issue 13): outside channels next to the in-app events, the UI languages, digest cadence.
export const NOTIFY_CHANNELS = ["push", "email"] as const;
export const UI_LANGUAGES = ["nl", "en"] as const;
export const DIGEST_MODES = ["immediate", "daily", "off"] as const;
// queued: waiting or being retried (failure says why); cancelled: the offer was answered or withdrawn first.
export const DELIVERY_STATUSES = ["queued", "sent", "failed", "cancelled"] as const;

export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type DigestMode = (typeof DIGEST_MODES)[number];
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
