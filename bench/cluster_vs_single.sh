#!/usr/bin/env bash
# Replication's cost on the write path: pgbench UPDATE by primary key against the leader of a
# tablespace replicated on three drove nodes (every commit appended and fsynced on a quorum,
# the default durability) next to the same load on a single node (no --join, same flags), in
# one run, on one machine. The rounds alternate single / cluster so drift in the machine's
# load hits both. Prints each round's tps, the ratio cluster / single per round and of the
# means, and the group-commit factor (log entries per fsynced append) of each.
#
#   bench/cluster_vs_single.sh [SECONDS] [CLIENTS] [ROUNDS]   (default 15 s, 16 clients, 2)
#
#   PROFILE=DIR   also saves CPU profiles (pprof, from --http-addr's /debug/pprof) of the
#                 single node, the leader and one follower during the first round, and a
#                 goroutine dump of the leader midway through its run.
#
# All four servers run on this machine and share its cores and disk: the three replicas
# fsync the same device, so this measures CPU and fsync contention as much as replication.
# Needs psql, pgbench and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
clients=${2:-16}
rounds=${3:-2}
rows=100000
. bench/lib.sh
make_work
base=$((20000 + RANDOM % 9000))
# node i (0: the single node, 1..3: the cluster): PostgreSQL base+4i, cluster +1, HTTP +2.
pg() { echo $((base + 4 * $1)); }
cl() { echo $((base + 4 * $1 + 1)); }
ht() { echo $((base + 4 * $1 + 2)); }
q() { local port=$1 db=$2; shift 2; psql -qXtA -h 127.0.0.1 -p "$port" -U drove "$db" "$@"; }

start_node single "$(pg 0)" "$(cl 0)" "$(ht 0)"
start_node n1 "$(pg 1)" "$(cl 1)" "$(ht 1)"
start_node n2 "$(pg 2)" "$(cl 2)" "$(ht 2)" --join "127.0.0.1:$(cl 1)"
start_node n3 "$(pg 3)" "$(cl 3)" "$(ht 3)" --join "127.0.0.1:$(cl 1)"

q "$(pg 1)" drove -c "CREATE TABLESPACE 'r3','replica:n1,n2,n3','expectedreplicacount:3','leader:n1'"
for _ in $(seq 300); do
  lead=$(q "$(pg 1)" drove -c "SELECT leader FROM systablespaces WHERE tablespace_name = 'r3'")
  reps=$(q "$(pg 1)" r3 -c "SELECT count(*) FROM systablespacereplicastate WHERE tablespace_name = 'r3'" 2>/dev/null || echo 0)
  [ "$lead" = n1 ] && [ "$reps" = 3 ] && break
  sleep 0.1
done
[ "$lead" = n1 ] && [ "$reps" = 3 ] || { echo "r3 not led by n1 with 3 replicas (leader $lead, $reps replicas)" >&2; exit 1; }

seq 1 "$rows" | awk '{ print $1 "," $1 }' > "$work/kv.csv"
setup="CREATE TABLE kv (k bigint PRIMARY KEY, v bigint NOT NULL)"
q "$(pg 0)" drove -c "$setup" -c "\\copy kv FROM '$work/kv.csv' WITH (FORMAT csv)"
q "$(pg 1)" r3 -c "$setup" -c "\\copy kv FROM '$work/kv.csv' WITH (FORMAT csv)"
printf '\\set id random(1, %d)\nUPDATE kv SET v = v + 1 WHERE k = :id;\n' "$rows" > "$work/update.sql"

# metric NODE NAME TABLESPACE: a counter from the node's /metrics.
metric() {
  curl -s "http://127.0.0.1:$(ht "$1")/metrics" | awk -v n="$2{tablespace=\"$3\"}" '$1 == n { print $2 }'
}
# run NODE DB TAG: pgbench against NODE, printing tps and entries per append.
run() {
  local node=$1 db=$2 tag=$3 e0 a0 e1 a1 out
  e0=$(metric "$node" drove_log_entries_total "$db"); a0=$(metric "$node" drove_log_appends_total "$db")
  if [ -n "${PROFILE:-}" ] && [ "$round" = 1 ]; then
    mkdir -p "$PROFILE"
    curl -s -o "$PROFILE/$tag.pprof" "http://127.0.0.1:$(ht "$node")/debug/pprof/profile?seconds=$((secs - 2))" &
    if [ "$node" = 1 ]; then
      curl -s -o "$PROFILE/follower.pprof" "http://127.0.0.1:$(ht 2)/debug/pprof/profile?seconds=$((secs - 2))" &
      (sleep $((secs / 2)); curl -s -o "$PROFILE/leader-goroutines.txt" "http://127.0.0.1:$(ht 1)/debug/pprof/goroutine?debug=1") &
    fi
  fi
  out=$(pgbench -n -h 127.0.0.1 -p "$(pg "$node")" -U drove -M prepared -c "$clients" -j 2 -T "$secs" \
    -f "$work/update.sql" "$db" 2>&1)
  wait
  grep -E 'aborted|error' <<<"$out" >&2 || true
  e1=$(metric "$node" drove_log_entries_total "$db"); a1=$(metric "$node" drove_log_appends_total "$db")
  awk -v t="$(awk '/^tps/ { print $3 }' <<<"$out")" -v e=$((e1 - e0)) -v a=$((a1 - a0)) \
    'BEGIN { printf "%.0f %.1f\n", t, (a > 0 ? e / a : 0) }'
}

printf '%-6s %12s %8s %12s %8s %7s\n' round single "ent/app" cluster "ent/app" ratio
sum_s=0; sum_c=0
for round in $(seq "$rounds"); do
  read -r s sg <<<"$(run 0 drove single)"
  read -r c cg <<<"$(run 1 r3 leader)"
  printf '%-6s %12s %8s %12s %8s %7.2f\n' "$round" "$s" "$sg" "$c" "$cg" "$(bc -l <<<"$c / $s")"
  sum_s=$((sum_s + s)); sum_c=$((sum_c + c))
done
printf '%-6s %12.0f %8s %12.0f %8s %7.2f\n' mean "$(bc -l <<<"$sum_s / $rounds")" "" \
  "$(bc -l <<<"$sum_c / $rounds")" "" "$(bc -l <<<"$sum_c / $sum_s")"
echo "(update-by-PK tps, $clients clients, ${secs}s per run, pgbench -M prepared; cluster = 3 replicas," \
  "leader n1, pgbench on the leader; ent/app = log entries per fsynced append on the node benchmarked)"
