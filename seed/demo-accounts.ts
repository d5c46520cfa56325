// One demo account per role (API.md, Administration). Created only when demo mode is on.
import type { Config } from "../api/src/config";
import type { Role } from "../api/src/domain/types";
import { createApiKey } from "../api/src/auth/api-keys";
import { User } from "../api/src/models/user";
import { Member } from "../api/src/models/member";
import { createUser } from "../api/src/usecases/users/create-user";

interface DemoAccount {
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  networks?: string[];
  scope?: { units: string[]; networks: string[] };
  what: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "requester", name: "Sanne de Vries (basisteam)", roles: ["requester"], unitId: "amsterdam", what: "asks for expertise" },
  {
    username: "member",
    name: "Yusuf Abdi",
    roles: ["member"],
    unitId: "rotterdam",
    networks: ["ndv", "roze-in-blauw"],
    what: "NDV + Roze in Blauw member, takes offers",
  },
  {
    username: "coordinator",
    name: "Marieke Jansen (coördinator)",
    roles: ["coordinator"],
    unitId: "rotterdam",
    scope: { units: ["rotterdam", "amsterdam"], networks: ["roze-in-blauw"] },
    what: "reviews budgets for Rotterdam, Amsterdam and Roze in Blauw",
  },
  {
    username: "planner",
    name: "Kees Bakker (roosteraar)",
    roles: ["helpline-planner"],
    unitId: "landelijke-eenheid",
    what: "plans the Roze in Blauw helpline",
  },
  // Issue 9: the force-wide regulation has its own role; two accounts so four eyes can be shown.
  {
    username: "policy",
    name: "Fatima El Amrani (korpsregeling)",
    roles: ["policy-admin"],
    unitId: "politiedienstencentrum",
    what: "proposes changes to the force-wide regulation",
  },
  {
    username: "policy2",
    name: "Joost Verhoeven (korpsregeling)",
    roles: ["policy-admin"],
    unitId: "politiedienstencentrum",
    what: "approves another policy-admin's proposal (four eyes)",
  },
  { username: "admin", name: "Beheerder", roles: ["admin"], unitId: "politiedienstencentrum", what: "manages users and API keys" },
  { username: "auditor", name: "Auditor", roles: ["auditor"], unitId: "politiedienstencentrum", what: "reads the audit trail" },
];

/** Profile of the demo member so that requests can reach them out of the box. */
const DEMO_MEMBER_PROFILE = {
  expertise: [
    { id: "culture.somali", level: 3, visible: true },
    { id: "topic.death-rituals", level: 2, visible: true },
    { id: "lgbtiq.trans", level: 2, visible: true },
    { id: "religion.islam", level: 2, visible: true },
  ],
  languages: ["nl", "so", "en"],
  consent: { shareExpertise: true, at: new Date() },
  phone: "+31612345678",
  email: "yusuf.abdi@politie.example",
};

export async function ensureDemoAccounts(config: Config, joinedAt = new Date(new Date().getFullYear(), 0, 1)): Promise<number> {
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    if (await User.exists({ username: a.username })) continue;
    const { memberId } = await createUser({ ...a, password: config.DEMO_PASSWORD, email: `${a.username}@politie.example`, demo: true });
    if (memberId) await Member.updateOne({ _id: memberId }, { $set: { ...DEMO_MEMBER_PROFILE, joinedAt } });
    created++;
  }
  await createApiKey("demo telephony platform", "telephony", "seed", config.TELEPHONY_API_KEY);
  return created;
}

export function demoLoginsText(config: Config, url: string): string {
  const rows = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(12)} ${config.DEMO_PASSWORD.padEnd(8)} ${a.what}`);
  return [
    "",
    `NDV expertise network is running at ${url}`,
    "Demo logins (username / password):",
    ...rows,
    `  telephony API key: ${config.TELEPHONY_API_KEY} (header X-Api-Key)`,
    "",
  ].join("\n");
}
