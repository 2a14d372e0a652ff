#!/usr/bin/env bash
# Side by side in one process: drove's database/sql driver against modernc.org/sqlite (WAL,
# synchronous=FULL, one connection for writes) and drove's key-value API against bbolt, on the
# same preloaded rows (k bigint primary key, v text). Prints a markdown table for the README;
# the ratio is drove's throughput over the peer's (for the ns rows, the peer's time over
# drove's), so above 1 means drove is faster.
#
#   bench/embedded_vs_sqlite.sh [-rows 100000] [-d 5s] [-only 'point SELECT'] [-cpuprofile f]
#
# The program is a module of its own (bench/embedded_vs_sqlite), so the drove module does not
# depend on SQLite or bbolt; it builds against this checkout of drove.
set -euo pipefail
cd "$(dirname "$0")/embedded_vs_sqlite"
bin=$(mktemp -d /tmp/drove-embedded-bench.XXXXXX)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/embedded_vs_sqlite" .
"$bin/embedded_vs_sqlite" "$@"
