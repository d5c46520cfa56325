#!/usr/bin/env bash
# Runs the search contract and the integration suites against a real Meilisearch 1.50.0 (the shared test
# server at ../shared/tools/meilisearch/path, next to the project), as CI does after `npm test`:
# starts it on loopback with a generated master key, runs both suites with MEILI_URL, prints their counts,
# checks that no test index is left on the server, and stops it. Extra arguments go to mocha.
set -euo pipefail
cd "$(dirname "$0")/.."

tool=${MEILI_TOOL:-../shared/tools/meilisearch/path} # MEILI_TOOL: elsewhere (e.g. from a worktree)
if [ ! -x "$tool" ]; then
  echo "Meilisearch run skipped: $tool not found (the shared Meilisearch test server is not next to this checkout)"
  exit 0
fi
bin=$("$tool")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ndv-meili-XXXXXX")
key=$(node -e 'console.log(require("node:crypto").randomBytes(24).toString("hex"))')
port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
"$bin" --db-path "$tmp/db" --http-addr "127.0.0.1:$port" --master-key "$key" --no-analytics >"$tmp/server.log" 2>&1 &
pid=$!
stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap stop EXIT

export MEILI_URL="http://127.0.0.1:$port" MEILI_MASTER_KEY="$key"
node -e '
  const until = Date.now() + 30000;
  (async function poll() {
    try { if ((await (await fetch(process.env.MEILI_URL + "/health")).json()).status === "available") return; } catch {}
    if (Date.now() > until) { console.error("Meilisearch did not become available"); process.exit(1); }
    setTimeout(poll, 100);
  })();
' || { cat "$tmp/server.log"; exit 1; }
echo "Meilisearch $("$bin" --version 2>/dev/null | head -1 | sed "s/^meilisearch //") on $MEILI_URL (pid $pid)"

status=0
summary=()
run() {
  local name=$1
  shift
  local log="$tmp/$name.log"
  npx mocha "$@" 2>&1 | tee "$log" || status=1
  summary+=("$name: $(grep -Eo '[0-9]+ (passing|failing|pending)' "$log" | paste -sd, - | sed 's/,/, /g')")
}
run contract 'test/contract/**/*.test.ts' "$@"
run integration 'test/integration/**/*.test.ts' "$@"

# Every test index must be gone (test/helpers/stack.ts and the suites drop what they create).
left=$(node -e '
  fetch(process.env.MEILI_URL + "/indexes?limit=1000", { headers: { Authorization: "Bearer " + process.env.MEILI_MASTER_KEY } })
    .then((r) => r.json()).then((b) => console.log(b.results.map((i) => i.uid).join(" ")));
')
echo
echo "== against Meilisearch ($MEILI_URL)"
printf '   %s\n' "${summary[@]}"
echo "   indexes left on the server: $([ -z "$left" ] && echo 0 || echo "$left")"
[ -z "$left" ] || status=1
exit $status
