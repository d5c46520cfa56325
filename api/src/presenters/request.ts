// Requests as they leave the server. Offers show only id and status (never to whom); the assignee's name
// and contact only after acceptance and only to those the policy allows.
import type { Principal } from "../auth/principal";
import type { MemberProfile } from "../domain/types";
import { canSeeAssigneeContact } from "../access/requests";
import { presentContact } from "./member";

export interface RequestView {
  _id: unknown;
  number: string;
  title: string;
  description?: string | null;
  expertise: string[];
  languages?: string[] | null;
  urgency: string;
  mode: string;
  unitId: string;
  neededBy?: Date | null;
  estimatedHours: number;
  poolId?: string | null;
  status: string;
  requesterId: string;
  assigneeMemberId?: string | null;
  acceptedAt?: Date | null;
  completedAt?: Date | null;
  cancelledAt?: Date | null;
  escalationStep?: string | null;
  warnings?: { kind?: string | null; message?: string | null }[];
  flags?: string[];
  hours?: number | null;
  purgedAt?: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
}

const iso = (d?: Date | null) => (d ? d.toISOString() : undefined);

export function presentRequest(
  r: RequestView,
  viewer: Principal,
  extra: { offers?: { _id: unknown; status: string }[]; assignee?: MemberProfile | null } = {},
) {
  return {
    id: String(r._id),
    number: r.number,
    title: r.title,
    description: r.purgedAt ? undefined : (r.description ?? ""),
    expertise: r.expertise,
    languages: r.languages ?? [],
    urgency: r.urgency,
    mode: r.mode,
    unitId: r.unitId,
    neededBy: iso(r.neededBy),
    estimatedHours: r.estimatedHours,
    poolId: r.poolId ?? undefined,
    status: r.status,
    requesterId: r.requesterId,
    escalationStep: r.escalationStep ?? undefined,
    warnings: (r.warnings ?? []).map((w) => ({ kind: w.kind, message: w.message })),
    flags: r.flags ?? [],
    hours: r.hours ?? undefined,
    acceptedAt: iso(r.acceptedAt),
    completedAt: iso(r.completedAt),
    cancelledAt: iso(r.cancelledAt),
    purgedAt: iso(r.purgedAt),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    ...(extra.offers ? { offers: extra.offers.map((o) => ({ id: String(o._id), status: o.status })) } : {}),
    ...(extra.assignee && canSeeAssigneeContact(viewer, r) ? { assignee: presentContact(extra.assignee) } : {}),
  };
}

/** List rows: no case text (expertise ids are the question's topic, not its content). */
export function presentRequestRow(r: RequestView) {
  return {
    id: String(r._id),
    number: r.number,
    title: r.title,
    expertise: r.expertise ?? [],
    urgency: r.urgency,
    mode: r.mode,
    unitId: r.unitId,
    status: r.status,
    escalationStep: r.escalationStep ?? undefined,
    estimatedHours: r.estimatedHours,
    flags: r.flags ?? [],
    createdAt: iso(r.createdAt),
  };
}

/** The realtime payload: ids and state only, so every addressee may read it; clients refetch details. */
export function requestEvent(r: RequestView) {
  return {
    id: String(r._id),
    number: r.number,
    status: r.status,
    unitId: r.unitId,
    escalationStep: r.escalationStep ?? undefined,
    updatedAt: iso(r.updatedAt),
  };
}
