#!/usr/bin/env bash
# The main job on the bundled example: train the notebook's baseline and the recommended model (each a tracked run in the
# model store), evaluate both on held-out data, register the recommended model, promote it to champion through the
# spec's promotion gates, score the prediction file with titanic@champion, then serve titanic@champion on
# http://127.0.0.1:8080 (Ctrl+C stops it); the service follows the alias. Prints where everything went and a curl line.
# Usage: examples/titanic/run.sh [out-dir]   (SERVE=0 skips serving; the store is <out-dir>/store.db unless GANGWAY_STORE is set)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
example="$root/examples/titanic"
out="${1:-$root/out/titanic}"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building the gangway CLI (Release)"
dotnet build "$root/src/Gangway.Cli" -c Release --nologo -v quiet -clp:ErrorsOnly
gangway() { dotnet "$root/src/Gangway.Cli/bin/Release/net10.0/Gangway.Cli.dll" "$@"; }
export GANGWAY_STORE="${GANGWAY_STORE:-sqlite:$out/store.db}"

for model in baseline titanic; do
  echo
  echo "== train $model (recorded as a run in $GANGWAY_STORE)"
  gangway train --spec "$example/$model.yaml" --data "$example/data/train.csv" --out "$out/$model.gwb"
  echo
  echo "== evaluate $model on validation.csv (the trained model, no refitting)"
  gangway evaluate --model "$out/$model.gwb" --data "$example/data/validation.csv" --out "$out/$model-metrics.json"
done

echo
echo "== compare the two on the same validation rows (paired bootstrap, DeLong, McNemar)"
gangway compare --model "$out/baseline.gwb" --model "$out/titanic.gwb" --data "$example/data/validation.csv"

echo
echo "== hold titanic's upsell figures against the observed survival per class and sex in train.csv"
gangway upsell check --model "$out/titanic.gwb" --data "$example/data/train.csv"

echo
echo "== register the titanic run as a new version of model 'titanic'"
run_id=$(gangway runs list --experiment titanic --limit 1 --json | sed -n 's/.*"run_id":"\([0-9a-f]*\)".*/\1/p' | head -1)
version=$(gangway models register --run "$run_id" --name titanic --reason "examples/titanic/run.sh" --json | sed -n 's/.*"version":\([0-9]*\).*/\1/p')
echo "registered titanic:$version (run $run_id)"

echo
echo "== promote titanic:$version to champion (the spec's promotion gates decide)"
gangway models promote titanic --version "$version" --alias champion --reason "examples/titanic/run.sh" \
  || { status=$?; [[ $status == 7 ]] && echo "titanic@champion already is this model" || exit $status; }

echo
echo "== predict with titanic@champion on predict.csv"
gangway predict --model titanic@champion --data "$example/data/predict.csv" --out "$out/predictions.csv"

cat <<DONE

Done. Everything is in $out:
  store.db                               the model store: runs, titanic versions, the champion alias, the audit log
                                         (gangway runs list / models show titanic / models history titanic)
  baseline.gwb, titanic.gwb              model bundles (inspect with: gangway inspect titanic@champion)
  baseline-metrics.json, titanic-metrics.json   metrics on validation.csv, per slice and against baselines
  predictions.csv                        PassengerId, prediction (0/1) and probability of survival
DONE

if [[ "${SERVE:-1}" == "0" ]]; then
  exit 0
fi

url="${URL:-http://127.0.0.1:8080}"
cat <<TRY

== serving titanic@champion on $url (Ctrl+C to stop; promote another version and the service swaps to it).
In another terminal, try:
  curl -s -X POST $url/predict -H 'Content-Type: application/json' \
    -d '[{"PassengerId": 892, "Pclass": 3, "Name": "Kelly, Mr. James", "Sex": "male", "Age": 34.5, "SibSp": 0, "Parch": 0, "Fare": 7.8292, "Embarked": "Q"}]'
  open $url/scalar for the interactive API page
TRY
gangway serve --model titanic@champion --urls "$url"
