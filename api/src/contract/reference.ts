// Reference data: units, networks, the expertise taxonomy.
import { z } from "zod";
import { EXPERTISE_DOMAINS } from "./values";

export const UnitList = z.array(
  z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(["regional", "national"]), rsc: z.object({ phone: z.string() }) }),
);
export const NetworkList = z.array(z.object({ id: z.string(), name: z.string() }));
export const ExpertiseList = z.array(
  z.object({
    id: z.string(),
    domain: z.enum(EXPERTISE_DOMAINS),
    label: z.object({ nl: z.string(), en: z.string() }),
    synonyms: z.array(z.string()),
    language: z.string().optional(),
  }),
);
