// Idempotent seeding without upserts: FerretDB/SQLite answers every update with a scan, so re-runs
// look up which seed keys exist (one query) and insert only the rest.
import type { Model } from "mongoose";

export async function insertMissing<T extends { seedKey: string }>(model: Model<any>, docs: T[]): Promise<number> {
  if (!docs.length) return 0;
  const existing = new Set(
    (await model.find({ seedKey: { $in: docs.map((d) => d.seedKey) } }, { seedKey: 1 }).lean<{ seedKey: string }[]>()).map((d) => d.seedKey),
  );
  const missing = docs.filter((d) => !existing.has(d.seedKey));
  // timestamps: false keeps the createdAt/updatedAt a seeder sets itself (history lies in the past).
  if (missing.length) await model.insertMany(missing, { ordered: false, timestamps: false } as never);
  return missing.length;
}
