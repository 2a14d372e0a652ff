# operators: resolution through the operator registry (operators.go) as PostgreSQL 15 does it:
# unknown literals, mixed numeric types, || with non-text operands, the json operators with
# text and integer keys, the date/time arithmetic, NULL operands; the 42883/42725 errors.
statement ok
SET TIME ZONE 'UTC'

query
SELECT pg_typeof(1 + '2'), pg_typeof('2' * 1.5), pg_typeof(1::int2 + 1::real), pg_typeof(1::int8 / 2.0), pg_typeof(2.0::float4 * '3')
----
integer|numeric|double precision|numeric|real
tag: SELECT 1

query
SELECT 1 + '2', '2' * 1.5, 7::int2 / 2::int8, 1::real + 0.5, 2.5::float8 - 1
----
3|3.0|3|1.5|1.5
tag: SELECT 1

query
SELECT pg_typeof(NULL::int + NULL), pg_typeof(NULL || 'a'), pg_typeof(NULL::date - NULL), NULL::int + NULL IS NULL, 'a' || NULL IS NULL
----
integer|text|integer|t|t
tag: SELECT 1

statement error 42725
SELECT NULL + NULL

statement error 42725
SELECT -NULL

statement error 42725
SELECT -'1'

query
SELECT -(-2), - 1.5, pg_typeof(-1::int2), pg_typeof(-interval '1 day'), -'1'::int8
----
2|-1.5|smallint|interval|-1
tag: SELECT 1

statement error 42883
SELECT - true

query
SELECT +'1', pg_typeof(+'1'), + 2 + + 3, 1 - + 2, pg_typeof(+1::int2), ~5, ~(-1)::int2, pg_typeof(~1::int8), (SELECT +x FROM (VALUES (4)) v(x))
----
1|double precision|5|-1|smallint|-6|0|bigint|4
tag: SELECT 1

statement error 42883
SELECT + true

statement error 42883
SELECT + 'a'::text

statement error 42725
SELECT ~ '5'

statement error 42883
SELECT ~ 1.5

query
SELECT 'a' || 1, 1 || 'a', 'a' || 1.5 || true, pg_typeof('a' || 1), 'x' || date '2024-02-03', 'x' || NULL::int IS NULL
----
a1|1a|a1.5true|text|x2024-02-03|t
tag: SELECT 1

query
SELECT 'a' || 'b', pg_typeof('a' || 'b'), pg_typeof('ab'::varchar || 'c'::char(2)), 'ab'::char(3) || 'c'
----
ab|text|text|abc
tag: SELECT 1

statement error 42883
SELECT 1 || 2

statement error 42883
SELECT true || false

query
SELECT '\x01'::bytea || '\x02', pg_typeof('\x01'::bytea || '\x02'), 'a'::text || '\x01'::bytea
----
\x0102|bytea|a\x01
tag: SELECT 1

query
SELECT '{"a":1}'::jsonb || '{"b":2}', pg_typeof('{"a":1}'::jsonb || '{"b":2}'), '{"a":1}'::jsonb || 'x'::text
----
{"a": 1, "b": 2}|jsonb|{"a": 1}x
tag: SELECT 1

statement error 22P02
SELECT '{"a":1}'::jsonb || 'x'

query
SELECT '{"a":{"b":[10,20]}}'::jsonb -> 'a', '[1,2,3]'::jsonb -> 1, '[1,2,3]'::jsonb -> 1::int2, '[1,2,3]'::jsonb ->> -1, '{"a":"x"}'::json ->> 'a'
----
{"b": [10, 20]}|2|2|3|x
tag: SELECT 1

query
SELECT '{"a":{"b":[10,20]}}'::jsonb #> '{a,b,1}', '{"a":{"b":[10,20]}}'::jsonb #>> '{a,b}', '{"a":{"b":1}}'::json #> '{a}', pg_typeof('{"a":1}'::json -> 'a')
----
20|[10, 20]|{"b":1}|json
tag: SELECT 1

query
SELECT '{"a":1,"b":2}'::jsonb ? 'a', '{"a":1,"b":2}'::jsonb ?| '{x,b}', '{"a":1,"b":2}'::jsonb ?& '{a,x}', '{"a":1,"b":2}'::jsonb ? NULL
----
t|t|f|NULL
tag: SELECT 1

