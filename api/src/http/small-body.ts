// Reads a small raw request body the JSON body parser leaves alone (a form POST, a DELETE with a body).
import type { Context } from "koa";
import { Problem } from "./problem";

export async function readSmallBody(ctx: Context, limit: number): Promise<string> {
  const declared = Number(ctx.get("content-length") || 0);
  if (declared > limit) throw new Problem(413, "Payload too large", `At most ${limit} bytes`, undefined, undefined, { code: "payload_too_large" });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of ctx.req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > limit) throw new Problem(413, "Payload too large", `At most ${limit} bytes`, undefined, undefined, { code: "payload_too_large" });
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString("utf8");
}
