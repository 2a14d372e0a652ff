# Records and row values, part two, as PostgreSQL 15: ROW(x) and ROW(), rows against
# ANY/ALL (SELECT ...), record-valued subqueries compared, records of many shapes.
query
SELECT ROW(1), ROW(), ROW(NULL::int), ROW('a b'), ROW((1, 2)), ROW(ROW())
----
(1)|()|()|("a b")|("(1,2)")|("()")
tag: SELECT 1

query
SELECT ROW(1) = ROW(1), ROW(1) < ROW(2), ROW(1) = ROW(NULL::int), ROW(1) <> ROW(2), ROW(2) >= ROW(1), ROW(1) < ROW(NULL::int)
----
t|t|NULL|t|t|NULL
tag: SELECT 1

query
SELECT ROW(1) IN (ROW(1), ROW(2)), ROW(1) IN (ROW(3), ROW(NULL::int)), ROW(1) NOT IN (ROW(3), ROW(4)), ROW(1) = (SELECT 1)
----
t|NULL|t|t
tag: SELECT 1

query
SELECT ROW(NULL::int) IS NULL, ROW(1) IS NOT NULL, ROW(NULL::int) IS NOT NULL, ROW() IS NULL, ROW() IS NOT NULL
----
t|t|f|t|t
tag: SELECT 1

query
SELECT row_to_json(ROW(1)), row_to_json(ROW()), row_to_json(ROW(NULL::int)), to_jsonb(ROW('x')), to_json(ROW())
----
{"f1":1}|{}|{"f1":null}|{"f1": "x"}|{}
tag: SELECT 1

query
SELECT (ROW('a'::text)).f1, (ROW(ROW(1, 2))).f1, ROW(1)::text, pg_typeof(ROW(1)), pg_typeof(ROW())
----
a|(1,2)|(1)|record|record
tag: SELECT 1

statement error 0A000
SELECT ROW() = ROW()

statement error 0A000
SELECT ROW() < ROW()

statement error 42601
SELECT ROW(1) = ROW(1, 2)

statement error 42601
SELECT ROW(1, 2) = ROW()

query
SELECT 1 WHERE ROW(1) = ROW(1)
----
1
tag: SELECT 1

statement error 42703
SELECT (ROW(1)).f2

statement ok
CREATE TABLE rq (id int PRIMARY KEY, x int, y int)

statement ok
INSERT INTO rq VALUES (1, 1, 2), (2, 3, 4), (3, 5, NULL)

query
SELECT (1, 2) = ANY (SELECT x, y FROM rq), (1, 3) = ANY (SELECT x, y FROM rq), (5, 6) = ANY (SELECT x, y FROM rq), (5, 6) = SOME (SELECT x, y FROM rq)
----
t|f|NULL|NULL
tag: SELECT 1

query
SELECT (1, 2) <> ALL (SELECT x, y FROM rq), (1, 3) <> ALL (SELECT x, y FROM rq), (5, 6) <> ALL (SELECT x, y FROM rq)
----
f|t|NULL
tag: SELECT 1

query
SELECT (2, 0) < ANY (SELECT x, y FROM rq), (9, 0) < ANY (SELECT x, y FROM rq), (5, 0) < ANY (SELECT x, y FROM rq WHERE x = 5)
----
t|f|NULL
tag: SELECT 1

query
SELECT (0, 0) < ALL (SELECT x, y FROM rq), (1, 2) <= ALL (SELECT x, y FROM rq), (4, 0) < ALL (SELECT x, y FROM rq), (5, 9) > ALL (SELECT x, y FROM rq)
----
t|t|f|NULL
tag: SELECT 1

query
SELECT (1, 2) = ALL (SELECT x, y FROM rq), (1, 2) = ALL (SELECT x, y FROM rq WHERE x = 1), (1, 2) <> ANY (SELECT x, y FROM rq), (5, 6) <> ANY (SELECT x, y FROM rq WHERE x = 5)
----
f|t|t|NULL
tag: SELECT 1

query
SELECT (1, 2) = ANY (SELECT x, y FROM rq WHERE false), (1, 2) < ALL (SELECT x, y FROM rq WHERE false), (1, 2) > SOME (SELECT x, y FROM rq WHERE false), (1, 2) <> ALL (SELECT x, y FROM rq WHERE false)
----
f|t|f|t
tag: SELECT 1

query
SELECT (NULL::int, 2) >= ANY (SELECT x, y FROM rq), (NULL::int, 2) >= ALL (SELECT x, y FROM rq), (NULL::int, 2) = ANY (SELECT x, y FROM rq)
----
NULL|NULL|NULL
tag: SELECT 1

