// Idempotent seeding without upserts: FerretDB/SQLite answers every update with a scan, so re-runs
// look up which seed keys exist (one query) and insert only the rest. The key is the seedKey field, or
// the _id where the seeder chooses it (the call log stores nothing else).
import type { Model } from "mongoose";

export async function insertMissing<T extends { seedKey: string } | { _id: string }>(
  model: Model<any>,
  docs: T[],
  key: "seedKey" | "_id" = "seedKey",
): Promise<number> {
  if (!docs.length) return 0;
  const keyOf = (d: object) => String((d as Record<string, unknown>)[key]);
  const existing = new Set((await model.find({ [key]: { $in: docs.map(keyOf) } }, { [key]: 1 }).lean<object[]>()).map(keyOf));
  const missing = docs.filter((d) => !existing.has(keyOf(d)));
  // timestamps: false keeps the createdAt/updatedAt a seeder sets itself (history lies in the past).
  if (missing.length) await model.insertMany(missing, { ordered: false, timestamps: false } as never);
  return missing.length;
}
