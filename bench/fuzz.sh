#!/usr/bin/env bash
# A long fuzzing run: the fuzz properties of Gangway.Tests and Gangway.Server.Tests with more cases, more time and a
# new seed each run (CI runs the same properties with the fixed seed and a small budget, inside ./test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export GANGWAY_FUZZ_ITERATIONS="${GANGWAY_FUZZ_ITERATIONS:-1000000}"
export GANGWAY_FUZZ_SECONDS="${GANGWAY_FUZZ_SECONDS:-120}"
export GANGWAY_FUZZ_SEED="${GANGWAY_FUZZ_SEED:-$(date +%s)}"
echo "fuzz: seed $GANGWAY_FUZZ_SEED, up to $GANGWAY_FUZZ_ITERATIONS cases or $GANGWAY_FUZZ_SECONDS s per property"
for project in tests/Gangway.Tests tests/Gangway.Server.Tests; do
    dotnet test "$project" -c Release --filter "FullyQualifiedName~Fuzz"
done
