// Writes deterministic synthetic data (see generate.ts) idempotently: re-running never duplicates.
import { Member } from "../api/src/models/member";
import { generateMembers, type MemberSeed } from "./generate";
import { seedCore } from "./core";
import { seedTimeEntries } from "./budgets";

export interface SeedOptions {
  members: number;
  seed: number;
  now: Date;
  progress?: (what: string, done: number, total: number) => void;
}

export type Seeder = (members: { id: string; seed: MemberSeed }[], opts: SeedOptions) => Promise<Record<string, number>>;

/** Further seeders (pools, requests, time entries) register here. */
export const seeders: Seeder[] = [];
seeders.push(seedCore);
seeders.push(seedTimeEntries);

const BATCH = 500;

export async function seedDatabase(opts: SeedOptions): Promise<Record<string, number>> {
  const generated = generateMembers({ count: opts.members, seed: opts.seed, now: opts.now });
  // Idempotent by seed key: members already present are kept as they are (they may have edited their
  // profile); only missing ones are inserted. Plain inserts, because updates scan on FerretDB/SQLite.
  const existing = new Set((await Member.find({ seedKey: { $exists: true } }, { seedKey: 1 }).lean()).map((d) => d.seedKey));
  const missing = generated.filter((m) => !existing.has(m.key));
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    await Member.insertMany(
      batch.map((m) => ({
        seedKey: m.key,
        userId: `seed:${m.key}`,
        name: m.name,
        email: m.email,
        phone: m.phone,
        unitId: m.unitId,
        networks: m.networks,
        expertise: m.expertise,
        languages: m.languages,
        availability: m.availability,
        consent: m.consent,
        active: m.active,
        joinedAt: m.joinedAt,
      })),
      { ordered: false },
    );
    opts.progress?.("members", Math.min(i + BATCH, missing.length), missing.length);
  }
  const ids = await Member.find({ seedKey: { $in: generated.map((m) => m.key) } }, { seedKey: 1 }).lean();
  const byKey = new Map(ids.map((d) => [d.seedKey!, String(d._id)]));
  const members = generated.map((seed) => ({ id: byKey.get(seed.key)!, seed }));
  const counts: Record<string, number> = { members: members.length };
  for (const s of seeders) Object.assign(counts, await s(members, opts));
  return counts;
}
import { seedHelpline } from "./helpline";
seeders.push(seedHelpline); // helpline roster and calls
