#!/usr/bin/env bash
# Load test of the prediction service on loopback with wrk: 1-row and 100-row POST /predict against `gangway serve`
# (titanic.yaml bundle), and 1-row POST against a bare Kestrel endpoint answering a constant (bench/Gangway.BareKestrel)
# in the same run, alternating, N runs of D seconds each at C connections and T wrk threads. The service runs as a user
# starts it (`gangway serve --model ... --urls ...`: default logging, one access line per request), its standard error
# going to a file; nothing is quieted. Prints requests/s and p99 latency per run, then medians and the service/bare ratio.
# Targets: ratio >= 0.90, p99 < 5 ms at 8 connections, 100-row >= 200,000 rows/s.
# Usage: bench/serve-bench.sh [runs] [seconds] [connections] [threads]   (defaults 5 10 8 1; needs wrk: apt-get install wrk)
# DEPLOYMENT=1 serves issue 14's configuration instead of one bundle: `gangway serve --deployment titanic` with its
# defaults (the prediction log on, into the store: SQLite), champion and challenger at 90/10 sticky by the
# X-Customer-Id header (wrk sends one), and the notebook's model as a shadow scoring every record after the answer.
# Either way the service's store is a fresh SQLite file under bench/out (GANGWAY_STORE), never the working directory's.
set -euo pipefail
runs=${1:-5}; seconds=${2:-10}; connections=${3:-8}; threads=${4:-1}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v wrk > /dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 2; }
out=bench/out; mkdir -p "$out"
service_port=${SERVICE_PORT:-18090}; bare_port=${BARE_PORT:-18091}

echo "building (Release)"
dotnet build src/Gangway.Cli -c Release --nologo -v quiet -clp:ErrorsOnly > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
dotnet build bench/Gangway.BareKestrel -c Release --nologo -v quiet -clp:ErrorsOnly >> "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
# Run from a copy: a rebuild during the run must not replace the files the service has loaded.
rm -rf "$out/serve-bin"; cp -r src/Gangway.Cli/bin/Release/net10.0 "$out/serve-bin"
cli="$out/serve-bin/Gangway.Cli.dll"
rm -f "$out"/serve-store.db*
export GANGWAY_STORE="sqlite:$root/$out/serve-store.db"
dotnet "$cli" train --spec examples/titanic/titanic.yaml --data examples/titanic/data/train.csv --out "$out/serve.gwb" -q > /dev/null
serve_what=(--model "$out/serve.gwb")
customer=""
if [[ "${DEPLOYMENT:-0}" == 1 ]]; then
  source bench/titanic-deployment.sh
  deploy_titanic "$cli" "$GANGWAY_STORE" "$out" serve-bench
  serve_what=(--deployment titanic)
  customer='wrk.headers["X-Customer-Id"] = "customer-42"\n'
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; }
trap cleanup EXIT
# Started exactly as the README shows, access log on; its lines go to a file, as a service's logs would.
dotnet "$cli" serve "${serve_what[@]}" --urls "http://127.0.0.1:$service_port" > "$out/serve.log" 2>&1 &
pids+=($!)
dotnet bench/Gangway.BareKestrel/bin/Release/net10.0/Gangway.BareKestrel.dll --urls "http://127.0.0.1:$bare_port" > "$out/bare.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do
  curl -sf "http://127.0.0.1:$service_port/health/ready" > /dev/null && curl -sf -X POST "http://127.0.0.1:$bare_port/predict" -d '{}' > /dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$service_port/health/ready" > /dev/null || { cat "$out/serve.log" >&2; echo "service did not become ready" >&2; exit 1; }

record='{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}'
one="[$record]"
hundred="[$(for _ in $(seq 99); do printf '%s,' "$record"; done)$record]"
lua() { # $1 body file → wrk script
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'"$customer"'local f = io.open("%s"); wrk.body = f:read("*a"); f:close()\n' "$1"
}
printf '%s' "$one" > "$out/one.json"; printf '%s' "$hundred" > "$out/hundred.json"
lua "$root/$out/one.json" > "$out/one.lua"; lua "$root/$out/hundred.json" > "$out/hundred.lua"
# Sanity: the service answers 200 to both bodies.
for body in one hundred; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$service_port/predict" -H 'Content-Type: application/json' --data-binary "@$out/$body.json")
  [[ "$code" == 200 ]] || { echo "service answered $code to the $body-row body" >&2; exit 1; }
done

