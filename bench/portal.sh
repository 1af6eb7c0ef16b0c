#!/usr/bin/env bash
# Public pages against the static limit (issue 16, item 5): requests/s of the home page and of a published document
# page served by Gongkai (Release, SQLite, the demo organisation and its generated documents) beside nginx serving the
# very same HTML saved to disk, with wrk on loopback, the same threads, connections and duration, in one run.
# Target: Gongkai ≥ 0.5 × nginx for both pages.
#
# Also checks, before measuring, that the pages answer what the cache promises: an ETag and a 304 to If-None-Match,
# and the security headers on a cached answer.
#
# nginx runs in the foreground (daemon off) on a loopback port with its own small configuration in the work folder;
# it gets the same security headers Gongkai sends, so both answer the same bytes and headers that matter.
# Only 127.0.0.1 is contacted; the server and nginx are stopped and the work folder removed on any exit.
# Knobs: BENCH_WRK_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_WRK_THREADS (2), BENCH_WRK_CONNECTIONS (32),
# BENCH_DOCUMENTS (demo documents generated at start, 3000), BENCH_ROUNDS (2: each pair measured this many times,
# interleaved; the best round of each is reported), BENCH_KEEP=1 keeps the work folder, BENCH_APP=dir reuses a publish.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

wrk_seconds=${BENCH_WRK_SECONDS:-10}
warmup_seconds=${BENCH_WARMUP_SECONDS:-3}
wrk_threads=${BENCH_WRK_THREADS:-2}
wrk_connections=${BENCH_WRK_CONNECTIONS:-32}
documents=${BENCH_DOCUMENTS:-3000}
rounds=${BENCH_ROUNDS:-2}
for n in "$wrk_seconds" "$warmup_seconds" "$wrk_threads" "$wrk_connections" "$rounds"; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 600 ] || { echo "bench knobs must be integers 1..600 (got '$n')" >&2; exit 2; }
done
[[ "$documents" =~ ^[0-9]+$ ]] && [ "$documents" -ge 10 ] && [ "$documents" -le 1000000 ] || { echo "BENCH_DOCUMENTS must be 10..1000000" >&2; exit 2; }

work=$(mktemp -d /tmp/gongkai-portal-bench.XXXXXX)
chmod 755 "$work"
server_pid=""
nginx_pid=""
log() { printf '\n== %s (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2; }
fail() { echo "bench failed: $*" >&2; exit 1; }
stop() { # stop PID: TERM, wait up to 10 s, then KILL
  local pid=$1
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$server_pid"; server_pid=""
  stop "$nginx_pid"; nginx_pid=""
  [ "${BENCH_KEEP:-0}" = 1 ] && echo "work folder kept: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in curl wrk nginx python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install -y curl wrk nginx-light python3)"
done
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- build -------------------------------------------------------------------------------------------
if [ -n "${BENCH_APP:-}" ]; then
  app=$BENCH_APP
else
  log "publishing Release"
  app="$work/app"
  timeout 900 dotnet publish src/Gongkai/Gongkai.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$app" -nologo -v quiet >"$work/publish.log" 2>&1 || { tail -30 "$work/publish.log" >&2; fail "publish"; }
fi

# --- Gongkai -----------------------------------------------------------------------------------------
port=$(free_port)
base="http://127.0.0.1:$port"
data="$work/data"; mkdir -p "$data"
log "starting Gongkai on $base with $documents demo documents (SQLite, Production, logging at Warning)"
(cd "$data" && exec env -u DOTNET_ENVIRONMENT ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Gongkai="Data Source=$data/gk.db" GONGKAI_ADMIN_PASSWORD="Bench-key-2026" \
    Demo__Documents="$documents" Site__BaseUrl="$base" \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning Logging__LogLevel__Microsoft.EntityFrameworkCore=Warning \
    dotnet "$app/gongkai.dll" --urls "$base" --contentRoot "$app") >>"$data/server.log" 2>&1 &
server_pid=$!

# The demo documents are written in one transaction after the server listens: wait until the feed lists them.
doc_path=""
for _ in $(seq 1 600); do
  kill -0 "$server_pid" 2>/dev/null || { tail -40 "$data/server.log" >&2; fail "server exited"; }
  feed=$(curl -s --max-time 5 "$base/feeds/all.rss" || true)
  doc_path=$(grep -o "$base/documents/[0-9a-f-]\{36\}" <<<"$feed" | head -1 | sed "s#$base##" || true)
  [ -n "$doc_path" ] && break
  sleep 0.5
done
[ -n "$doc_path" ] || { tail -40 "$data/server.log" >&2; fail "no published document appeared in /feeds/all.rss"; }

www="$work/www"; mkdir -p "$www"
curl -sf --max-time 10 "$base/" -o "$www/index.html" || fail "GET / failed"
curl -sf --max-time 10 "$base$doc_path" -o "$www/doc.html" || fail "GET $doc_path failed"
grep -q '本区共有' "$www/index.html" || fail "home page does not show the demo organisation"
grep -q 'doc-title' "$www/doc.html" || fail "document page has no title"

# What the cache promises, checked on the real answers.
headers=$(curl -s -D - -o /dev/null --max-time 5 "$base$doc_path")
etag=$(awk 'tolower($1)=="etag:" {sub(/\r$/, ""); $1=""; sub(/^ /, ""); print}' <<<"$headers")
csp=$(grep -ci '^content-security-policy:' <<<"$headers" || true)
[ "$csp" = 1 ] || fail "document page answered without Content-Security-Policy"
if [ -n "$etag" ]; then
  revalidated=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "If-None-Match: $etag" "$base$doc_path")
  [ "$revalidated" = 304 ] || fail "If-None-Match $etag answered $revalidated, not 304"
  echo "ETag $etag, If-None-Match → 304" >&2
else
  echo "no ETag on the document page" >&2
fi

# --- nginx -------------------------------------------------------------------------------------------
nport=$(free_port)
nbase="http://127.0.0.1:$nport"
mkdir -p "$work/nginx/tmp"
# The security headers Gongkai sends on a public page, sent by nginx too.
header_lines=$(grep -iE '^(x-content-type-options|x-frame-options|referrer-policy|content-security-policy):' <<<"$headers" \
  | sed 's/\r$//' | awk -F': ' '{name=$1; $1=""; sub(/^ /, ""); printf "    add_header %s \"%s\" always;\n", name, $0}')
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  types { text/html html; }
  default_type text/html;
  charset utf-8;
  server {
    listen 127.0.0.1:$nport;
    root $www;
$header_lines
    location = / { try_files /index.html =404; }
    location = /doc { try_files /doc.html =404; }
  }
}
EOF
log "starting nginx $(nginx -v 2>&1 | sed 's/.*\///') on $nbase"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$work/nginx/stdout.log" 2>&1 &
nginx_pid=$!
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$nbase/")" = 200 ] && break
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$work/nginx/error.log" "$work/nginx/stdout.log" >&2; fail "nginx exited"; }
  sleep 0.1
