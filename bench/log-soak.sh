#!/usr/bin/env bash
# Soak test of the service with the prediction log on (issue 14): runs `gangway serve` on a fresh SQLite store (the
# default store sink writes the log there), holds a steady 1-row POST /predict rate for a while and reports errors
# (non-2xx and socket errors), the service's memory (RSS) at start, after warm-up and at the end with the growth, the
# database's growth per logged record and the log records the service dropped (from /metrics).
# Targets (issue 14 section 6): 0 errors, RSS growth under 10% after warm-up, 0 dropped log records, database growth
# as expected per record (about 0.7 KB: the row and its indexes; see bench/README.md, "Prediction log append rate").
#
# Usage: bench/log-soak.sh [--minutes M] [--rate R] [--deployment file.yaml]
#   --minutes M        how long to hold the rate (default 10; --minutes 1 is a smoke run)
#   --rate R           requests/s to hold (default: half the 1-row peak measured at the start)
#   --deployment F     serve that deployment file instead of the bundle (its models must be in the store, STORE_DB
#                      below, registered there beforehand with GANGWAY_STORE=sqlite:$STORE_DB, and KEEP_STORE=1)
# Environment:
#   DEPLOYMENT=1       register three models in the fresh store and serve serve-bench.sh's deployment (champion and
#                      challenger 90/10 sticky by X-Customer-Id, the notebook's model as a shadow); each request sends
#                      a random customer id, so both variants answer and the shadow scores every record
#   SERVE_FLAGS        more `gangway serve` flags, e.g. "--prediction-log store --log-retention 30d" (default: none, so
#                      the service's defaults: the log on, into its store)
#   STORE_DB           the SQLite store file (default bench/out/log-soak/gangway.db, deleted first unless KEEP_STORE=1)
#   SERVICE_PORT       default 18093
#   LOG_DROPPED_METRIC, LOG_WRITTEN_METRIC   regexes of the /metrics series summed for dropped and written log records
#                      (default '^gangway_prediction_log[a-z_]*dropped' and '^gangway_prediction_log[a-z_]*written')
# Needs wrk (apt-get install wrk) and python3 (its sqlite3 module counts the logged rows).
set -euo pipefail
minutes=10; rate=""; deployment=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --deployment) deployment=$(realpath "$2"); shift 2 ;;
    *) echo "unknown argument '$1'; usage: bench/log-soak.sh [--minutes M] [--rate R] [--deployment file.yaml]" >&2; exit 2 ;;
  esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v wrk > /dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 2; }
command -v python3 > /dev/null || { echo "python3 is required (to count the logged rows)" >&2; exit 2; }
out="$root/bench/out/log-soak"; mkdir -p "$out"
port=${SERVICE_PORT:-18093}
db=${STORE_DB:-$out/gangway.db}
[[ "${KEEP_STORE:-0}" == 1 ]] || rm -f "$db" "$db-wal" "$db-shm"
dropped_re=${LOG_DROPPED_METRIC:-'^gangway_prediction_log[a-z_]*dropped'}
written_re=${LOG_WRITTEN_METRIC:-'^gangway_prediction_log[a-z_]*written'}
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')

echo "building (Release)"
dotnet build src/Gangway.Cli -c Release --nologo -v quiet -clp:ErrorsOnly > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
# Run from a copy: a rebuild during the run must not replace the files the service has loaded.
rm -rf "$out/bin"; cp -r src/Gangway.Cli/bin/Release/net10.0 "$out/bin"
cli="$out/bin/Gangway.Cli.dll"
dotnet "$cli" train --spec examples/titanic/titanic.yaml --data examples/titanic/data/train.csv --out "$out/soak.gwb" --no-track -q > /dev/null

if [[ "${DEPLOYMENT:-0}" == 1 ]]; then
  source bench/titanic-deployment.sh
  deploy_titanic "$cli" "sqlite:$db" "$out" log-soak
  deployment=titanic
fi

read -r -a flags <<< "${SERVE_FLAGS:-}"
# A deployment names its models itself (serve refuses --model with it); else the bundle trained above.
if [[ -n "$deployment" ]]; then flags+=(--deployment "$deployment"); else flags+=(--model "$out/soak.gwb"); fi
echo "serving with store sqlite:$db and flags: ${flags[*]:-(none)}"
# From the output folder, so that nothing the service writes by default lands in the repository.
(cd "$out" && GANGWAY_STORE="sqlite:$db" Logging__LogLevel__Default=Warning exec dotnet "$cli" serve --urls "http://127.0.0.1:$port" -q "${flags[@]}") > "$out/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && break; kill -0 $pid 2> /dev/null || break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null || { echo "the service did not start:" >&2; cat "$out/serve.log" >&2; exit 1; }

