#!/usr/bin/env bash
# Benchmarks of the platform foundation (issue 2). Builds Release, then measures
#   (a) process start to the first HTTP 200 on / (SQLite): first start on an empty data folder, and warm restarts;
#   (b) requests/s and latency of / under wrk on loopback (Production, logging at Warning);
#   (c) 1,000,000 "add 20 working days" on the shipped calendar, and ExplainAddition (bench/Gongkai.Bench).
# Prints the figures and a Markdown table to paste into bench/RESULTS.md.
#
# Only 127.0.0.1 is ever contacted. Every loop is bounded in count and time; the server is killed and the
# temporary folder removed on any exit. Knobs (environment): BENCH_STARTS (default 5 of each start kind),
# BENCH_WRK_SECONDS (20), BENCH_WARMUP_SECONDS (5), BENCH_WRK_THREADS (2), BENCH_WRK_CONNECTIONS (32),
# BENCH_START_TIMEOUT (30 s per start), BENCH_SKIP (any of a,b,c, comma-separated).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

starts=${BENCH_STARTS:-5}
wrk_seconds=${BENCH_WRK_SECONDS:-20}
warmup_seconds=${BENCH_WARMUP_SECONDS:-5}
wrk_threads=${BENCH_WRK_THREADS:-2}
wrk_connections=${BENCH_WRK_CONNECTIONS:-32}
start_timeout=${BENCH_START_TIMEOUT:-30}
skip=",${BENCH_SKIP:-},"
for n in "$starts" "$wrk_seconds" "$warmup_seconds" "$wrk_threads" "$wrk_connections" "$start_timeout"; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 600 ] || { echo "bench knobs must be integers 1..600 (got '$n')" >&2; exit 2; }
done

admin_password="Bench-key-2026"  # may not contain the user name admin (password rules)
work=$(mktemp -d /tmp/gongkai-bench.XXXXXX)
server_pid=""

