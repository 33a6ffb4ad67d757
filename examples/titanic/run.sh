#!/usr/bin/env bash
# The main job on the bundled example: train the notebook's baseline and the recommended model, evaluate both on
# held-out data, score the prediction file, then serve the recommended model on http://127.0.0.1:8080 (Ctrl+C stops it).
# Prints where everything went and a curl line to try. Usage: examples/titanic/run.sh [out-dir]   (SERVE=0 skips serving)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
example="$root/examples/titanic"
out="${1:-$root/out/titanic}"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building the gangway CLI (Release)"
dotnet build "$root/src/Gangway.Cli" -c Release --nologo -v quiet -clp:ErrorsOnly
gangway() { dotnet "$root/src/Gangway.Cli/bin/Release/net10.0/Gangway.Cli.dll" "$@"; }

for model in baseline titanic; do
  echo
  echo "== train $model"
  gangway train --spec "$example/$model.yaml" --data "$example/data/train.csv" --out "$out/$model.gwb"
  echo
  echo "== evaluate $model on validation.csv (the trained model, no refitting)"
  gangway evaluate --model "$out/$model.gwb" --data "$example/data/validation.csv" --out "$out/$model-metrics.json"
done

echo
echo "== predict with titanic on predict.csv"
gangway predict --model "$out/titanic.gwb" --data "$example/data/predict.csv" --out "$out/predictions.csv"

cat <<DONE

Done. Everything is in $out:
  baseline.gwb, titanic.gwb              model bundles (inspect with: gangway inspect $out/titanic.gwb)
  baseline-metrics.json, titanic-metrics.json   metrics on validation.csv, per slice and against baselines
  predictions.csv                        PassengerId, prediction (0/1) and probability of survival
DONE

if [[ "${SERVE:-1}" == "0" ]]; then
  exit 0
fi

url="${URL:-http://127.0.0.1:8080}"
cat <<TRY

== serving titanic.gwb on $url (Ctrl+C to stop). In another terminal, try:
  curl -s -X POST $url/predict -H 'Content-Type: application/json' \
    -d '[{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}]'
  open $url/scalar for the interactive API page
TRY
gangway serve --model "$out/titanic.gwb" --urls "$url"
