#!/usr/bin/env bash
# Two revisions of drove side by side: the working tree (B) against git revision REV (A), each
# a single node with its defaults (fsync on), on pgbench's GET / UPDATE / INSERT by primary
# key (the workloads of bench/pgbench_vs_postgres.sh), rounds alternating A and B so drift in
# the machine's load hits both. Prints each run's tps and the ratio B / A of the sums.
#
#   bench/drove_ab.sh REV [SECONDS] [CLIENTS] [ROUNDS]    (default 10 s, 8 clients, 3 rounds)
#
# Needs psql and pgbench.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bench/drove_ab.sh REV [SECONDS] [CLIENTS] [ROUNDS]}
secs=${2:-10}
clients=${3:-8}
rounds=${4:-3}
rows=100000
. bench/lib.sh
make_work # builds the working tree into $work/drove
mkdir "$work/src-a"
git archive "$rev" | tar -x -C "$work/src-a"
(cd "$work/src-a" && go build -o "$work/drove-a" ./cmd/drove)
mv "$work/drove" "$work/drove-b"
base=$((20000 + RANDOM % 9000))
declare -A port=([a]=$base [b]=$((base + 2)))
for v in a b; do
  flags=()
  "$work/drove-$v" server --help 2>&1 | grep -q -- --cluster-addr && flags=(--cluster-addr "127.0.0.1:$((port[$v] + 1))")
  "$work/drove-$v" server --data-dir "$work/data-$v" --pg-addr "127.0.0.1:${port[$v]}" --log-level warn "${flags[@]}" 2>>"$work/$v.log" &
  node_pids+=" $!"
  for _ in $(seq 100); do psql -qX -h 127.0.0.1 -p "${port[$v]}" -U drove drove -c "SELECT 1" >/dev/null 2>&1 && break; sleep 0.1; done
done

seq 1 "$rows" | awk '{ print $1 "," $1 }' > "$work/kv.csv"
for v in a b; do
  psql -qX -h 127.0.0.1 -p "${port[$v]}" -U drove drove -c "CREATE TABLE kv (k bigint PRIMARY KEY, v bigint NOT NULL)" \
    -c "\\copy kv FROM '$work/kv.csv' WITH (FORMAT csv)"
done
printf '\\set id random(1, %d)\nSELECT v FROM kv WHERE k = :id;\n' "$rows" > "$work/get.sql"
printf '\\set id random(1, %d)\nUPDATE kv SET v = v + 1 WHERE k = :id;\n' "$rows" > "$work/update.sql"
printf '\\set id random(%d, 9000000000000000000)\nINSERT INTO kv VALUES (:id, 1);\n' "$((rows + 1))" > "$work/insert.sql"
tps() { # version workload
  pgbench -n -h 127.0.0.1 -p "${port[$1]}" -U drove -M prepared -c "$clients" -j 2 -T "$secs" -f "$work/$2.sql" drove 2>&1 |
    awk '/^tps/ { print $3 } /aborted|error/ { print "ERROR: " $0 > "/dev/stderr" }'
}
echo "A = $(git rev-parse --short "$rev"), B = the working tree ($(git rev-parse --short HEAD)$(git diff --quiet || echo +changes))"
printf '%-8s %-40s %-40s %6s\n' workload "A tps per round" "B tps per round" "B/A"
for w in get update insert; do
  as="" bs="" sa=0 sb=0
  for _ in $(seq "$rounds"); do
    a=$(tps a "$w"); b=$(tps b "$w")
    as+="$(printf '%.0f ' "$a")"; bs+="$(printf '%.0f ' "$b")"
    sa=$(bc -l <<<"$sa + $a"); sb=$(bc -l <<<"$sb + $b")
  done
  printf '%-8s %-40s %-40s %6.2f\n' "$w" "$as" "$bs" "$(bc -l <<<"$sb / $sa")"
done
echo "(tps, $clients clients, ${secs}s per run, pgbench -M prepared, $rounds rounds alternating A and B)"
