// Keys kept with the data: the VAPID key pair (unless given by the environment) and the HMAC secret
// of the e-mail answer links. Generated once per store, read once per process.
import { randomBytes } from "node:crypto";
import webpush from "web-push";
import type { Config } from "../config";
import { settingOnce } from "../models/setting";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

let vapid: Promise<VapidKeys> | undefined;
let linkSecret: Promise<Buffer> | undefined;

export function vapidKeys(config: Pick<Config, "VAPID_PUBLIC_KEY" | "VAPID_PRIVATE_KEY" | "VAPID_SUBJECT">): Promise<VapidKeys> {
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY)
    return Promise.resolve({ publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject: config.VAPID_SUBJECT });
  vapid ??= settingOnce("vapid", () => webpush.generateVAPIDKeys()).then((k) => ({ ...k, subject: config.VAPID_SUBJECT }));
  return vapid;
}

export function offerLinkSecret(): Promise<Buffer> {
  linkSecret ??= settingOnce("offer-link-secret", () => randomBytes(32).toString("base64")).then((s) => Buffer.from(s, "base64"));
  return linkSecret;
}

/** Forgets the cached keys (a service start on another store). */
export function resetKeyCache(): void {
  vapid = undefined;
  linkSecret = undefined;
}