record='{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}'
printf '[%s]' "$record" > "$out/one.json"
pause_ms=20
script() { # $1: pause between requests on one connection, ms (0: none)
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal f = io.open("%s"); wrk.body = f:read("*a"); f:close()\n' "$out/one.json"
  [[ "$1" == 0 ]] || printf 'function delay() return %s end\n' "$1"
  [[ "${DEPLOYMENT:-0}" != 1 ]] || printf 'function request() wrk.headers["X-Customer-Id"] = tostring(math.random(1, 1000000)) return wrk.format() end\n'
}
script 0 > "$out/peak.lua"; script "$pause_ms" > "$out/paced.lua"
rps() { awk '/Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
errors() { awk '/Non-2xx/ { bad += $NF } /Socket errors/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 } END { print bad + 0 }' "$1"; }
rss_kb() { ps -o rss= -p "$pid" | tr -d ' '; }
metric() { curl -sf "http://127.0.0.1:$port/metrics" | awk -v re="$1" '$0 ~ re { sum += $NF; seen = 1 } END { if (seen) printf "%.0f", sum; else print "absent" }'; }
logged_rows() { python3 -c 'import os, sqlite3, sys
p = sys.argv[1]
if not os.path.exists(p): print(0); sys.exit()
c = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
try: print(c.execute("SELECT count(*) FROM predictions").fetchone()[0])
except sqlite3.OperationalError: print(0)' "$db"; }
db_bytes() { local total=0; for f in "$db" "$db-wal"; do [[ -f "$f" ]] && total=$((total + $(stat -c %s "$f"))); done; echo "$total"; }

rss_start=$(rss_kb)
wrk -t2 -c8 -d10s -s "$out/peak.lua" "http://127.0.0.1:$port/predict" > "$out/warmup.txt"
if [[ -z "$rate" ]]; then
  wrk -t2 -c8 -d10s -s "$out/peak.lua" "http://127.0.0.1:$port/predict" > "$out/peak.txt"
  peak=$(rps "$out/peak.txt"); rate=$((peak / 2))
  echo "peak ${peak} req/s; holding half of it"
fi
# Each connection sends about one request per (pause + answer time); the answer takes well under a millisecond here.
connections=$(( (rate * (pause_ms + 1) + 999) / 1000 )); (( connections >= 2 )) || connections=2
echo "holding about ${rate} req/s with ${connections} connections pausing ${pause_ms} ms, for ${seconds} s (after a 30 s settle)"
wrk -t2 -c"$connections" -d30s -s "$out/paced.lua" "http://127.0.0.1:$port/predict" > "$out/settle.txt"
sleep 1 # the log writer's batch window (200 ms by default) drains what the settle queued
rss_warm=$(rss_kb); rows_before=$(logged_rows); bytes_before=$(db_bytes); dropped_before=$(metric "$dropped_re")
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s --latency -s "$out/paced.lua" "http://127.0.0.1:$port/predict" > "$out/soak.txt"
sleep 2
rss_end=$(rss_kb); rows_after=$(logged_rows); bytes_after=$(db_bytes); dropped_after=$(metric "$dropped_re"); written=$(metric "$written_re")
reached=$(rps "$out/soak.txt"); bad=$(errors "$out/soak.txt"); p99=$(awk '/^ +99%/ { print $2 }' "$out/soak.txt")
total=$(awk '/requests in/ { print $1 }' "$out/soak.txt")
warm_bad=$(( $(errors "$out/warmup.txt") + $(errors "$out/settle.txt") ))
kill -0 "$pid" 2> /dev/null && alive=yes || alive=no
growth() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }'; }
logged=$((rows_after - rows_before))

echo "soak ${seconds} s: ${total} requests, ${reached} req/s (asked ${rate}), p99 ${p99}, errors ${bad} (warm-up and settle: ${warm_bad}), service alive: ${alive}"
echo "memory (RSS): start $((rss_start / 1024)) MiB, after warm-up $((rss_warm / 1024)) MiB, end $((rss_end / 1024)) MiB; growth after warm-up $(growth "$rss_warm" "$rss_end")% (from start $(growth "$rss_start" "$rss_end")%)"
if (( logged > 0 )); then
  echo "prediction log: ${logged} records logged during the soak (${rows_after} in all; $(awk -v l="$logged" -v t="$total" 'BEGIN { printf "%.3f", l / t }') per request); database $((bytes_before / 1048576)) MiB -> $((bytes_after / 1048576)) MiB = $(( (bytes_after - bytes_before) / logged )) bytes per logged record"
else
  echo "prediction log: no records logged (this service does not log, or not to sqlite:$db); database $((bytes_before / 1024)) KiB -> $((bytes_after / 1024)) KiB"
fi
echo "dropped log records (${dropped_re}): before ${dropped_before}, end ${dropped_after}; written (${written_re}): ${written}"
[[ "$bad" == 0 && "$warm_bad" == 0 && "$alive" == yes && ( "$dropped_after" == absent || "$dropped_after" == 0 ) ]]
