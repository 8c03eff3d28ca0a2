#!/usr/bin/env bash
# Routing at scale: for each size, writes a synthetic city grid (bench/make_synthetic_osm),
# imports it with the real pipeline (`codriver import`), builds the contraction hierarchy
# (`codriver prepare`), and runs bench/routing_bench on the bundle. Prints one markdown
# table row per size, and keeps every tool's output under $WORK for reading later.
#
#   bench/routing_scale.sh [SIZES...]        default sizes: 10000 100000 1000000
#
#   BUILD_DIR=build-bench     a Release build with make_synthetic_osm, routing_bench, codriver
#   WORK=/tmp/codriver_routing_scale   scratch directory (OSM files, bundles, logs)
#   SEED=1                    synthetic network seed
#   PREPARE_TIMEOUT=600       seconds; a hierarchy build that takes longer is stopped and
#                             reported as such, and that size gets no query numbers
#   PAIRS=1000                random query pairs (CH, Route)
#   SLOW_PAIRS                pairs for Dijkstra and A* (default 1000 up to 100k nodes, else 100)
#   KEEP=1                    keep the OSM files and bundles (default: delete after each size)
#
# `codriver import` builds the hierarchy itself; here it runs with --no-prepare and the
# hierarchy is built by `codriver prepare` right after, so that each phase gets its own
# wall time and peak RSS (/usr/bin/time -v) and the CH build can be bounded. The two
# together are exactly what `codriver import` does.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build-bench}"
[[ "$build" = /* ]] || build="$root/$build"
work="${WORK:-/tmp/codriver_routing_scale}"
seed="${SEED:-1}"
prepare_timeout="${PREPARE_TIMEOUT:-600}"
pairs="${PAIRS:-1000}"
sizes=("$@")
((${#sizes[@]} > 0)) || sizes=(10000 100000 1000000)

codriver="$build/codriver"
[[ -x "$codriver" ]] || codriver="$build/src/app/codriver"
generator="$build/bench/make_synthetic_osm"
bench="$build/bench/routing_bench"
for tool in "$codriver" "$generator" "$bench"; do
  [[ -x "$tool" ]] || { echo "missing $tool: build it in $build (Release)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }
mkdir -p "$work"

json_number() {  # json_number KEY JSON: the first number for "KEY" in one-line JSON
  sed -n "s/.*\"$1\":\([-0-9.eE+]*\).*/\1/p" <<<"$2" | head -n1
}
max_rss_mb() {  # from a /usr/bin/time -v log
  awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}
wall_s() {  # elapsed wall time from a /usr/bin/time -v log, in seconds
  awk '/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0
    for (i = 1; i <= n; ++i) s = s * 60 + t[i]; printf "%.1f", s }' "$1"
}
bench_row() {  # bench_row ENGINE SUMMARY_FILE: "median p99" of that engine's summary row
  awk -F'|' -v e="$1" '{ gsub(/ /, "", $2) } $2 == e { gsub(/ /, "", $4); gsub(/ /, "", $5);
    print $4, $5; exit }' "$2"
}

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)," \
  "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| road nodes | directed edges = turn-graph vertices | turns | import s | import peak RSS MB |" \
  "CH build s | CH peak RSS MB | shortcuts | shortcuts / vertex | ch.bin MB | bundle MB |" \
  "bundle bytes / node | CH median µs | CH p99 µs | Dijkstra median µs | A* median µs |" \
  "Dijkstra ÷ CH (median) | Route/CH median µs | 100×100 matrix ms | bench peak RSS MB |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" \
  "---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"

