# trim_array, array_fill and the common element type of || and the anycompatible array
# functions, as PostgreSQL 15 answers.
query
SELECT trim_array(ARRAY[1, 2, 3], 1), trim_array(ARRAY[1, 2, 3], 0), trim_array(ARRAY[1, 2, 3], 3), trim_array('{}'::int[], 0)
----
{1,2}|{1,2,3}|{}|{}
tag: SELECT 1

query
SELECT trim_array(ARRAY['a', NULL, 'c'], 1), pg_typeof(trim_array(ARRAY['a'], 1)), trim_array(NULL::int[], 1), trim_array(ARRAY[1], NULL)
----
{a,NULL}|text[]|NULL|NULL
tag: SELECT 1

query
SELECT array_fill(1, ARRAY[3]), array_fill(1, ARRAY[0]), array_fill(1, '{}'), array_fill(NULL::int, ARRAY[2]), array_fill('x'::text, ARRAY[2]), array_fill(7, ARRAY[2], ARRAY[1])
----
{1,1,1}|{}|{}|{NULL,NULL}|{x,x}|{7,7}
tag: SELECT 1

query
SELECT pg_typeof(array_fill(2.5, ARRAY[1])), cardinality(array_fill(true, ARRAY[4]))
----
numeric[]|4
tag: SELECT 1

query
SELECT ARRAY[1, 2] || 5::bigint, pg_typeof(ARRAY[1, 2] || 5::bigint), 5::bigint || ARRAY[1, 2], ARRAY[1, 2] || ARRAY[3.5], ARRAY[1] || 2.5
----
{1,2,5}|bigint[]|{5,1,2}|{1,2,3.5}|{1,2.5}
tag: SELECT 1

query
SELECT ARRAY[1::int2] || 3, pg_typeof(ARRAY[1::int2] || 3), ARRAY[1.5::float8] || 2, pg_typeof(ARRAY[1.5::float8] || 2)
----
{1,3}|integer[]|{1.5,2}|double precision[]
tag: SELECT 1

query
SELECT ARRAY[date '2020-01-01'] || timestamp '2020-01-02', pg_typeof(ARRAY[date '2020-01-01'] || timestamp '2020-01-02')
----
{"2020-01-01 00:00:00","2020-01-02 00:00:00"}|timestamp without time zone[]
tag: SELECT 1

query
SELECT array_append(ARRAY[1, 2], 3::int8), array_cat(ARRAY[1], ARRAY[2::int8]), array_prepend(1.5, ARRAY[1]), pg_typeof(array_prepend(1.5, ARRAY[1]))
----
{1,2,3}|{1,2}|{1.5,1}|numeric[]
tag: SELECT 1

query
SELECT array_position(ARRAY[1, 2], 2::int8), array_remove(ARRAY[1.5, 2], 2), array_replace(ARRAY[1, 2], 2, 2.5)
----
2|{1.5}|{1,2.5}
tag: SELECT 1

statement ok
CREATE TABLE pa (id int PRIMARY KEY, xs int[], b bigint)

statement ok
INSERT INTO pa VALUES (1, ARRAY[1, 2, 3], 10), (2, '{}', NULL), (3, NULL, 30)

query
SELECT id, xs || b, trim_array(xs, least(cardinality(xs), 1)), array_fill(b, ARRAY[2]) FROM pa ORDER BY id
----
1|{1,2,3,10}|{1,2}|{10,10}
2|{NULL}|{}|{NULL,NULL}
3|{30}|NULL|{30,30}
tag: SELECT 3

statement ok
UPDATE pa SET xs = xs || 4::bigint WHERE id = 1

query
SELECT xs FROM pa WHERE id = 1
----
{1,2,3,4}
tag: SELECT 1

statement error 2202E
SELECT trim_array(ARRAY[1, 2, 3], 4)

statement error 2202E
SELECT trim_array(ARRAY[1, 2, 3], -1)

statement error 22004
SELECT array_fill(1, NULL)

statement error 22004
SELECT array_fill(1, ARRAY[2], NULL)

statement error 22004
SELECT array_fill(1, ARRAY[NULL]::int[])

statement error 54000
SELECT array_fill(1, ARRAY[-1])

statement error 54000
SELECT array_fill(1, ARRAY[1000000000])

statement error 42804
SELECT array_fill(NULL, ARRAY[2])

statement error 42883
SELECT ARRAY['a'] || 1

statement error 42883
SELECT array_append(ARRAY['a'], 1)

statement error 42883
SELECT ARRAY[true] || 1
