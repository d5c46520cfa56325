// Shared domain types: the plain shapes that pure domain modules, models and presenters agree on.
// Dates are JS Date objects inside the server; ISO strings only at the HTTP boundary.

import type { Role, Urgency, Mode, RequestStatus, OfferStatus, TimeCategory, TimeEntryStatus, ExpertiseDomain } from "../contract/values";
export type { Role, Urgency, Mode, RequestStatus, OfferStatus, TimeCategory, TimeEntryStatus, ExpertiseDomain };

export interface Unit {
  id: string; // e.g. "rotterdam"
  code: string; // e.g. "RT"
  name: string; // "Rotterdam"
  kind: "regional" | "national";
  rsc: { phone: string };
  areaCodes: string[]; // Dutch trunk area codes served by this unit, e.g. ["010"]
}

export interface Network {
  id: string; // "ndv", "roze-in-blauw", ...
  name: string;
}

export interface ExpertiseItem {
  id: string; // "culture.somali"
  domain: ExpertiseDomain;
  label: { nl: string; en: string };
  synonyms: string[];
  language?: string; // ISO 639-1 for language.* items and cultures with a main language
}

export interface Scope {
  units: string[];
  networks: string[];
}

export interface MemberExpertise {
  id: string;
  level: 1 | 2 | 3;
  visible: boolean;
}

export interface WeeklySlot {
  day: number; // 1 = Monday ... 7 = Sunday (ISO)
  from: string; // "08:00"
  to: string; // "17:00"
}

export interface Absence {
  from: Date;
  to: Date;
  reason?: string;
}

export interface MemberProfile {
  id: string;
  userId: string;
  name: string;
  email?: string;
  phone?: string;
  unitId: string;
  networks: string[];
  expertise: MemberExpertise[];
  languages: string[];
  availability: { weekly?: WeeklySlot[]; absences?: Absence[] };
  consent: { shareExpertise: boolean; at?: Date };
  active: boolean;
  joinedAt: Date; // start of NDV membership (for proration)
  leftAt?: Date;
}

export interface Policy {
  id: string;
  effectiveFrom: Date;
  baseHoursPerYear: number;
  unitSupplements: Record<string, number>;
  categories: TimeCategory[];
  categoryCaps?: Partial<Record<TimeCategory, number>>;
  approvalThresholdHours: number;
}

export interface MemberOverride {
  memberId: string;
  year: number;
  extraHours: number; // added to the allotment (may be negative)
  reason: string;
  setBy: string;
}

export interface TimeEntry {
  id: string;
  memberId: string;
  date: Date;
  hours: number;
  category: TimeCategory;
  status: TimeEntryStatus;
  requestId?: string;
  note?: string;
}

export interface Shift {
  id: string;
  memberId: string;
  start: Date;
  end: Date;
}
