#!/usr/bin/env bash
# Runs every check and test of the repository: formatting, a warnings-as-errors build, and all test projects.
# Ends with one line "N passed, N failed". Exit code is non-zero when anything fails.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0

echo "== restore"
dotnet restore Gangway.slnx --nologo -v quiet || exit 1

echo "== format (dotnet format --verify-no-changes)"
if ! dotnet format Gangway.slnx --verify-no-changes --no-restore -v quiet; then
  echo "formatting differs: run 'dotnet format Gangway.slnx'"
  status=1
fi

echo "== build (Release, warnings are errors)"
dotnet build Gangway.slnx -c Release --no-restore --nologo -v quiet -clp:ErrorsOnly || exit 1

echo "== test"
dotnet test Gangway.slnx -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=1

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ]; then status=1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