log() { printf '\n== %s\n' "$*" >&2; }
now_ns() { date +%s%N; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
clk_tck=$(getconf CLK_TCK)
# CPU time (user + system, all threads) a process has used so far, in ms: less sensitive than wall time
# to other work on the machine, so it is reported beside it.
cpu_ms() { awk -v t="$clk_tck" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat" 2>/dev/null || echo 0; }

stop_server() {
  if [ -n "$server_pid" ]; then
    if kill -0 "$server_pid" 2>/dev/null; then
      kill -TERM "$server_pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
# Long foreground steps run through bounded(): in the background with a time limit, waited for, so that
# a signal to this script is handled at once (bash defers traps while a foreground command runs).
child_pid=""
bounded() { # bounded SECONDS command...
  local limit=$1; shift
  timeout "$limit" "$@" &
  child_pid=$!
  local rc=0
  wait "$child_pid" || rc=$?
  child_pid=""
  return "$rc"
}
cleanup() {
  if [ -n "$child_pid" ]; then kill -TERM "$child_pid" 2>/dev/null || true; wait "$child_pid" 2>/dev/null || true; fi
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "bench failed: $*" >&2; exit 1; }

command -v curl >/dev/null || fail "curl is missing (apt-get install curl)"
if [[ "$skip" != *,b,* ]] && ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    log "installing wrk"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null \
      || fail "could not install wrk"
  else
    fail "wrk is missing: apt-get install wrk"
  fi
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)
base="http://127.0.0.1:$port"
# Loopback only, never through a proxy.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
get_code() { curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 2 "$base$1" 2>/dev/null || true; }

# --- build --------------------------------------------------------------------------------------
log "building Release (publish of src/Gongkai, build of bench/Gongkai.Bench)"
app="$work/app"
bounded 600 dotnet publish src/Gongkai/Gongkai.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$app" -nologo -v quiet >"$work/publish.log" 2>&1 \
  || { tail -30 "$work/publish.log"; fail "publish"; }
bounded 600 dotnet build bench/Gongkai.Bench/Gongkai.Bench.csproj -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log"; fail "build of Gongkai.Bench"; }

# --- the server -----------------------------------------------------------------------------------
# start_server DATA_DIR [extra env...]: starts the published app with its working directory in DATA_DIR
# and the database DATA_DIR/gk.db; waits for the first 200 on / polling every 20 ms; sets started_ms
# (wall time) and started_cpu_ms (the server's CPU time at that moment).
# (Not called in $(...): the server's pid must stay in this shell so that cleanup can kill it.)
# The content root is the publish folder, so appsettings.json and wwwroot are the shipped ones (with the
# working directory elsewhere, ASP.NET Core would look for them in the working directory).
start_server() {
  local data=$1; shift
  local t0 t1 code deadline polls=0
  [ -z "$server_pid" ] || fail "a server is already running"
  t0=$(now_ns)
  (cd "$data" && exec env -u DOTNET_ENVIRONMENT ASPNETCORE_ENVIRONMENT=Production \
      ConnectionStrings__Gongkai="Data Source=$data/gk.db" GONGKAI_ADMIN_PASSWORD="$admin_password" "$@" \
      dotnet "$app/gongkai.dll" --urls "$base" --contentRoot "$app") >>"$data/server.log" 2>&1 &
  server_pid=$!
  deadline=$((t0 + start_timeout * 1000000000))
  while :; do
    code=$(get_code /)
    if [ "$code" = 200 ]; then t1=$(now_ns); started_cpu_ms=$(cpu_ms "$server_pid"); break; fi
    kill -0 "$server_pid" 2>/dev/null || { tail -40 "$data/server.log" >&2; fail "server exited during start-up"; }
    polls=$((polls + 1))
    [ "$(now_ns)" -lt "$deadline" ] && [ "$polls" -lt 5000 ] || { tail -40 "$data/server.log" >&2; fail "no 200 on / within ${start_timeout}s"; }
    sleep 0.02
  done
  started_ms=$(((t1 - t0) / 1000000))
}
started_ms=0
started_cpu_ms=0

# Checks that the start really prepared the database: demo organisation on /, and the calendar answers.
check_prepared() {
  local page due
  page=$(curl -s --noproxy '*' --max-time 5 "$base/")
  [[ "$page" =~ 本区共有([1-9][0-9]*)个政府信息公开主体 ]] || fail "home page shows no demo organisation"
  # 2026-09-30 + 1 working day: 国庆/中秋 2026-10-01..07 are off, so the answer is 2026-10-08.
  due=$(curl -s --noproxy '*' --max-time 5 "$base/api/v1/calendar/add?from=2026-09-30&workingDays=1")
  [[ "$due" == *'"due":"2026-10-08"'* ]] || fail "calendar not loaded: $due"
}

stats() { # prints "min median max" of the numbers given
  printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%d %d %d", v[1], m, v[NR]}'
}

declare -A result
machine_cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
commit=$(git -C "$root" rev-parse --short HEAD)
dirty=$(git -C "$root" status --porcelain --untracked-files=no | grep -q . && echo " (with uncommitted changes)" || true)

# --- (a) start-up ---------------------------------------------------------------------------------
if [[ "$skip" != *,a,* ]]; then
  log "(a) first start on an empty data folder, $starts times (load before: $(loadavg))"
  first=(); first_cpu=()
  for i in $(seq 1 "$starts"); do
    data="$work/first-$i"; mkdir -p "$data"
    start_server "$data"
    check_prepared
    stop_server
    echo "   first start $i: $started_ms ms (server CPU $started_cpu_ms ms)" >&2
    first+=("$started_ms"); first_cpu+=("$started_cpu_ms")
  done
  log "(a) warm restart on the existing database, $starts times"
  warm=(); warm_cpu=()
  for i in $(seq 1 "$starts"); do
    start_server "$work/first-1"
    stop_server
    echo "   warm restart $i: $started_ms ms (server CPU $started_cpu_ms ms)" >&2
    warm+=("$started_ms"); warm_cpu+=("$started_cpu_ms")
  done
  result[first]=$(stats "${first[@]}"); result[first_all]="${first[*]}"
  result[warm]=$(stats "${warm[@]}"); result[warm_all]="${warm[*]}"
  result[first_cpu]=$(stats "${first_cpu[@]}"); result[warm_cpu]=$(stats "${warm_cpu[@]}")
  result[load_a]=$(loadavg)
fi

# --- (b) throughput of / ------------------------------------------------------------------------
if [[ "$skip" != *,b,* ]]; then
  data="$work/load"; mkdir -p "$data"
  log "(b) wrk on $base/: ${wrk_threads} threads, ${wrk_connections} connections, ${warmup_seconds}s warm-up then ${wrk_seconds}s (load before: $(loadavg))"
  start_server "$data" Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
    Logging__LogLevel__Microsoft.EntityFrameworkCore=Warning
  check_prepared
  bounded $((warmup_seconds + 30)) wrk -t"$wrk_threads" -c"$wrk_connections" -d"${warmup_seconds}s" "$base/" >"$work/wrk-warmup.txt" 2>&1 \
    || { cat "$work/wrk-warmup.txt" >&2; fail "wrk warm-up"; }
  cpu0=$(cpu_ms "$server_pid")
  bounded $((wrk_seconds + 30)) wrk -t"$wrk_threads" -c"$wrk_connections" -d"${wrk_seconds}s" --timeout 5s --latency "$base/" >"$work/wrk.txt" 2>&1 \
    || { cat "$work/wrk.txt" >&2; fail "wrk"; }
  cpu1=$(cpu_ms "$server_pid")
  result[load_b]=$(loadavg)
  stop_server
  cat "$work/wrk.txt" >&2
  result[rps]=$(awk '/^Requests\/sec:/ {printf "%d", $2}' "$work/wrk.txt")
  result[p50]=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
  result[p99]=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  result[requests]=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  result[non2xx]=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
  result[errors]=$(grep -o 'Socket errors:.*' "$work/wrk.txt" || true)
  [ -n "${result[rps]}" ] || fail "could not read wrk's output"
  # Server CPU per request, and what 2 cores' worth of it would serve with the load generator elsewhere.
  result[cpu_us]=$(awk -v c=$((cpu1 - cpu0)) -v n="${result[requests]}" 'BEGIN {printf "%d", c * 1000 / n}')
  result[cpu_share]=$(awk -v c=$((cpu1 - cpu0)) -v s="$wrk_seconds" -v n="$(nproc)" 'BEGIN {printf "%d", c / 10 / s / n}')
fi

# --- (c) working-day arithmetic -------------------------------------------------------------------
if [[ "$skip" != *,c,* ]]; then
  log "(c) Gongkai.Bench: 1,000,000 AddWorkingDays(+20), 100,000 ExplainAddition (load before: $(loadavg))"
  bounded 300 dotnet bench/Gongkai.Bench/bin/Release/net10.0/Gongkai.Bench.dll >"$work/calendar.txt" 2>&1 \
    || { cat "$work/calendar.txt" >&2; fail "Gongkai.Bench"; }
  cat "$work/calendar.txt" >&2
  field() { grep "^RESULT $1 " "$work/calendar.txt" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}'; }
  for k in best_ms median_ms best_ns_per_call median_ns_per_call first_ms checksum; do
    result[add_$k]=$(field add20 "$k"); result[explain_$k]=$(field explain20 "$k")
  done
  result[load_c]=$(loadavg)
fi

# --- summary ----------------------------------------------------------------------------------------
met() { awk -v a="$1" -v b="$2" -v op="$3" 'BEGIN { ok = (op == "le") ? (a + 0 <= b + 0) : (a + 0 >= b + 0); print ok ? "yes" : "**no**" }'; }
echo
echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, ${machine_cpu}; $(uname -sr); .NET $(dotnet --version) SDK"
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit ${commit}${dirty}"
echo
echo "| target | measured | met? |"
echo "| --- | --- | --- |"
if [ -n "${result[first]:-}" ]; then
  read -r fmin fmed fmax <<<"${result[first]}"; read -r wmin wmed wmax <<<"${result[warm]}"
  read -r fcmin fcmed fcmax <<<"${result[first_cpu]}"; read -r wcmin wcmed wcmax <<<"${result[warm_cpu]}"
  echo "| (a) first start, empty data folder → first 200 on / ≤ 3 s | min ${fmin} / median ${fmed} / max ${fmax} ms (${starts} runs: ${result[first_all]}); server CPU time to that point min/median/max ${fcmin}/${fcmed}/${fcmax} ms | $(met "$fmax" 3000 le) (median: $(met "$fmed" 3000 le)) |"
  echo "| (a) warm restart, existing database → first 200 on / ≤ 3 s | min ${wmin} / median ${wmed} / max ${wmax} ms (${starts} runs: ${result[warm_all]}); server CPU time to that point min/median/max ${wcmin}/${wcmed}/${wcmax} ms | $(met "$wmax" 3000 le) (median: $(met "$wmed" 3000 le)) |"
fi
if [ -n "${result[rps]:-}" ]; then
  echo "| (b) / at ≥ 2,000 requests/s (wrk -t${wrk_threads} -c${wrk_connections} -d${wrk_seconds}s) | ${result[rps]} requests/s, p50 ${result[p50]}, p99 ${result[p99]}; ${result[requests]} requests, non-2xx: ${result[non2xx]:-0}${result[errors]:+; ${result[errors]}}; server CPU ${result[cpu_us]} µs per request (${result[cpu_share]}% of the machine's ${wrk_seconds}s × $(nproc) cores) | $(met "${result[rps]}" 2000 ge) |"
fi
if [ -n "${result[add_best_ms]:-}" ]; then
  echo "| (c) 1,000,000 × add 20 working days ≤ 1 s | best ${result[add_best_ms]} ms, median ${result[add_median_ms]} ms (${result[add_best_ns_per_call]} / ${result[add_median_ns_per_call]} ns per computation; first, untimed-warm-up run ${result[add_first_ms]} ms); checksum ${result[add_checksum]} | $(met "${result[add_median_ms]}" 1000 le) |"
  echo "| (c) 100,000 × ExplainAddition(+20) (informational) | best ${result[explain_best_ms]} ms, median ${result[explain_median_ms]} ms (${result[explain_best_ns_per_call]} / ${result[explain_median_ns_per_call]} ns per call); checksum ${result[explain_checksum]} | — |"
fi
echo
echo "Load average (1/5/15 min) after each part: a ${result[load_a]:-–}; b ${result[load_b]:-–}; c ${result[load_c]:-–}"
