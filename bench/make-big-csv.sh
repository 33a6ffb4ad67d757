#!/usr/bin/env bash
# Writes a CSV of N data rows (default 1,000,000) by repeating the rows of a source CSV (default
# examples/titanic/data/predict.csv; bench/evaluate-bench.sh passes a labelled one).
# With JITTER_SEED=n set, every row is perturbed so the rows are genuinely different passengers for a model rather
# than copies: Age moves by up to ±10% and ±1 year (a blank stays blank, kept within 0.1–100), Fare is multiplied by
# e^u with u uniform in ±0.3 (blank stays blank), SibSp and Parch move by one up or down with chance 1/10 each (never
# below 0), and PassengerId becomes the row number. Deterministic for a seed (awk's srand).
# Usage: [JITTER_SEED=42] bench/make-big-csv.sh [rows] [out.csv] [source.csv]
set -euo pipefail
rows=${1:-1000000}
out=${2:-bench/out/predict-1m.csv}
src=${3:-"$(dirname "$0")/../examples/titanic/data/predict.csv"}
mkdir -p "$(dirname "$out")"
repeat() {
  head -n 1 "$src"
  body=$(tail -n +2 "$src")
  per=$(wc -l <<< "$body")
  # Whole copies, then the first rows of one more; no `| head` on the loop, which would die of SIGPIPE under pipefail.
  for _ in $(seq "$((rows / per))"); do printf '%s\n' "$body"; done
  if (( rows % per > 0 )); then head -n "$((rows % per))" <<< "$body"; fi
}
# Fields are counted from the end (Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked): a quoted Name may hold commas.
jitter() {
  awk -v seed="$JITTER_SEED" 'BEGIN { FS = OFS = ","; srand(seed) }
    NR == 1 { print; next }
    {
      if ($(NF - 6) != "") { a = $(NF - 6) * (0.9 + 0.2 * rand()) + 2 * rand() - 1; $(NF - 6) = sprintf("%.2f", a < 0.1 ? 0.1 : (a > 100 ? 100 : a)) }
      if ($(NF - 2) != "") $(NF - 2) = sprintf("%.4f", $(NF - 2) * exp(0.6 * rand() - 0.3))
      for (f = NF - 5; f <= NF - 4; f++) { u = rand(); if (u < 0.1) $f = $f + 1; else if (u < 0.2 && $f > 0) $f = $f - 1 }
      $1 = NR - 1
      print
    }'
}
if [[ -n "${JITTER_SEED:-}" ]]; then repeat | jitter > "$out"; else repeat > "$out"; fi
echo "wrote $(($(wc -l < "$out") - 1)) rows to $out${JITTER_SEED:+ (jittered, seed $JITTER_SEED)}"
