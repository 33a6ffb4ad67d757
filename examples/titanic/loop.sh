#!/usr/bin/env bash
# After deployment, end to end on the bundled example: a champion and a challenger at 80/20, sticky by passenger, and a
# shadow, served by one `gangway serve --deployment titanic`; predictions for predict.csv and for the validation
# passengers sent through the service; the validation passengers' real outcomes fed back with `feedback import`; the
# online metrics per variant and the deployment's decision. See the README's "After deployment" section.
# Usage: examples/titanic/loop.sh [out-dir]   (runs run.sh first when the store has no titanic@champion yet)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
example="$root/examples/titanic"
out="${1:-$root/out/titanic}"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export GANGWAY_STORE="${GANGWAY_STORE:-sqlite:$out/store.db}"
url="${URL:-http://127.0.0.1:8081}"

if [[ ! -f "$root/src/Gangway.Cli/bin/Release/net10.0/Gangway.Cli.dll" ]]; then
  dotnet build "$root/src/Gangway.Cli" -c Release --nologo -v quiet -clp:ErrorsOnly
fi
cli="$root/src/Gangway.Cli/bin/Release/net10.0/Gangway.Cli.dll"
gangway() { dotnet "$cli" "$@"; }

if ! gangway models show titanic --json 2>/dev/null | grep -q '"champion"'; then
  echo "== no titanic@champion in $GANGWAY_STORE yet: running run.sh first"
  SERVE=0 "$example/run.sh" "$out"
fi

register() { # $1 spec, $2 seed, $3 alias, $4 reason: train, register, point the alias (gates decide, or --force with the reason)
  local run version
  run=$(gangway train --spec "$example/$1.yaml" --data "$example/data/train.csv" --seed "$2" --json -q | sed -n 's/.*"run_id":"\([0-9a-f]*\)".*/\1/p')
  version=$(gangway models register --run "$run" --name titanic --reason "$4" --json | sed -n 's/.*"version":\([0-9]*\).*/\1/p')
  gangway models promote titanic --version "$version" --alias "$3" --force --reason "$4" -q >/dev/null
  echo "titanic:$version is titanic@$3 ($1.yaml, seed $2)"
}

echo
# Routing by a record field reads a request once for all variants, so the challenger reads the champion's columns:
# the recommended spec retrained with another seed. The notebook's two-column model is the shadow.
echo "== the challenger (the recommended spec, another seed) and a shadow candidate (the notebook's random forest)"
register titanic 7 challenger "examples/titanic/loop.sh: a retrained challenger"
register baseline 42 candidate "examples/titanic/loop.sh: the notebook's model, shadow only"

echo
echo "== the deployment: champion 80, challenger 20, sticky by PassengerId, candidate as a shadow"
gangway deploy apply "$example/deployment.yaml" --reason "examples/titanic/loop.sh"

echo
echo "== serving it on $url"
# dotnet itself in the background (not the gangway function's subshell), so that the kill below reaches the service.
dotnet "$cli" serve --deployment titanic --urls "$url" -q &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$url/health/ready" >/dev/null && break
  sleep 0.5
done

echo
echo "== predictions for predict.csv and for the validation passengers (their outcomes are known), through the service"
for file in predict validation; do
  curl -sf -X POST "$url/predict" -H 'Content-Type: text/csv' --data-binary "@$example/data/$file.csv" -o "$out/served-$file.json"
  printf '%-10s %s records answered: ' "$file" "$(grep -o '"prediction_id"' "$out/served-$file.json" | wc -l)"
  grep -o '"variant":"[a-z]*"' "$out/served-$file.json" | sort | uniq -c | tr '\n' ' '
  echo
done

# A graceful stop drains the prediction log into the store.
kill -TERM $server
wait $server || true
trap - EXIT

echo
echo "== the validation passengers' outcomes, fed back by PassengerId"
gangway feedback import --model titanic --data "$example/data/validation.csv" --key PassengerId --label Survived --classes 0,1

echo
echo "== online metrics per variant, and the decision"
gangway monitor online titanic --since 1h
