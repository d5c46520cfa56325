// Administration: users, their roles and scope, API keys for machine clients.
import { z } from "zod";
import { line } from "../http/input";
import { ROLES } from "./values";
import { Id, IsoDateTime, listOf } from "./common";

/** Roles a person can hold (telephony is for API keys only). */
export const HUMAN_ROLES = ROLES.filter((r): r is Exclude<(typeof ROLES)[number], "telephony"> => r !== "telephony");
const scopeSchema = z.strictObject({ units: z.array(z.string()).default([]), networks: z.array(z.string()).default([]) });

export const newUserSchema = z.strictObject({
  username: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-zA-Z0-9._-]+$/, "Letters, digits, dot, dash and underscore only"),
  password: z.string().min(8, "At least 8 characters").max(200),
  name: line().trim().min(1).max(200),
  email: z.email().optional(),
  phone: line().max(40).optional(),
  roles: z.array(z.enum(HUMAN_ROLES)).min(1),
  unitId: z.string(),
  networks: z.array(z.string()).optional(),
  scope: scopeSchema.optional(),
});
export const patchUserSchema = z.strictObject({
  roles: z.array(z.enum(HUMAN_ROLES)).min(1).optional(),
  scope: scopeSchema.optional(),
  active: z.boolean().optional(),
  name: line().trim().min(1).max(200).optional(),
  // ui-views: the admin screen moves a user to another unit and sets their networks.
  unitId: z.string().min(1).max(64).optional(),
  networks: z.array(z.string().min(1).max(64)).max(20).optional(),
});
export const usersQuery = z.object({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const newApiKeySchema = z.strictObject({ name: line().trim().min(1).max(100), role: z.literal("telephony") });
export const resetPasswordSchema = z.strictObject({ password: z.string().min(8, "At least 8 characters").max(200) });

export const CreatedUser = z.object({ id: Id, memberId: z.string().optional() });
export const UserView = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  email: z.string().optional(),
  roles: z.array(z.string()),
  unitId: z.string(),
  networks: z.array(z.string()),
  scope: z.object({ units: z.array(z.string()), networks: z.array(z.string()) }),
  active: z.boolean(),
  memberId: z.string().optional(),
  lockedUntil: IsoDateTime.optional(),
});
export const UserList = listOf(UserView);
export const CreatedApiKey = z.object({ key: z.string().meta({ description: "Shown once" }), name: z.string(), role: z.literal("telephony") });
export const ApiKeyList = listOf(
  z.object({
    id: Id,
    name: z.string(),
    role: z.string(),
    createdBy: z.string().optional(),
    createdAt: IsoDateTime.optional(),
    lastUsedAt: IsoDateTime.optional(),
    revokedAt: IsoDateTime.optional(),
  }),
);
