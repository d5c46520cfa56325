// npm run seed -- --members 1000 [--seed 42]: fills the configured database with synthetic data.
import { parseArgs } from "node:util";
import { loadConfig } from "../api/src/config";
import { createLogger } from "../api/src/logger";
import { startDatabase } from "../api/src/db/embedded";
import { connectMongo, disconnectMongo } from "../api/src/db/connect";
import { ensureIndexes } from "../api/src/db/indexes";
import { ensureDemoAccounts } from "./demo-accounts";
import { seedDatabase } from "./run";

async function main() {
  const { values } = parseArgs({ options: { members: { type: "string", default: "1000" }, seed: { type: "string", default: "42" } } });
  const members = Number(values.members);
  const seed = Number(values.seed);
  if (!Number.isInteger(members) || members < 0 || members > 100000) throw new Error("--members must be an integer from 0 to 100000");
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");

  const config = loadConfig();
  const logger = createLogger("warn");
  const db = await startDatabase({ mongoUrl: config.MONGO_URL, dataDir: config.DATA_DIR, logger });
  try {
    await connectMongo(db, config.MONGO_TIMEOUT_MS);
    await ensureIndexes(db.kind);
    const started = Date.now();
    if (config.demo) await ensureDemoAccounts(config);
    let last = "";
    const counts = await seedDatabase({
      members,
      seed,
      now: new Date(),
      progress: (what, done, total) => {
        const line = `${what}: ${done}/${total}`;
        if (line !== last) process.stdout.write(`\r  ${line}   `);
        last = line;
        if (done === total) process.stdout.write("\n");
      },
    });
    console.log(
      `Seeded ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed}). The search index is rebuilt at start-up or with \`npm run reindex\`.`,
    );
  } finally {
    await disconnectMongo();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(`Seeding failed: ${(err as Error).message}`);
  process.exit(1);
});
