// Expertise pools.
import { z } from "zod";
import { line, text } from "../http/input";
import { isoDate } from "../http/validate";
import { Id, IsoDateTime, listOf } from "./common";

export const poolSchema = z.strictObject({
  name: line().trim().min(2).max(120),
  description: text().max(2000).default(""),
  expertise: z.array(z.string().min(1).max(80)).max(30).default([]),
  unitIds: z.array(z.string().min(1).max(64)).max(20).default([]),
  activeFrom: isoDate.optional(),
  activeUntil: isoDate.optional(),
});
export type PoolInput = z.infer<typeof poolSchema>;

export const poolMemberParams = z.object({ id: z.string(), memberId: z.string() });

export const PoolView = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  expertise: z.array(z.string()),
  unitIds: z.array(z.string()),
  activeFrom: IsoDateTime.optional(),
  activeUntil: IsoDateTime.optional(),
  memberCount: z.number().int(),
  memberIds: z.array(z.string()).optional().meta({ description: "Only for viewers who may see the pool's members" }),
  members: z.array(z.object({ id: z.string(), unitId: z.string().optional(), name: z.string().optional() })).optional(),
});
export const PoolList = listOf(PoolView);
