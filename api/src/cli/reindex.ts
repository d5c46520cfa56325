// npm run reindex: rebuilds the search index from MongoDB with progress output.
// With MEILI_URL this refreshes the shared Meilisearch index; the embedded index lives inside the
// server process and is rebuilt at every start, so here it is only built to check the data.
import { loadConfig } from "../config";
import { createLogger } from "../logger";
import { startDatabase } from "../db/embedded";
import { connectMongo, disconnectMongo } from "../db/connect";
import { createSearch } from "../../../search";
import { reindexAll } from "../indexing/reindex";
import "../usecases/knowledge/index-note"; // registers the knowledge index with reindexAll

async function main() {
  const config = loadConfig();
  const db = await startDatabase({ mongoUrl: config.MONGO_URL, dataDir: config.DATA_DIR, logger: createLogger("warn") });
  const search = createSearch({ meiliUrl: config.MEILI_URL, meiliKey: config.MEILI_MASTER_KEY, prefix: config.MEILI_INDEX_PREFIX });
  try {
    await connectMongo(db, config.MONGO_TIMEOUT_MS);
    await search.init();
    const started = Date.now();
    const counts = await reindexAll(search, (index, done) => process.stdout.write(`\r  ${index}: ${done} indexed   `));
    process.stdout.write("\n");
    console.log(
      `Reindexed ${JSON.stringify(counts)} into ${config.MEILI_URL ? "Meilisearch" : "the embedded engine (check only: the server rebuilds its own at start)"} in ${Date.now() - started} ms`,
    );
  } finally {
    await search.close();
    await disconnectMongo();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(`Reindex failed: ${(err as Error).message}`);
  process.exit(1);
});
