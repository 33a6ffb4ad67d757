#!/usr/bin/env bash
# Writes a CSV of N data rows (default 1,000,000) by repeating the rows of a source CSV (default
# examples/titanic/data/predict.csv; bench/evaluate-bench.sh passes a labelled one).
# Usage: bench/make-big-csv.sh [rows] [out.csv] [source.csv]
set -euo pipefail
rows=${1:-1000000}
out=${2:-bench/out/predict-1m.csv}
src=${3:-"$(dirname "$0")/../examples/titanic/data/predict.csv"}
mkdir -p "$(dirname "$out")"
{
  head -n 1 "$src"
  body=$(tail -n +2 "$src")
  per=$(wc -l <<< "$body")
  # Whole copies, then the first rows of one more; no `| head` on the loop, which would die of SIGPIPE under pipefail.
  for _ in $(seq "$((rows / per))"); do printf '%s\n' "$body"; done
  if (( rows % per > 0 )); then head -n "$((rows % per))" <<< "$body"; fi
} > "$out"
echo "wrote $(($(wc -l < "$out") - 1)) rows to $out"
