#!/usr/bin/env bash
# Side by side: `drove load` of a CSV against PostgreSQL 15's COPY (psql \copy) of the same
# file on the same machine, both fsync on, both from an empty table with a bigint primary key.
# Prints both times and the ratio from one run.
#
#   bench/load_vs_postgres.sh [ROWS]        (default 1000000 rows, bigint + 100-byte text)
#
# Needs Debian's postgresql-15 (/usr/lib/postgresql/15/bin) and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
pgbin=/usr/lib/postgresql/15/bin
work=$(mktemp -d /tmp/drove-bench.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -n "${drove_pid:-}" ] && kill "$drove_pid" 2>/dev/null && wait "$drove_pid" 2>/dev/null || true
  [ -d "$work/pg" ] && run_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

echo "generating $rows rows..."
awk -v n="$rows" 'BEGIN { p = sprintf("%100s", ""); gsub(/ /, "x", p); print "id,payload";
  for (i = 1; i <= n; i++) print i "," p }' > "$work/rows.csv"
chmod 644 "$work/rows.csv"

go build -o "$work/drove" ./cmd/drove
pgport=$((20000 + RANDOM % 10000)); droveport=$((pgport + 1))

mkdir "$work/pg" && [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
run_pg "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
run_pg "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
psql -qX -h 127.0.0.1 -p "$pgport" -U postgres -c "CREATE TABLE big (id bigint PRIMARY KEY, payload text)"

"$work/drove" server --data-dir "$work/drove-data" --pg-addr "127.0.0.1:$droveport" --log-level warn &
drove_pid=$!
for _ in $(seq 100); do psql -qX -h 127.0.0.1 -p "$droveport" -U drove drove -c "SELECT 1" >/dev/null 2>&1 && break; sleep 0.1; done
psql -qX -h 127.0.0.1 -p "$droveport" -U drove drove -c "CREATE TABLE big (id bigint PRIMARY KEY, payload text)"

now() { date +%s.%N; }
t0=$(now)
psql -qX -h 127.0.0.1 -p "$pgport" -U postgres -c "\\copy big FROM '$work/rows.csv' WITH (FORMAT csv, HEADER)"
t1=$(now)
"$work/drove" load --progress=false --url "postgres://drove@127.0.0.1:$droveport/drove" --table big --header "$work/rows.csv" >/dev/null
t2=$(now)

awk -v t0="$t0" -v t1="$t1" -v t2="$t2" -v n="$rows" 'BEGIN { pg = t1 - t0; dr = t2 - t1
  printf "PostgreSQL 15 COPY: %.2f s (%.0f rows/s)\n", pg, n / pg
  printf "drove load:         %.2f s (%.0f rows/s)\n", dr, n / dr
  printf "ratio (PostgreSQL time / drove time): %.2f\n", pg / dr }'
