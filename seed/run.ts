// Writes deterministic synthetic data (see generate.ts) idempotently: re-running updates, never duplicates.
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
  for (let i = 0; i < generated.length; i += BATCH) {
    const batch = generated.slice(i, i + BATCH);
    await Member.bulkWrite(
      batch.map((m) => ({
        updateOne: {
          filter: { seedKey: m.key },
          update: {
            $set: {
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
            },
            $setOnInsert: { seedKey: m.key, userId: `seed:${m.key}` },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    opts.progress?.("members", Math.min(i + BATCH, generated.length), generated.length);
  }
  const ids = await Member.find({ seedKey: { $in: generated.map((m) => m.key) } }, { seedKey: 1 }).lean();
  const byKey = new Map(ids.map((d) => [d.seedKey!, String(d._id)]));
  const members = generated.map((seed) => ({ id: byKey.get(seed.key)!, seed }));
  const counts: Record<string, number> = { members: members.length };
  for (const s of seeders) Object.assign(counts, await s(members, opts));
  return counts;
}
import { seedHelpline } from "./helpline"; seeders.push(seedHelpline); // helpline roster and calls
