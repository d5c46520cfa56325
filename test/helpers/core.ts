// Helpers for the core-loop integration tests (requests, offers, realtime).
import type { Client } from "./http";

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 10_000): Promise<T> {
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
