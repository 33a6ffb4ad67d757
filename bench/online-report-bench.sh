#!/usr/bin/env bash
# Time and peak memory of `gangway monitor online` on a large prediction log (issue 14 follow-up): fills a SQLite store
# of the schema before prediction counters (migrations 0001-0004 of BEFORE) with N served predictions of one model
# over the last 23 hours (90% champion, 10% challenger), one shadow record per answer, and feedback (a label) for about
# one answer in every FEEDBACK_EVERY, spread over both variants; then runs the report of the last 24 h with the CLI
# built at BEFORE and with this tree's (on a copy, after one open that applies migration 0005 and back-fills the
# counters, timed separately), under /usr/bin/time -v, and checks that both give the same report.
#
# Usage: bench/online-report-bench.sh
# Environment:
#   N                 served predictions (default 1000000; twice as many records with the shadows)
#   FEEDBACK_EVERY    one answer in this many gets feedback (default 200: 5,000 feedback rows for the default N)
#   BEFORE            the commit to compare with (default: git merge-base HEAD main)
# Needs sqlite3 and python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
n=${N:-1000000}
every=${FEEDBACK_EVERY:-200}
before=${BEFORE:-$(git merge-base HEAD main)}
out="$root/bench/out/online-report"
rm -rf "$out"; mkdir -p "$out/before-src"

echo "== building the CLI at $before and at this tree (Release)"
git archive "$before" | tar -x -C "$out/before-src"
dotnet build "$out/before-src/src/Gangway.Cli" -c Release -o "$out/before-bin" -v q -nologo > "$out/build-before.log"
dotnet build src/Gangway.Cli -c Release -o "$out/after-bin" -v q -nologo > "$out/build-after.log"

echo "== filling $out/before.db: $n served predictions, $n shadow records, one answer in $every with feedback"
db="$out/before.db"
start_ms=$(( ($(date +%s) - 23 * 3600) * 1000 ))
step_ms=$(( 23 * 3600 * 1000 / n ))
{
  echo "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;"
  echo "CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);"
  for version in 1 2 3 4; do
    cat "$out"/before-src/src/Gangway.Store.Sqlite/Migrations/000${version}_*.sql
    echo "INSERT INTO schema_migrations VALUES ($version, '2026-01-01T00:00:00.0000000Z');"
  done
  cat <<SQL
CREATE TEMP TABLE served AS
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $n - 1)
SELECT i, $start_ms + i * $step_ms AS ms, ((i * 7919) % 997) / 997.0 AS p FROM n;
INSERT INTO predictions (id, answer_id, request_id, time, source, model, version, bundle_hash, variant, is_shadow, key, inputs, prediction, probability, latency_ms)
SELECT printf('%016x%016x', ms, i), printf('%016x%016x', ms, i), 'req-' || i,
       strftime('%Y-%m-%dT%H:%M:%S', ms / 1000, 'unixepoch') || printf('.%03d0000Z', ms % 1000), 'predict', 'titanic', 3,
       '$(printf 'a%.0s' {1..64})', CASE WHEN i % 10 = 0 THEN 'challenger' ELSE 'champion' END, 0, NULL,
       '{"Pclass":3,"Sex":"male","Age":' || (i % 80) || ',"SibSp":1,"Parch":0,"Fare":7.25,"Embarked":"S","Name":"***","Ticket":"A/5 21171","Cabin":null}',
       CASE WHEN p >= 0.5 THEN '1' ELSE '0' END, p, 0.4
FROM served;
INSERT INTO predictions (id, answer_id, request_id, time, source, model, version, bundle_hash, variant, is_shadow, key, inputs, prediction, probability, latency_ms)
SELECT printf('%016x%016x', ms, i + 4294967296), printf('%016x%016x', ms, i), 'req-' || i,
       strftime('%Y-%m-%dT%H:%M:%S', ms / 1000, 'unixepoch') || printf('.%03d0000Z', ms % 1000), 'predict', 'titanic', 7,
       '$(printf 'b%.0s' {1..64})', 'candidate', 1, NULL,
       '{"Pclass":3,"Sex":"male","Age":' || (i % 80) || ',"SibSp":1,"Parch":0,"Fare":7.25,"Embarked":"S","Name":"***","Ticket":"A/5 21171","Cabin":null}',
       CASE WHEN 1 - p >= 0.5 THEN '1' ELSE '0' END, 1 - p, 0.6
FROM served;
INSERT INTO feedback (id, prediction_id, label, reward, time, source)
SELECT printf('%032x', i + 8589934592), printf('%016x%016x', ms, i), CASE WHEN (i * 31) % 3 = 0 THEN '0' ELSE '1' END, NULL,
       strftime('%Y-%m-%dT%H:%M:%S', ms / 1000 + 60, 'unixepoch') || printf('.%03d0000Z', ms % 1000), 'bench'
FROM served WHERE ((i * 2654435761) % 1000003) % $every = 0;
SQL
} | sqlite3 "$db" > /dev/null
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
echo "   $(sqlite3 "$db" 'SELECT count(*) FROM predictions') records, $(sqlite3 "$db" 'SELECT count(*) FROM feedback') feedback rows, $(du -m "$db" | cut -f1) MB"
cp "$db" "$out/after.db"

measure() { # label, binary dir, db
  local label=$1 bin=$2 file=$3
  /usr/bin/time -v "$bin/Gangway.Cli" monitor online titanic --since 24h --json --store "sqlite:$file" > "$out/$label.json" 2> "$out/$label.time"
  printf '   %-24s %8s s wall, %8s s CPU, peak RSS %6d MiB\n' "$label" \
    "$(grep 'Elapsed (wall' "$out/$label.time" | awk '{print $NF}')" \
    "$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u + s}' "$out/$label.time")" \
    "$(( $(grep 'Maximum resident' "$out/$label.time" | awk '{print $NF}') / 1024 ))"
}

echo "== gangway monitor online titanic --since 24h"
measure before "$out/before-bin" "$out/before.db"
measure before-again "$out/before-bin" "$out/before.db"
measure after-first-open "$out/after-bin" "$out/after.db"
measure after "$out/after-bin" "$out/after.db"
measure after-again "$out/after-bin" "$out/after.db"

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
def report(name):
    value = json.load(open(f"{out}/{name}.json"))
    value.pop("since", None)
    return value
same = report("before") == report("after")
print("== reports", "identical (since aside)" if same else "DIFFER: see before.json and after.json")
sys.exit(0 if same else 1)
PY
