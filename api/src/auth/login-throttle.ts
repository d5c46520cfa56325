// Login throttling without a lock an attacker can trigger (issue 9, finding 5).
// - Per source address: after `ipFailures` failed logins (any usernames) within the window, each
//   further failure from that address makes it wait, 1 s, 2 s, 4 s … up to `maxDelayMs`.
// - Per username *from one address*: after `freeAttempts` failures the same growing delay applies
//   to that pair only, so guessing `auditor`'s password from one place never stops the real
//   auditor signing in from another.
// - Per username across all addresses: not blocking (that would be the lock we removed), but a
//   spread-out attack on one account is reported when its failures pass 4×, 8×, 16× … freeAttempts.
// The answer while waiting is 429 with Retry-After. Unknown and known usernames are counted alike.
// State is in memory, bounded (least recently used entries are dropped), and uses no timers.

import { RecentMap } from "../domain/recent-map";

export interface ThrottleSettings {
  freeAttempts: number;
  ipFailures: number;
  windowMs: number;
  maxDelayMs: number;
  baseDelayMs?: number;
  maxEntries?: number;
}

export type ThrottleScope = "address" | "account" | "account-all-addresses";

export interface ThrottleEvent {
  scope: ThrottleScope;
  address: string;
  username: string;
  failures: number;
  /** Delay that started (0 for the non-blocking cross-address report). */
  delayMs: number;
  /** Attempts refused while the previous delay ran. */
  refused: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: "address" | "account"; retryAfterMs: number };

interface Counter {
  failures: number;
  last: number;
  blockedUntil: number;
  refused: number;
}

/**
 * Counters of the most recently used keys: at least `max`, at most twice that. A Map deleting its oldest
 * key on every insert got slower with use (V8 walks the deleted slots at its front): a spray of new
 * usernames cost 9 µs per failed login at first and 45–64 µs once the maps were full.
 */
const boundedMap = (max: number) => new RecentMap<string, Counter>(2 * max);
type BoundedMap = ReturnType<typeof boundedMap>;

/** IPv4 as is; IPv4-mapped IPv6 as IPv4; other IPv6 by its /64 (one host usually owns a /64). */
export function addressKey(ip: string): string {
  const v = (ip || "unknown").toLowerCase();
  if (v.startsWith("::ffff:") && v.includes(".")) return v.slice(7);
  if (!v.includes(":")) return v;
  const [head] = v.split("::");
  const groups = v.includes("::") ? [...head!.split(":").filter(Boolean)] : v.split(":");
  return groups.slice(0, 4).join(":") + "::/64";
}

export const normaliseUsername = (u: string) => u.trim().toLowerCase().slice(0, 100);

export class LoginThrottle {
  private byAddress: BoundedMap;
  private byAccount: BoundedMap;
  private byUser: BoundedMap;
  private base: number;

  constructor(
    private s: ThrottleSettings,
    private now: () => number = Date.now,
  ) {
    const max = s.maxEntries ?? 10_000;
    this.byAddress = boundedMap(max);
    this.byAccount = boundedMap(max);
    this.byUser = boundedMap(max);
    this.base = s.baseDelayMs ?? 1000;
  }

  private fresh(map: BoundedMap, key: string, t: number): Counter | undefined {
    const c = map.get(key);
    if (c && t - c.last > this.s.windowMs && t >= c.blockedUntil) {
      map.delete(key);
      return undefined;
    }
    return c;
  }

  /** May this address try this username now? Call before checking the password. */
  check(ip: string, username: string): ThrottleVerdict {
    const t = this.now();
    const a = addressKey(ip);
    const byAddr = this.fresh(this.byAddress, a, t);
    const byAcct = this.fresh(this.byAccount, `${a}\u0000${normaliseUsername(username)}`, t);
    const waits: { scope: "address" | "account"; c: Counter }[] = [];
    if (byAddr && byAddr.blockedUntil > t) waits.push({ scope: "address", c: byAddr });
    if (byAcct && byAcct.blockedUntil > t) waits.push({ scope: "account", c: byAcct });
    if (!waits.length) return { allowed: true };
    const longest = waits.reduce((x, y) => (y.c.blockedUntil > x.c.blockedUntil ? y : x));
    for (const w of waits) w.c.refused++;
    return { allowed: false, scope: longest.scope, retryAfterMs: longest.c.blockedUntil - t };
  }

  /** Records a failed login; returns the throttle events it started (for the audit trail). */
  fail(ip: string, username: string): ThrottleEvent[] {
    const t = this.now();
    const a = addressKey(ip);
    const user = normaliseUsername(username);
    const events: ThrottleEvent[] = [];
    const bump = (map: BoundedMap, key: string, threshold: number, scope: "address" | "account") => {
      const c = this.fresh(map, key, t) ?? { failures: 0, last: t, blockedUntil: 0, refused: 0 };
      c.failures++;
      c.last = t;
      if (c.failures >= threshold) {
        const delayMs = Math.min(this.s.maxDelayMs, this.base * 2 ** Math.min(30, c.failures - threshold));
        c.blockedUntil = t + delayMs;
        events.push({ scope, address: a, username: user, failures: c.failures, delayMs, refused: c.refused });
        c.refused = 0;
      }
      map.set(key, c);
    };
    bump(this.byAddress, a, this.s.ipFailures, "address");
    bump(this.byAccount, `${a}\u0000${user}`, this.s.freeAttempts, "account");
    const u = this.fresh(this.byUser, user, t) ?? { failures: 0, last: t, blockedUntil: 0, refused: 0 };
    u.failures++;
    u.last = t;
    this.byUser.set(user, u);
    const report = 4 * this.s.freeAttempts;
    if (u.failures >= report && Number.isInteger(Math.log2(u.failures / report)))
      events.push({ scope: "account-all-addresses", address: a, username: user, failures: u.failures, delayMs: 0, refused: 0 });
    return events;
  }

  /** A successful login clears this address's count for this username (not the address budget). */
  succeed(ip: string, username: string) {
    this.byAccount.delete(`${addressKey(ip)}\u0000${normaliseUsername(username)}`);
  }

  /** Entries held (for tests of the memory bound). */
  get size() {
    return { address: this.byAddress.size, account: this.byAccount.size, user: this.byUser.size };
  }
}
