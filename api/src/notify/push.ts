// Web Push (RFC 8030/8291/8292): web-push encrypts the payload (aes128gcm) and signs VAPID headers; we send
// the request ourselves with fetch so a plain-HTTP loopback push service works in tests and development.
import webpush from "web-push";
import type { VapidKeys } from "./keys";

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** What the service worker shows (agreed with the PWA side). */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  offerId?: string;
  urgency: string;
}

export interface PushOutcome {
  status: number;
  /** The push service took the message (201, or any 2xx). */
  accepted: boolean;
  /** The subscription is gone (404/410): delete it, never retry. */
  gone: boolean;
  detail?: string;
}

// RFC 8030 §5.3 Urgency: an acute offer may wake a device on low battery; planned ones may wait.
const PUSH_URGENCY = { acute: "high", today: "normal", planned: "low" } as const;

export async function sendPush(
  target: PushTarget,
  payload: PushPayload,
  vapid: VapidKeys,
  opts: { ttlSeconds: number; timeoutMs?: number },
): Promise<PushOutcome> {
  const details = webpush.generateRequestDetails(target, JSON.stringify(payload), {
    vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
    TTL: Math.max(0, Math.floor(opts.ttlSeconds)),
    urgency: PUSH_URGENCY[payload.urgency as keyof typeof PUSH_URGENCY] ?? "normal",
    topic: payload.tag.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 32) || undefined,
    contentEncoding: "aes128gcm",
  });
  const res = await fetch(details.endpoint, {
    method: details.method,
    headers: details.headers as Record<string, string>,
    body: details.body ? new Uint8Array(details.body) : undefined,
    signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    redirect: "error",
  });
  const text = await res.text().catch(() => "");
  return {
    status: res.status,
    accepted: res.status >= 200 && res.status < 300,
    gone: res.status === 404 || res.status === 410,
    detail: text.slice(0, 200) || undefined,
  };
}
