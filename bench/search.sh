#!/usr/bin/env bash
# Benchmarks of 主动公开 (issue 3), on SQLite and on PostgreSQL:
#   (a) import: `gongkai demo generate` fills the database in steps up to each size (documents/s per step);
#   (b) search: at each size, the public search (first page with snippets) over a mix of real search terms,
#       p50/p95, and the bare index query for the same terms (bench/Gongkai.Bench search);
#   (c) a published document page under wrk on loopback, at the last size (SQLite).
# Each database starts empty. PostgreSQL is a throwaway cluster in the work folder, tuned as a production server
# would be (shared_buffers 4 GB, effective_cache_size 12 GB, work_mem 32 MB).
#
# Knobs: BENCH_SIZES (default "10000 100000 1000000"), BENCH_PROVIDERS ("Sqlite Postgres"), BENCH_ROUNDS (5),
# BENCH_WRK_SECONDS (20), BENCH_KEEP=1 keeps the work folder. Results: lines starting RESULT/TERM on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=${BENCH_SIZES:-"10000 100000 1000000"}
providers=${BENCH_PROVIDERS:-"Sqlite Postgres"}
rounds=${BENCH_ROUNDS:-5}
wrk_seconds=${BENCH_WRK_SECONDS:-20}
work=$(mktemp -d /var/tmp/gongkai-search-bench.XXXXXX)
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pg_port=""
server_pid=""
log() { printf '\n== %s (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2; }
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$pg_port" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

log "building Release"
dotnet publish src/Gongkai/Gongkai.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" -nologo -v quiet >"$work/publish.log" 2>&1 || { tail -20 "$work/publish.log" >&2; exit 1; }
dotnet build bench/Gongkai.Bench/Gongkai.Bench.csproj -c Release -nologo -v quiet >/dev/null
bench="$root/bench/Gongkai.Bench/bin/Release/net10.0/Gongkai.Bench.dll"
app="$work/app/gongkai.dll"

start_postgres() {
  [ -n "$pg_bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  mkdir -p "$work/pg" && chown postgres "$work/pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/postgres.log" -w -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 \
    -c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=32MB -c maintenance_work_mem=1GB -c max_wal_size=8GB \
    -c synchronous_commit=off" start >/dev/null
}

for provider in $providers; do
  if [ "$provider" = Postgres ]; then
    start_postgres
    cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  else
    cs="Data Source=$work/search.db"
  fi
  have=0
  for size in $sizes; do
    add=$((size - have))
    log "$provider: importing $add documents (to $size)"
    out=$(ConnectionStrings__Gongkai="$cs" Database__Provider=$provider Demo__Documents=0 dotnet "$app" demo generate --documents "$add" --seed "$size" --batch 5000 --json)
    echo "IMPORT provider=$provider size=$size $out"
    have=$size
    log "$provider: searching at $size"
    dotnet "$bench" search --provider "$provider" --connection "$cs" --rounds "$rounds" --label "$provider-$size"
  done
  if [ "$provider" = Sqlite ] && command -v wrk >/dev/null; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    (cd "$work" && ConnectionStrings__Gongkai="$cs" Database__Provider=Sqlite Demo__Documents=0 Logging__LogLevel__Default=Warning \
      dotnet "$app" --urls "http://127.0.0.1:$port" --contentRoot "$work/app" >"$work/server.log" 2>&1) &
    server_pid=$!
    for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done
    doc=$(curl -fs "http://127.0.0.1:$port/api/v1/search?q=%E4%BD%8E%E4%BF%9D" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["url"])')
    log "wrk on a document page $doc"
    wrk -t2 -c32 -d5s "http://127.0.0.1:$port$doc" >/dev/null
    wrk -t2 -c32 -d"${wrk_seconds}s" --latency "http://127.0.0.1:$port$doc" | tee "$work/wrk.txt" >&2
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
    echo "RESULT page provider=Sqlite documents=$have requests_per_s=$rps non_2xx=${non2xx:-0}"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  fi
  if [ "$provider" = Postgres ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null; pg_port=""
  fi
  du -sh "$work"/search.db "$work/pg" 2>/dev/null | sed 's/^/SIZE /' || true
done
