#!/usr/bin/env bash
# Throughput of identical GET queries, measured by wrk (Debian package) from
# a second process, against one API process on a loopback port.
# Usage: bench/wrk.sh [DATABASE_URL]   (default: a new SQLite file, default size)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

PY=${PY:-.venv/bin/python}
PORT=${PORT:-8099}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-100}
workdir=$(mktemp -d)
export DATABASE_URL=${1:-sqlite://$workdir/bench.sqlite3}
$PY -m db.migrate >/dev/null 2>&1
$PY -m dataset.load --if-empty >/dev/null 2>&1

DASHBOARD='query Dashboard { dashboard { registeredVolunteers halls hallCoverage { ratio } projectsByCategory { category count } activitiesThisMonth confirmedHours hoursByTown { townCode minutes } } }'
REGIONS='query Towns { regions(filter: { level: TOWN }) { edges { node { code name parent { code } children { code name } } } } }'

encode() { $PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

run_case() {
  local label=$1 query=$2
  shift 2
  env "$@" PORT=$PORT RATE_LIMIT_REQUESTS=0 $PY -m api >"$workdir/api.log" 2>&1 &
  local server=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  local url="http://127.0.0.1:$PORT/graphql?query=$(encode "$query")"
  wrk -t2 -c"$CONNECTIONS" -d5s "$url" >/dev/null  # warm-up
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
  kill "$server"; wait "$server" 2>/dev/null || true
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "| $label | $rps | $p50 | $p99 | ${errors:-0} |"
}

echo "| case | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|"
run_case "dashboard, response cache 2 s" "$DASHBOARD"
run_case "dashboard, dashboard cache 5 s only" "$DASHBOARD" RESPONSE_CACHE_SECONDS=0
run_case "dashboard, no cache" "$DASHBOARD" RESPONSE_CACHE_SECONDS=0 DASHBOARD_CACHE_SECONDS=0
run_case "towns with children, response cache 2 s" "$REGIONS"
run_case "towns with children, no cache" "$REGIONS" RESPONSE_CACHE_SECONDS=0
rm -rf "$workdir"