query
SELECT '{"a":1,"b":2}'::jsonb - 'a', '[1,2,3]'::jsonb - 1, '{"a":1,"b":2}'::jsonb - '{a,b}'::text[], '{"a":{"b":1}}'::jsonb #- '{a,b}'
----
{"b": 2}|[1, 3]|{}|{"a": {}}
tag: SELECT 1

query
SELECT '{"a":1,"b":2}'::jsonb @> '{"a":1}', '{"a":1}' <@ '{"a":1,"b":2}'::jsonb, pg_typeof('{"a":1}'::jsonb -> 'a'::varchar)
----
t|t|jsonb
tag: SELECT 1

statement error 42725
SELECT '{"a":1}' -> 'a'

statement error 42725
SELECT NULL ->> 'a'

statement error 42725
SELECT '{}' @> '{}'

statement error 42883
SELECT '[1]'::jsonb -> 1::int8

statement error 42883
SELECT '{"a":1}'::json ? 'a'

statement error 42883
SELECT '{"a":1}'::json @> '{}'

statement error 42883
SELECT '{"a":1}'::jsonb - 1.5

statement error 42883
SELECT 1 -> 'a'

query
SELECT interval '1 day' * 1.5, 2 * interval '1 hour', interval '3 days' / 2, interval '1 day' * '0.5', pg_typeof(interval '1 day' * 2)
----
1 day 12:00:00|02:00:00|1 day 12:00:00|12:00:00|interval
tag: SELECT 1

statement error 22012
SELECT interval '1 day' / 0

query
SELECT date '2024-02-28' + 1, 1 + date '2024-02-28', date '2024-03-01' - 1, date '2024-03-01' - date '2024-02-01', pg_typeof(date '2024-03-01' - date '2024-02-01')
----
2024-02-29|2024-02-29|2024-02-29|29|integer
tag: SELECT 1

query
SELECT date '2024-02-28' + interval '1 day', date '2024-02-28' - interval '1 hour', interval '1 day' + date '2024-02-28', date '2024-02-28' + time '10:00', pg_typeof(date '2024-02-28' + interval '1 day')
----
2024-02-29 00:00:00|2024-02-27 23:00:00|2024-02-29 00:00:00|2024-02-28 10:00:00|timestamp without time zone
tag: SELECT 1

statement error 42725
SELECT date '2024-02-28' + '1'

statement error 22007
SELECT date '2024-02-28' - '1'

query
SELECT date '2024-02-28' - '2024-02-01', pg_typeof(date '2024-02-28' - '2024-02-01')
----
27|integer
tag: SELECT 1

statement error 42883
SELECT date '2024-02-28' + 1::int8

statement error 42883
SELECT date '2024-02-28' + date '2024-02-28'

query
SELECT timestamptz '2024-01-02 00:00+00' - timestamptz '2024-01-01 12:00+00', timestamp '2024-01-02' - timestamp '2024-01-01 06:00', pg_typeof(timestamptz '2024-01-02 00:00+00' - timestamptz '2024-01-01 12:00+00')
----
12:00:00|18:00:00|interval
tag: SELECT 1

query
SELECT timestamptz '2024-01-02 00:00+00' - timestamp '2024-01-01', date '2024-01-02' - timestamp '2024-01-01 06:00', timestamp '2024-01-01' + '1 day', timestamptz '2024-01-01 00:00+00' + '1 day'
----
1 day|18:00:00|2024-01-02 00:00:00|2024-01-02 00:00:00+00
tag: SELECT 1

query
SELECT timestamp '2024-01-01 10:00' + time '01:30', time '10:00' + '1 hour', time '10:00' - time '08:30', time '23:00' + interval '2 hours', interval '1 hour' + time '10:00'
----
2024-01-01 11:30:00|11:00:00|01:30:00|01:00:00|11:00:00
tag: SELECT 1

query
SELECT pg_typeof(timestamp '2024-01-01' + time '01:30'), pg_typeof(date '2024-01-01' - timestamp '2024-01-01'), pg_typeof(time '10:00' + '1 hour')
----
timestamp without time zone|interval|time without time zone
tag: SELECT 1