run() { # $1 url, $2 script → "requests/s p99_ms non2xx"
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$2" "$1" > "$out/wrk.txt"
  awk '/Requests\/sec/ { rps = $2 } /^ +99%/ { v = $2; ms = v; if (v ~ /us$/) { sub(/us$/, "", v); ms = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); ms = v } else if (v ~ /s$/) { sub(/s$/, "", v); ms = v * 1000 } } /Non-2xx/ { bad = $NF } END { printf "%.0f %.3f %d\n", rps, ms, bad + 0 }' "$out/wrk.txt"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Warm-up (not counted): JIT tiers and pools settle in both servers before anything is measured.
run "http://127.0.0.1:$bare_port/predict" "$out/one.lua" > /dev/null
run "http://127.0.0.1:$service_port/predict" "$out/one.lua" > /dev/null
run "http://127.0.0.1:$service_port/predict" "$out/hundred.lua" > /dev/null
echo "wrk -t$threads -c$connections -d${seconds}s, $runs alternating runs; service logs in $out/serve.log"
metric() { curl -sf "http://127.0.0.1:$service_port/metrics" | awk -v m="$1" '$1 ~ "^"m { s += $2 } END { printf "%.0f", s }'; }
# The 100-row run leaves a backlog in the prediction log; the next 1-row run must not pay for it, so each service run
# starts with an empty queue (at most 60 s of waiting) and the records it dropped are counted per run.
drained() { for _ in $(seq 120); do [[ "$(metric gangway_prediction_log_queue_length)" == 0 ]] && return 0; sleep 0.5; done; echo "(log queue still not empty)" >&2; }
dropped_now() { metric gangway_prediction_log_dropped_total; }
bare_rps=() svc_rps=() svc_p99=() hundred_rps=() ratios=() errors=0 one_dropped=0 hundred_dropped=0
for i in $(seq "$runs"); do
  read -r b _ _ <<< "$(run "http://127.0.0.1:$bare_port/predict" "$out/one.lua")"
  drained; d0=$(dropped_now)
  read -r s p e1 <<< "$(run "http://127.0.0.1:$service_port/predict" "$out/one.lua")"
  drained; d1=$(dropped_now)
  read -r h _ e2 <<< "$(run "http://127.0.0.1:$service_port/predict" "$out/hundred.lua")"
  drained; d2=$(dropped_now)
  one_dropped=$((one_dropped + d1 - d0)) hundred_dropped=$((hundred_dropped + d2 - d1))
  r=$(awk -v a="$s" -v b="$b" 'BEGIN { printf "%.3f", a / b }')
  bare_rps+=("$b") svc_rps+=("$s") svc_p99+=("$p") hundred_rps+=("$h") ratios+=("$r"); errors=$((errors + e1 + e2))
  echo "run $i: bare ${b} req/s | service 1-row ${s} req/s (ratio ${r}), p99 ${p} ms, log dropped $((d1 - d0)) | service 100-row ${h} req/s = $((h * 100)) rows/s, log dropped $((d2 - d1))"
done
mb=$(median "${bare_rps[@]}"); ms=$(median "${svc_rps[@]}"); mp=$(median "${svc_p99[@]}"); mh=$(median "${hundred_rps[@]}"); mr=$(median "${ratios[@]}")
# The ratio is the median of each run's service/bare pair, measured back to back: steadier than a ratio of medians when
# the machine's other load drifts.
echo "median: bare ${mb} req/s; service 1-row ${ms} req/s; ratio ${mr} (ratio of medians $(awk -v a="$ms" -v b="$mb" 'BEGIN { printf "%.2f", a / b }')), p99 ${mp} ms; 100-row $(awk -v h="$mh" 'BEGIN { printf "%.0f", h * 100 }') rows/s; non-2xx answers ${errors}"
dropped=$(curl -sf "http://127.0.0.1:$service_port/metrics" | awk '/^gangway_access_log_dropped_total/ { print $2 }')
echo "access lines written: $(grep -c ' info: POST /predict ' "$out/serve.log" || true); dropped (queue full): ${dropped:-?}"
sleep 2
echo "prediction log: written $(metric gangway_prediction_log_written_total), dropped $(metric gangway_prediction_log_dropped_total) (measured 1-row runs ${one_dropped}, 100-row runs ${hundred_dropped}), failed $(metric gangway_prediction_log_failed_total); shadow skipped $(metric gangway_shadow_skipped_total), failed $(metric gangway_shadow_failures_total)"
