#!/usr/bin/env bash
# Offline drift end to end (issue 15 §6): `gangway monitor drift --model M --data F` over a 1,000,000-row CSV of
# Titanic passengers (bench/make-big-csv.sh), as a user runs it (defaults: the file is scored, so the prediction and the
# probability are compared too), N runs under /usr/bin/time -v; then the same with 100,000 rows to show memory flat in
# the number of rows. Prints per run and as medians: wall seconds (process start to exit), rows/s and peak RSS.
# Target: under 2 s for 1,000,000 rows x 10 columns; memory flat in the number of rows.
# Usage: bench/drift-bench.sh [runs]          (default 3; ROWS=... overrides the large row count)
set -euo pipefail

runs=${1:-3}
rows=${ROWS:-1000000}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "runs must be a positive integer, got '$runs'" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is required (apt-get install time)" >&2; exit 2; }

out=bench/out
cli=src/Gangway.Cli/bin/Release/net10.0/Gangway.Cli.dll
model=$out/titanic-drift.gwb
mkdir -p "$out"
echo "building the CLI (Release)"
dotnet build src/Gangway.Cli -c Release --nologo -v quiet -clp:ErrorsOnly > "$out/build.log" 2>&1 \
    || { cat "$out/build.log" >&2; echo "build failed" >&2; exit 1; }
echo "training examples/titanic/titanic.yaml -> $model"
dotnet "$cli" train --spec examples/titanic/titanic.yaml --data examples/titanic/data/train.csv --out "$model" --no-track \
    > "$out/train.log" 2>&1 || { cat "$out/train.log" >&2; echo "train failed" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
measure() { # $1 rows
    local n=$1 data=$out/predict-$1.csv walls=() rsss=()
    if [[ ! -f "$data" || $(wc -l < "$data") -ne $((n + 1)) ]]; then
        bench/make-big-csv.sh "$n" "$data"
    fi
    for i in $(seq "$runs"); do
        if ! /usr/bin/time -v -o "$tmp/time" dotnet "$cli" monitor drift --model "$model" --data "$data" --json > "$tmp/report.json" 2> "$tmp/stderr"; then
            cat "$tmp/stderr" "$tmp/time" >&2; echo "run $i: monitor drift failed" >&2; exit 1
        fi
        grep -q '"columns"' "$tmp/report.json" || { cat "$tmp/report.json" >&2; echo "run $i: no report" >&2; exit 1; }
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; printf "%.2f", s }' "$tmp/time")
        rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tmp/time")
        walls+=("$wall") rsss+=("$rss")
        echo "$n rows, run $i: wall ${wall} s, $(awk -v r="$n" -v w="$wall" 'BEGIN { printf "%.0f", r / w }') rows/s, peak RSS ${rss} MB"
    done
    echo "$n rows, median: wall $(median "${walls[@]}") s, peak RSS $(median "${rsss[@]}") MB"
}
echo "uptime: $(uptime)"
measure "$rows"
measure 100000
