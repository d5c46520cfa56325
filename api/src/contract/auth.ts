// Signing in and out, the caller, and the sign-in methods on offer.
import { z } from "zod";
import { line } from "../http/input";
import { ROLES } from "./values";
import { Id } from "./common";

export const loginSchema = z.strictObject({ username: line().min(1).max(100), password: z.string().min(1).max(200) });
export const oidcStartQuery = z.object({ returnTo: z.string().max(200).optional() });

export const Me = z.object({
  id: Id,
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  unitId: z.string(),
  networks: z.array(z.string()),
  scope: z.object({ units: z.array(z.string()), networks: z.array(z.string()) }),
  memberId: z.string().optional(),
});
export const LoginResult = z.object({ token: z.string(), user: Me });
export const Providers = z.object({ local: z.boolean(), oidc: z.boolean() });
