// The service's own origin, and whether a request's Origin/Referer is it (CSRF, socket handshake).
// Forwarded headers (X-Forwarded-Host/-Proto) count only when TRUST_PROXY says a proxy sets them.
import type { Config } from "../config";

export interface RequestFacts {
  /** Host header, or X-Forwarded-Host when the proxy is trusted. */
  host: string;
  protocol: string;
}

/** Headers of a plain Node request → host and protocol, honouring TRUST_PROXY only. */
export function requestFacts(headers: Record<string, string | string[] | undefined>, encrypted: boolean, trustProxy: boolean): RequestFacts {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(",")[0]?.trim() ?? "";
  const host = (trustProxy && first(headers["x-forwarded-host"])) || first(headers.host);
  const protocol = (trustProxy && first(headers["x-forwarded-proto"])) || (encrypted ? "https" : "http");
  return { host, protocol };
}

/** The origin links should be built on: PUBLIC_URL when set, else the request's (trusted) host. */
export function publicBaseUrl(config: Pick<Config, "PUBLIC_URL">, facts: RequestFacts): string {
  return (config.PUBLIC_URL ?? `${facts.protocol}://${facts.host}`).replace(/\/$/, "");
}

function parseOrigin(value: string | undefined): URL | undefined {
  if (!value || value === "null") return undefined;
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `originOrReferer` is this service: the origin of PUBLIC_URL, or the same host (and port)
 * the request was sent to. The scheme of the host match is not compared, because a TLS proxy that
 * is not declared with TRUST_PROXY makes an https page reach us over http.
 */
export function isOwnOrigin(originOrReferer: string | undefined, config: Pick<Config, "PUBLIC_URL">, facts: RequestFacts): boolean {
  const o = parseOrigin(originOrReferer);
  if (!o) return false;
  if (config.PUBLIC_URL) {
    const pub = parseOrigin(config.PUBLIC_URL);
    if (pub && pub.origin === o.origin) return true;
  }
  return !!facts.host && o.host.toLowerCase() === normaliseHost(facts.host, o.protocol);
}

/** "example.org:443" for https → "example.org" (URL.host drops default ports). */
function normaliseHost(host: string, protocol: string): string {
  const h = host.toLowerCase();
  if ((protocol === "https:" && h.endsWith(":443")) || (protocol === "http:" && h.endsWith(":80"))) return h.replace(/:\d+$/, "");
  return h;
}
