#!/usr/bin/env bash
# Load test of the cockpit server (`codriver serve`) with wrk, on 127.0.0.1 only.
#
#   bench/server_load.sh [--codriver BIN] [--map BUNDLE] [--duration SECONDS]
#                        [--connections "1 8 64"]
#
#   --codriver     default: build/codriver (relative to the repository root)
#   --map          a map bundle; default: one imported from ../shared/data/osm/monaco.osm.pbf
#                  into a temporary directory (removed at the end)
#   --duration     seconds of load per step (default 10)
#   --connections  the connection counts to step through (default "1 8 64")
#
# Starts `codriver serve --port 0 --no-web` itself and, for each connection count, loads
# GET /v1/vehicle (the baseline: HTTP, routing, the lock and a small JSON answer, no
# understanding) and then POST /v1/ask (questions in English and Chinese that change no
# state, see bench/server_load.lua), wrk threads = min(connections, 2), with --latency.
# The server's resident memory (VmRSS) is read before and after every step. Prints
# markdown tables; exits 1 if any response was not 2xx, an /v1/ask answer had no speech,
# wrk saw a socket error, or the server died.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lua_script="$root/bench/server_load.lua"
binary="$root/build/codriver"
map=""
duration=10
connection_counts="1 8 64"

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while (($# > 0)); do
  case "$1" in
    --codriver) binary="$2"; shift 2 ;;
    --map) map="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connection_counts="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

[[ "$duration" =~ ^[1-9][0-9]*$ ]] || { echo "--duration must be a positive number of seconds" >&2; exit 2; }
for c in $connection_counts; do
  [[ "$c" =~ ^[1-9][0-9]*$ ]] || { echo "--connections must be positive integers, not '$c'" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "wrk not found (Debian: apt-get install wrk)" >&2; exit 2; }
[[ -x "$binary" ]] || { echo "codriver binary not found: $binary (build it, or pass --codriver)" >&2; exit 2; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/codriver_server_load.XXXXXX")"
server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

if [[ -z "$map" ]]; then
  osm="$root/../shared/data/osm/monaco.osm.pbf"
  [[ -f "$osm" ]] || { echo "no --map given and no $osm to import" >&2; exit 2; }
  map="$scratch/monaco.bundle"
  echo "importing $osm ..." >&2
  "$binary" import "$osm" --out "$map" >"$scratch/import.log" 2>&1 ||
    { cat "$scratch/import.log" >&2; exit 1; }
fi

# --- the server ------------------------------------------------------------------------

"$binary" serve --map "$map" --port 0 --no-web >"$scratch/serve.out" 2>"$scratch/serve.err" &
server_pid=$!
base_url=""
for _ in $(seq 1 600); do  # up to 60 s: opening a large bundle takes a while
  base_url="$(sed -n 's|^codriver: serving \(http://127\.0\.0\.1:[0-9]*\)/$|\1|p' "$scratch/serve.out")"
  [[ -n "$base_url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:" >&2; cat "$scratch/serve.err" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$base_url" ]] || { echo "the server did not say it was serving within 60 s" >&2; exit 1; }

rss_mib() {  # the server's resident set, MiB with one decimal
  awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status"
}

to_ms() {  # a wrk duration (850.00us, 1.23ms, 2.00s, 1.50m) in milliseconds
  awk -v d="$1" 'BEGIN {
    if (d ~ /us$/) { sub(/us$/, "", d); printf "%.3f", d / 1000 }
    else if (d ~ /ms$/) { sub(/ms$/, "", d); printf "%.2f", d }
    else if (d ~ /s$/) { sub(/s$/, "", d); printf "%.1f", d * 1000 }
    else if (d ~ /m$/) { sub(/m$/, "", d); printf "%.0f", d * 60000 }
    else { print "?" } }'
}

# --- one step: wrk against one endpoint --------------------------------------------------

failed=0
rows=()
declare -A rate p50

run_step() {  # run_step MODE PATH CONNECTIONS
  local mode="$1" path="$2" connections="$3"
  local threads=$((connections < 2 ? connections : 2))
  local out="$scratch/wrk_${mode}_${connections}.txt"
  local rss_before rss_after
  rss_before="$(rss_mib)"
  wrk --threads "$threads" --connections "$connections" --duration "${duration}s" --latency \
    --script "$lua_script" "$base_url$path" -- "$mode" >"$out" 2>&1 ||
    { echo "wrk failed:" >&2; cat "$out" >&2; failed=1; }
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "the server died during $mode with $connections connections:" >&2
    cat "$scratch/serve.err" >&2
    exit 1
  fi
  rss_after="$(rss_mib)"

  local requests_per_s median p99 wrk_non2xx lua_non2xx bad_body socket_errors
  requests_per_s="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  median="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  wrk_non2xx="$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$out")"
  wrk_non2xx="${wrk_non2xx:-0}"
  lua_non2xx="$(awk '$1 == "lua_non2xx" { print $2 }' "$out")"
  bad_body="$(awk '$1 == "lua_bad_body" { print $2 }' "$out")"
  # "Socket errors: connect 0, read 0, write 0, timeout 0" appears only when one is not 0.
  socket_errors="$(sed -n 's/^ *Socket errors: *//p' "$out")"
  socket_errors="${socket_errors:-none}"

  if [[ -z "$requests_per_s" || -z "$lua_non2xx" || -z "$bad_body" ]]; then
    echo "could not read wrk's report for $mode/$connections:" >&2
    cat "$out" >&2
    failed=1
  fi
  if [[ "$wrk_non2xx" != 0 || "$lua_non2xx" != 0 || "$bad_body" != 0 || "$socket_errors" != none ]]; then
    echo "$mode with $connections connections: non-2xx $wrk_non2xx (script: $lua_non2xx)," \
      "answers without speech $bad_body, socket errors: $socket_errors" >&2
    failed=1
  fi
  rate["$mode/$connections"]="$requests_per_s"
  p50["$mode/$connections"]="$median"
  rows+=("| $mode | $connections | $threads | $requests_per_s | $median | $p99 | $wrk_non2xx | $socket_errors | $rss_before | $rss_after |")
}

# --- the run ----------------------------------------------------------------------------

rss_start="$(rss_mib)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for connections in $connection_counts; do
  run_step vehicle /v1/vehicle "$connections"
  run_step ask /v1/ask "$connections"
done

echo "codriver serve: $map; ${duration} s per step; wrk and the server share $(nproc) cores;" \
  "load average $load_before before the run, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "server RSS at start (after the serving line): $rss_start MiB"
echo
echo "| endpoint | connections | wrk threads | requests/s | p50 ms | p99 ms | non-2xx | socket errors | RSS before MiB | RSS after MiB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo
echo "| connections | ask requests/s ÷ vehicle requests/s | ask p50 ÷ vehicle p50 |"
echo "| ---: | ---: | ---: |"
for connections in $connection_counts; do
  awk -v c="$connections" -v ar="${rate[ask/$connections]:-0}" -v vr="${rate[vehicle/$connections]:-0}" \
    -v ap="${p50[ask/$connections]:-0}" -v vp="${p50[vehicle/$connections]:-0}" 'BEGIN {
      printf "| %d | %s | %s |\n", c, (vr > 0 ? sprintf("%.3f", ar / vr) : "?"),
        (vp > 0 ? sprintf("%.1f", ap / vp) : "?") }'
done

if ((failed)); then
  echo "FAILED: see the messages above" >&2
  exit 1
fi