for n in "${sizes[@]}"; do
  osm="$work/grid_$n.osm.pbf"
  bundle="$work/grid_$n"
  log="$work/grid_$n"
  "$generator" --nodes "$n" --seed "$seed" --out "$osm" >"$log.generate.txt"
  rm -rf "$bundle"

  /usr/bin/time -v -o "$log.import.time" \
    "$codriver" import "$osm" --out "$bundle" --no-prepare --json >"$log.import.json"
  import_json="$(cat "$log.import.json")"
  import_s="$(json_number seconds "$import_json")"
  nodes="$(json_number nodes "$import_json")"

  prepare_status=0
  /usr/bin/time -v -o "$log.prepare.time" \
    timeout "$prepare_timeout" "$codriver" prepare "$bundle" --json >"$log.prepare.json" ||
    prepare_status=$?
  prepare_rss="$(max_rss_mb "$log.prepare.time")"
  if ((prepare_status != 0)); then
    reason="stopped after ${prepare_timeout} s"
    ((prepare_status == 124)) || reason="failed (exit $prepare_status)"
    printf '| %d | | | %.2f | %s | %s | %s (at stop) | | | | | | | | | | | | | |\n' "$nodes" \
      "$import_s" "$(max_rss_mb "$log.import.time")" "$reason" "$prepare_rss"
    [[ "${KEEP:-0}" == 1 ]] || rm -rf "$bundle" "$osm"
    continue
  fi
  prepare_json="$(cat "$log.prepare.json")"
  vertices="$(json_number turn_graph_vertices "$prepare_json")"
  turns="$(json_number turns "$prepare_json")"
  shortcuts="$(json_number shortcuts "$prepare_json")"
  ch_s="$(json_number seconds "$prepare_json")"
  ch_bytes="$(json_number bytes "$prepare_json")"
  bundle_bytes="$(du -sb "$bundle" | cut -f1)"

  slow="${SLOW_PAIRS:-}"
  [[ -n "$slow" ]] || { ((n <= 100000)) && slow=1000 || slow=100; }
  CODRIVER_BENCH_BUNDLE="$bundle" CODRIVER_BENCH_PAIRS="$pairs" CODRIVER_BENCH_SLOW_PAIRS="$slow" \
    "$bench" >"$log.bench.txt" 2>"$log.bench.err"
  read -r ch_median ch_p99 < <(bench_row CH "$log.bench.txt")
  read -r dijkstra_median _ < <(bench_row Dijkstra "$log.bench.txt")
  read -r astar_median _ < <(bench_row BidirectionalAStar "$log.bench.txt")
  read -r route_median _ < <(bench_row Route/CH "$log.bench.txt")
  matrix_ms="$(sed -n 's/^matrix .*median \([0-9.]*\) ms.*/\1/p' "$log.bench.txt")"
  bench_rss="$(awk -F'|' -v name=" grid_$n " '$2 == name { gsub(/ /, "", $9); print $9; exit }' \
    "$log.bench.txt")"

  awk -v n="$nodes" -v v="$vertices" -v t="$turns" -v is="$import_s" \
    -v irss="$(max_rss_mb "$log.import.time")" -v cs="$ch_s" -v prss="$prepare_rss" \
    -v sc="$shortcuts" -v cb="$ch_bytes" -v bb="$bundle_bytes" -v chm="$ch_median" \
    -v chp="$ch_p99" -v dm="$dijkstra_median" -v am="$astar_median" -v rm="$route_median" \
    -v mm="$matrix_ms" -v brss="$bench_rss" 'BEGIN {
    printf "| %d | %d | %d | %.2f | %d | %.1f | %d | %d | %.2f | %.1f | %.1f | %.0f | %.1f | %.1f |" \
      " %.0f | %.0f | %.0f | %.1f | %.1f | %s |\n", n, v, t, is, irss, cs, prss, sc, sc / v, cb / 1e6,
      bb / 1e6, bb / n, chm, chp, dm, am, dm / chm, rm, mm, brss
  }'
  [[ "${KEEP:-0}" == 1 ]] || rm -rf "$bundle" "$osm"
done
echo
echo "logs: $work/grid_<size>.{generate.txt,import.json,import.time,prepare.json,prepare.time,bench.txt}"
