// Helpers for the core-loop integration tests (requests, offers, realtime).
import type { Client } from "./http";
import { Request } from "../../api/src/models/request";
import { Job } from "../../api/src/models/job";
import { dispatchJobKey } from "../../api/src/dispatch/dispatch";

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const somaliRequest = {
  title: "Overlijden kind in Somalisch gezin",
  description: "Familierechercheur zoekt een collega met kennis van Somalische rouwgebruiken.",
  expertise: ["culture.somali", "topic.death-rituals"],
  languages: ["so"],
  urgency: "acute",
  mode: "onsite",
  unitId: "rotterdam",
  estimatedHours: 2,
};

/** Creates a request and waits until its first dispatch round went out. */
export async function createDispatched(client: Client, body: Record<string, unknown>) {
  const res = await client.post("/api/v1/requests", body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  const id = res.body.id as string;
  await waitFor(async () => {
    const r = await client.get(`/api/v1/requests/${id}`);
    return r.body.status !== "open" || r.body.escalationStep ? r : null;
  }, "first dispatch");
  return id;
}

/** Pending offers of a member for one request. */
export async function pendingOffer(member: Client, requestId: string) {
  const res = await member.get("/api/v1/offers?status=pending&limit=200");
  return (res.body.data as any[]).find((o) => o.requestId === requestId);
}

/** Fresh members (real accounts) with a rare required language, so seeded members never match. */
export async function freshMembers(
  admin: Client,
  service: { url: string },
  n: number,
  spec: { unitId: string; language: string; expertise?: { id: string; level: 1 | 2 | 3; visible: boolean }[] },
) {
  const { Client: C } = await import("./http");
  const out: { client: Client; memberId: string; userId: string; name: string }[] = [];
  const stamp = Date.now().toString(36);
  for (let i = 0; i < n; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, async (_, j) => {
        const username = `fm${stamp}${spec.language}${i + j}`;
        const name = `Fresh Member ${spec.language}-${i + j}`;
        const res = await admin.post("/api/v1/admin/users", {
          username,
          password: "test-password-1",
          name,
          email: `${username}@politie.example`,
          phone: "+31611112222",
          roles: ["member"],
          unitId: spec.unitId,
        });
        if (res.status !== 201) throw new Error(`create member failed: ${res.status} ${res.text}`);
        const login = await new C(service.url).post("/api/v1/auth/login", { username, password: "test-password-1" });
        const client = new C(service.url, login.body.token);
        const put = await client.put("/api/v1/members/me", {
          expertise: spec.expertise ?? [{ id: "culture.somali", level: 3, visible: true }],
          languages: ["nl", spec.language],
          consent: { shareExpertise: true },
        });
        if (put.status !== 200) throw new Error(`profile failed: ${put.status} ${put.text}`);
        return { client, memberId: res.body.memberId as string, userId: res.body.id as string, name };
      }),
    );
    out.push(...batch);
  }
  return out;
}

/**
 * Waits until a request's dispatch has come to rest: its current round is waiting on a timeout at least a
 * minute away. A test that writes to the request directly must not do so while a round is running: the
 * round acts on the request as it read it (its offers, its events), not on what the test wrote meanwhile.
 */
export async function dispatchSettled(requestId: string) {
  await waitFor(async () => {
    const r = await Request.findById(requestId, { dispatchRound: 1 }).lean();
    const job = r && (await Job.findById(dispatchJobKey(requestId, r.dispatchRound ?? 0)).lean());
    return job && job.status === "pending" && job.runAt.getTime() > Date.now() + 60_000 ? true : null;
  }, "the request's dispatch to wait on a timeout");
}
