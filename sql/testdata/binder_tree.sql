# Expressions the binder compiles from sql/ast (CASE, BETWEEN, calls, subqueries, rows,
# subscripts, AT TIME ZONE), in grouped queries too, where a grouped expression is matched.
statement ok
CREATE TABLE bt (id int PRIMARY KEY, g int, a text, s text, t timestamp)

statement ok
INSERT INTO bt VALUES (1, 1, '1,2', 'xay', '2020-01-01 10:00'), (2, 1, '3', NULL, '2020-06-01 23:30'), (3, 2, NULL, 'bb', NULL)

query
SELECT CASE g WHEN 1 THEN 'one' ELSE 'other' END AS k, count(*) FROM bt GROUP BY CASE g WHEN 1 THEN 'one' ELSE 'other' END ORDER BY 1
----
one|2
other|1
tag: SELECT 2

query
SELECT (string_to_array(a, ','))[1], count(*) FROM bt GROUP BY (string_to_array(a, ','))[1] ORDER BY 1 NULLS FIRST
----
NULL|1
1|1
3|1
tag: SELECT 3

query
SELECT id BETWEEN 1 AND 2, id NOT BETWEEN 2 AND 3, sum(g) FROM bt GROUP BY id BETWEEN 1 AND 2, id NOT BETWEEN 2 AND 3 ORDER BY 1, 2
----
f|f|2
t|f|1
t|t|1
tag: SELECT 3

query
SELECT id, id IN (SELECT g FROM bt), id NOT IN (SELECT g FROM bt), id NOT IN (SELECT (string_to_array(a, ',')::int[])[2] FROM bt), id = ANY (SELECT g FROM bt WHERE g > 1), id < ALL (SELECT g + 1 FROM bt) FROM bt ORDER BY id
----
1|t|f|NULL|f|t
2|t|f|f|t|f
3|f|t|NULL|f|f
tag: SELECT 3

query
SELECT id, id = ANY (string_to_array(coalesce(a, '9'), ',')::int[]), id > ALL (string_to_array(coalesce(a, ''), ',')::int[]), 2 = ANY ('{1,2}'), EXISTS (SELECT 1 FROM bt b WHERE b.g = bt.id), ARRAY(SELECT b.id FROM bt b WHERE b.g = bt.g ORDER BY 1) FROM bt ORDER BY id
----
1|t|f|t|t|{1,2}
2|f|f|t|t|{1,2}
3|f|t|t|f|{3}
tag: SELECT 3

query
SELECT g, (SELECT max(b.id) FROM bt b WHERE b.g = bt.g), ROW(g, count(*)), (g, 'x') FROM bt GROUP BY g ORDER BY g
----
1|2|(1,2)|(1,x)
2|3|(2,1)|(2,x)
tag: SELECT 2

query
SELECT upper(s), substring(s FROM 2 FOR 1), trim(LEADING 'x' FROM s), position('a' IN s), coalesce(s, 'none'), length(coalesce(s, '')) FROM bt ORDER BY id
----
XAY|a|ay|2|xay|3
NULL|NULL|NULL|NULL|none|0
BB|b|bb|0|bb|2
tag: SELECT 3

query
SELECT t AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Tokyo', EXTRACT(hour FROM t), date_trunc('month', t) FROM bt ORDER BY id
----
2020-01-01 19:00:00|10|2020-01-01 00:00:00
2020-06-02 08:30:00|23|2020-06-01 00:00:00
NULL|NULL|NULL
tag: SELECT 3

query
SELECT CASE WHEN true THEN 1 ELSE 1 / 0 END, coalesce(1, 1 / 0), CASE WHEN false THEN 1 / 0 ELSE 2 END FROM bt WHERE id = 1
----
1|1|2
tag: SELECT 1

statement error 22012
SELECT CASE WHEN id > 0 THEN 'p' WHEN 1 / 0 = 1 THEN 'z' END FROM bt

statement error 22012
SELECT CASE WHEN id > 5 THEN 1 / 0 END FROM bt WHERE 1 / 0 = 1

statement error 42803
SELECT id, count(*) FROM bt GROUP BY g

statement error 21000
SELECT (SELECT g FROM bt)

statement error 42601
SELECT id IN (SELECT id, g FROM bt) FROM bt

query
SELECT NULL::int = ANY ('{}'::int[]), 1 = ANY ('{1,NULL}'::int[]), 2 = ANY ('{1,NULL}'::int[]), 2 <> ALL ('{1,NULL}'::int[])
----
f|t|NULL|NULL
tag: SELECT 1

query
SELECT id, id = ANY (string_to_array(coalesce(a, '9'), ',')::int[]), id > ALL (string_to_array(coalesce(a, ''), ',')::int[]), id <= ANY ('{1,2}'), id = ANY ($${3}$$) FROM bt ORDER BY id
----
1|t|f|t|f
2|f|f|t|f
3|f|t|f|t
tag: SELECT 3

query
SELECT 1.5 = ANY ('{1,2}'::int[]), 'b'::char(3) = ANY ('{b,c}'::text[])
----
f|t
tag: SELECT 1

statement error 42883
SELECT 1 = ANY ('{a}'::text[])

query
SELECT 1 = ANY (SELECT unnest(NULL::int[])), 1 = ALL (SELECT unnest(NULL::int[]))
----
f|t
tag: SELECT 1
