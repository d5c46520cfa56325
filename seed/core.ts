// Seeds the core loop: the standing expertise pools and a history of completed requests (so fairness,
// "recent engagements", has data). Idempotent by seed key. Registered in seed/run.ts; imports only
// types from it so there is no import cycle at run time.
import { randomBytes } from "node:crypto";
import { Pool } from "../api/src/models/pool";
import { Request } from "../api/src/models/request";
import { insertMissing } from "./insert-missing";
import { deriveSeed, exampleRequests, generatePools, mulberry32, type MemberSeed } from "./generate";
import type { SeedOptions } from "./run";

const DAY = 86_400_000;
export const SEED_REQUESTER_ID = "seed:requester";

export async function seedCore(members: { id: string; seed: MemberSeed }[], opts: SeedOptions): Promise<Record<string, number>> {
  const idByKey = new Map(members.map((m) => [m.seed.key, m.id]));
  const pools = generatePools(members.map((m) => m.seed));
  for (const p of pools) {
    await Pool.updateOne(
      { seedKey: `pool:${p.name}` },
      {
        $set: {
          name: p.name,
          description: p.description,
          expertise: p.expertise,
          unitIds: p.unitIds,
          memberIds: p.memberKeys.flatMap((k) => idByKey.get(k) ?? []),
        },
        $setOnInsert: { createdBy: "seed" },
      },
      { upsert: true },
    );
  }
  const history = await seedHistory(members, opts);
  return { pools: pools.length, historicRequests: history };
}

/** Completed engagements over the last 90 days, modelled on the example requests, by members who fit them. */
async function seedHistory(members: { id: string; seed: MemberSeed }[], opts: SeedOptions): Promise<number> {
  const rnd = mulberry32(deriveSeed(opts.seed, "core-history"));
  const templates = exampleRequests();
  const count = Math.min(60, Math.floor(members.length / 5));
  const ops = [];
  for (let i = 0; i < count; i++) {
    const t = templates[i % templates.length]!;
    const fitting = members.filter(
      (m) => m.seed.active && m.seed.consent.shareExpertise && m.seed.expertise.some((e) => e.visible && t.expertise.includes(e.id)),
    );
    if (!fitting.length) continue;
    const assignee = fitting[Math.floor(rnd() * fitting.length)]!;
    // createdAt < acceptedAt < completedAt: asked, taken within minutes to hours, done within two days.
    const acceptedAt = new Date(opts.now.getTime() - (2 + Math.floor(rnd() * 85)) * DAY);
    const createdAt = new Date(acceptedAt.getTime() - (2 + Math.floor(rnd() * 178)) * 60_000);
    const completedAt = new Date(acceptedAt.getTime() + (1 + Math.floor(rnd() * 48)) * 3_600_000);
    const year = acceptedAt.getUTCFullYear();
    ops.push({
      seedKey: `request:${i}`,
      title: t.title,
      description: t.description,
      expertise: t.expertise,
      languages: t.languages ?? [],
      urgency: t.urgency,
      mode: t.mode,
      unitId: t.unitId,
      estimatedHours: t.estimatedHours,
      status: "completed",
      requesterId: SEED_REQUESTER_ID,
      assigneeMemberId: assignee.id,
      createdAt,
      updatedAt: completedAt,
      acceptedAt,
      completedAt,
      closedAt: completedAt,
      hours: t.estimatedHours,
      escalationStep: "local",
      // Seeded numbers live in their own range (9xxxxx) so they never meet the live counter.
      number: `NDV-${year}-${String(900000 + i).padStart(6, "0")}`,
      refSalt: randomBytes(24).toString("base64url"),
      dispatchRound: 1,
    });
  }
  await insertMissing(Request, ops);
  opts.progress?.("historic requests", ops.length, ops.length);
  return ops.length;
}
