#!/usr/bin/env bash
# Runs every test: unit, HTTP integration on SQLite and PostgreSQL, and browser tests in Chromium.
# Installs what is missing (as root, from Debian packages), starts a throwaway PostgreSQL cluster,
# and ends with one line: "N passed, N failed[, N skipped]". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work=$(mktemp -d /tmp/gongkai-test.XXXXXX)
chmod 755 "$work"

log() { printf '\n== %s\n' "$*"; }

# --- what the tests need from Debian ---------------------------------------------------------
# Each check asks dpkg for the package's exact status (one line, read whole: no early-closing pipe whose SIGPIPE
# would fail the check under pipefail), so a machine that has everything installs nothing.
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Chinese glyphs for the pages Chromium renders; PDFs embed the font shipped with the application (no package needed).
installed fonts-noto-cjk || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log "installing ${need[*]}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
      || { echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "missing ${need[*]}: run as root once, or install them"; echo "0 passed, 1 failed"; exit 1
  fi
fi

# --- a throwaway PostgreSQL cluster on a free port ---------------------------------------------
pgbin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgdata="$work/pg"
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 54329)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$pgdata" && { [ "$(id -u)" -ne 0 ] || chown postgres "$pgdata"; }
stop_pg() { as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1; }
cleanup() { stop_pg; rm -rf "$work"; }
trap cleanup EXIT

log "starting PostgreSQL ($pgbin) on port $pgport"
as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$pgdata/server.log"; echo "0 passed, 1 failed"; exit 1; }
export GONGKAI_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"

# --- build once, then run each test project ------------------------------------------------------
log "building"
dotnet build Gongkai.slnx -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
  || { grep -E "error|warn" "$work/build.log" | sort -u | head -50; echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0; skipped=0; status=0
# Each pass: project, a label, the instant the tests' applications start at (GONGKAI_TEST_NOW, Beijing time), a filter.
# The tests never read the machine's clock; they run at the last minute of a year and again at the first minute of the
# next (docs/ARCHITECTURE.md §Time). The second pass leaves out the PostgreSQL copies of the HTTP classes: the date logic
# is the application's, the same on both databases, and the first pass runs them.
passes=(
  "tests/Gongkai.BrowserTests|Gongkai.BrowserTests||"
  "tests/Gongkai.Tests|Gongkai.Tests (2026-12-31 23:59 Beijing)|2026-12-31T23:59:00+08:00|"
  "tests/Gongkai.Tests|Gongkai.Tests (2027-01-01 00:01 Beijing, SQLite)|2027-01-01T00:01:00+08:00|FullyQualifiedName!~_Postgres"
)
# One pass, its whole output to a file first (a pager or `head` in the pipe would close it early, and SIGPIPE would end
# the test run itself); its exit code to another.
run_pass() {
  local n=$1 project=$2 at=$3 filter=$4
  local args=()
  [ -z "$filter" ] || args+=(--filter "$filter")
  GONGKAI_TEST_NOW="$at" dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=results.trx" \
    --logger "console;verbosity=normal" --results-directory "$work/results-$n" "${args[@]}" >"$work/pass-$n.log" 2>&1
  echo $? >"$work/pass-$n.rc"
}

# The browser pass (one server process and Chromium, its classes one after another, much of it waiting for pages) runs
# beside the two Gongkai.Tests passes, which run one after the other; the results are read in the order of the passes.
IFS='|' read -r project name at filter <<<"${passes[0]}"
log "testing $name, beside the other passes"
run_pass 1 "$project" "$at" "$filter" &
browser=$!
n=1
for pass in "${passes[@]:1}"; do
  IFS='|' read -r project name at filter <<<"$pass"
  n=$((n + 1))
  log "testing $name"
  run_pass "$n" "$project" "$at" "$filter"
done
wait "$browser"

n=0
for pass in "${passes[@]}"; do
  IFS='|' read -r project name at filter <<<"$pass"
  n=$((n + 1))
  log "results of $name"
  results="$work/results-$n"
  runner=$(cat "$work/pass-$n.rc" 2>/dev/null || echo 1)
  grep -v "Failed executing DbCommand" "$work/pass-$n.log" | grep -E -A2 "^\s*(Failed |Passed!|Failed!|Error Message)" >"$work/pass-$n.summary"
  head -n 200 "$work/pass-$n.summary"
  trx=$(ls "$results"/*.trx 2>/dev/null | head -n 1)
  if [ -z "$trx" ]; then
    echo "no results from $name"; failed=$((failed + 1)); status=1; continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get total); x=$(get executed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  # A runner that fails with no failed test (a crashed or aborted test host, an error after the last test) is a failure
  # too: it counts as one, and its last lines say why.
  if [ "$runner" -ne 0 ]; then
    status=1
    if [ $((${f:-0} + ${e:-0})) -eq 0 ]; then
      echo "dotnet test exited $runner for $name with no failed test; the end of its output:"
      grep -v "Failed executing DbCommand" "$work/pass-$n.log" | tail -n 40
      failed=$((failed + 1))
    fi
  fi
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done

[ "$failed" -eq 0 ] || status=1
[ "$passed" -gt 0 ] || status=1
line="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || line="$line, $skipped skipped"
echo
echo "$line"
exit $status
