#!/usr/bin/env bash
# Soak test of the prediction service: measures the 1-row POST /predict peak with wrk, then holds half that rate for
# D seconds (default 600) and reports errors, the rate reached, latency and the service's memory (RSS) before and
# after. Targets: zero errors (non-2xx answers and socket errors) and RSS growth under 10%.
# The rate is held by a per-connection pause (wrk's delay()): C connections each waiting P ms between requests.
# Usage: bench/soak.sh [seconds]      (needs wrk: apt-get install wrk)
set -euo pipefail
seconds=${1:-600}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v wrk > /dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 2; }
out=bench/out; mkdir -p "$out"
port=${SERVICE_PORT:-18092}

echo "building (Release)"
dotnet build src/Gangway.Cli -c Release --nologo -v quiet -clp:ErrorsOnly > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
# Run from a copy: a rebuild during the run must not replace the files the service has loaded.
rm -rf "$out/soak-bin"; cp -r src/Gangway.Cli/bin/Release/net10.0 "$out/soak-bin"
cli="$out/soak-bin/Gangway.Cli.dll"
dotnet "$cli" train --spec examples/titanic/titanic.yaml --data examples/titanic/data/train.csv --out "$out/soak.gwb" -q > /dev/null

Logging__LogLevel__Default=Warning dotnet "$cli" serve --model "$out/soak.gwb" --urls "http://127.0.0.1:$port" -q > "$out/soak-serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null && break; sleep 1; done

record='{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}'
printf '[%s]' "$record" > "$out/soak.json"
pause_ms=20
script() { # $1: pause between requests on one connection, ms (0: none)
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal f = io.open("%s"); wrk.body = f:read("*a"); f:close()\n' "$root/$out/soak.json"
  [[ "$1" == 0 ]] || printf 'function delay() return %s end\n' "$1"
}
script 0 > "$out/soak-peak.lua"; script "$pause_ms" > "$out/soak-half.lua"
rps() { awk '/Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
errors() { awk '/Non-2xx/ { bad += $NF } /Socket errors/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 } END { print bad + 0 }' "$1"; }
rss_kb() { ps -o rss= -p "$pid" | tr -d ' '; }

wrk -t2 -c8 -d10s -s "$out/soak-peak.lua" "http://127.0.0.1:$port/predict" > /dev/null # warm-up
wrk -t2 -c8 -d10s -s "$out/soak-peak.lua" "http://127.0.0.1:$port/predict" > "$out/soak-peak.txt"
peak=$(rps "$out/soak-peak.txt"); half=$((peak / 2))
# Each connection sends about one request per (pause + answer time); the answer takes well under a millisecond here.
connections=$(( (half * (pause_ms + 1) + 999) / 1000 ))
echo "peak ${peak} req/s; holding about ${half} req/s with ${connections} connections pausing ${pause_ms} ms"
wrk -t2 -c"$connections" -d30s -s "$out/soak-half.lua" "http://127.0.0.1:$port/predict" > /dev/null # settle at the rate
before=$(rss_kb)
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s --latency -s "$out/soak-half.lua" "http://127.0.0.1:$port/predict" > "$out/soak.txt"
after=$(rss_kb)
reached=$(rps "$out/soak.txt"); bad=$(errors "$out/soak.txt"); p99=$(awk '/^ +99%/ { print $2 }' "$out/soak.txt")
total=$(awk '/requests in/ { print $1 }' "$out/soak.txt")
kill -0 "$pid" 2> /dev/null && alive=yes || alive=no
echo "soak ${seconds} s: ${total} requests, ${reached} req/s (half of peak: ${half}), p99 ${p99}, errors ${bad}, service alive: ${alive}"
echo "memory (RSS): before $((before / 1024)) MiB, after $((after / 1024)) MiB, growth $(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')%"
[[ "$bad" == 0 && "$alive" == yes ]]
