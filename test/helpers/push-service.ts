// A Web Push service on loopback for tests: subscriptions get real P-256 keys and auth secrets, and every
// message web-push sends is DECRYPTED (RFC 8291, aes128gcm via http_ece) with the subscription's private
// key, so tests see the real payload with its TTL and Urgency headers and the VAPID claims (verified).
// Each subscription answers 201 unless told otherwise (404/410/500).
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as ece from "http_ece";

export interface ReceivedPush {
  subscription: string;
  at: number;
  ttl: number;
  urgency: string | undefined;
  topic: string | undefined;
  contentEncoding: string | undefined;
  /** The VAPID key the sender signed with, after verifying the JWT's ES256 signature. */
  vapidKey: string;
  vapidClaims: { aud: string; exp: number; sub: string };
  payload: any;
  plaintext: string;
  answered: number;
}

interface Sub {
  id: string;
  ecdh: ECDH;
  auth: Buffer;
  answer: number;
}

function verifyVapid(header: string | undefined, audience: string) {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!m) throw new Error(`no VAPID authorization: ${header}`);
  const [, jwt, k] = m as unknown as [string, string, string];
  const [h, p, s] = jwt.split(".") as [string, string, string];
  const raw = Buffer.from(k, "base64url");
  const key = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") },
    format: "jwk",
  });
  if (!verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url"))) throw new Error("VAPID signature invalid");
  const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  if (claims.aud !== audience) throw new Error(`VAPID aud ${claims.aud} is not ${audience}`);
  return { vapidKey: k, vapidClaims: claims };
}

export class TestPushService {
  readonly received: ReceivedPush[] = [];
  readonly errors: string[] = [];
  private subs = new Map<string, Sub>();
  private server?: Server;
  url = "";

  static async start(): Promise<TestPushService> {
    const s = new TestPushService();
    s.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const id = /^\/push\/([\w-]+)$/.exec(req.url ?? "")?.[1];
        const sub = id ? s.subs.get(id) : undefined;
        if (req.method !== "POST" || !sub) {
          res.writeHead(404).end();
          return;
        }
        try {
          const body = Buffer.concat(chunks);
          const vapid = verifyVapid(req.headers.authorization, s.url);
          const plain = ece.decrypt(body, { version: "aes128gcm", privateKey: sub.ecdh, authSecret: sub.auth }).toString("utf8");
          s.received.push({
            subscription: sub.id,
            at: Date.now(),
            ttl: Number(req.headers.ttl),
            urgency: req.headers.urgency as string | undefined,
            topic: req.headers.topic as string | undefined,
            contentEncoding: req.headers["content-encoding"] as string | undefined,
            ...vapid,
            payload: JSON.parse(plain),
            plaintext: plain,
            answered: sub.answer,
          });
          res.writeHead(sub.answer, sub.answer === 201 ? { location: `${s.url}/message/${randomBytes(6).toString("hex")}` } : {}).end();
        } catch (err) {
          s.errors.push(String((err as Error).message));
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((r) => s.server!.listen(0, "127.0.0.1", r));
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  /** A new browser subscription as PushManager.subscribe() would give it (toJSON shape). */
  subscribe(): { endpoint: string; keys: { p256dh: string; auth: string } } {
    const id = randomBytes(8).toString("hex");
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const sub: Sub = { id, ecdh, auth: randomBytes(16), answer: 201 };
    this.subs.set(id, sub);
    return { endpoint: `${this.url}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: sub.auth.toString("base64url") } };
  }

  /** What the service answers for this subscription from now on (e.g. 410 Gone). */
  answer(endpoint: string, status: number): void {
    const sub = this.subs.get(endpoint.split("/").pop()!);
    if (!sub) throw new Error("unknown subscription");
    sub.answer = status;
  }

  messagesFor(endpoint: string): ReceivedPush[] {
    const id = endpoint.split("/").pop();
    return this.received.filter((m) => m.subscription === id);
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
