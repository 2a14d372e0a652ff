#!/usr/bin/env bash
# What a long statement's snapshot costs writers: a full scan lasting about SCAN seconds runs
# during a pgbench UPDATE-by-primary-key load of CLIENTS clients on table kv. Three runs:
#
#   none     the load alone;
#   other    the same scan of a copy of kv in another tablespace: the scan's CPU, no snapshot
#            of the updated tablespace (a snapshot pins its own tablespace only);
#   pinned   the scan of kv itself, whose snapshot makes every update keep the image it
#            replaces until the scan ends.
#
# For each: update tps over the run and over the seconds the scan ran, how long the scan took,
# and the peak memory of old row versions in the updated tablespace
# (drove_tablespace_old_version_bytes on /metrics, sampled every 0.2 s).
#
#   bench/snapshot_scan.sh [SCAN] [CLIENTS] [ROWS]      (default 10 s, 16 clients, 100000 rows)
#
# The scan is a nested loop of a table with a small one, so it reads every row of the big one
# once, pinned, for the whole statement; it is sized, without load, to last SCAN s.
# Needs psql, pgbench, curl and bc.
set -euo pipefail
cd "$(dirname "$0")/.."
scan_secs=${1:-10}
clients=${2:-16}
rows=${3:-100000}
. bench/lib.sh
make_work
droveport=$((20000 + RANDOM % 10000)); httpport=$((droveport + 1))
run_drove --http-addr "127.0.0.1:$httpport"
q() { local db=$1; shift; psql -qXtA -h 127.0.0.1 -p "$droveport" -U drove "$db" "$@"; }
scan="SELECT count(*) FROM kv a, s b WHERE a.v <> b.x"

seq 1 "$rows" | awk '{ print $1 "," $1 }' > "$work/kv.csv"
q drove -c "CREATE TABLESPACE 'other'"
for db in drove other; do
  q "$db" -c "CREATE TABLE kv (k bigint PRIMARY KEY, v bigint NOT NULL)" -c "\\copy kv FROM '$work/kv.csv' WITH (FORMAT csv)"
  q "$db" -c "CREATE TABLE s (x bigint PRIMARY KEY)" -c "INSERT INTO s SELECT * FROM generate_series(1, 50)"
done
# Size s: the loop's cost is rows × |s|. Grow s until a scan takes a second, then scale.
size=50
while :; do
  t0=$(date +%s.%N); q drove -c "$scan" >/dev/null; t1=$(date +%s.%N)
  t=$(echo "$t1 - $t0" | bc)
  [ "$(echo "$t >= 1" | bc)" = 1 ] && break
  for db in drove other; do q "$db" -c "INSERT INTO s SELECT * FROM generate_series($((size + 1)), $((size * 4)))"; done
  size=$((size * 4))
done
n=$(awk -v t="$t" -v n="$size" -v s="$scan_secs" 'BEGIN { m = int(n * s / t); print (m < n ? n : m) }')
for db in drove other; do q "$db" -c "INSERT INTO s SELECT * FROM generate_series($((size + 1)), $n)"; done

printf '\\set id random(1, %d)\nUPDATE kv SET v = v + 1 WHERE k = :id;\n' "$rows" > "$work/update.sql"
run_secs=$((scan_secs * 3))
old_bytes() {
  curl -s "http://127.0.0.1:$httpport/metrics" |
    awk '/^drove_tablespace_old_version_bytes\{.*tablespace="drove"/ { print $2 }'
}

# run SCAN_DB: the load for run_secs, the scan in SCAN_DB ("" for none) from scan_secs on.
# Prints: tps over the run, tps while the scan ran, the scan's seconds, peak old-version bytes.
run() {
  pgbench -n -h 127.0.0.1 -p "$droveport" -U drove -M prepared -c "$clients" -j 2 -T "$run_secs" -P 1 \
    -f "$work/update.sql" drove > "$work/pgbench.out" 2> "$work/progress" &
  local load=$! a=$scan_secs b=$((scan_secs * 2)) took=0
  : > "$work/old"
  sleep "$scan_secs"
  ( while :; do old_bytes >> "$work/old"; sleep 0.2; done ) &
  local sampler=$!
  if [ -n "$1" ]; then
    local s0 s1; s0=$(date +%s.%N); q "$1" -c "$scan" >/dev/null; s1=$(date +%s.%N)
    took=$(echo "$s1 - $s0" | bc); b=$(echo "$a + $took" | bc)
  else
    sleep "$scan_secs"
  fi
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  wait "$load"
  local tps during peak
  tps=$(awk '/^tps/ { print $3 }' "$work/pgbench.out")
  # progress at t covers second (t-1, t]: the seconds wholly inside the scan.
  during=$(awk -v a="$a" -v b="$b" '/^progress:/ { t = $2 + 0; if (t - 1 >= a && t <= b) { s += $4; n++ } }
    END { printf "%.0f", n ? s / n : 0 }' "$work/progress")
  peak=$(sort -g "$work/old" | tail -1)
  echo "$tps $during $took ${peak:-0}"
}

printf 'update tps: %d clients, %d rows, %d s runs (pgbench -M prepared); the scan: %s, s of %d rows\n' \
  "$clients" "$rows" "$run_secs" "$scan" "$n"
printf '%-8s %10s %16s %8s %18s\n' scan "tps (run)" "tps (scan ran)" "scan s" "old versions peak"
for kind in none other pinned; do
  case $kind in none) db="" ;; other) db=other ;; pinned) db=drove ;; esac
  read -r tps during took peak < <(run "$db")
  awk -v k="$kind" -v t="$tps" -v d="$during" -v s="$took" -v p="$peak" \
    'BEGIN { printf "%-8s %10.0f %16.0f %8.1f %15.1f MB\n", k, t, d, s, p / 1e6 }'
done
echo "old versions once the scan ended: $(old_bytes) bytes"
