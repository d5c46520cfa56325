// Builds Mailpit (github.com/axllent/mailpit, a real SMTP server with an HTTP API) into .bin/mailpit when a
// Go toolchain is present. Only the e-mail tests and bench:notify use it; without Go they say they are skipped.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const VERSION = "v1.33.1";
const root = new URL("..", import.meta.url).pathname;
const bin = join(root, ".bin");
const out = join(bin, "mailpit");

if (process.env.SKIP_MAILPIT_BUILD) process.exit(0);
const go = spawnSync("go", ["version"], { encoding: "utf8" });
if (go.status !== 0) {
  console.warn("[mailpit] no Go toolchain found: skipping the Mailpit build (the e-mail tests will be skipped).");
  process.exit(0);
}
if (existsSync(out)) {
  const v = spawnSync(out, ["version", "--no-release-check"], { encoding: "utf8" });
  if (v.status === 0 && v.stdout.includes(VERSION)) {
    console.log("[mailpit] up to date:", out);
    process.exit(0);
  }
}
mkdirSync(bin, { recursive: true });
console.log(`[mailpit] building Mailpit ${VERSION} with`, go.stdout.trim(), "(first build takes a minute or two)...");
const build = spawnSync("go", ["install", "-ldflags", `-X github.com/axllent/mailpit/config.Version=${VERSION}`, `github.com/axllent/mailpit@${VERSION}`], {
  stdio: "inherit",
  env: { ...process.env, GOBIN: bin },
});
if (build.status !== 0) {
  // Not fatal: the service itself does not need Mailpit.
  console.warn("[mailpit] build failed; the e-mail tests will be skipped.");
  process.exit(0);
}
console.log("[mailpit] built", out);
