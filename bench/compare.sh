#!/usr/bin/env bash
# Runs the four benches that guard the core paths — the staff queue page, the daily sweep, the annual report and the
# public search — on two Release trees one after the other, each on a fresh SQLite database in a temporary folder, so
# their figures come from one run on one machine state ("nothing got slower" is a ratio, not an absolute).
#
#   bench/compare.sh BEFORE_TREE AFTER_TREE        e.g. bench/compare.sh /work/wt/before .
#
# Each tree must have been built with `dotnet build bench/Gongkai.Bench -c Release` (which builds the application).
# Sizes (environment): BENCH_REQUESTS (queue, 20000), BENCH_SWEEP_REQUESTS (100000), BENCH_SWEEP_OPEN (20000),
# BENCH_REPORT_REQUESTS (200000), BENCH_REPORT_DOCUMENTS (100000), BENCH_SEARCH_DOCUMENTS (50000). Output: each bench's
# own lines, prefixed with the side, and the load average before each; full logs in the printed work folder.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: bench/compare.sh BEFORE_TREE AFTER_TREE" >&2; exit 2; }
work=$(mktemp -d /tmp/gongkai-compare.XXXXXX)
echo "work folder: $work"
requests=${BENCH_REQUESTS:-20000}
sweep_requests=${BENCH_SWEEP_REQUESTS:-100000}
sweep_open=${BENCH_SWEEP_OPEN:-20000}
report_requests=${BENCH_REPORT_REQUESTS:-200000}
report_documents=${BENCH_REPORT_DOCUMENTS:-100000}
search_documents=${BENCH_SEARCH_DOCUMENTS:-50000}

run() { # side name tree args...
  local side=$1 name=$2 tree=$3; shift 3
  local bench="$tree/bench/Gongkai.Bench/bin/Release/net10.0/Gongkai.Bench.dll"
  echo "== $side $name (load $(cut -d' ' -f1-3 /proc/loadavg))"
  (cd "$work" && dotnet "$bench" "$@") >"$work/$side-$name.log" 2>&1 || { echo "$side $name failed:"; tail -20 "$work/$side-$name.log"; return 1; }
  grep -v '^\s*$' "$work/$side-$name.log" | tail -n 12 | sed "s/^/$side $name | /"
}

for side in before after; do
  tree=$1; [ "$side" = after ] && tree=$2
  tree=$(cd "$tree" && pwd)
  app="$tree/src/Gongkai/bin/Release/net10.0"
  run "$side" queue "$tree" queue --provider Sqlite --file "$work/q-$side.db" --app "$app" --requests "$requests" --open "$((requests / 10))" --samples 60
  run "$side" sweep "$tree" sweep --provider Sqlite --file "$work/s-$side.db" --requests "$sweep_requests" --open "$sweep_open"
  run "$side" report "$tree" report --provider Sqlite --requests "$report_requests" --documents "$report_documents" --organs 50
  cs="Data Source=$work/search-$side.db"
  (cd "$work" && ConnectionStrings__Gongkai="$cs" Database__Provider=Sqlite Demo__Documents=0 dotnet "$app/gongkai.dll" demo generate --documents "$search_documents" --seed 15 --batch 5000 --json) >"$work/$side-generate.log" 2>&1
  run "$side" search "$tree" search --provider Sqlite --connection "$cs" --rounds 5 --label "$side-$search_documents"
done
