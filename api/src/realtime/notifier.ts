// Outbound real-time events, addressed to the people allowed to read them.
// The socket.io implementation lives in realtime/socket.ts; tests and scripts may use `silentNotifier`.
import type { RealtimeEvent } from "../contract/values";

export type EventName = RealtimeEvent;

export interface Audience {
  users?: string[];
  members?: string[];
  /** Coordinators whose scope covers this unit or any of these networks. */
  scope?: { unitId?: string; networks?: string[] };
  roles?: string[];
}

export interface Notifier {
  emit(audience: Audience, event: EventName, payload: unknown): void;
}

export const silentNotifier: Notifier = { emit() {} };

/** Room names shared by the emitter and the socket handshake. */
export const rooms = {
  user: (id: string) => `user:${id}`,
  member: (id: string) => `member:${id}`,
  coordUnit: (unitId: string) => `coord-unit:${unitId}`,
  coordNetwork: (net: string) => `coord-net:${net}`,
  role: (role: string) => `role:${role}`,
};

export function roomsFor(a: Audience): string[] {
  return [
    ...(a.users ?? []).map(rooms.user),
    ...(a.members ?? []).map(rooms.member),
    ...(a.scope?.unitId ? [rooms.coordUnit(a.scope.unitId)] : []),
    ...(a.scope?.networks ?? []).map(rooms.coordNetwork),
    ...(a.roles ?? []).map(rooms.role),
  ];
}
