# Records, part three, as PostgreSQL 15: ORDER BY, DISTINCT, GROUP BY, UNION, INTERSECT,
# EXCEPT and window keys compare records as record_cmp does, refusing fields of different
# types and records of different lengths once the fields before them are equal (42804).
query
SELECT * FROM (VALUES (ROW(1, 'a')), (ROW(2, 3))) v(r) ORDER BY r
----
(1,a)
(2,3)
tag: SELECT 2

statement error 42804
SELECT * FROM (VALUES (ROW(1, 'a')), (ROW(1, 3))) v(r) ORDER BY r

statement error 42804
SELECT * FROM (VALUES (ROW(1, 'a')), (ROW('x', 3))) v(r) ORDER BY r DESC

statement error 42804
SELECT * FROM (VALUES (ROW(1)), (ROW(1, 2))) v(r) ORDER BY r

statement error 42804
SELECT * FROM (VALUES (ROW(1, 2::bigint)), (ROW(1, 3))) v(r) ORDER BY r

statement error 42804
SELECT * FROM (VALUES (ROW(1, 2.5)), (ROW(1, 3))) v(r) ORDER BY r LIMIT 1

query
SELECT * FROM (VALUES (1, ROW(1, 'a')), (2, ROW(1, 2))) v(a, r) ORDER BY a, r
----
1|(1,a)
2|(1,2)
tag: SELECT 2

statement error 42804
SELECT * FROM (VALUES (1, ROW(1, 'a')), (2, ROW(1, 2))) v(a, r) ORDER BY r, a

statement error 42804
SELECT DISTINCT r FROM (VALUES (ROW(1, 'a')), (ROW(1, 3))) v(r)

statement error 42804
SELECT DISTINCT r FROM (VALUES (ROW(1, NULL::int)), (ROW(1, NULL::text))) v(r)

statement error 42804
SELECT DISTINCT r FROM (VALUES (ROW(1, ROW(1, 'a'))), (ROW(1, ROW(1, 2)))) v(r)

statement error 42804
SELECT DISTINCT r FROM (VALUES (ROW(1, ROW(1))), (ROW(1, ROW(1, 2)))) v(r)

query
SELECT DISTINCT r FROM (VALUES (ROW(1, ROW(1, 'a'::text))), (ROW(2, ROW(1, 2))), (ROW(1, ROW(1, 'a'::text)))) v(r) ORDER BY r
----
(1,"(1,a)")
(2,"(1,2)")
tag: SELECT 2

statement error 42804
SELECT DISTINCT a, r FROM (VALUES (1, ROW(1, 'a')), (2, ROW(1, 2))) v(a, r)

statement error 42804
SELECT r, count(*) FROM (VALUES (ROW(1, 'a')), (ROW(1, 3))) v(r) GROUP BY r

query
SELECT r, count(*) FROM (VALUES (ROW(1, 'a'::text)), (ROW(2, 3)), (ROW(1, 'a'::text))) v(r) GROUP BY r ORDER BY r
----
(1,a)|2
(2,3)|1
tag: SELECT 2

statement error 42804
SELECT ROW(1, 'a') UNION SELECT ROW(1, 3)

statement error 42804
SELECT ROW(1, 2) UNION SELECT ROW(1, 2, 3)

statement error 42804
SELECT ROW(1, 'a') INTERSECT SELECT ROW(1, 3)

statement error 42804
SELECT ROW(1, 'a') EXCEPT SELECT ROW(1, 3)

query
SELECT ROW(1, 'a'::text) UNION SELECT ROW(2, 3) UNION SELECT ROW(1, 'a'::text) ORDER BY 1
----
(1,a)
(2,3)
tag: SELECT 2

query
SELECT ROW(1, 'a') UNION ALL SELECT ROW(1, 3)
----
(1,a)
(1,3)
tag: SELECT 2

statement error 42804
SELECT * FROM (SELECT ROW(1, 'x') AS r UNION ALL SELECT ROW(1, 2)) s ORDER BY r

statement error 42804
SELECT r, row_number() OVER (ORDER BY r) FROM (VALUES (ROW(1, 'a')), (ROW(1, 3))) v(r)

statement error 42804
SELECT r, row_number() OVER (PARTITION BY r) FROM (VALUES (ROW(1, 'a')), (ROW(1, 3))) v(r)

query
SELECT r, row_number() OVER (ORDER BY r) FROM (VALUES (ROW(1, 'a')), (ROW(2, 3))) v(r) ORDER BY 2
----
(1,a)|1
(2,3)|2
tag: SELECT 2

statement error 42804
SELECT a = b FROM (VALUES (ROW(1, ROW(2, 'a'::text)), ROW(1, ROW(2, 3)))) v(a, b)

query
SELECT ROW(1, ROW(2, 3)) < ROW(1, ROW(2, 4)), ROW(1, ROW(2, 3)) = ROW(1, ROW(2, 3))
----
t|t
tag: SELECT 1
