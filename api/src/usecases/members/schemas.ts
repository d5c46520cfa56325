import { z } from "zod";
import { line } from "../../http/input";
import { isoDate } from "../../http/validate";

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "Time as HH:MM");

export const profileSchema = z.strictObject({
  unitId: z.string().min(1).max(64).optional(),
  networks: z.array(z.string().min(1).max(64)).max(20).optional(),
  expertise: z
    .array(z.strictObject({ id: z.string().min(1).max(80), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), visible: z.boolean().default(true) }))
    .max(60)
    .optional(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, "ISO 639-1 code, e.g. so")).max(20).optional(),
  availability: z
    .strictObject({
      weekly: z.array(z.strictObject({ day: z.number().int().min(1).max(7), from: hhmm, to: hhmm })).max(50).optional(),
      absences: z.array(z.strictObject({ from: isoDate, to: isoDate, reason: line().max(200).optional() })).max(100).optional(),
    })
    .optional(),
  consent: z.strictObject({ shareExpertise: z.boolean() }).optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;
