# Arrays, set-returning functions and the operators the catalog queries of psql and pgjdbc use.

statement ok
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, tags text, qty smallint)

statement ok
INSERT INTO items VALUES (1, 'bolt', 'a', 7), (2, 'nut', NULL, 12), (3, 'gear', 'b', 3)

query
SELECT ARRAY[1, 2, 3], ARRAY['a b', 'c', NULL], ARRAY[1, NULL]::bigint[]
----
{1,2,3}|{"a b",c,NULL}|{1,NULL}
tag: SELECT 1

query
SELECT (ARRAY[10, 20, 30])[2], (ARRAY[10, 20, 30])[0], (ARRAY[10, 20, 30])[4], (ARRAY['x', 'y'])[1 + 1]
----
20|NULL|NULL|y
tag: SELECT 1

query
SELECT '{1,2}'::int2[], '{a,"b,c",NULL}'::text[], '{}'::int[], ' { 3 , 4 } '::int8[]
----
{1,2}|{a,"b,c",NULL}|{}|{3,4}
tag: SELECT 1

statement error 22P02
SELECT '{1,x}'::int[]

statement error 22P02
SELECT '1,2'::int[]

query
SELECT array_upper(ARRAY[4, 5, 6], 1), array_lower(ARRAY[4, 5, 6], 1), array_length(ARRAY[4, 5], 1), cardinality(ARRAY[1]), array_upper(ARRAY[4], 2), array_upper('{}'::int[], 1), cardinality('{}'::int[])
----
3|1|2|1|NULL|NULL|0
tag: SELECT 1

query
SELECT 2 = ANY (ARRAY[1, 2]), 3 = ANY (ARRAY[1, 2]), 3 = ANY (ARRAY[1, NULL]), 1 <> ALL (ARRAY[2, 3]), 2 > ALL (ARRAY[1, 3])
----
t|f|NULL|t|f
tag: SELECT 1

query
SELECT name FROM items WHERE id = ANY (ARRAY[1, 3]) ORDER BY name
----
bolt
gear
tag: SELECT 2

query
SELECT ARRAY[1, 2] = ARRAY[1, 2], ARRAY[1, 2] < ARRAY[1, 3], ARRAY[1] < ARRAY[1, 0], '{a,b}'::text[] = ARRAY['a', 'b']
----
t|t|t|t
tag: SELECT 1

query
SELECT array_to_string(ARRAY(SELECT name FROM items ORDER BY id), ', '), ARRAY(SELECT id FROM items WHERE id > 1 ORDER BY id)
----
bolt, nut, gear|{2,3}
tag: SELECT 1

query
SELECT generate_series(1, 3)
----
1
2
3
tag: SELECT 3

query
SELECT generate_series(10, 1, -4), generate_series(1, 2) AS two
----
10|1
6|2
2|NULL
tag: SELECT 3

query
SELECT id, generate_series(1, id) FROM items ORDER BY 1, 2
----
1|1
2|1
2|2
3|1
3|2
3|3
tag: SELECT 6

query
SELECT g, g * 2 FROM generate_series(1, 5, 2) g
----
1|2
3|6
5|10
tag: SELECT 3

query
SELECT s.v FROM generate_series(2, 3) AS s(v)
----
2
3
tag: SELECT 2

query
SELECT generate_series FROM pg_catalog.generate_series(1, 2)
----
1
2
tag: SELECT 2

query
SELECT count(*) FROM generate_series(1, 0)
----
0
tag: SELECT 1

query
SELECT i.name, s FROM items i, generate_series(1, 2) s WHERE i.id = 2 ORDER BY s
----
nut|1
nut|2
tag: SELECT 2

statement error 22023
SELECT generate_series(1, 3, 0)

statement error 0A000
SELECT id FROM items WHERE generate_series(1, 2) = 1

query
SELECT unnest(ARRAY['x', NULL, 'z']), unnest(ARRAY[1, 2])
----
x|1
NULL|2
z|NULL
tag: SELECT 3

query
SELECT u FROM unnest(ARRAY[3, 1, 2]) u ORDER BY u
----
1
2
3
tag: SELECT 3

query
SELECT (information_schema._pg_expandarray(ARRAY[10, 20])).x, (information_schema._pg_expandarray(ARRAY[10, 20])).n
----
10|1
20|2
tag: SELECT 2

query
SELECT information_schema._pg_expandarray(ARRAY['a', 'b c'])
----
(a,1)
("b c",2)
tag: SELECT 2

query
SELECT r.k, (r.e).x FROM (SELECT 'k' AS k, information_schema._pg_expandarray(ARRAY[5, 6]) AS e) r WHERE (r.e).n = 2
----
k|6
tag: SELECT 1

statement error 42703
SELECT (information_schema._pg_expandarray(ARRAY[1])).nope

statement error 42809
SELECT (id).x FROM items

query
SELECT string_agg(name, ', ') FROM (SELECT name FROM items ORDER BY id) s
----
bolt, nut, gear
tag: SELECT 1

query
SELECT qty % 2, string_agg(name, '|') FROM (SELECT * FROM items ORDER BY id) s GROUP BY 1 ORDER BY 1
----
0|nut
1|bolt|gear
tag: SELECT 2

query
SELECT string_agg(tags, '-'), string_agg(NULL::text, ','), string_agg(DISTINCT 'x', ',') FROM (SELECT * FROM items ORDER BY id) s
----
a-b|NULL|x
tag: SELECT 1

query
SELECT 5 & 3, 1 << 3, -16 >> 2, 7::int2 & 1::int2, qty & 1 FROM items WHERE id = 1
----
1|8|-4|1|1
tag: SELECT 1

statement error 42883
SELECT 1.5 & 1

query
SELECT name FROM items WHERE id = ANY ('{2,3}') AND name <> ALL ('{gear}') ORDER BY id
----
nut
tag: SELECT 1
