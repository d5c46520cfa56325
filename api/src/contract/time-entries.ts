// Time entries under the korpsregeling: logging, correcting, approving.
import { z } from "zod";
import { safeId, text } from "../http/input";
import { isoDate } from "../http/validate";
import { TIME_CATEGORIES, TIME_ENTRY_STATUSES } from "./values";
import { Id, IsoDateTime, flagString, listOf, yearQuery } from "./common";
import { ProblemSchema } from "./common";

const category = z.enum(TIME_CATEGORIES);
const hours = z.number({ message: "hours must be a number" });

export const newEntrySchema = z.strictObject({
  date: isoDate,
  hours,
  category,
  requestId: safeId().optional(),
  note: text().max(500).optional(),
});
export const patchEntrySchema = z.strictObject({
  date: isoDate.optional(),
  hours: hours.optional(),
  category: category.optional(),
  requestId: safeId().optional(),
  note: text().max(500).optional(),
  version: z.number().int().positive().optional(),
});
export const listEntriesQuery = z.object({
  mine: flagString.optional(),
  memberId: z.string().max(64).optional(),
  status: z.enum(TIME_ENTRY_STATUSES).optional(),
  year: yearQuery.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const approveManySchema = z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) });
export const rejectEntrySchema = z.strictObject({ reason: text().trim().min(1, "A reason is required").max(500) });

export const TimeEntryView = z.object({
  id: Id,
  memberId: z.string(),
  date: IsoDateTime,
  day: z.string().meta({ description: "YYYY-MM-DD in Europe/Amsterdam" }),
  hours: z.number(),
  category: z.string(),
  status: z.enum(TIME_ENTRY_STATUSES),
  requestId: z.string().optional(),
  note: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedAt: IsoDateTime.optional(),
  reason: z.string().optional(),
  createdBy: z.string(),
  version: z.number().int(),
  memberName: z.string().optional(),
});
export const TimeEntryList = listOf(TimeEntryView);
export const ApproveManyResult = z.object({
  approved: z.number().int(),
  failed: z.number().int(),
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: z.string().optional(), error: ProblemSchema.optional() })),
});
