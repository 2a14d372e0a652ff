#!/usr/bin/env bash
# Side by side: the hot paths (GET by primary key, UPDATE by primary key, INSERT) driven by
# pgbench against drove and PostgreSQL 15 on the same machine, both with fsync on and their
# default durability (every commit flushed before it is acknowledged). Prints each tps and the
# ratio drove / PostgreSQL from one run.
#
#   bench/pgbench_vs_postgres.sh [SECONDS] [CLIENTS]      (default 10 s, 8 clients)
#
# Needs Debian's postgresql-15 (/usr/lib/postgresql/15/bin), psql and pgbench.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
clients=${2:-8}
rows=100000
. bench/lib.sh
start_servers max_connections=200

seq 1 "$rows" | awk '{ print $1 "," $1 }' > "$work/kv.csv"
chmod 644 "$work/kv.csv"
setup="CREATE TABLE kv (k bigint PRIMARY KEY, v bigint NOT NULL)"
psql -qX -h 127.0.0.1 -p "$pgport" -U postgres -c "$setup" -c "\\copy kv FROM '$work/kv.csv' WITH (FORMAT csv)"
psql -qX -h 127.0.0.1 -p "$droveport" -U drove drove -c "$setup" -c "\\copy kv FROM '$work/kv.csv' WITH (FORMAT csv)"

printf '\\set id random(1, %d)\nSELECT v FROM kv WHERE k = :id;\n' "$rows" > "$work/get.sql"
printf '\\set id random(1, %d)\nUPDATE kv SET v = v + 1 WHERE k = :id;\n' "$rows" > "$work/update.sql"
printf '\\set id random(%d, 9000000000000000000)\nINSERT INTO kv VALUES (:id, 1);\n' "$((rows + 1))" > "$work/insert.sql"

tps() { # host port user db script
  pgbench -n -h 127.0.0.1 -p "$2" -U "$3" -M prepared -c "$clients" -j 2 -T "$secs" -f "$4" "$5" 2>&1 |
    awk '/^tps/ { print $3 } /aborted|error/ { print "ERROR: " $0 > "/dev/stderr" }'
}
printf '%-8s %14s %14s %8s\n' workload "PostgreSQL" drove ratio
for w in get update insert; do
  pg=$(tps 127.0.0.1 "$pgport" postgres "$work/$w.sql" postgres)
  dr=$(tps 127.0.0.1 "$droveport" drove "$work/$w.sql" drove)
  awk -v w="$w" -v pg="$pg" -v dr="$dr" 'BEGIN { printf "%-8s %14.0f %14.0f %8.2f\n", w, pg, dr, dr / pg }'
done
echo "(tps, $clients clients, ${secs}s each, pgbench -M prepared; ratio = drove / PostgreSQL)"
