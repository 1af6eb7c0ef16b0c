#!/usr/bin/env bash
# Issue 16: the public search API under load — GET /api/v1/search?q=… with 200 public search terms drawn by a Zipf law
# (bench/search-load/terms.txt, rank k weighted 1/k; wrk + bench/search-load/search.lua, fixed seeds) at 1,000,000
# documents, on SQLite and on PostgreSQL, from wrk in a second process over loopback, the same connections for both.
# Target: ≥ 1,000 requests/s with p99 ≤ 200 ms.
#
# For each provider: the server (Release build) starts on the generated database, a warm-up run, the measured run with
# the result cache on (the default), then the server is restarted with Search:ResultCache=false and measured again
# (every answer computed: the cost right after a publication or withdrawal, when every key is computed afresh).
#
# Data: generated once by `gongkai demo generate` (realistic bodies, bulk writes: prepared INSERTs on SQLite, COPY on
# PostgreSQL) and kept in BENCH_DATA (not in git): BENCH_DATA/search-N.db, and database search_N in a PostgreSQL
# cluster kept in BENCH_DATA/pg (started on BENCH_PG_PORT if not running). The generation time is printed (GENERATE).
#
# Knobs: BENCH_DATA (/work/benchdata), BENCH_DOCUMENTS (1000000), BENCH_PROVIDERS ("Sqlite Postgres"),
# BENCH_SECONDS (60), BENCH_UNCACHED_SECONDS (30, 0 skips), BENCH_WARMUP (10), BENCH_CONNECTIONS (32), BENCH_THREADS (2),
# BENCH_PG_PORT (55499). Results: lines starting RESULT on stdout, with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data=${BENCH_DATA:-/work/benchdata}
documents=${BENCH_DOCUMENTS:-1000000}
providers=${BENCH_PROVIDERS:-"Sqlite Postgres"}
seconds=${BENCH_SECONDS:-60}
uncached=${BENCH_UNCACHED_SECONDS:-30}
warmup=${BENCH_WARMUP:-10}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
pg_port=${BENCH_PG_PORT:-55499}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
server_pid=""
mkdir -p "$data"
log() { printf '\n== %s (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2; }
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

log "building Release"
dotnet build src/Gongkai/Gongkai.csproj -c Release -nologo -v quiet >/dev/null
app="$root/src/Gongkai/bin/Release/net10.0/gongkai.dll"

ensure_postgres() {
  if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -Atc "SELECT 1" >/dev/null 2>&1; then
    if [ ! -d "$data/pg" ]; then
      mkdir -p "$data/pg" && chown postgres "$data/pg"
      runuser -u postgres -- "$pg_bin/initdb" -D "$data/pg" -U postgres --auth=trust -E UTF8 >/dev/null
      printf '%s\n' "port=$pg_port" "listen_addresses='127.0.0.1'" "unix_socket_directories='/tmp'" "shared_buffers=2GB" \
        "effective_cache_size=8GB" "work_mem=32MB" "maintenance_work_mem=512MB" "max_wal_size=8GB" "synchronous_commit=off" \
        "max_connections=200" >>"$data/pg/postgresql.conf"
    fi
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$data/pg" -l "$data/pg/server.log" -w start >/dev/null
  fi
}

start_server() { # provider connection cache(true|false)
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd "$data" && ConnectionStrings__Gongkai="$2" Database__Provider=$1 Demo__Documents=0 Jobs__Enabled=false Search__ResultCache=$3 \
    Logging__LogLevel__Default=Warning exec dotnet "$app" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Gongkai" >"$data/server-$1.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { tail -20 "$data/server-$1.log" >&2; exit 1; }
  base="http://127.0.0.1:$port"
}

stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

run_wrk() { # label provider duration
  local out
  out=$(TERMS="$root/bench/search-load/terms.txt" wrk -t"$threads" -c"$connections" -d"${3}s" --timeout 10s -s "$root/bench/search-load/search.lua" "$base" | grep '^RESULT')
  echo "$out provider=$2 documents=$documents run=$1 connections=$connections load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
}

for provider in $providers; do
  if [ "$provider" = Postgres ]; then
    ensure_postgres
    db="search_$documents"
    cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db;Maximum Pool Size=64"
    marker="$data/search-$documents.postgres.done"
    if [ ! -f "$marker" ]; then
      psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    fi
  else
    cs="Data Source=$data/search-$documents.db"
    marker="$data/search-$documents.sqlite.done"
    [ -f "$marker" ] || rm -f "$data/search-$documents.db"*
  fi
  if [ ! -f "$marker" ]; then
    log "$provider: generating $documents documents"
    start=$(date +%s)
    out=$(ConnectionStrings__Gongkai="$cs" Database__Provider=$provider Demo__Documents=0 dotnet "$app" demo generate --documents "$documents" --seed "$documents" --batch 5000 --json)
    echo "GENERATE provider=$provider documents=$documents seconds=$(( $(date +%s) - start )) $out"
    touch "$marker"
  fi

  log "$provider: search under load, result cache on"
  start_server "$provider" "$cs" true
  # Every term asked once first, so the measured run sees the steady state (each key computed once per index version).
  python3 -c 'import sys, urllib.parse; [print(urllib.parse.quote(t.strip())) for t in open(sys.argv[1]) if t.strip()]' "$root/bench/search-load/terms.txt" \
    | xargs -P 4 -I{} curl -fs -o /dev/null "$base/api/v1/search?q={}"
  TERMS="$root/bench/search-load/terms.txt" wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s -s "$root/bench/search-load/search.lua" "$base" >/dev/null
  run_wrk cached "$provider" "$seconds"
  stop_server
  if [ "$uncached" -gt 0 ]; then
    log "$provider: search under load, result cache off"
    start_server "$provider" "$cs" false
    run_wrk uncached "$provider" "$uncached"
    stop_server
  fi
done
