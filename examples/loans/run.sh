#!/usr/bin/env bash
# The main job on the simulated loans: train the recommended model (logistic regression) and the LightGBM comparison,
# evaluate both on held-out data, and score the prediction file. Prints where everything went.
# Usage: examples/loans/run.sh [out-dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
example="$root/examples/loans"
out="${1:-$root/out/loans}"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building the gangway CLI (Release)"
dotnet build "$root/src/Gangway.Cli" -c Release --nologo -v quiet -clp:ErrorsOnly
gangway() { dotnet "$root/src/Gangway.Cli/bin/Release/net10.0/Gangway.Cli.dll" "$@"; }

for model in loans loans-gbm; do
  echo
  echo "== train $model"
  gangway train --spec "$example/$model.yaml" --data "$example/data/train.csv" --out "$out/$model.gwb"
  echo
  echo "== evaluate $model on validation.csv (the trained model, no refitting)"
  gangway evaluate --model "$out/$model.gwb" --data "$example/data/validation.csv" --out "$out/$model-metrics.json"
done

echo
echo "== predict with loans on predict.csv"
gangway predict --model "$out/loans.gwb" --data "$example/data/predict.csv" --out "$out/predictions.csv"

cat <<DONE

Done. Everything is in $out:
  loans.gwb, loans-gbm.gwb                     model bundles (inspect with: gangway inspect $out/loans.gwb)
  loans-metrics.json, loans-gbm-metrics.json   metrics on validation.csv, per slice and against baselines
  predictions.csv                              LoanId, prediction (yes/no) and probability of default
DONE
