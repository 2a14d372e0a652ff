# Fixes from side-by-side sweeps of PostgreSQL 15's regression files (aggregates,
# groupingsets, strings, ...), recorded from PostgreSQL 15.
# An ordered-set aggregate's direct arguments read a column its grouping set does not group
# as NULL (groupingsets.sql): the grand total ranks a NULL, last with NULLS LAST.
query
SELECT grouping(a), a, array_agg(b), rank(a) WITHIN GROUP (ORDER BY b NULLS FIRST), rank(a) WITHIN GROUP (ORDER BY b NULLS LAST) FROM (VALUES (1,1),(1,4),(1,5),(3,1),(3,2)) v(a,b) GROUP BY ROLLUP (a) ORDER BY a
----
0|1|{1,4,5}|1|1
0|3|{1,2}|3|3
1|NULL|{1,4,5,1,2}|1|6
tag: SELECT 3

query
SELECT a, b, percentile_disc(0.5) WITHIN GROUP (ORDER BY c), rank(a, b) WITHIN GROUP (ORDER BY a, c), dense_rank(b+1) WITHIN GROUP (ORDER BY c) FROM (VALUES (1,1,3),(1,2,5),(2,2,7)) v(a,b,c) GROUP BY CUBE (a,b) ORDER BY 1, 2
----
1|1|3|1|1
1|2|5|1|1
1|NULL|3|3|3
2|2|7|1|1
2|NULL|7|2|2
NULL|1|3|2|1
NULL|2|5|3|1
NULL|NULL|5|4|4
tag: SELECT 8

# bytea's hex input skips white space between digit pairs, as hex_decode does, and its
# errors are hex_decode's (strings.sql).
query
SELECT E'\\x De Ad Be Ef '::bytea, '\x'::bytea, '{"\\x de ad", "\\x0a0B"}'::bytea[]
----
\xdeadbeef|\x|{"\\xdead","\\x0a0b"}
tag: SELECT 1

statement error 22023
SELECT E'\\xDeAdBeE'::bytea

statement error 22023
SELECT E'\\xDeAdBeEx'::bytea

statement error 22023
SELECT '\xd ead'::bytea

statement ok
CREATE TABLE sweepa_b (id int PRIMARY KEY, b bytea)

statement ok
INSERT INTO sweepa_b VALUES (1, '\x 01 02'), (2, E'\\x\tff\n00 ')

query
SELECT id, b, length(b) FROM sweepa_b ORDER BY id
----
1|\x0102|2
2|\xff00|2
tag: SELECT 2

# btrim, ltrim and rtrim of bytea remove bytes (strings.sql).
query
SELECT trim(E'\\000'::bytea FROM E'\\000Tom\\000'::bytea), trim(LEADING E'\\000'::bytea FROM E'\\000Tom\\000'::bytea), trim(TRAILING E'\\000'::bytea FROM E'\\000Tom\\000'::bytea)
----
\x546f6d|\x546f6d00|\x00546f6d
tag: SELECT 1

query
SELECT btrim(E'\\000trim\\000'::bytea, E'\\000'::bytea), btrim(''::bytea, E'\\000'::bytea), btrim(E'\\000trim\\000'::bytea, ''::bytea), ltrim('\xff80ff41ff'::bytea, '\xff80'::bytea), rtrim('\x41ff80ff'::bytea, '\xff80'::bytea), btrim('\x010101'::bytea, '\x01'::bytea)
----
\x7472696d|\x|\x007472696d00|\x41ff|\x41|\x
tag: SELECT 1

query
SELECT btrim(b, '\x01'::bytea), ltrim(b, '\x0102'::bytea), rtrim(NULL::bytea, b), pg_typeof(rtrim(b, b)) FROM sweepa_b ORDER BY id
----
\x02|\x|NULL|bytea
\xff00|\xff00|NULL|bytea
tag: SELECT 2

# WITHIN GROUP on an aggregate that is not an ordered-set one, and an ordered-set aggregate
# without it, are 42809 when the arguments match its signature, 42883 when not (aggregates.sql).
statement error 42809
SELECT p, sum() WITHIN GROUP (ORDER BY x::float8) FROM generate_series(1,5) x, (VALUES (0::float8),(0.1)) v(p) GROUP BY p

statement error 42809
SELECT p, percentile_cont(p, p) FROM generate_series(1,5) x, (VALUES (0::float8),(0.1)) v(p) GROUP BY p

statement error 42809
SELECT percentile_disc(0.5, x) FROM generate_series(1,3) x

statement error 42809
SELECT mode(x) FROM generate_series(1,3) x

statement error 42809
SELECT max() WITHIN GROUP (ORDER BY x) FROM generate_series(1,3) x

statement error 42809
SELECT array_agg() WITHIN GROUP (ORDER BY x) FROM generate_series(1,3) x

statement error 42883
SELECT sum(x) WITHIN GROUP (ORDER BY x) FROM generate_series(1,3) x

statement error 42883
SELECT mode(x, x) FROM generate_series(1,3) x

statement error 42883
SELECT percentile_cont(0.5, 'x'::text) FROM generate_series(1,3) x
