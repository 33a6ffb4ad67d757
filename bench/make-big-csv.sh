#!/usr/bin/env bash
# Writes a CSV of N data rows (default 1,000,000) by repeating the rows of examples/titanic/data/predict.csv.
# Usage: bench/make-big-csv.sh [rows] [out.csv]
set -euo pipefail
rows=${1:-1000000}
out=${2:-bench/out/predict-1m.csv}
src="$(dirname "$0")/../examples/titanic/data/predict.csv"
mkdir -p "$(dirname "$out")"
{
  head -n 1 "$src"
  body=$(tail -n +2 "$src")
  per=$(printf '%s\n' "$body" | wc -l)
  reps=$(( (rows + per - 1) / per ))
  for _ in $(seq "$reps"); do printf '%s\n' "$body"; done | head -n "$rows"
} > "$out"
echo "wrote $(($(wc -l < "$out") - 1)) rows to $out"
