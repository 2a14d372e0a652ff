#!/usr/bin/env bash
# Two 3-replica clusters side by side, A and B, and a single node, in one run: the way to
# compare two builds or settings of replication on a machine whose load moves a lot (two runs
# of bench/cluster_vs_single.sh minutes apart differ as much as most changes do). The load is
# cluster_vs_single.sh's (pgbench UPDATE by primary key, prepared, against each cluster's
# leader); each round runs the single node, then A and B in an order that alternates. Prints
# per round the tps, the ratios cluster / single and the CPU µs per update of every process
# (from /proc/PID/stat over its run: single | leader/follower/follower=sum).
#
#   bench/cluster_ab.sh [SECONDS] [CLIENTS] [ROUNDS]   (default 10 s, 16 clients, 4 rounds)
#
#   REV_A, REV_B   git revisions to build for A and B (git archive; default: the work tree)
#   EA, EB         environment assignments for A's and B's processes, e.g. EB="GOMAXPROCS=1"
#   BASE           first of the 27 loopback ports the nodes use (default: random in 20000-29000)
#
# Needs psql, pgbench and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
clients=${2:-16}
rounds=${3:-4}
rows=100000
. bench/lib.sh
make_work
# build REV OUT: the drove binary of git revision REV (empty: the one make_work built).
build() {
  if [ -z "$1" ]; then echo "$work/drove"; return; fi
  mkdir -p "$work/src-$2"
  git archive "$1" | tar -x -C "$work/src-$2"
  (cd "$work/src-$2" && go build -o "$work/drove-$2" ./cmd/drove)
  echo "$work/drove-$2"
}
bin_a=$(build "${REV_A:-}" a)
bin_b=$(build "${REV_B:-}" b)
base=${BASE:-$((20000 + RANDOM % 9000))}
# node i (0: the single node, 1..3: A, 4..6: B): PostgreSQL base+4i, cluster +1, HTTP +2.
pg() { echo $((base + 4 * $1)); }
cl() { echo $((base + 4 * $1 + 1)); }
ht() { echo $((base + 4 * $1 + 2)); }
q() { local port=$1 db=$2; shift 2; psql -qXtA -h 127.0.0.1 -p "$port" -U drove "$db" "$@"; }

start_node single "$(pg 0)" "$(cl 0)" "$(ht 0)"
# cluster FIRST PREFIX BIN ENV: nodes PREFIX1..3 (indexes FIRST..FIRST+2) and a tablespace r3
# on all three, led by PREFIX1.
cluster() {
  local i=$1 p=$2 drove_bin=$3 lead reps n join
  for n in 0 1 2; do
    join=""
    [ "$n" -gt 0 ] && join="--join 127.0.0.1:$(cl "$i")"
    eval "${4:-} start_node $p$((n + 1)) $(pg $((i + n))) $(cl $((i + n))) $(ht $((i + n))) $join"
  done
  q "$(pg "$i")" drove -c "CREATE TABLESPACE 'r3','replica:${p}1,${p}2,${p}3','expectedreplicacount:3','leader:${p}1'"
  for _ in $(seq 300); do
    lead=$(q "$(pg "$i")" drove -c "SELECT leader FROM systablespaces WHERE tablespace_name = 'r3'")
    reps=$(q "$(pg "$i")" r3 -c "SELECT count(*) FROM systablespacereplicastate WHERE tablespace_name = 'r3'" 2>/dev/null || echo 0)
    [ "$lead" = "${p}1" ] && [ "$reps" = 3 ] && return
    sleep 0.1
  done
  echo "r3 not led by ${p}1 with 3 replicas (leader $lead, $reps replicas)" >&2
  exit 1
}
cluster 1 a "$bin_a" "${EA:-}"
cluster 4 b "$bin_b" "${EB:-}"

seq 1 "$rows" | awk '{ print $1 "," $1 }' > "$work/kv.csv"
setup="CREATE TABLE kv (k bigint PRIMARY KEY, v bigint NOT NULL)"
q "$(pg 0)" drove -c "$setup" -c "\\copy kv FROM '$work/kv.csv' WITH (FORMAT csv)"
q "$(pg 1)" r3 -c "$setup" -c "\\copy kv FROM '$work/kv.csv' WITH (FORMAT csv)"
q "$(pg 4)" r3 -c "$setup" -c "\\copy kv FROM '$work/kv.csv' WITH (FORMAT csv)"
printf '\\set id random(1, %d)\nUPDATE kv SET v = v + 1 WHERE k = :id;\n' "$rows" > "$work/update.sql"

read -ra pids <<<"$node_pids"
cpu() { local p; for p in "$@"; do awk '{ printf "%d ", $14 + $15 }' "/proc/$p/stat"; done; }
# run NODE DB PID...: pgbench against NODE; prints tps and the CPU µs per update of each PID.
run() {
  local node=$1 db=$2 u0 u1 out
  shift 2
  u0=$(cpu "$@")
  out=$(pgbench -n -h 127.0.0.1 -p "$(pg "$node")" -U drove -M prepared -c "$clients" -j 2 -T "$secs" \
    -f "$work/update.sql" "$db" 2>&1)
  u1=$(cpu "$@")
  grep -E 'aborted|error' <<<"$out" | head -2 >&2 || true
  awk -v t="$(awk '/^tps/ { print $3 }' <<<"$out")" -v u0="$u0" -v u1="$u1" -v hz="$(getconf CLK_TCK)" \
    -v n="$(awk -F': ' '/actually processed/ { split($2, a, "/"); print a[1] }' <<<"$out")" 'BEGIN {
    k = split(u0, p); split(u1, q); s = ""; sum = 0
    for (i = 1; i <= k; i++) { c = n > 0 ? 1e6 * (q[i] - p[i]) / hz / n : 0; sum += c; s = s sprintf("%s%.0f", i > 1 ? "/" : "", c) }
    printf "%.0f %s%s\n", t, s, (k > 1 ? sprintf("=%.0f", sum) : "") }'
}

printf '%-5s %7s %7s %7s %6s %6s  %s\n' round single A B A/1 B/1 "CPU µs/update: single | A | B"
sa=0; sb=0
for round in $(seq "$rounds"); do
  read -r s su <<<"$(run 0 drove "${pids[0]}")"
  if [ $((round % 2)) = 1 ]; then
    read -r a au <<<"$(run 1 r3 "${pids[@]:1:3}")"
    read -r b bu <<<"$(run 4 r3 "${pids[@]:4:3}")"
  else
    read -r b bu <<<"$(run 4 r3 "${pids[@]:4:3}")"
    read -r a au <<<"$(run 1 r3 "${pids[@]:1:3}")"
  fi
  ra=$(bc -l <<<"$a / $s"); rb=$(bc -l <<<"$b / $s")
  sa=$(bc -l <<<"$sa + $ra"); sb=$(bc -l <<<"$sb + $rb")
  printf '%-5s %7s %7s %7s %6.2f %6.2f  %s | %s | %s\n' "$round" "$s" "$a" "$b" "$ra" "$rb" "$su" "$au" "$bu"
done
printf '%-5s %7s %7s %7s %6.2f %6.2f\n' mean "" "" "" "$(bc -l <<<"$sa / $rounds")" "$(bc -l <<<"$sb / $rounds")"
echo "(A: ${REV_A:-work tree} ${EA:-}; B: ${REV_B:-work tree} ${EB:-}; update-by-PK tps, $clients clients," \
  "${secs}s per run; A/1, B/1 = cluster / single node of the round)"
