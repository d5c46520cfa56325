// Creates a user; a `member` role also creates the member profile the matching works on.
import type { Role } from "../../domain/types";
import { hashPassword } from "../../auth/secrets";
import { Member } from "../../models/member";
import { User } from "../../models/user";
import { conflict } from "../../http/problem";
import { budgetReadModel } from "../budgets/read-model";
import { memberPersonFields } from "./person";

export interface NewUser {
  username: string;
  password?: string;
  name: string;
  email?: string;
  phone?: string;
  roles: Role[];
  unitId: string;
  networks?: string[];
  scope?: { units?: string[]; networks?: string[] };
  demo?: boolean;
}

export async function createUser(input: NewUser, now = new Date()) {
  if (await User.exists({ username: input.username.toLowerCase() })) throw conflict(`Username ${input.username} is taken`, "username_taken");
  const user = await User.create({
    username: input.username,
    passwordHash: input.password ? await hashPassword(input.password) : undefined,
    name: input.name,
    email: input.email,
    phone: input.phone,
    roles: input.roles,
    unitId: input.unitId,
    networks: input.networks ?? [],
    scope: { units: input.scope?.units ?? [], networks: input.scope?.networks ?? [] },
    demo: input.demo ?? false,
  });
  let memberId: string | undefined;
  if (input.roles.includes("member")) {
    const member = await Member.create({
      userId: user.id,
      ...memberPersonFields(input), // a copy of the user's; person.ts keeps it in step
      unitId: input.unitId,
      networks: input.networks?.length ? input.networks : ["ndv"],
      joinedAt: now,
    });
    memberId = member.id;
    await budgetReadModel.memberChanged(member.toObject());
    await User.updateOne({ _id: user._id }, { $set: { memberId } });
  }
  return { id: user.id as string, memberId };
}
