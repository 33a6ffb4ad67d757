#!/usr/bin/env bash
# End-to-end `gangway evaluate` over a 1,000,000-row labelled CSV, with the default 1,000 bootstrap resamples and with
# --bootstrap 0 (no intervals), alternating, N times each under /usr/bin/time -v. Everything else is the default, as the
# README starts it: titanic.yaml's slices (Pclass, Sex) get intervals too, and its baseline is scored. Reports wall
# seconds (process start to exit: start-up, bundle load, reading, scoring, metrics, intervals, printing) and peak RSS
# per run, then the medians, their difference (what the intervals cost) and their ratio. Checks that every bootstrap
# run printed the same intervals (same seed, same figures). Exits non-zero if any step fails.
# The headline file holds genuinely different passengers: train.csv and validation.csv (891 labelled passengers) repeated
# and jittered (bench/make-big-csv.sh with JITTER_SEED=42: Age, Fare, SibSp, Parch perturbed), so the model's
# probabilities take many distinct values and no two rows can be merged; the script prints how many distinct
# probabilities there are. The same runs on the plain repetition of the 891 passengers follow (second figure, labelled
# "repeated"): there the rows collapse to a few hundred distinct ones and the intervals cost next to nothing.
# Usage: bench/evaluate-bench.sh [runs]          (default 5; ROWS=... overrides the row count, REPEATED=0 skips the
#                                                 repeated-rows runs)
set -euo pipefail

runs=${1:-5}
rows=${ROWS:-1000000}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "runs must be a positive integer, got '$runs'" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is required (apt-get install time)" >&2; exit 2; }

out=$root/bench/out
cli=$root/src/Gangway.Cli/bin/Release/net10.0/Gangway.Cli.dll
model=$out/titanic-evaluate.gwb
labelled=$out/labelled-891.csv
distinct=$out/labelled-distinct-$rows.csv
repeated=$out/labelled-$rows.csv
mkdir -p "$out"

echo "building the CLI (Release)"
dotnet build src/Gangway.Cli -c Release --nologo -v quiet -clp:ErrorsOnly > "$out/build.log" 2>&1 \
    || { cat "$out/build.log" >&2; echo "build failed" >&2; exit 1; }

echo "training examples/titanic/titanic.yaml -> $model"
dotnet "$cli" train --spec examples/titanic/titanic.yaml --data examples/titanic/data/train.csv --out "$model" --no-track \
    > "$out/train.log" 2>&1 || { cat "$out/train.log" >&2; echo "train failed" >&2; exit 1; }

{ cat examples/titanic/data/train.csv; tail -n +2 examples/titanic/data/validation.csv; } > "$labelled"
if [[ ! -f "$distinct" || $(wc -l < "$distinct") -ne $((rows + 1)) ]]; then
    JITTER_SEED=42 bench/make-big-csv.sh "$rows" "$distinct" "$labelled"
fi
if [[ ${REPEATED:-1} != 0 && ( ! -f "$repeated" || $(wc -l < "$repeated") -ne $((rows + 1)) ) ]]; then
    bench/make-big-csv.sh "$rows" "$repeated" "$labelled"
fi
# How many different probabilities the model gives the rows: what decides whether rows can be merged.
dotnet "$cli" predict --model "$model" --data "$distinct" --out "$out/distinct-predictions.csv" -q > /dev/null
probabilities=$(awk -F, 'NR == 1 { p = 0; for (f = 1; f <= NF; f++) if ($f == "probability") p = f; next } { if (!p) exit 1; print $p }' "$out/distinct-predictions.csv" | sort -u | wc -l)
echo "input: $distinct ($rows rows, $(( $(stat -c %s "$distinct") / 1024 / 1024 )) MiB, $probabilities distinct probabilities)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# An empty working directory: no default model store, so evaluate records nothing (and hashes no 1M-row file).
mkdir "$tmp/work"

# evaluate <resamples> <run>: prints "wall cpu rss" (cpu = user + system seconds, less sensitive than wall to other work
# on the machine); keeps the report of the run in $tmp/report-<resamples>-<run>.
evaluate() {
    local resamples=$1 run=$2 data=$3
    if ! (cd "$tmp/work" && /usr/bin/time -v -o "$tmp/time" dotnet "$cli" evaluate --model "$model" --data "$data" \
        --bootstrap "$resamples" > "$tmp/report-$resamples-$run" 2> "$tmp/stderr"); then
        cat "$tmp/stderr" "$tmp/time" >&2
        echo "run $run: evaluate --bootstrap $resamples failed" >&2
        exit 1
    fi
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:02.51" -> seconds
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; w = s }
                /User time \(seconds\)|System time \(seconds\)/ { c += $2 }
                /Maximum resident set size/ { r = $2 / 1024 }
                END { printf "%.2f %.2f %.0f\n", w, c, r }' "$tmp/time"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure <label> <data>: the alternating runs over one file, then their medians.
measure() {
local label=$1 data=$2
echo "== $label rows: $data"
with=() without=() cpu_with=() cpu_without=() rss_with=() rss_without=()
for i in $(seq "$runs"); do
    read -r wall cpu rss < <(evaluate 1000 "$i" "$data")
    with+=("$wall") cpu_with+=("$cpu") rss_with+=("$rss")
    read -r wall0 cpu0 rss0 < <(evaluate 0 "$i" "$data")
    without+=("$wall0") cpu_without+=("$cpu0") rss_without+=("$rss0")
    echo "run $i: --bootstrap 1000 ${wall} s wall, ${cpu} s CPU, peak RSS ${rss} MB; --bootstrap 0 ${wall0} s wall, ${cpu0} s CPU, peak RSS ${rss0} MB; load $(cut -d' ' -f1 /proc/loadavg)"
done

grep -q '\[' "$tmp/report-1000-1" || { cat "$tmp/report-1000-1" >&2; echo "the bootstrap run printed no intervals" >&2; exit 1; }
for i in $(seq 2 "$runs"); do
    cmp -s "$tmp/report-1000-1" "$tmp/report-1000-$i" || { diff "$tmp/report-1000-1" "$tmp/report-1000-$i" >&2; echo "run $i printed other figures than run 1" >&2; exit 1; }
done

m1=$(median "${with[@]}") m0=$(median "${without[@]}")
echo "$label: median of $runs: --bootstrap 1000 $m1 s wall, $(median "${cpu_with[@]}") s CPU, peak RSS $(median "${rss_with[@]}") MB;" \
    "--bootstrap 0 $m0 s wall, $(median "${cpu_without[@]}") s CPU, peak RSS $(median "${rss_without[@]}") MB"
awk -v a="$m1" -v b="$m0" 'BEGIN { printf "intervals cost %.2f s; ratio %.2f; target: --bootstrap 1000 under 5 s: %s\n", a - b, a / b, (a < 5 ? "met" : "missed") }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); report of run 1:"
cat "$tmp/report-1000-1"
}

echo "uptime: $(uptime)"
measure distinct "$distinct"
if [[ ${REPEATED:-1} != 0 ]]; then measure repeated "$repeated"; fi
echo "uptime: $(uptime)"
