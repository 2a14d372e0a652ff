#!/usr/bin/env bash
# Failover time: three drove nodes on loopback, a tablespace replicated on all three, a write
# loop through a node that does not lead; the leader is killed with SIGKILL and the time from
# the kill to the first successful write through the surviving node is measured. The killed
# node is restarted and caught up before the next trial (the next trial kills whoever leads).
#
#   bench/failover.sh [TRIALS] [drove server flag ...]      (default 10 trials)
#
# Each trial prints:
#   elected    kill → a survivor reports itself leader of the tablespace (drove_tablespace_leader
#              on /metrics, polled every 10 ms or so): Raft's failure detection plus election, plus
#              the new leader's barrier before it takes writes;
#   write      kill → the first INSERT through the survivor that commits;
#   route      write − elected: the forwarding node noticing the old leader is gone and
#              re-routing, plus the client's own retry gap;
#   attempts   statements the write loop sent meanwhile (each its own psql connection, as a
#              client that reconnects after an error does; a statement on the surviving node
#              waits there for the new leader, so one attempt is the usual).
# then the median and the maximum of each column.
# Needs psql and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-10}
shift || true
. bench/lib.sh

pids=(); pgports=(); clports=(); httpports=()
cleanup() {
  local p
  for p in "${pids[@]}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
make_work
base=$((20000 + RANDOM % 9000))
for i in 0 1 2; do
  pgports[i]=$((base + i)); clports[i]=$((base + 10 + i)); httpports[i]=$((base + 20 + i))
done

# start_node i [flag ...]: runs node n(i+1) and waits until it answers.
start_node() {
  local i=$1; shift
  "$work/drove" server --data-dir "$work/n$i" --node-id "n$((i + 1))" --log-level error \
    --pg-addr "127.0.0.1:${pgports[i]}" --cluster-addr "127.0.0.1:${clports[i]}" \
    --http-addr "127.0.0.1:${httpports[i]}" "$@" 2>>"$work/n$i.log" &
  pids[i]=$!
  for _ in $(seq 300); do q "$i" drove -c "SELECT 1" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "node n$((i + 1)) did not start:" >&2; tail "$work/n$i.log" >&2; exit 1
}
q() { local i=$1 db=$2; shift 2; PGCONNECT_TIMEOUT=2 psql -qXtA -h 127.0.0.1 -p "${pgports[i]}" -U drove "$db" "$@"; }
leader() { q "$1" r3 -c "SELECT nodeid FROM systablespacereplicastate WHERE tablespace_name = 'r3' AND mode = 'leader'" 2>/dev/null | sed 's/^n//'; }
leads() { curl -fs "http://127.0.0.1:${httpports[$1]}/metrics" 2>/dev/null | grep -q '^drove_tablespace_leader{tablespace="r3"} 1'; }
caught_up() { [ "$(q "$1" r3 -c "SELECT count(*) || ' ' || coalesce(sum(lagentries), -1) FROM systablespacereplicastate WHERE tablespace_name = 'r3'" 2>/dev/null)" = "3 0" ]; }
now() { echo "$EPOCHREALTIME"; }

start_node 0 "$@"
start_node 1 --join "127.0.0.1:${clports[0]}" "$@"
start_node 2 --join "127.0.0.1:${clports[0]}" "$@"
q 0 drove -c "CREATE TABLESPACE 'r3','replica:n1,n2,n3','expectedreplicacount:3'"
q 0 r3 -c "CREATE TABLE kv (k bigint PRIMARY KEY, v int NOT NULL)"
for _ in $(seq 200); do caught_up 0 && break; sleep 0.1; done

k=0
results=()
printf '%-6s %-8s %-8s %10s %10s %10s %9s\n' trial killed via "elected s" "write s" "route s" attempts
for trial in $(seq "$trials"); do
  l=""
  for _ in $(seq 100); do l=$(leader 0 || true); [ -n "$l" ] && break; sleep 0.1; done
  [ -n "$l" ] || { echo "no leader" >&2; exit 1; }
  lead=$((l - 1)); via=$(((lead + 1) % 3)); other=$(((lead + 2) % 3))
  # Warm: the loop's statements succeed through the survivor before the kill.
  until q "$via" r3 -c "INSERT INTO kv VALUES ($((++k)), 0)" >/dev/null 2>&1; do sleep 0.05; done
  t0=$(now)
  kill -9 "${pids[lead]}"; wait "${pids[lead]}" 2>/dev/null || true
  # The election is watched apart from the write loop, whose statement may wait in the
  # forwarding node for the new leader.
  (until leads "$via" || leads "$other"; do sleep 0.01; done; now >"$work/elected") &
  watcher=$!
  attempts=0
  while :; do
    attempts=$((attempts + 1))
    if q "$via" r3 -c "INSERT INTO kv VALUES ($((++k)), $trial)" >/dev/null 2>>"$work/errors"; then
      written=$(now); break
    fi
    awk -v a="$t0" -v b="$(now)" 'BEGIN { exit !(b - a > 60) }' && { echo "no write within 60 s" >&2; exit 1; }
  done
  wait "$watcher"; elected=$(cat "$work/elected")
  row=$(awk -v t0="$t0" -v e="$elected" -v w="$written" 'BEGIN { printf "%.3f %.3f %.3f", e - t0, w - t0, w - e }')
  read -r es ws rs <<<"$row"
  results+=("$row")
  printf '%-6s %-8s %-8s %10s %10s %10s %9s\n' "$trial" "n$((lead + 1))" "n$((via + 1))" "$es" "$ws" "$rs" "$attempts"
  start_node "$lead" "$@"
  for _ in $(seq 300); do caught_up "$via" && break; sleep 0.1; done
done

printf '%s\n' "${results[@]}" | awk '
  { e[NR] = $1; w[NR] = $2; r[NR] = $3 }
  function median(a, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    n = NR
    printf "median %22.3f %10.3f %10.3f\n", median(e, n), median(w, n), median(r, n)
    printf "max    %22.3f %10.3f %10.3f\n", e[n], w[n], r[n]
  }'
echo "errors seen by the write loop (SQLSTATE/message, count):"
sed -E 's/^psql: //; s/[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+:[0-9]+/ADDR/g' "$work/errors" | sort | uniq -c | sort -rn | head -10
