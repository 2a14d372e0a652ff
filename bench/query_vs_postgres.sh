#!/usr/bin/env bash
# Side by side: the query engine's heavy operators on drove and PostgreSQL 15, same machine,
# same data: a hash join of two 100k-row tables and a GROUP BY over 1M rows. Each query runs
# three times on each; the best time counts. Prints times and the ratio drove / PostgreSQL
# (below 2 meets the goal of "within 2x").
#
#   bench/query_vs_postgres.sh
#
# Needs Debian's postgresql-15 (/usr/lib/postgresql/15/bin) and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_servers

seq 1 1000000 | awk '{ print $1 "," $1 % 1000 "," $1 * 7 }' > "$work/big.csv"
seq 1 100000 | awk '{ print $1 "," 100001 - $1 }' > "$work/small.csv"
chmod 644 "$work"/*.csv
setup=(-c "CREATE TABLE big (id bigint PRIMARY KEY, g int, n bigint)"
  -c "CREATE TABLE a (id bigint PRIMARY KEY, b_id bigint)"
  -c "CREATE TABLE b (id bigint PRIMARY KEY, b_id bigint)"
  -c "\\copy big FROM '$work/big.csv' WITH (FORMAT csv)"
  -c "\\copy a FROM '$work/small.csv' WITH (FORMAT csv)"
  -c "\\copy b FROM '$work/small.csv' WITH (FORMAT csv)")
psql -qX -h 127.0.0.1 -p "$pgport" -U postgres "${setup[@]}" -c "VACUUM ANALYZE"
psql -qX -h 127.0.0.1 -p "$droveport" -U drove drove "${setup[@]}"

best() { # port user db query → best of three, in ms
  for _ in 1 2 3; do
    psql -X -h 127.0.0.1 -p "$1" -U "$2" "$3" -c '\timing on' -c "$4" | awk '/^Time:/ { print $2 }'
  done | sort -g | head -1
}
printf '%-10s %12s %12s %8s\n' query "PostgreSQL" drove ratio
while IFS='|' read -r name q; do
  pg=$(best "$pgport" postgres postgres "$q")
  dr=$(best "$droveport" drove drove "$q")
  awk -v n="$name" -v pg="$pg" -v dr="$dr" 'BEGIN { printf "%-10s %10.1fms %10.1fms %8.2f\n", n, pg, dr, dr / pg }'
done <<'Q'
hash join|SELECT count(*), sum(a.id) FROM a JOIN b ON a.b_id = b.id
group by|SELECT g, count(*), sum(n) FROM big GROUP BY g ORDER BY g LIMIT 1
Q
echo "(best of 3 runs each; ratio = drove time / PostgreSQL time)"
