// Requests for expertise: what a requester sends and what each reader gets back.
import { z } from "zod";
import { line, text } from "../http/input";
import { isoDate } from "../http/validate";
import { MODES, REQUEST_STATUSES, URGENCIES } from "./values";
import { Id, IsoDateTime, flag, paging, pageOf } from "./common";

// ---- requests in
export const newRequestSchema = z.strictObject({
  title: line().trim().min(3).max(200),
  description: text().max(10_000).default(""),
  expertise: z.array(z.string().min(1).max(80)).min(1).max(20),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, "ISO 639-1 code, e.g. so"))
    .max(10)
    .default([]),
  urgency: z.enum(URGENCIES),
  mode: z.enum(MODES),
  unitId: z.string().min(1).max(64),
  neededBy: isoDate.optional(),
  estimatedHours: z.number().positive().max(200),
  poolId: z.string().min(1).max(64).optional(),
});
export type NewRequest = z.infer<typeof newRequestSchema>;

export const knowledgeNoteSchema = z.strictObject({
  title: line().trim().min(3).max(200),
  body: text().trim().min(10).max(20_000),
  expertise: z.array(z.string().min(1).max(80)).max(20).optional(),
});

export const completeSchema = z.strictObject({
  hours: z.number().positive().max(24),
  knowledgeNote: knowledgeNoteSchema.optional(),
});
export type CompleteInput = z.infer<typeof completeSchema>;

export const patchRequestSchema = z
  .strictObject({ title: newRequestSchema.shape.title.optional(), description: newRequestSchema.shape.description.unwrap().optional() })
  .refine((v) => v.title !== undefined || v.description !== undefined, { message: "Nothing to change" });
export const cancelSchema = z.strictObject({ reason: text().max(500).optional() });
export const listRequestsQuery = z.object({ mine: flag.optional(), escalated: flag.optional(), status: z.string().max(100).optional(), ...paging });
export const candidatesQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

// ---- requests out
const Warning = z.object({ kind: z.string().optional(), message: z.string().optional() });
const Status = z.enum(REQUEST_STATUSES);

export const CreatedRequest = z.object({ id: Id, number: z.string(), status: Status, warnings: z.array(Warning) });

/** Contact of the assignee, for the requester after acceptance. */
export const MemberContact = z.object({
  id: Id,
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  unitId: z.string(),
  expertise: z.array(z.object({ id: z.string(), level: z.number().int() })),
  languages: z.array(z.string()),
});

export const RequestView = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  description: z.string().optional().meta({ description: "Absent once the case text has been purged" }),
  expertise: z.array(z.string()),
  languages: z.array(z.string()),
  urgency: z.enum(URGENCIES),
  mode: z.enum(MODES),
  unitId: z.string(),
  neededBy: IsoDateTime.optional(),
  estimatedHours: z.number(),
  poolId: z.string().optional(),
  status: Status,
  requesterId: z.string(),
  escalationStep: z.string().optional(),
  warnings: z.array(Warning),
  flags: z.array(z.string()),
  hours: z.number().optional(),
  acceptedAt: IsoDateTime.optional(),
  completedAt: IsoDateTime.optional(),
  cancelledAt: IsoDateTime.optional(),
  purgedAt: IsoDateTime.optional(),
  createdAt: IsoDateTime.optional(),
  updatedAt: IsoDateTime.optional(),
  offers: z.array(z.object({ id: Id, status: z.string() })).optional(),
  assignee: MemberContact.optional(),
});

export const RequestDetail = RequestView.extend({
  requester: z.object({ name: z.string(), unitId: z.string(), phone: z.string().optional(), email: z.string().optional() }).optional(),
  nextStepAt: IsoDateTime.optional().meta({ description: "When the request moves to the next escalation step" }),
});

export const RequestRow = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  expertise: z.array(z.string()),
  urgency: z.enum(URGENCIES),
  mode: z.enum(MODES),
  unitId: z.string(),
  status: Status,
  escalationStep: z.string().optional(),
  estimatedHours: z.number(),
  flags: z.array(z.string()),
  createdAt: IsoDateTime.optional(),
});
export const RequestPage = pageOf(RequestRow);

export const KnowledgeNoteView = z.object({
  id: Id,
  title: z.string(),
  body: z.string(),
  expertise: z.array(z.string()),
  unitId: z.string().optional(),
  createdAt: IsoDateTime.optional(),
});
export const CompletedRequest = RequestView.extend({ knowledgeNote: KnowledgeNoteView.optional() });

export const RequestSummary = z.object({
  scope: z.object({ units: z.array(z.string()) }),
  byStatus: z.object(Object.fromEntries(REQUEST_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof REQUEST_STATUSES)[number], z.ZodNumber>),
  acceptance: z.object({ windowDays: z.number().int(), count: z.number().int(), medianMinutes: z.number().nullable() }),
  unmetByExpertise: z.array(z.object({ expertiseId: z.string(), requests: z.number().int() })),
  generatedAt: IsoDateTime,
});

const ReasonCode = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() });
export const Candidate = z.object({
  candidateRef: z.string().meta({ description: "Pseudonym, stable within one request only" }),
  score: z.number(),
  reasons: z.array(z.string()),
  reasonCodes: z.array(ReasonCode),
  unitId: z.string(),
  available: z.boolean(),
});