query
SELECT id, (x, y) >= ALL (SELECT x, y FROM rq r2 WHERE r2.id <= rq.id), (x, y) < ANY (SELECT x, y FROM rq r2 WHERE r2.id > rq.id) FROM rq ORDER BY id
----
1|t|t
2|t|t
3|NULL|f
tag: SELECT 3

query
SELECT id FROM rq WHERE (x, y) > ANY (SELECT 1, 2) ORDER BY id
----
2
3
tag: SELECT 2

query
SELECT ROW(1) = ANY (SELECT x FROM rq), ROW(9) < ALL (SELECT x FROM rq), ROW(1) IN (SELECT x FROM rq), ROW(2) NOT IN (SELECT x FROM rq)
----
t|f|t|t
tag: SELECT 1

statement error 42601
SELECT (1, 2) = ANY (SELECT x FROM rq)

statement error 42601
SELECT (1, 2) < ANY (SELECT x, y, x FROM rq)

statement error 42883
SELECT (1, 2) < ALL (SELECT x, 'a'::text FROM rq)

query
SELECT (SELECT ROW(1, 2)) = ROW(1, 2), (SELECT ROW(1, 2)) < ROW(1, 3), (SELECT ROW(1, 2)) <> ROW(1, 3), (SELECT ROW(1, 2)) >= ROW(1, 3)
----
t|t|t|f
tag: SELECT 1

query
SELECT (SELECT ROW(1, NULL::int)) = ROW(1, NULL::int), (SELECT ROW(1, NULL::int)) < ROW(1, 2), (SELECT ROW(1, NULL::int)) > ROW(1, 2)
----
t|f|t
tag: SELECT 1

query
SELECT (SELECT ROW(1, 2) WHERE false) = ROW(1, 2), (SELECT ROW(1, 2)) = (SELECT ROW(1, 2)), (SELECT ROW(1)) = ROW(1), (SELECT ROW()) = ROW()
----
NULL|t|t|t
tag: SELECT 1

query
SELECT (SELECT r FROM (SELECT ROW(x, y) AS r FROM rq WHERE id = 1) s) = (SELECT ROW(1, 2)), (SELECT ROW(x, y) FROM rq WHERE id = 3) = ROW(5, NULL::int)
----
t|t
tag: SELECT 1

query
SELECT r FROM (SELECT ROW(x, y) AS r FROM rq) s WHERE r = (SELECT ROW(3, 4))
----
(3,4)
tag: SELECT 1

query
SELECT r = ROW(1, 2), r IS DISTINCT FROM ROW(1, NULL::int) FROM (SELECT ROW(1, 2) AS r) s
----
t|t
tag: SELECT 1

statement error 42804
SELECT (SELECT ROW(1, 2)) = ROW(1, 2::bigint)

statement error 42804
SELECT (SELECT ROW(1, 'a'::text)) = ROW(1, 2)

statement error 42804
SELECT (SELECT ROW(1, 2)) = ROW(1, 2, 3)

statement error 42601
SELECT ROW(1, 2) = (SELECT ROW(1, 2))

statement error 42883
SELECT ROW(1, 2) = 1

statement error 21000
SELECT (SELECT ROW(x, y) FROM rq) = ROW(1, 2)

query
SELECT (r).f1, (r).f2 FROM (SELECT ROW(1, 2) AS r UNION ALL SELECT ROW(3, 4)) s ORDER BY 1
----
1|2
3|4
tag: SELECT 2

query
SELECT (r).x FROM (SELECT u AS r FROM (SELECT 1 AS x) u UNION ALL SELECT ROW(2)) s ORDER BY 1
----
1
2
tag: SELECT 2

query
SELECT count(*) FROM (SELECT DISTINCT r FROM (SELECT ROW(1, 2.5) AS r UNION ALL SELECT ROW(1, 2.50) UNION ALL SELECT ROW(1, 3.0) UNION ALL SELECT ROW(1, NULL::numeric) UNION ALL SELECT ROW(1, NULL::numeric)) s) d
----
3
tag: SELECT 1

query
SELECT row_to_json(t), (t.r).c5, ROW(5, t.c5) FROM (SELECT u AS r, u.c5 FROM (SELECT 5 AS c5) u) t
----
{"r":{"c5":5},"c5":5}|5|(5,5)
tag: SELECT 1

statement ok
DROP TABLE rq
