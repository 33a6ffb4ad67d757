#!/usr/bin/env bash
# End-to-end batch scoring: `gangway predict` over a 1,000,000-row CSV, CSV -> CSV, run N times under /usr/bin/time -v.
# Reports wall seconds (process start to exit: start-up, bundle load, scoring, writing), rows/s and peak RSS per run,
# then the median of each; "scoring" is the CLI's own timer around reading, scoring and writing (no start-up or bundle
# load). Exits non-zero if any step fails.
# Usage: bench/score-1m.sh [runs]          (default 3; ROWS=... overrides the row count)
set -euo pipefail

runs=${1:-3}
rows=${ROWS:-1000000}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "runs must be a positive integer, got '$runs'" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is required (apt-get install time)" >&2; exit 2; }

out=bench/out
cli=src/Gangway.Cli/bin/Release/net10.0/Gangway.Cli.dll
model=$out/titanic.gwb
data=$out/predict-$rows.csv
predictions=$out/predictions-$rows.csv
mkdir -p "$out"

echo "building the CLI (Release)"
dotnet build src/Gangway.Cli -c Release --nologo -v quiet -clp:ErrorsOnly > "$out/build.log" 2>&1 \
    || { cat "$out/build.log" >&2; echo "build failed" >&2; exit 1; }

echo "training examples/titanic/titanic.yaml -> $model"
dotnet "$cli" train --spec examples/titanic/titanic.yaml --data examples/titanic/data/train.csv --out "$model" \
    > "$out/train.log" 2>&1 || { cat "$out/train.log" >&2; echo "train failed" >&2; exit 1; }

if [[ ! -f "$data" || $(wc -l < "$data") -ne $((rows + 1)) ]]; then
    bench/make-big-csv.sh "$rows" "$data"
fi
echo "input: $data ($rows rows, $(( $(stat -c %s "$data") / 1024 / 1024 )) MiB)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
walls=() rates=() rsss=() scorings=()
for i in $(seq "$runs"); do
    if ! /usr/bin/time -v -o "$tmp/time" dotnet "$cli" predict --model "$model" --data "$data" --out "$predictions" \
        > "$tmp/stdout" 2> "$tmp/stderr"; then
        cat "$tmp/stderr" "$tmp/time" >&2
        echo "run $i: predict failed" >&2
        exit 1
    fi
    written=$(( $(wc -l < "$predictions") - 1 ))
    if (( written != rows )); then
        echo "run $i: expected $rows predictions, got $written" >&2
        exit 1
    fi
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:02.51" -> seconds
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; printf "%.2f", s }' "$tmp/time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tmp/time")
    scoring=$(sed -n 's/.*Scored [0-9]* rows in \([0-9.]*\) s.*/\1/p' "$tmp/stderr" "$tmp/stdout" | head -n 1)
    rate=$(awk -v r="$rows" -v w="$wall" 'BEGIN { printf "%.0f", r / w }')
    walls+=("$wall") rates+=("$rate") rsss+=("$rss") scorings+=("${scoring:-nan}")
    echo "run $i: wall ${wall} s, ${rate} rows/s, peak RSS ${rss} MB (scoring ${scoring:-?} s)"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "median of $runs: wall $(median "${walls[@]}") s, $(median "${rates[@]}") rows/s, peak RSS $(median "${rsss[@]}") MB (scoring $(median "${scorings[@]}") s)"
