#!/usr/bin/env bash
# A throw-away PostgreSQL server for the PostgreSQL store tests.
#   .ci/postgres.sh start [port]  installs PostgreSQL when needed, starts a private cluster on 127.0.0.1 (trust auth,
#                                 first free port from 55432) and prints the lines to eval:
#                                   export GANGWAY_TEST_POSTGRES=postgresql://postgres@127.0.0.1:<port>/gangway_test
#                                   export GANGWAY_CI_POSTGRES_DIR=<cluster directory>
#   .ci/postgres.sh stop [dir]    stops the cluster in dir (default $GANGWAY_CI_POSTGRES_DIR) and removes it.
# Only the export lines go to stdout; progress and errors go to stderr. PostgreSQL refuses to run as root, so as root
# the cluster belongs to the system user gangway-ci (created when missing, else nobody).
set -euo pipefail

superuser=postgres
database=gangway_test

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  local initdb
  initdb=$(command -v initdb 2>/dev/null) || return 1
  dirname "$initdb"
}

ensure_installed() {
  if find_bin >/dev/null; then return 0; fi
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq postgresql) >&2
  find_bin >/dev/null || { log "initdb not found after installing postgresql"; return 1; }
}

choose_owner() {
  if [ "$(id -u)" -ne 0 ]; then id -un; return 0; fi
  if id gangway-ci >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin gangway-ci >&2 2>/dev/null; then
    echo gangway-ci
  else
    echo nobody
  fi
}

as_owner() {
  # From /: the owner may not be allowed into the current directory.
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u "$owner" -- "$@"); else "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  ensure_installed
  local bin dir port
  bin=$(find_bin)
  owner=$(choose_owner)
  # As root the cluster's owner must reach the directory: /tmp, not a TMPDIR under /root.
  local base=${TMPDIR:-/tmp}
  [ "$(id -u)" -ne 0 ] || base=/tmp
  dir=$(mktemp -d "$base/gangway-postgres.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" -ne 0 ] || chown "$owner" "$dir"

  as_owner "$bin/initdb" -D "$dir/data" -U "$superuser" --auth-local=trust --auth-host=trust -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1 \
    || { log "initdb failed:"; cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1; }

  port=${1:-55432}
  local attempts=0
  while true; do
    while port_in_use "$port"; do port=$((port + 1)); done
    # fsync off: the cluster is thrown away after the tests.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2; then
      break
    fi
    attempts=$((attempts + 1))
    if [ "$attempts" -ge 5 ]; then
      log "could not start the server:"; tail -n 20 "$dir/server.log" >&2 || true
      rm -rf "$dir"; return 1
    fi
    port=$((port + 1))
  done

  local tries=0
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then log "server did not become ready"; stop "$dir"; return 1; fi
    sleep 0.5
  done

  "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$superuser" "$database" >&2 || { stop "$dir"; return 1; }
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$port (data in $dir)"
  echo "export GANGWAY_TEST_POSTGRES=postgresql://$superuser@127.0.0.1:$port/$database"
  echo "export GANGWAY_CI_POSTGRES_DIR=$dir"
}

stop() {
  local dir=${1:-${GANGWAY_CI_POSTGRES_DIR:-}}
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then log "no cluster directory to stop ('$dir')"; return 1; fi
  local bin
  bin=$(find_bin)
  owner=$(stat -c %U "$dir")
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start [port] | stop [dir]" >&2; exit 2 ;;
esac
