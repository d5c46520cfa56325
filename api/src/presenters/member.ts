// Member profiles as they leave the server: the owner and coordinators in scope see the whole profile;
// the requester of an accepted request sees who and how to reach them, plus visible expertise.
import type { MemberProfile } from "../domain/types";

export function presentProfile(m: MemberProfile) {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    phone: m.phone,
    unitId: m.unitId,
    networks: m.networks,
    expertise: m.expertise.map((e) => ({ id: e.id, level: e.level, visible: e.visible })),
    languages: m.languages,
    availability: {
      ...(m.availability.weekly ? { weekly: m.availability.weekly } : {}),
      absences: (m.availability.absences ?? []).map((a) => ({ from: a.from.toISOString(), to: a.to.toISOString(), ...(a.reason ? { reason: a.reason } : {}) })),
    },
    consent: { shareExpertise: m.consent.shareExpertise, ...(m.consent.at ? { at: new Date(m.consent.at).toISOString() } : {}) },
    active: m.active,
  };
}

/** For a requester whose request this member accepted: contact plus what they share. */
export function presentContact(m: MemberProfile) {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    phone: m.phone,
    unitId: m.unitId,
    expertise: m.expertise.filter((e) => e.visible).map((e) => ({ id: e.id, level: e.level })),
    languages: m.languages,
  };
}

/** Directory search row for coordinators. */
export function presentDirectoryRow(m: MemberProfile) {
  return {
    id: m.id,
    name: m.name,
    unitId: m.unitId,
    networks: m.networks,
    expertise: m.expertise.filter((e) => e.visible).map((e) => ({ id: e.id, level: e.level })),
    languages: m.languages,
    active: m.active,
    consented: m.consent.shareExpertise,
  };
}
