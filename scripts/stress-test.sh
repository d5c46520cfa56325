#!/usr/bin/env bash
# Runs the whole suite (`npm test`) RUNS times in a row (default 3) while `stress-ng --cpu 2` keeps
# the machine busy, and prints each run's result and duration. Exit code: 0 only if every run passed.
#   npm run test:stress            (STRESS_RUNS=3, STRESS_CPUS=2)
# Needs Debian's stress-ng (apt-get install stress-ng). CPU-heavy: do not run it beside other work.
set -u
RUNS="${STRESS_RUNS:-3}"
CPUS="${STRESS_CPUS:-2}"
cd "$(dirname "$0")/.."

if ! command -v stress-ng >/dev/null 2>&1; then
  echo "stress-ng is not installed (apt-get install stress-ng)" >&2
  exit 2
fi

stress-ng --cpu "$CPUS" --timeout 0 --quiet &
STRESS_PID=$!
trap 'kill "$STRESS_PID" 2>/dev/null; wait "$STRESS_PID" 2>/dev/null' EXIT INT TERM
echo "stress-ng --cpu $CPUS running (pid $STRESS_PID); npm test × $RUNS"

declare -a RESULTS=()
failed=0
for i in $(seq 1 "$RUNS"); do
  log="$(mktemp -t ndv-stress-run-$i-XXXX.log)"
  start=$(date +%s)
  if npm test >"$log" 2>&1; then rc=0; else rc=$?; failed=1; fi
  secs=$(( $(date +%s) - start ))
  # The whole run's summary (after "== npm test:"), not each lane's as well.
  summary="$(sed -n '/^== npm test:/,$p' "$log" | grep -E '^\s+[0-9]+ (passing|failing|pending)' | tr -s ' ' | tr '\n' ' ')"
  RESULTS+=("run $i: exit $rc in ${secs}s — ${summary:-no mocha summary} (log: $log)")
  echo "${RESULTS[-1]}"
  if [ "$rc" -ne 0 ]; then grep -A12 -E '^\s+[0-9]+\) ' "$log" | head -60; fi
done

echo
echo "== npm test × $RUNS under stress-ng --cpu $CPUS =="
printf '%s\n' "${RESULTS[@]}"
exit "$failed"
