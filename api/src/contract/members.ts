// Member profiles, the coordinators' directory and network membership requests.
import { z } from "zod";
import { line } from "../http/input";
import { id, isoDate } from "../http/validate";
import { Id, IsoDateTime, listOf } from "./common";
import { MemberContact } from "./requests";
import { NETWORK_REQUEST_STATUSES } from "./values";

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "Time as HH:MM");

// ---- in
export const profileSchema = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  networks: z.array(z.string().min(1).max(64)).max(20).optional(),
  expertise: z
    .array(z.strictObject({ id: z.string().min(1).max(80), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), visible: z.boolean().default(true) }))
    .max(60)
    .optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, "ISO 639-1 code, e.g. so"))
    .max(20)
    .optional(),
  availability: z
    .strictObject({
      weekly: z
        .array(z.strictObject({ day: z.number().int().min(1).max(7), from: hhmm, to: hhmm }))
        .max(50)
        .optional(),
      absences: z
        .array(z.strictObject({ from: isoDate, to: isoDate, reason: line().max(200).optional() }))
        .max(100)
        .optional(),
    })
    .optional(),
  consent: z.strictObject({ shareExpertise: z.boolean() }).optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const directoryQuery = z.object({
  q: z.string().max(200).optional(),
  unit: z.string().max(300).optional(),
  network: z.string().max(300).optional(),
  expertise: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const askToJoinSchema = z.strictObject({ networkId: z.string().min(1).max(64), motivation: z.string().max(1000).optional() });
export const decideJoinSchema = z.strictObject({ reason: z.string().max(500).optional() });
export const changeUnitSchema = z.strictObject({ unitId: id, reason: z.string().max(500).optional() });
export const networkRequestsQuery = z.object({
  status: z.enum(NETWORK_REQUEST_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

// ---- out
export const Profile = z.object({
  id: Id,
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  unitId: z.string(),
  networks: z.array(z.string()),
  expertise: z.array(z.object({ id: z.string(), level: z.number().int(), visible: z.boolean() })),
  languages: z.array(z.string()),
  availability: z.object({
    weekly: z.array(z.object({ day: z.number().int(), from: z.string(), to: z.string() })).optional(),
    absences: z.array(z.object({ from: IsoDateTime, to: IsoDateTime, reason: z.string().optional() })),
  }),
  consent: z.object({ shareExpertise: z.boolean(), at: IsoDateTime.optional() }),
  active: z.boolean(),
});
export const MemberRead = z
  .union([Profile, MemberContact])
  .meta({ description: "The whole profile (self, coordinators in scope) or the contact card (the requester of an accepted request)" });

export const DirectoryRow = z.object({
  id: Id,
  name: z.string(),
  unitId: z.string(),
  networks: z.array(z.string()),
  expertise: z.array(z.object({ id: z.string(), level: z.number().int() })),
  languages: z.array(z.string()),
  active: z.boolean(),
  consented: z.boolean(),
  score: z.number(),
});
export const Directory = listOf(DirectoryRow);

export const NetworkRequestView = z.object({
  id: Id,
  memberId: z.string(),
  name: z.string().optional(),
  unitId: z.string().optional(),
  networkId: z.string(),
  motivation: z.string().optional(),
  status: z.enum(NETWORK_REQUEST_STATUSES),
  createdAt: IsoDateTime.optional(),
  decidedAt: IsoDateTime.optional(),
  reason: z.string().optional(),
});
export const UnitChanged = z.object({ memberId: Id, unitId: z.string() });