statement error 42883
SELECT timestamptz '2024-01-01 00:00+00' + timestamptz '2024-01-01 00:00+00'

statement error 42883
SELECT interval '1 day' * interval '1 day'

query
SELECT time '10:00' * 2, pg_typeof(time '10:00' * 2), time '10:00' = interval '10 hours'
----
20:00:00|interval|t
tag: SELECT 1

query
SELECT -interval '1 day 2 hours', interval '1 day' = interval '24 hours', time '01:00' = interval '1 hour', timestamptz '2024-01-01 00:00+00' = timestamp '2024-01-01', date '2024-01-01' < timestamptz '2024-01-01 01:00+00'
----
-1 days -02:00:00|t|t|t|t
tag: SELECT 1

query
SELECT 'abc' LIKE 'a%', 'abc' NOT LIKE 'a%', 'ABC' ILIKE 'a%', 'ABC' NOT ILIKE 'a%', 'abc'::char(5) LIKE 'abc%', NULL LIKE 'a'
----
t|f|t|f|t|NULL
tag: SELECT 1

statement error 42883
SELECT 1 LIKE 'a'

statement error 42883
SELECT 'a' ILIKE 1

query
SELECT 'abc' ~ 'b', 'abc' ~* 'B', 'abc' !~ 'b', 'abc' !~* 'B', NULL ~ 'a'
----
t|t|f|f|NULL
tag: SELECT 1

statement error 42883
SELECT 1 ~ 'a'

statement error 42883
SELECT '00000000-0000-0000-0000-000000000001'::uuid + 1

query
SELECT '00000000-0000-0000-0000-000000000001'::uuid < '00000000-0000-0000-0000-000000000002', 'id:' || '00000000-0000-0000-0000-000000000001'::uuid
----
t|id:00000000-0000-0000-0000-000000000001
tag: SELECT 1

query
SELECT ARRAY[1] || 2, 1 || ARRAY[2], ARRAY[1] || ARRAY[2], '{1}' || ARRAY[2], ARRAY[1] || '{2}', NULL || ARRAY[1], ARRAY[1] || NULL, pg_typeof(ARRAY[1] || NULL), '{1}' || '{2}'
----
{1,2}|{1,2}|{1,2}|{1,2}|{1,2}|{1}|{1}|integer[]|{1}{2}
tag: SELECT 1

statement error 22P02
SELECT ARRAY['a'] || 'b'

statement error 42883
SELECT ARRAY[1] || 'x'::text

# The prefix operators @ (absolute value), |/ (square root) and ||/ (cube root), at ||'s
# level: below ^ and the arithmetic operators, above comparisons.
query
SELECT @ -5, |/ 25, ||/ 27, @ -5.5, |/ 2, @ '-3', ||/ '8', @ NULL, |/ NULL
----
5|5|3.0000000000000004|5.5|1.4142135623730951|3|2|NULL|NULL
tag: SELECT 1

query
SELECT 2 + @ -3, @ 2 ^ 2, |/ 16 ^ 2, - @ -3, @ - 3 * 2, @ -2 < 3
----
5|4|16|-3|6|t
tag: SELECT 1

query
SELECT pg_typeof(@ 1::int2), pg_typeof(@ 1.5::real), pg_typeof(|/ 4::int), pg_typeof(@ 2::bigint), pg_typeof(@ 2.5), pg_typeof(||/ 2.5), |/ 2::numeric
----
smallint|real|double precision|bigint|numeric|double precision|1.4142135623730951
tag: SELECT 1

query
SELECT a, @ a, |/ (a * a) FROM (VALUES (-1), (2), (-3)) v(a) WHERE @ a BETWEEN @ -1 AND |/ 9 ORDER BY @ a DESC
----
-3|3|3
2|2|2
-1|1|1
tag: SELECT 3

statement error 22003
SELECT @ (-32768)::int2

statement error 22003
SELECT @ (-9223372036854775808)::int8

statement error 2201F
SELECT |/ -1

statement error 22P02
SELECT @ 'x'

statement error 42883
SELECT |/ 'a'::text

# PostgreSQL has no infix @, |/ or ||/.
statement error 42883
SELECT 1 @ 2

statement error 42883
SELECT 1 |/ 2

statement error 42883
SELECT @ 1 @ 2
