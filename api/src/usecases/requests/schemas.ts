// Input shapes of the request endpoints (zod, strict: unknown fields are 422 naming the field).
import { z } from "zod";
import { MODES, URGENCIES } from "../../contract/values";
import { line, text } from "../../http/input";
import { isoDate } from "../../http/validate";

export const newRequestSchema = z.strictObject({
  title: line().trim().min(3).max(200),
  description: text().max(10_000).default(""),
  expertise: z.array(z.string().min(1).max(80)).min(1).max(20),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, "ISO 639-1 code, e.g. so")).max(10).default([]),
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
