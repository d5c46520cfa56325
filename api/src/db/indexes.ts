// Which indexes a store gets. MongoDB: every index the schemas declare. The embedded FerretDB (1.24 on
// SQLite) narrows a query only by `_id` and scans its table for any other filter or sort (`explain`
// says "SCAN" with an index on the very field), so a secondary index there serves no read and costs
// every write: 10,000 call log inserts with the call log's three indexes took 1.4 s of FerretDB's CPU,
// 0.9 s with none. The embedded store therefore gets the unique indexes the schemas declare (they are
// constraints), and any other one left by an earlier version is dropped.
import mongoose from "mongoose";
import type { DatabaseHandle } from "./embedded";

export async function ensureIndexes(store: DatabaseHandle["kind"]): Promise<void> {
  await Promise.all(
    Object.values(mongoose.models).map(async (model) => {
      if (store !== "ferretdb") return void (await model.createIndexes());
      const unique = model.schema.indexes().filter(([, options]) => options?.unique);
      for (const [fields, options] of unique)
        await model.collection.createIndex(fields as mongoose.mongo.IndexSpecification, options as mongoose.mongo.CreateIndexesOptions);
      const wanted = new Set(unique.map(([fields]) => JSON.stringify(fields)));
      const existing = await model.collection.indexes().catch(() => []); // a collection not created yet has none
      for (const index of existing)
        if (index.name && index.name !== "_id_" && !wanted.has(JSON.stringify(index.key))) await model.collection.dropIndex(index.name);
    }),
  );
}
