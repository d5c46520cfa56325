// Raw HTTP for attack tests: any method (fetch refuses TRACE), any headers, any body bytes, and a
// chosen loopback source address (127.0.0.x) to play "another machine".
import { request } from "node:http";

export interface RawRes {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: any;
}

export function raw(
  baseUrl: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer; from?: string } = {},
): Promise<RawRes> {
  const u = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        method,
        path: u.pathname + u.search,
        headers: { ...(opts.body !== undefined ? { "content-length": String(Buffer.byteLength(opts.body)) } : {}), ...opts.headers },
        localAddress: opts.from,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: any = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
      },
    );
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** POST JSON from a given source address. */
export const postJsonFrom = (baseUrl: string, from: string, path: string, value: unknown, headers: Record<string, string> = {}) =>
  raw(baseUrl, "POST", path, { from, body: JSON.stringify(value), headers: { "content-type": "application/json", ...headers } });
