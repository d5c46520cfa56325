// Before `npm start`: builds the web app when web/dist is missing or older than its sources.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "web", "dist", "index.html");

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// The app, its service worker (web/sw), icons (web/public) and the files that configure the build.
const files = ["index.html", "vite.config.ts", "manifest.ts"].map((f) => statSync(join(root, "web", f)).mtimeMs);
const sources = Math.max(newest(join(root, "web", "src")), newest(join(root, "web", "sw")), newest(join(root, "web", "public")), ...files);
if (existsSync(dist) && statSync(dist).mtimeMs >= sources) process.exit(0);
console.log("[web] building the web app (web/dist)...");
const r = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
