// `npm start` on an empty store: demo accounts plus a small synthetic network.
import type { Deps } from "../api/src/deps";
import { User } from "../api/src/models/user";
import { ensureDemoAccounts } from "./demo-accounts";
import { seedDatabase } from "./run";
import { budgetReadModel } from "../api/src/usecases/budgets/read-model";

export async function seedDemoIfEmpty(deps: Deps): Promise<void> {
  const empty = !(await User.exists({}));
  await ensureDemoAccounts(deps.config);
  budgetReadModel.reset(); // members written behind the budget read model's back
  if (!empty) return;
  const started = Date.now();
  const counts = await seedDatabase({ members: deps.config.DEMO_MEMBERS, seed: 42, now: deps.now() });
  budgetReadModel.reset();
  deps.logger.info({ ...counts, ms: Date.now() - started }, "demo data seeded");
}
