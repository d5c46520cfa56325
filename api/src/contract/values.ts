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
export const NETWORK_REQUEST_STATUSES = ["pending", "approved", "rejected"] as const;
export const POLICY_STATUSES = ["proposed", "approved", "rejected"] as const;
export const POLICY_KINDS = ["force-wide", "unit-supplement"] as const;
/** The escalation ladder of a request, in order; the last step is terminal (domain/dispatch.ts walks it). */
export const ESCALATION_STEPS = ["local", "national", "pool", "coordinators", "unfilled"] as const;
/** Events pushed to browsers over socket.io (realtime/notifier.ts emits, web/src/realtime listens). */
export const REALTIME_EVENTS = [
  "offer:new",
  "offer:withdrawn",
  "request:updated",
  "budget:alert",
  "helpline:call",
  "helpline:gaps",
  "coordinator:alert",
] as const;

export type Role = (typeof ROLES)[number];
export type Urgency = (typeof URGENCIES)[number];
export type Mode = (typeof MODES)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export type TimeCategory = (typeof TIME_CATEGORIES)[number];
export type TimeEntryStatus = (typeof TIME_ENTRY_STATUSES)[number];
export type ExpertiseDomain = (typeof EXPERTISE_DOMAINS)[number];
export type NetworkRequestStatus = (typeof NETWORK_REQUEST_STATUSES)[number];
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export type PolicyKind = (typeof POLICY_KINDS)[number];
export type EscalationStep = (typeof ESCALATION_STEPS)[number];
export type RealtimeEvent = (typeof REALTIME_EVENTS)[number];

// Named subsets. `satisfies` keeps each one inside its list, so a renamed value fails to compile here.
/** Roles people hold; "telephony" is the platform's API key, never a login. */
export const HUMAN_ROLES = ROLES.filter((r): r is HumanRole => r !== "telephony");
export type HumanRole = Exclude<Role, "telephony">;
/** Requests still looking for someone: offers may go out and be accepted. */
export const OPEN_STATUSES = ["open", "offered"] as const satisfies readonly RequestStatus[];
/** Requests that are over; their details are purged after the retention period. */
export const CLOSED_STATUSES = ["completed", "cancelled", "unfilled"] as const satisfies readonly RequestStatus[];
/** Requests whose demand was not met (yet): open, offered or given up. */
export const UNMET_STATUSES = ["open", "offered", "unfilled"] as const satisfies readonly RequestStatus[];
/** Dispatch steps that send offers to members (the others alert coordinators or end the ladder). */
export const OFFER_STEPS = ["local", "national", "pool"] as const satisfies readonly EscalationStep[];
export type OfferStep = (typeof OFFER_STEPS)[number];

/** A record with one entry per value of a list, built by `f`: for tables derived from another table. */
export function recordOf<K extends string, V>(keys: readonly K[], f: (k: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, V>;
}

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
