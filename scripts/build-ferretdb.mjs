// Builds the embedded FerretDB (tools/ferretdb) into .bin/ when a Go toolchain is present.
// Without Go the service falls back to mongodb-memory-server or MONGO_URL (see README).
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, ".bin", "ferretdb");
const src = join(root, "tools", "ferretdb");

if (process.env.SKIP_FERRETDB_BUILD) process.exit(0);
const go = spawnSync("go", ["version"], { encoding: "utf8" });
if (go.status !== 0) {
  console.warn("[ferretdb] no Go toolchain found: skipping the embedded database build (set MONGO_URL, or install Go).");
  process.exit(0);
}
const newest = (p) => statSync(p).mtimeMs;
if (existsSync(out) && newest(out) > Math.max(newest(join(src, "main.go")), newest(join(src, "go.sum")))) {
  console.log("[ferretdb] embedded database is up to date:", out);
  process.exit(0);
}
console.log("[ferretdb] building the embedded FerretDB with", go.stdout.trim(), "(first build takes a minute or two)...");
const build = spawnSync("go", ["build", "-o", out, "."], { cwd: src, stdio: "inherit" });
if (build.status !== 0) {
  console.error("[ferretdb] build failed; set MONGO_URL to use another MongoDB server.");
  process.exit(build.status ?? 1);
}
console.log("[ferretdb] built", out);
