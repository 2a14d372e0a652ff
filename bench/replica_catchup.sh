#!/usr/bin/env bash
# Replica catch-up: a tablespace of ROWS rows (bigint + 100-byte text, loaded with `drove load`
# and checkpointed, so its log is truncated and the new replica must receive the checkpoint —
# manifest and pages streamed by Raft's InstallSnapshot — and then the log) lives on node n1
# alone; node n2 has joined. While pgbench updates rows on n1 (CLIENTS clients), the
# tablespace is given a second replica: ALTER TABLESPACE 'ts','replica:n1,n2'. Reported, from
# the ALTER:
#
#   snapshot    n2's replica first applied something (the snapshot is installed)
#   target      n2 applied the leader's applied index at the time of the ALTER
#   lag 0       n2's applied index reached the leader's, sampled just before n2's (so n2 had
#               applied everything the leader had at a moment after it was read), while
#               writes went on
#
# and the snapshot's bytes (n2's page store) with the throughput over the snapshot time, and
# the update tps per second around the ALTER (`pgbench -P 1`), which shows whether writes
# stall while the replica catches up.
#
#   bench/replica_catchup.sh [ROWS] [CLIENTS]        (default 1000000 rows, 4 clients)
#
#   PROFILE=DIR   also saves 5 s CPU profiles of n1 and n2 from the ALTER on.
#
# Both servers run on this machine and share its cores and disk. Needs psql, pgbench, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
clients=${2:-4}
. bench/lib.sh
make_work
base=$((20000 + RANDOM % 9000))
pg() { echo $((base + 4 * $1)); }
cl() { echo $((base + 4 * $1 + 1)); }
ht() { echo $((base + 4 * $1 + 2)); }
q() { local port=$1 db=$2; shift 2; psql -qXtA -h 127.0.0.1 -p "$port" -U drove "$db" "$@"; }
# applied NODE: the node's applied index of tablespace ts (0 while it has no replica of it).
applied() {
  curl -s "http://127.0.0.1:$(ht "$1")/metrics" |
    awk '$1 == "drove_tablespace_applied_index{tablespace=\"ts\"}" { v = $2 } END { printf "%d\n", v }'
}
now() { date +%s.%N; }

start_node n1 "$(pg 1)" "$(cl 1)" "$(ht 1)"
start_node n2 "$(pg 2)" "$(cl 2)" "$(ht 2)" --join "127.0.0.1:$(cl 1)"
q "$(pg 1)" drove -c "CREATE TABLESPACE 'ts','replica:n1','expectedreplicacount:1'"
q "$(pg 1)" ts -c "CREATE TABLE big (id bigint PRIMARY KEY, payload text)"

echo "loading $rows rows..."
awk -v n="$rows" 'BEGIN { p = sprintf("%100s", ""); gsub(/ /, "x", p); print "id,payload";
  for (i = 1; i <= n; i++) print i "," p }' > "$work/rows.csv"
t=$(now)
"$work/drove" load --progress=false --url "postgres://drove@127.0.0.1:$(pg 1)/ts" --table big --header "$work/rows.csv" >/dev/null
rm "$work/rows.csv"
echo "loaded in $(bc -l <<<"$(now) - $t" | xargs printf '%.1f') s; log index $(applied 1)"

printf '\\set id random(1, %d)\nUPDATE big SET payload = '"'"'y'"'"' WHERE id = :id;\n' "$rows" > "$work/update.sql"
pgbench -n -h 127.0.0.1 -p "$(pg 1)" -U drove -M prepared -c "$clients" -j 2 -T 300 -P 1 \
  -f "$work/update.sql" ts > "$work/pgbench.out" 2>&1 &
bench_pid=$!
tb=$(now)
# Some thousand update entries, then a checkpoint: the log keeps only its last 1024 entries
# (TrailingLogs), so the load's entries are gone and n2 needs the snapshot.
sleep 4
tc0=$(now)
q "$(pg 1)" ts -c "CHECKPOINT"
tc1=$(now)
sleep 1

if [ -n "${PROFILE:-}" ]; then # CPU profiles of both nodes over the catch-up
  mkdir -p "$PROFILE"
  for n in 1 2; do curl -s -o "$PROFILE/catchup-n$n.pprof" "http://127.0.0.1:$(ht $n)/debug/pprof/profile?seconds=5" & done
fi
l0=$(applied 1)
t0=$(now)
q "$(pg 1)" drove -c "ALTER TABLESPACE 'ts','replica:n1,n2'"
echo "ALTER at leader applied index $l0"
t_snap="" t_target="" t_lag0="" t_recv=""
while [ -z "$t_lag0" ] || [ -z "$t_target" ]; do
  l=$(applied 1); f=$(applied 2); t=$(now)
  [ -z "$t_recv" ] && compgen -G "$work/n2/tablespaces/ts/pages-*" >/dev/null && t_recv=$t
  [ -z "$t_snap" ] && [ "$f" -gt 0 ] && t_snap=$t && snap_index=$f
  [ -z "$t_target" ] && [ "$f" -ge "$l0" ] && t_target=$t
  [ -z "$t_lag0" ] && [ "$f" -gt 0 ] && [ "$f" -ge "$l" ] && t_lag0=$t && lag0_index=$f
  if [ "$(bc <<<"$t - $t0 > 300")" = 1 ]; then echo "not caught up within 300 s (n1 $l, n2 $f)" >&2; break; fi
  sleep 0.05
done
sleep 5
kill -TERM "$bench_pid" 2>/dev/null || true
wait "$bench_pid" 2>/dev/null || true

snap_bytes=$(du -sb "$work"/n2/tablespaces/ts/pages* 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
since() { bc -l <<<"$1 - $t0" | xargs printf '%.2f'; }
t_recv=${t_recv:-$t0}
echo "snapshot stream began (n2's fresh page store appeared): $(since "$t_recv") s after the ALTER"
echo "snapshot installed (n2 applied $snap_index): $(since "$t_snap") s after the ALTER;" \
  "page store $((snap_bytes / 1048576)) MiB, $(bc -l <<<"$snap_bytes / 1048576 / ($t_snap - $t_recv)" | xargs printf '%.0f')" \
  "MiB/s from the stream's start"
echo "n2's page stores: $(cd "$work/n2/tablespaces/ts" && echo pages*) (pages-<hex>: installed from a snapshot stream)"
echo "n2 applied the ALTER-time index $l0: $(since "$t_target") s"
echo "n2 at lag 0 (applied $lag0_index >= leader's) while writes continue: $(since "$t_lag0") s"
at() { bc -l <<<"$1 - $tb" | xargs printf '%.1f'; }
echo "update tps per second (pgbench -P 1, $clients clients); seconds since pgbench began:" \
  "CHECKPOINT $(at "$tc0")–$(at "$tc1"), ALTER $(at "$t0"), stream $(at "$t_recv"), installed $(at "$t_snap"), lag 0 $(at "$t_lag0")"
awk '/^progress/ { printf "%s ", $4 } END { print "" }' "$work/pgbench.out" | fold -s -w 100
