// How the UI shows each value of the contract's value lists (api/src/contract/values.ts): its Dutch and
// English label and, for badges, its tone. One Record per list, so a new value fails to compile until it
// has its labels here; nl.ts and en.ts spread the generated "<prefix>.<value>" keys.
import type { ExpertiseDomain, Mode, OfferStatus, RequestStatus, Role, TimeCategory, TimeEntryStatus, Urgency } from "../../../api/src/contract/values";

/** Badge colours (styles.css .badge-<tone>): alert red, warn amber, info navy, ok green, muted grey. */
export type Tone = "alert" | "warn" | "info" | "ok" | "muted";

interface Label {
  nl: string;
  en: string;
}
type Shown = Label & { tone: Tone };

export const URGENCY_LABELS: Record<Urgency, Shown> = {
  acute: { nl: "Acuut", en: "Acute", tone: "alert" },
  today: { nl: "Vandaag", en: "Today", tone: "warn" },
  planned: { nl: "Gepland", en: "Planned", tone: "muted" },
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, Shown> = {
  open: { nl: "Open", en: "Open", tone: "warn" },
  offered: { nl: "Aangeboden", en: "Offered", tone: "warn" },
  accepted: { nl: "Geaccepteerd", en: "Accepted", tone: "info" },
  completed: { nl: "Afgerond", en: "Completed", tone: "ok" },
  cancelled: { nl: "Geannuleerd", en: "Cancelled", tone: "muted" },
  unfilled: { nl: "Niet ingevuld", en: "Unfilled", tone: "alert" },
};

export const OFFER_STATUS_LABELS: Record<OfferStatus, Shown> = {
  pending: { nl: "openstaand", en: "pending", tone: "warn" },
  accepted: { nl: "geaccepteerd", en: "accepted", tone: "info" },
  declined: { nl: "afgewezen", en: "declined", tone: "muted" },
  withdrawn: { nl: "ingetrokken", en: "withdrawn", tone: "muted" },
  expired: { nl: "verlopen", en: "expired", tone: "muted" },
};

export const TIME_ENTRY_STATUS_LABELS: Record<TimeEntryStatus, Shown> = {
  pending: { nl: "Wacht op goedkeuring", en: "Awaiting approval", tone: "warn" },
  approved: { nl: "Goedgekeurd", en: "Approved", tone: "info" },
  rejected: { nl: "Afgewezen", en: "Rejected", tone: "muted" },
};

export const MODE_LABELS: Record<Mode, Label> = {
  phone: { nl: "Telefonisch", en: "By phone" },
  video: { nl: "Video", en: "Video" },
  onsite: { nl: "Ter plaatse", en: "On site" },
};

export const TIME_CATEGORY_LABELS: Record<TimeCategory, Label> = {
  operational: { nl: "Operationeel", en: "Operational" },
  professionalisation: { nl: "Professionalisering", en: "Professionalisation" },
  network: { nl: "Netwerk", en: "Network" },
};

export const EXPERTISE_DOMAIN_LABELS: Record<ExpertiseDomain, Label> = {
  culture: { nl: "cultuur", en: "culture" },
  religion: { nl: "religie", en: "religion" },
  language: { nl: "taal", en: "language" },
  lgbtiq: { nl: "lhbtiq+", en: "LGBTIQ+" },
  gender: { nl: "gender", en: "gender" },
  subculture: { nl: "subcultuur", en: "subculture" },
  topic: { nl: "onderwerp", en: "topic" },
};

export const ROLE_LABELS: Record<Role, Label> = {
  requester: { nl: "Aanvrager", en: "Requester" },
  member: { nl: "Lid", en: "Member" },
  coordinator: { nl: "Coördinator", en: "Coordinator" },
  "helpline-planner": { nl: "Planner hulplijn", en: "Helpline planner" },
  "policy-admin": { nl: "Beheerder korpsregeling", en: "Regulation administrator" },
  admin: { nl: "Beheerder", en: "Administrator" },
  auditor: { nl: "Auditor", en: "Auditor" },
  telephony: { nl: "Telefonieplatform", en: "Telephony platform" },
};

/** The badge kinds and the table each reads its text and tone from. */
export const BADGE_LABELS = {
  urgency: URGENCY_LABELS,
  status: REQUEST_STATUS_LABELS,
  offer: OFFER_STATUS_LABELS,
  entry: TIME_ENTRY_STATUS_LABELS,
} as const;
export type BadgeKind = keyof typeof BADGE_LABELS;

function keys<P extends string, V extends string>(prefix: P, labels: Record<V, Label>, lang: keyof Label): Record<`${P}.${V}`, string> {
  return Object.fromEntries(Object.entries<Label>(labels).map(([v, l]) => [`${prefix}.${v}`, l[lang]])) as Record<`${P}.${V}`, string>;
}

function dictionary(lang: keyof Label) {
  return {
    ...keys("urgency", URGENCY_LABELS, lang),
    ...keys("status", REQUEST_STATUS_LABELS, lang),
    ...keys("offer", OFFER_STATUS_LABELS, lang),
    ...keys("entry", TIME_ENTRY_STATUS_LABELS, lang),
    ...keys("mode", MODE_LABELS, lang),
    ...keys("cat", TIME_CATEGORY_LABELS, lang),
    ...keys("domain", EXPERTISE_DOMAIN_LABELS, lang),
    ...keys("role", ROLE_LABELS, lang),
  };
}

export const valuesNl = dictionary("nl");
export const valuesEn = dictionary("en");
