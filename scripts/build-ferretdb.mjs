// Builds the embedded FerretDB (tools/ferretdb) into .bin/ when a Go toolchain is present.
// Without Go the service falls back to mongodb-memory-server or MONGO_URL (see README).
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
// tools/ferretdb/overlay/*.go replace files of the FerretDB module at build time: the module is copied to
// a temp dir, patched, and used through a `replace` in a temporary go.mod (go build -modfile; Go refuses
// -overlay for files in the module cache). OVERLAY maps each file to its path inside the module.
const OVERLAY = {
  "collection.go": "internal/backends/sqlite/collection.go", // _id lookups use the primary key
  "write_lock.go": "internal/handler/write_lock.go", // one writer per collection for read-modify-write commands
};
// Small edits of module files, each of which must match exactly (a FerretDB upgrade that moves them fails the build).
const PATCHES = [
  ...["MsgUpdate", "MsgDelete", "MsgFindAndModify"].map((fn) => ({
    file: "internal/handler/commands.go",
    from: `Handler: h.${fn},`,
    to: `Handler: serializedWrites(h.${fn}),`,
  })),
  // Every SQL statement was logged at debug level through `logger.With(args)`, which formats the arguments
  // (each stored document, quoted) whatever the level: a fifth of the store's CPU on inserts. Only when enabled.
  ...["db", "tx"].flatMap((v) =>
    [">>>", "<<<"].map((dir) => ({
      file: `internal/util/fsql/${v}.go`,
      from: `${v}.l.With(fields...).DebugContext(ctx, fmt.Sprintf("${dir} %s", query))`,
      to: `if ${v}.l.Enabled(ctx, slog.LevelDebug) { ${v}.l.With(fields...).DebugContext(ctx, fmt.Sprintf("${dir} %s", query)) }`,
    })),
  ),
];
const overlayDir = join(src, "overlay");
const inputs = [
  new URL(import.meta.url).pathname, // the patches above
  join(src, "main.go"),
  join(src, "go.sum"),
  ...readdirSync(overlayDir).map((f) => join(overlayDir, f)),
];
if (existsSync(out) && newest(out) > Math.max(...inputs.map(newest))) {
  console.log("[ferretdb] embedded database is up to date:", out);
  process.exit(0);
}
console.log("[ferretdb] building the embedded FerretDB with", go.stdout.trim(), "(first build takes a minute or two)...");
spawnSync("go", ["mod", "download", "github.com/FerretDB/FerretDB"], { cwd: src, stdio: "inherit" }); // a fresh clone has no module cache yet
const mod = spawnSync("go", ["list", "-m", "-f", "{{.Dir}}", "github.com/FerretDB/FerretDB"], { cwd: src, encoding: "utf8" });
if (mod.status !== 0 || !mod.stdout.trim()) {
  console.error("[ferretdb] cannot locate the FerretDB module:", mod.stderr);
  process.exit(1);
}
const tmp = mkdtempSync(join(tmpdir(), "ndv-ferretdb-build-"));
const patched = join(tmp, "FerretDB");
cpSync(mod.stdout.trim(), patched, { recursive: true });
const writable = (dir) => {
  chmodSync(dir, 0o755); // the module cache is read-only; make the copy removable
  for (const e of readdirSync(dir, { withFileTypes: true })) (e.isDirectory() ? writable : (p) => chmodSync(p, 0o644))(join(dir, e.name));
};
writable(patched);
for (const [file, inModule] of Object.entries(OVERLAY)) {
  copyFileSync(join(overlayDir, file), join(patched, inModule));
}
for (const { file, from, to } of PATCHES) {
  const path = join(patched, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) {
    console.error(`[ferretdb] patch does not apply: "${from}" not found in ${file}`);
    process.exit(1);
  }
  writeFileSync(path, text.replaceAll(from, to));
}
writeFileSync(join(tmp, "build.mod"), `${readFileSync(join(src, "go.mod"), "utf8")}\nreplace github.com/FerretDB/FerretDB => ${patched}\n`);
copyFileSync(join(src, "go.sum"), join(tmp, "build.sum"));
const build = spawnSync("go", ["build", "-modfile", join(tmp, "build.mod"), "-o", out, "."], { cwd: src, stdio: "inherit" });
rmSync(tmp, { recursive: true, force: true });
if (build.status !== 0) {
  console.error("[ferretdb] build failed; set MONGO_URL to use another MongoDB server.");
  process.exit(build.status ?? 1);
}
console.log("[ferretdb] built", out);
