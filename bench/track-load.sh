#!/usr/bin/env bash
# Issue 16: the applicant's tracking page (POST /requests/track, 受理编号 + 查询码) under load at 1,000,000 requests in the
# database, on SQLite and PostgreSQL, from wrk in a second process over loopback (bench/track-load/track.lua).
# Target: p95 ≤ 50 ms.
#
# Data: the sweep bench's generator (1,000,000 requests, closed ones spread over 2016–2026, BENCH_OPEN open ones, their
# clock events; BulkRows: prepared INSERTs on SQLite, binary COPY on PostgreSQL), each request with the secret
# SweepBench.BenchSecret derives from its number. Kept in BENCH_DATA: track-N.db and the PostgreSQL database whose name
# is in track-N.postgres (same cluster as bench/search-load.sh). 20,000 numbers drawn at random are what wrk asks for.
#
# Knobs: BENCH_DATA (/work/benchdata), BENCH_REQUESTS (1000000), BENCH_OPEN (10000), BENCH_PROVIDERS ("Sqlite Postgres"),
# BENCH_SECONDS (60), BENCH_WARMUP (10), BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_PG_PORT (55499).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data=${BENCH_DATA:-/work/benchdata}
requests=${BENCH_REQUESTS:-1000000}
open=${BENCH_OPEN:-10000}
providers=${BENCH_PROVIDERS:-"Sqlite Postgres"}
seconds=${BENCH_SECONDS:-60}
warmup=${BENCH_WARMUP:-10}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-2}
pg_port=${BENCH_PG_PORT:-55499}
server_pid=""
mkdir -p "$data"
log() { printf '\n== %s (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2; }
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

log "building Release"
dotnet build bench/Gongkai.Bench/Gongkai.Bench.csproj -c Release -nologo -v quiet >/dev/null
app="$root/src/Gongkai/bin/Release/net10.0/gongkai.dll"
bench="$root/bench/Gongkai.Bench/bin/Release/net10.0/Gongkai.Bench.dll"

for provider in $providers; do
  if [ "$provider" = Postgres ]; then
    server="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
    if [ ! -f "$data/track-$requests.postgres" ]; then
      log "Postgres: generating $requests requests"
      start=$(date +%s)
      dotnet "$bench" sweep --provider Postgres --connection "$server" --requests "$requests" --open "$open" --passes 0 --keep yes | tee "$data/track-gen-postgres.log"
      echo "GENERATE provider=Postgres requests=$requests seconds=$(( $(date +%s) - start ))"
      grep -o 'Database=[a-z0-9_]*' "$data/track-gen-postgres.log" | tail -1 | cut -d= -f2 >"$data/track-$requests.postgres"
    fi
    cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$(cat "$data/track-$requests.postgres");Maximum Pool Size=64"
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$(cat "$data/track-$requests.postgres")" -Atc \
      'SELECT "TrackingNumber" FROM disclosure_requests ORDER BY random() LIMIT 20000' >"$data/track-numbers-postgres.txt"
  else
    file="$data/track-$requests.db"
    if [ ! -f "$file.done" ]; then
      rm -f "$file"*
      log "Sqlite: generating $requests requests"
      start=$(date +%s)
      dotnet "$bench" sweep --provider Sqlite --file "$file" --requests "$requests" --open "$open" --passes 0
      echo "GENERATE provider=Sqlite requests=$requests seconds=$(( $(date +%s) - start ))"
      touch "$file.done"
    fi
    cs="Data Source=$file"
    sqlite3 "$file" 'SELECT "TrackingNumber" FROM disclosure_requests ORDER BY random() LIMIT 20000' >"$data/track-numbers-sqlite.txt"
  fi
  numbers="$data/track-numbers-$(echo "$provider" | tr A-Z a-z).txt"

  log "$provider: tracking page under load"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd "$data" && ConnectionStrings__Gongkai="$cs" Database__Provider=$provider Demo__Documents=0 RateLimits__PublicFormPostsPerMinute=0 \
    Jobs__Enabled=false Logging__LogLevel__Default=Warning \
    exec dotnet "$app" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Gongkai" >"$data/track-server-$provider.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
  jar=$(mktemp)
  token=$(curl -fs -c "$jar" "http://127.0.0.1:$port/requests/track" | grep -o 'name="__csrf" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  cookie=$(awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar")
  rm -f "$jar"
  export NUMBERS="$numbers" COOKIE="$cookie" TOKEN="$token"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s -s "$root/bench/track-load/track.lua" "http://127.0.0.1:$port" >/dev/null
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$root/bench/track-load/track.lua" "http://127.0.0.1:$port" | grep '^RESULT')
  echo "$out provider=$provider requests_in_db=$requests connections=$connections load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done
