# Casts, concatenation, ILIKE and EXPLAIN.
statement ok
CREATE TABLE t (id int PRIMARY KEY, s text, f double precision, b boolean)

statement ok
INSERT INTO t VALUES (1, 'Apple', 2.5, true), (2, 'banana', -1.5, false), (3, NULL, 3.5, NULL)

query
SELECT '42'::int + 1, CAST('7' AS bigint) * 2, 3::text || 'x', (1 + 2)::double precision / 2
----
43|14|3x|1.5
tag: SELECT 1

query
SELECT id::text || ':' || s FROM t ORDER BY id
----
1:Apple
2:banana
NULL
tag: SELECT 3

query
SELECT s || NULL, NULL || 'a', 'a' || 'b' || 'c'
----
error 42703: column "s" does not exist

query
SELECT f::int, CAST(f AS integer), f::bigint FROM t ORDER BY id
----
2|2|2
-2|-2|-2
4|4|4
tag: SELECT 3

query
SELECT b::text, b::int, 0::boolean, 5::bool FROM t WHERE id < 3 ORDER BY id
----
true|1|f|t
false|0|f|t
tag: SELECT 2

query
SELECT 'abcdef'::varchar(3), CAST('ab' AS char(4)), 'x'::character varying(5)
----
abc|ab  |x
tag: SELECT 1

query
SELECT '2024-01-02 03:04:05'::timestamp, 'true'::boolean, '1e3'::double precision, -2::int
----
2024-01-02 03:04:05|t|1000|-2
tag: SELECT 1

query
SELECT id FROM t WHERE s ILIKE 'a%' ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM t WHERE s NOT ILIKE '%AN%' ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM t WHERE s::text LIKE 'b%'
----
2
tag: SELECT 1

statement error 22P02
SELECT 'x'::int

statement error 22003
SELECT 70000::smallint

statement error 42846
SELECT true::timestamp

statement error 42704
SELECT 1::nosuchtype

statement error 42883
SELECT 1 || 2

# IS [NOT] DISTINCT FROM: NULL-safe comparison, never NULL.

query
SELECT 1 IS DISTINCT FROM 1, 1 IS DISTINCT FROM 2, NULL IS DISTINCT FROM NULL, NULL IS DISTINCT FROM 1, 1 IS NOT DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM NULL
----
f|t|f|t|f|t
tag: SELECT 1

query
SELECT 1 + 1 IS DISTINCT FROM 3 - 1, 'a' IS NOT DISTINCT FROM 'a' AND 2 > 1
----
f|t
tag: SELECT 1

# x IN (items that read a column) is x = a OR x = b ..., computed only until the answer is
# known; a NULL constant x makes every comparison, and so the IN, NULL while planning, so no
# item is computed at all.
statement ok
CREATE TABLE inl (id int PRIMARY KEY, i0 int, i1 int)

statement ok
INSERT INTO inl VALUES (1, 5, -2147483648)

query
SELECT length(NULL::text) IN (i0, abs(i1)), NULL::int NOT IN (i0, abs(i1)), 5 IN (i0, abs(i1)) FROM inl
----
NULL|NULL|t
tag: SELECT 1

query
SELECT 1 IN (i0, abs(i1)) FROM inl
----
error 22003: integer out of range
