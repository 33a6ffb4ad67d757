#!/usr/bin/env bash
# What the data contract costs in batch scoring: `gangway predict` over a 1,000,000-row CSV with the titanic model
# trained with its contract (titanic.yaml, which names titanic.schema.yaml) and without it (the same spec minus the
# `schema:` line), runs interleaved, N runs each. Reports each run's wall time and the medians and their ratio.
# Target: the contract slows scoring by at most 20% (ratio <= 1.20).
# Usage: bench/validation-overhead.sh [runs]     (default 3; ROWS=... overrides the row count)
set -euo pipefail

runs=${1:-3}
rows=${ROWS:-1000000}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "runs must be a positive integer, got '$runs'" >&2; exit 2; }

out=bench/out
cli=src/Gangway.Cli/bin/Release/net10.0/Gangway.Cli.dll
data=$out/predict-$rows.csv
mkdir -p "$out"

echo "building the CLI (Release)"
dotnet build src/Gangway.Cli -c Release --nologo -v quiet -clp:ErrorsOnly > "$out/build.log" 2>&1 \
    || { cat "$out/build.log" >&2; echo "build failed" >&2; exit 1; }

nocontract=examples/titanic/.bench-no-contract.yaml
trap 'rm -f "$nocontract"' EXIT
grep -v '^schema:' examples/titanic/titanic.yaml > "$nocontract"
dotnet "$cli" train --spec examples/titanic/titanic.yaml --data examples/titanic/data/train.csv --out "$out/with-contract.gwb" -q > /dev/null
dotnet "$cli" train --spec "$nocontract" --data examples/titanic/data/train.csv --out "$out/without-contract.gwb" -q > /dev/null

if [[ ! -f "$data" || $(wc -l < "$data") -ne $((rows + 1)) ]]; then
    bench/make-big-csv.sh "$rows" "$data"
fi

seconds() { # runs predict once, prints wall seconds
    local start end
    start=$(date +%s.%N)
    dotnet "$cli" predict --model "$1" --data "$data" --out "$out/overhead-predictions.csv" -q
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

with=() without=()
for i in $(seq "$runs"); do
    a=$(seconds "$out/without-contract.gwb"); b=$(seconds "$out/with-contract.gwb")
    without+=("$a") with+=("$b")
    echo "run $i: without contract ${a} s, with contract ${b} s"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
m_without=$(median "${without[@]}"); m_with=$(median "${with[@]}")
ratio=$(awk -v a="$m_with" -v b="$m_without" 'BEGIN { printf "%.3f", a / b }')
echo "median: without contract ${m_without} s, with contract ${m_with} s, ratio ${ratio} (target <= 1.20)"
