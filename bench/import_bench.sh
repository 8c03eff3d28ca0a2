#!/usr/bin/env bash
# Imports every OSM extract in a directory with the codriver CLI and prints a
# markdown table of import time and bundle size, absolute and per input MB.
#
#   bench/import_bench.sh [OSM_DIR] [CODRIVER_BINARY]
#
#   OSM_DIR          default: ../shared/data/osm (relative to the repository root)
#   CODRIVER_BINARY  default: build/codriver, else build/src/app/codriver
#   RUNS=N           imports per file (default 3); the median time is reported
#
# The time is the import's own wall-clock time as `codriver import --json` reports
# it (reading the OSM file through to the finished bundle; process start-up not
# included). The bundle is the whole directory (bundle.json, graph.bin,
# places.sqlite). Input MB and bundle sizes use 1 MB = 10^6 bytes. Build codriver in
# Release (-DCMAKE_BUILD_TYPE=Release) before comparing numbers.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
osm_dir="${1:-$root/../shared/data/osm}"
binary="${2:-}"
if [[ -z "$binary" ]]; then
  binary="$root/build/codriver"
  [[ -x "$binary" ]] || binary="$root/build/src/app/codriver"
fi
runs="${RUNS:-3}"

[[ -d "$osm_dir" ]] || { echo "no such directory: $osm_dir" >&2; exit 2; }
[[ -x "$binary" ]] || { echo "codriver binary not found: $binary (build it, or pass its path)" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive integer" >&2; exit 2; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/codriver_import_bench.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

json_number() {  # json_number KEY JSON: a top-level number from one-line JSON
  sed -n "s/.*\"$1\":\([-0-9.eE+]*\).*/\1/p" <<<"$2"
}

shopt -s nullglob
files=("$osm_dir"/*)
(( ${#files[@]} > 0 )) || { echo "no files in $osm_dir" >&2; exit 2; }

echo "| file | input MB | import s (median of $runs) | bundle bytes | bundle bytes / input MB | s / input MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for file in "${files[@]}"; do
  [[ -f "$file" ]] || continue
  name="$(basename "$file")"
  input_bytes="$(stat -c %s "$file")"
  times=()
  bundle_bytes=""
  for ((run = 1; run <= runs; ++run)); do
    out="$scratch/bundle"
    rm -rf "$out"
    if ! result="$("$binary" import "$file" --out "$out" --json 2>"$scratch/stderr")"; then
      echo "import of $name failed:" >&2
      cat "$scratch/stderr" >&2
      exit 1
    fi
    times+=("$(json_number seconds "$result")")
    bundle_bytes="$(json_number bundle_bytes "$result")"
  done
  median="$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
  awk -v name="$name" -v in_bytes="$input_bytes" -v s="$median" -v out_bytes="$bundle_bytes" 'BEGIN {
    mb = in_bytes / 1e6
    printf "| %s | %.3f | %.3f | %d | %.0f | %.3f |\n", name, mb, s, out_bytes, out_bytes / mb, s / mb
  }'
done
