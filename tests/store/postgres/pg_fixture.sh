#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# A throw-away PostgreSQL server for the PostgresStore tests (CTest runs
# `start` as a FIXTURES_SETUP test and `stop` as its FIXTURES_CLEANUP).
#
#   pg_fixture.sh start STATE_DIR   initdb into a fresh temporary folder, start
#                                   postgres on a free port of 127.0.0.1 (its unix
#                                   socket inside that folder), create the database
#                                   regularis_test, and write STATE_DIR/conninfo
#                                   (a libpq connection string) and STATE_DIR/datadir.
#   pg_fixture.sh stop STATE_DIR    pg_ctl stop -m fast, remove the folder and the state.
#
# The server runs with fsync=off (tests need no durability); REGULARIS_PG_FSYNC=on
# makes commits durable, for benchmarks (bench/store_bench.cpp).
#
# PostgreSQL refuses to run as root: as root the server runs as the `postgres`
# system user (Debian's postgresql package creates it) on a folder chowned to
# it. The binaries are found in $REGULARIS_PG_BINDIR when set, else in
# /usr/lib/postgresql/<version>/bin (the newest), else through pg_config.
# With no server binaries, `start` fails and says so: the tests must not pass
# without a server.
set -euo pipefail

die() {
  echo "pg_fixture: $*" >&2
  exit 1
}

[[ $# -eq 2 ]] || die "usage: $0 start|stop STATE_DIR"
action=$1
state=$2

find_bindir() {
  local dir version best="" best_version=-1
  if [[ -n ${REGULARIS_PG_BINDIR:-} ]]; then
    [[ -x $REGULARIS_PG_BINDIR/initdb && -x $REGULARIS_PG_BINDIR/pg_ctl ]] &&
      echo "$REGULARIS_PG_BINDIR"
    return 0
  fi
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x $dir/initdb && -x $dir/pg_ctl ]] || continue
    version=${dir#/usr/lib/postgresql/}
    version=${version%/bin}
    [[ $version =~ ^[0-9]+$ ]] || version=0
    if ((version > best_version)); then
      best=$dir
      best_version=$version
    fi
  done
  if [[ -z $best ]] && command -v pg_config >/dev/null; then
    dir=$(pg_config --bindir)
    [[ -x $dir/initdb && -x $dir/pg_ctl ]] && best=$dir
  fi
  echo "$best"
}

# Runs a server binary as the user that owns the cluster.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 ||
      die "running as root and there is no 'postgres' system user to run the server as" \
        "(install Debian's postgresql package: scripts/setup)"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_server() {
  [[ -f $state/datadir ]] || return 0
  local root bindir
  root=$(cat "$state/datadir")
  bindir=$(cat "$state/bindir" 2>/dev/null || true)
  if [[ -n $bindir && -f $root/data/postmaster.pid ]]; then
    as_owner "$bindir/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null ||
      echo "pg_fixture: pg_ctl stop failed (see $root/server.log)" >&2
  fi
  case $root in
    */regularis-pg.*) rm -rf -- "$root" ;;
  esac
  rm -f -- "$state/conninfo" "$state/datadir" "$state/bindir"
}

start_server() {
  mkdir -p "$state"
  stop_server  # a server left over by an interrupted run
  local bindir
  bindir=$(find_bindir)
  [[ -n $bindir ]] ||
    die "no PostgreSQL server binaries (initdb, pg_ctl) in" \
      "${REGULARIS_PG_BINDIR:-/usr/lib/postgresql/*/bin or pg_config --bindir}:" \
      "install the postgresql package (scripts/setup) to run the PostgresStore tests"

  local root
  root=$(mktemp -d "${TMPDIR:-/tmp}/regularis-pg.XXXXXX")
  chmod 700 "$root"
  mkdir "$root/sock"
  [[ $(id -u) -eq 0 ]] && chown -R postgres:postgres "$root"
  echo "$root" >"$state/datadir"
  echo "$bindir" >"$state/bindir"

  as_owner "$bindir/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C \
    --no-sync >"$root/initdb.log" 2>&1 || {
    cat "$root/initdb.log" >&2
    die "initdb failed"
  }

  local port="" attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    port_in_use "$port" && continue
    if as_owner "$bindir/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
      -o "-p $port -k $root/sock -c listen_addresses=127.0.0.1 -c fsync=${REGULARIS_PG_FSYNC:-off} \
-c full_page_writes=${REGULARIS_PG_FSYNC:-off} -c max_connections=200" start >/dev/null; then
      break
    fi
    port=""
    [[ $attempt -lt 8 ]] && echo "pg_fixture: port busy, trying another" >&2
  done
  [[ -n $port ]] || {
    cat "$root/server.log" >&2 || true
    die "the server did not start"
  }

  as_owner "$bindir/psql" -X -q -h "$root/sock" -p "$port" -U postgres -d postgres \
    -c "CREATE DATABASE regularis_test" >/dev/null || die "cannot create the test database"
  echo "host=127.0.0.1 port=$port dbname=regularis_test user=postgres" >"$state/conninfo"
  echo "pg_fixture: PostgreSQL ($(basename "$(dirname "$bindir")")) on 127.0.0.1:$port," \
    "data in $root"
}

case $action in
  start) start_server ;;
  stop) stop_server ;;
  *) die "usage: $0 start|stop STATE_DIR" ;;
esac
