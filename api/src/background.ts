// Start-up work and background jobs: demo data on an empty store, the search index, the job runner.
import type { Deps } from "./deps";
import { JobRunner } from "./jobs/runner";
import { registerJobs } from "./jobs/register";
import { migrateKeyedJobs } from "./jobs/queue";
import { migrateCallDocuments } from "./helpline/call-store";
import { reindexAll } from "./indexing/reindex";
import { seedDemoIfEmpty } from "../../seed/demo";

export async function startBackground(deps: Deps, opts: { seedDemo: boolean; pollMs?: number }) {
  if (opts.seedDemo) await seedDemoIfEmpty(deps);
  const counts = await reindexAll(deps.search);
  deps.logger.info(counts, "search index built");

  const moved = await migrateKeyedJobs();
  if (moved) deps.logger.info({ moved }, "keyed jobs moved to _id = key");
  const paged = await migrateCallDocuments(); // before the helpline reads its recent calls (registerJobs)
  if (paged) deps.logger.info({ calls: paged }, "helpline call log moved into pages");
  const runner = new JobRunner({ now: deps.now, logger: deps.logger, pollMs: opts.pollMs });
  const stopHooks = await registerJobs(runner, deps);
  runner.start();
  return {
    runner,
    async stop() {
      await runner.stop();
      await Promise.all(stopHooks.map((s) => s()));
    },
  };
}
