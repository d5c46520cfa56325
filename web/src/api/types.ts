// Shapes from /work/shared/API.md as the web app reads them. Optional fields are ones the server may add or omit.
import type { HumanRole, Mode, NetworkRequestStatus, PolicyStatus, RequestStatus, Urgency } from "../../../api/src/contract/values";
export type { Mode, RequestStatus, Urgency };
export type Role = HumanRole;

export interface Me {
  id: string;
  name: string;
  roles: Role[];
  unitId?: string;
  networks?: string[];
  scope?: { units: string[]; networks: string[] };
  memberId?: string;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind?: string;
  rsc?: { phone: string };
}

export interface Network {
  id: string;
  name: string;
}

export interface Expertise {
  id: string;
  domain: string;
  label: { nl: string; en: string };
  synonyms: string[];
}

export interface Warning {
  kind?: string;
  code?: string;
  message?: string;
  [k: string]: unknown;
}

export interface Assignee {
  id?: string;
  memberId?: string;
  name?: string;
  email?: string;
  phone?: string;
  unitId?: string;
}

export interface Offer {
  id: string;
  status: string;
  requestId?: string;
  createdAt?: string;
  expiresAt?: string;
  request?: Partial<Req>;
  [k: string]: unknown;
}

export interface Req {
  id: string;
  number?: string | number;
  title: string;
  description?: string;
  expertise: string[];
  languages?: string[];
  urgency: Urgency;
  mode: Mode;
  unitId: string;
  neededBy?: string;
  estimatedHours: number;
  status: RequestStatus;
  createdAt?: string;
  acceptedAt?: string;
  completedAt?: string;
  requesterId?: string;
  offers?: { id: string; status: string }[];
  assignee?: Assignee | null;
  warnings?: (Warning | string)[];
  flags?: string[];
  [k: string]: unknown;
}

/** Why a candidate matches, as a code with parameters (rendered with the i18n dictionaries). */
export interface ReasonCode {
  code: string;
  params?: Record<string, string | number | boolean>;
}

export interface Candidate {
  candidateRef: string;
  score: number;
  reasons: string[];
  reasonCodes?: ReasonCode[];
  unitId: string;
  available: boolean;
  expertise?: (string | { id: string; level?: number })[];
  languages?: string[];
}

export interface Budget {
  memberId: string;
  name?: string;
  unitId?: string;
  networks?: string[];
  allotted: number;
  approved: number;
  pending: number;
  committed: number;
  remaining: number;
  [k: string]: unknown;
}

export interface TimeEntry {
  id: string;
  memberId: string;
  memberName?: string;
  name?: string;
  date: string;
  hours: number;
  category: string;
  status: string;
  requestId?: string;
  note?: string;
  unitId?: string;
}

export interface MemberProfile {
  id?: string;
  name?: string;
  unitId: string;
  networks: string[];
  expertise: { id: string; level: 1 | 2 | 3; visible: boolean }[];
  languages: string[];
  availability: { weekly?: { day: number; from: string; to: string }[]; absences?: { from: string; to: string; reason?: string }[] };
  consent: { shareExpertise: boolean; at?: string };
}

export interface Shift {
  id: string;
  memberId: string;
  memberName?: string;
  start: string;
  end: string;
}

export interface KnowledgeNote {
  id: string;
  title: string;
  body?: string;
  snippet?: string;
  expertise?: string[];
}

export interface Pool {
  id: string;
  name: string;
  description?: string;
  expertise: string[];
  unitIds: string[];
  memberCount?: number;
  /** Only for coordinators who manage the pool; `name` only for members they coordinate. */
  members?: PoolMember[];
  memberIds?: string[];
  activeFrom?: string;
  activeUntil?: string;
}

export interface PoolMember {
  id: string;
  unitId?: string;
  name?: string;
}

export interface HelplineMember {
  id: string;
  name: string;
  unitId: string;
}

export interface RequestSummary {
  byStatus: Record<RequestStatus, number>;
  acceptance: { windowDays: number; count: number; medianMinutes: number | null };
  unmetByExpertise: { expertiseId: string; requests: number }[];
}

// Issue 9: network join requests and korpsregeling versions (proposed → approved by a second policy-admin).
export interface NetworkRequest {
  id: string;
  memberId: string;
  name?: string;
  unitId?: string;
  networkId: string;
  motivation?: string;
  status: NetworkRequestStatus;
  createdAt?: string;
  decidedAt?: string;
  reason?: string;
}

export interface PolicyVersion {
  id: string;
  name?: string;
  kind: "force-wide" | "unit-supplement";
  status: PolicyStatus;
  effectiveFrom: string;
  baseHoursPerYear: number;
  unitSupplements: Record<string, number>;
  categories: string[];
  approvalThresholdHours: number;
  unitId?: string;
  hours?: number;
  carrySupplements?: boolean;
  reason?: string;
  createdBy: string;
  createdAt?: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
}
