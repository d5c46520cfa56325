// `npm run check:client [-- --url http://localhost:3000/api/v1/openapi.json]`: generates TypeScript types
// from the OpenAPI document (served by a running service with --url, else built in-process) with
// openapi-typescript, and compiles a small client against them with tsc --noEmit. Exits 1 on a type error.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { typesFor } from "./openapi-types";

const CLIENT = `import type { paths } from "./schema";

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type NewRequest = NonNullable<Json<"/requests", "post">["requestBody"]>["content"]["application/json"];
type Created = Json<"/requests", "post">["responses"][201]["content"]["application/json"];
type Detail = Json<"/requests/{id}", "get">["responses"][200]["content"]["application/json"];
type Problem = Json<"/requests", "post">["responses"][422]["content"]["application/problem+json"];
type Route = Json<"/helpline/route", "post">["responses"][200]["content"]["application/json"];

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init = { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) };
  const res = await fetch("/api/v1" + url, init);
  if (!res.ok) throw (await res.json()) as Problem;
  return (await res.json()) as T;
}

export async function ask(): Promise<string> {
  const input: NewRequest = {
    title: "Uitvaartrituelen",
    expertise: ["culture.somali"],
    urgency: "acute",
    mode: "phone",
    unitId: "rotterdam",
    estimatedHours: 2,
  };
  const created = await call<Created>("POST", "/requests", input);
  const detail = await call<Detail>("GET", \`/requests/\${created.id}\`);
  const when: string | undefined = detail.createdAt;
  return \`\${created.number} \${detail.status} \${when ?? ""} \${detail.offers?.length ?? 0}\`;
}

export const action = (r: Route): "member" | "rsc" => r.action;
export const code = (p: Problem): string => p.code + (p.errors ?? []).map((e) => e.path + e.code).join();

// @ts-expect-error an urgency outside the list does not compile
export const wrong: NewRequest = { title: "x", expertise: [], urgency: "someday", mode: "phone", unitId: "x", estimatedHours: 1 };
`;

const urlAt = process.argv.indexOf("--url");
const doc = urlAt > 0 ? ((await (await fetch(process.argv[urlAt + 1]!)).json()) as Record<string, unknown>) : undefined;
const dir = mkdtempSync(join(tmpdir(), "ndv-client-"));
try {
  writeFileSync(join(dir, "schema.d.ts"), await typesFor(doc));
  writeFileSync(join(dir, "client.ts"), CLIENT);
  const tsc = join(process.cwd(), "node_modules", "typescript", "bin", "tsc");
  const args = [
    "--noEmit",
    "--strict",
    "--skipLibCheck",
    "--target",
    "es2022",
    "--module",
    "esnext",
    "--moduleResolution",
    "bundler",
    "--lib",
    "es2022,dom",
    "--types",
    "node",
  ];
  execFileSync(process.execPath, [tsc, ...args, join(dir, "client.ts")], { stdio: "inherit" });
  console.log(`client compiled against the types of ${urlAt > 0 ? process.argv[urlAt + 1] : "the generated document"}`);
} catch (err) {
  console.error("the client does not compile against the generated types");
  process.exitCode = 1;
  if (!(err as { status?: number }).status) throw err;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