done
cmp -s <(curl -s "$nbase/doc") "$www/doc.html" || fail "nginx does not serve the saved document page"

# --- measure -----------------------------------------------------------------------------------------
run_wrk() { # run_wrk URL LABEL -> prints requests/s; keeps wrk's output in $work/LABEL.txt
  local url=$1 label=$2
  timeout $((warmup_seconds + 30)) wrk -t"$wrk_threads" -c"$wrk_connections" -d"${warmup_seconds}s" "$url" >/dev/null 2>&1 || fail "wrk warm-up $label"
  timeout $((wrk_seconds + 30)) wrk -t"$wrk_threads" -c"$wrk_connections" -d"${wrk_seconds}s" --timeout 5s --latency "$url" >"$work/$label.txt" 2>&1 \
    || { cat "$work/$label.txt" >&2; fail "wrk $label"; }
  grep -q 'Non-2xx' "$work/$label.txt" && { cat "$work/$label.txt" >&2; fail "$label answered non-2xx"; }
  awk '/^Requests\/sec:/ {printf "%d", $2}' "$work/$label.txt"
}
declare -A best p99
for round in $(seq 1 "$rounds"); do
  for page in home doc; do
    if [ "$page" = home ]; then g="$base/"; n="$nbase/"; else g="$base$doc_path"; n="$nbase/doc"; fi
    log "round $round, $page: nginx then Gongkai (wrk -t$wrk_threads -c$wrk_connections -d${wrk_seconds}s after ${warmup_seconds}s warm-up)"
    for side in nginx gongkai; do
      url=$([ "$side" = nginx ] && echo "$n" || echo "$g")
      rps=$(run_wrk "$url" "$side-$page-$round")
      echo "   $side $page: $rps requests/s, p99 $(awk '$1=="99%" {print $2}' "$work/$side-$page-$round.txt")" >&2
      if [ -z "${best[$side-$page]:-}" ] || [ "$rps" -gt "${best[$side-$page]}" ]; then
        best[$side-$page]=$rps
        p99[$side-$page]=$(awk '$1=="99%" {print $2}' "$work/$side-$page-$round.txt")
      fi
    done
  done
done

# --- report ------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
met() { awk -v r="$1" 'BEGIN { print (r + 0 >= 0.5) ? "yes" : "**no**" }'; }
commit=$(git -C "$root" rev-parse --short HEAD)
dirty=$(git -C "$root" status --porcelain --untracked-files=no | grep -q . && echo " (with uncommitted changes)" || true)
echo
echo "Machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(uname -sr); .NET $(dotnet --version) SDK; nginx $(nginx -v 2>&1 | sed 's/.*\///'); wrk on the same machine"
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit ${commit}${dirty}; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$wrk_threads -c$wrk_connections -d${wrk_seconds}s (after ${warmup_seconds}s warm-up), best of $rounds interleaved rounds; home $(wc -c <"$www/index.html") bytes, document page $(wc -c <"$www/doc.html") bytes; $documents demo documents"
echo
echo "| page | nginx (same HTML from disk) | Gongkai | ratio | ≥ 0.5× met? |"
echo "| --- | --- | --- | --- | --- |"
for page in home doc; do
  label=$([ "$page" = home ] && echo "home page /" || echo "document page")
  r=$(ratio "${best[gongkai-$page]}" "${best[nginx-$page]}")
  echo "| $label | ${best[nginx-$page]} requests/s (p99 ${p99[nginx-$page]}) | ${best[gongkai-$page]} requests/s (p99 ${p99[gongkai-$page]}) | ${r}× | $(met "$r") |"
done
