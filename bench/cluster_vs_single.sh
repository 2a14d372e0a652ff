#!/usr/bin/env bash
# Replication's cost on the write path: pgbench UPDATE by primary key against the leader of a
# tablespace replicated on three drove nodes (every commit appended and fsynced on a quorum,
# the default durability) next to the same load on a single node (no --join, same flags), in
# one run, on one machine. The rounds alternate single / cluster so drift in the machine's
# load hits both. Prints each round's tps, the ratio cluster / single per round and of the
# means, the group-commit factor (log entries per fsynced append) and the mean commit latency
# of each.
#
#   bench/cluster_vs_single.sh [SECONDS] [CLIENTS] [ROUNDS]   (default 15 s, 16 clients, 2)
#
#   PROFILE=DIR   also saves CPU profiles (pprof, from --http-addr's /debug/pprof) of the
#                 single node, the leader and one follower during the first round, and a
#                 goroutine dump of the leader midway through its run.
#   SYSCALLS=1    also counts, with perf stat (kernel tracepoints, so run it as root), the
#                 system calls and context switches per update of the single node, the
#                 leader and the follower n2 during the first round (the middle of each run).
#
# The cs columns are each process's context switches (/proc/PID/task/*/status) per update: on a
# virtual machine each costs far more than its system call (tablespace/DESIGN.md, "The
# runtime's sysmon thread").
# The cpu columns are each process's CPU time (user + system, /proc/PID/stat) over its run
# divided by the updates pgbench completed: the single node's in its run, and the leader's and
# both followers' in the cluster's run. The nodes share the machine's cores, so CPU per update
# summed over the cluster's three processes is what bounds its throughput on a loaded machine.
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
base=${BASE:-$((20000 + RANDOM % 9000))}
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
# counters NODE DB: log entries, fsynced appends, commit seconds and commits of NODE's replica.
counters() {
  echo "$(metric "$1" drove_log_entries_total "$2") $(metric "$1" drove_log_appends_total "$2")" \
    "$(metric "$1" drove_commit_duration_seconds_sum "$2") $(metric "$1" drove_commit_duration_seconds_count "$2")"
}
# cpu: CPU ticks (user + system, /proc/PID/stat) of each node process, in start order
# (single, n1, n2, n3).
cpu() {
  local p
  for p in $node_pids; do awk '{ printf "%d ", $14 + $15 }' "/proc/$p/stat"; done
}
# csw: context switches (voluntary and not, summed over the threads) of each node process.
csw() {
  local p
  for p in $node_pids; do cat /proc/"$p"/task/*/status 2>/dev/null | awk '/ctxt_switches/ { s += $2 } END { printf "%d ", s }'; done
}
# syscalls SECS NODE...: prints each NODE's system calls and context switches per commit of
# the first NODE (the one benchmarked) over SECS/3 seconds (perf stat on each process).
syscalls() {
  local secs=$1 i c0 n
  shift
  local -a pids
  read -ra pids <<<"$node_pids"
  c0=$(commits "$1")
  for i in "$@"; do
    perf stat -x, -e raw_syscalls:sys_enter,context-switches -p "${pids[i]}" -o "$work/perf.$i" \
      -- sleep $((secs / 3)) &
  done
  wait
  n=$(awk -v a="$c0" -v b="$(commits "$1")" 'BEGIN { print b - a }')
  for i in "$@"; do
    awk -F, -v node="$i" -v n="$n" '$3 ~ /sys_enter|context-switches/ { c[$3] = $1 }
      END { printf "node %s: %.2f system calls and %.2f context switches per commit (%d commits)\n", node,
        c["raw_syscalls:sys_enter"] / n, c["context-switches"] / n, n }' "$work/perf.$i" >&2
  done
}
# commits NODE: its tablespace's commit count (/metrics).
commits() { metric "$1" drove_commit_duration_seconds_count "$([ "$1" = 0 ] && echo drove || echo r3)"; }
# run NODE DB TAG: pgbench against NODE; prints tps, entries per append and mean commit
# latency (ms) on NODE, and entries per append on the follower n2 (cluster runs).
run() {
  local node=$1 db=$2 tag=$3 c0 c1 f0="0 0 0 0" f1="0 0 0 0" out u0 u1
  c0=$(counters "$node" "$db")
  u0=$(cpu); w0=$(csw)
  [ "$node" = 1 ] && f0=$(counters 2 "$db")
  if [ -n "${PROFILE:-}" ] && [ "$round" = 1 ]; then
    mkdir -p "$PROFILE"
    curl -s -o "$PROFILE/$tag.pprof" "http://127.0.0.1:$(ht "$node")/debug/pprof/profile?seconds=$((secs - 2))" &
    if [ "$node" = 1 ]; then
      curl -s -o "$PROFILE/follower.pprof" "http://127.0.0.1:$(ht 2)/debug/pprof/profile?seconds=$((secs - 2))" &
      (sleep $((secs / 2)); curl -s -o "$PROFILE/leader-goroutines.txt" "http://127.0.0.1:$(ht 1)/debug/pprof/goroutine?debug=1") &
    fi
  fi
  if [ -n "${SYSCALLS:-}" ] && [ "$round" = 1 ]; then
    local -a watch=("$node")
    [ "$node" = 1 ] && watch+=(2)
    (sleep $((secs / 3)); syscalls "$secs" "${watch[@]}") &
  fi
  out=$(pgbench -n -h 127.0.0.1 -p "$(pg "$node")" -U drove -M prepared -c "$clients" -j 2 -T "$secs" \
    -f "$work/update.sql" "$db" 2>&1)
  wait
  u1=$(cpu); w1=$(csw)
  grep -E 'aborted|error' <<<"$out" >&2 || true
  c1=$(counters "$node" "$db")
  [ "$node" = 1 ] && f1=$(counters 2 "$db")
  awk -v t="$(awk '/^tps/ { print $3 }' <<<"$out")" -v c0="$c0" -v c1="$c1" -v f0="$f0" -v f1="$f1" \
    -v n="$(awk -F': ' '/actually processed/ { split($2, a, "/"); print a[1] }' <<<"$out")" \
    -v u0="$u0" -v u1="$u1" -v w0="$w0" -v w1="$w1" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(c0, a); split(c1, b); split(f0, x); split(f1, y); split(u0, p); split(u1, q); split(w0, v); split(w1, w)
    cpu = ""  # µs of CPU per update, per node process (single, n1, n2, n3)
    for (i = 1; i <= 4; i++) cpu = cpu sprintf("%s%.0f", i > 1 ? "/" : "", n > 0 ? 1e6 * (q[i] - p[i]) / hz / n : 0)
    cs = ""  # context switches per update, per node process
    for (i = 1; i <= 4; i++) cs = cs sprintf("%s%.1f", i > 1 ? "/" : "", n > 0 ? (w[i] - v[i]) / n : 0)
    printf "%.0f %.1f %.2f %s %s %s\n", t, (b[2] > a[2] ? (b[1] - a[1]) / (b[2] - a[2]) : 0),
      (b[4] > a[4] ? 1000 * (b[3] - a[3]) / (b[4] - a[4]) : 0),
      (y[2] > x[2] ? sprintf("%.1f", (y[1] - x[1]) / (y[2] - x[2])) : "-"), cpu, cs }'
}

printf '%-6s %10s %7s %7s %10s %7s %7s %7s %6s %6s %14s %6s %14s\n' round single ent/app ms cluster ent/app ms "n2 e/a" ratio \
  "cpu1" "cpu n1/n2/n3" "cs1" "cs n1/n2/n3"
sum_s=0; sum_c=0
for round in $(seq "$rounds"); do
  read -r s sg sl _ su sw <<<"$(run 0 drove single)"
  read -r c cg cl2 fg cu cw <<<"$(run 1 r3 leader)"
  printf '%-6s %10s %7s %7s %10s %7s %7s %7s %6.2f %6s %14s %6s %14s\n' "$round" "$s" "$sg" "$sl" "$c" "$cg" "$cl2" "$fg" \
    "$(bc -l <<<"$c / $s")" "$(cut -d/ -f1 <<<"$su")" "$(cut -d/ -f2- <<<"$cu")" "$(cut -d/ -f1 <<<"$sw")" "$(cut -d/ -f2- <<<"$cw")"
  sum_s=$((sum_s + s)); sum_c=$((sum_c + c))
done
printf '%-6s %10.0f %7s %7s %10.0f %7s %7s %7s %6.2f\n' mean "$(bc -l <<<"$sum_s / $rounds")" "" "" \
  "$(bc -l <<<"$sum_c / $rounds")" "" "" "" "$(bc -l <<<"$sum_c / $sum_s")"
echo "(update-by-PK tps, $clients clients, ${secs}s per run, pgbench -M prepared; cluster = 3 replicas," \
  "leader n1, pgbench on the leader; ent/app = log entries per fsynced append on the node" \
  "benchmarked, ms = its mean commit latency (drove_commit_duration_seconds), n2 e/a = the follower's entries per append;" \
  "cpu1, cpu n1/n2/n3 = CPU µs per update of the single node, and of each cluster node during the cluster's run;" \
  "cs1, cs n1/n2/n3 = their context switches per update)"
