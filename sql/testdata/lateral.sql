# LATERAL: derived tables and functions in FROM reading the items before them (lateral.go).
statement ok
CREATE TABLE lt (a int PRIMARY KEY, n int, arr int[])

statement ok
INSERT INTO lt VALUES (1, 2, '{10,20}'), (2, 0, '{}'), (3, 3, NULL)

statement ok
CREATE TABLE lu (id int PRIMARY KEY, x int, v text)

statement ok
INSERT INTO lu VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 1, 'c'), (4, 3, 'd')

query
SELECT * FROM lt, LATERAL (SELECT v FROM lu WHERE x = lt.a ORDER BY id LIMIT 2) s ORDER BY a, v
----
1|2|{10,20}|a
1|2|{10,20}|b
3|3|NULL|d
tag: SELECT 3

query
SELECT * FROM lt JOIN LATERAL (SELECT v FROM lu WHERE x = lt.a ORDER BY id LIMIT 2) s ON true ORDER BY a, v
----
1|2|{10,20}|a
1|2|{10,20}|b
3|3|NULL|d
tag: SELECT 3

query
SELECT * FROM lt LEFT JOIN LATERAL (SELECT v FROM lu WHERE x = lt.a ORDER BY id LIMIT 2) s ON true ORDER BY a, v
----
1|2|{10,20}|a
1|2|{10,20}|b
2|0|{}|NULL
3|3|NULL|d
tag: SELECT 4

query
SELECT a, s.v FROM lt LEFT JOIN LATERAL (SELECT v, id FROM lu WHERE x = lt.a) s ON s.id > lt.a ORDER BY a, v
----
1|b
1|c
2|NULL
3|d
tag: SELECT 4

query
SELECT a, s.v FROM lt CROSS JOIN LATERAL (SELECT v FROM lu WHERE x = lt.a AND id > 1) s ORDER BY 1, 2
----
1|b
1|c
3|d
tag: SELECT 3

query
SELECT * FROM lt, LATERAL generate_series(1, lt.n) ORDER BY 1, 4
----
1|2|{10,20}|1
1|2|{10,20}|2
3|3|NULL|1
3|3|NULL|2
3|3|NULL|3
tag: SELECT 5

query
SELECT a, g FROM lt, generate_series(1, lt.n) g ORDER BY 1, 2
----
1|1
1|2
3|1
3|2
3|3
tag: SELECT 5

query
SELECT a, g FROM lt JOIN generate_series(1, lt.n) AS g ON g > 1 ORDER BY 1, 2
----
1|2
3|2
3|3
tag: SELECT 3

query
SELECT a, g FROM lt LEFT JOIN LATERAL generate_series(1, lt.n) g ON true ORDER BY 1, 2
----
1|1
1|2
2|NULL
3|1
3|2
3|3
tag: SELECT 6

query
SELECT a, e FROM lt, unnest(lt.arr) e ORDER BY 1, 2
----
1|10
1|20
tag: SELECT 2

query
SELECT a, e FROM lt, LATERAL unnest(lt.arr) AS e ORDER BY 1, 2
----
1|10
1|20
tag: SELECT 2

query
SELECT a, e, i FROM lt, unnest(lt.arr) WITH ORDINALITY AS u(e, i) ORDER BY 1, 2
----
1|10|1
1|20|2
tag: SELECT 2

query
SELECT a, x, y FROM lt, unnest(lt.arr, ARRAY[lt.n]) AS u(x, y) ORDER BY 1, 2
----
1|10|2
1|20|NULL
2|NULL|0
3|NULL|3
tag: SELECT 4

query
SELECT a, j.key, j.value FROM lt, jsonb_each(jsonb_build_object('a', lt.a, 'n', lt.n)) j ORDER BY 1, 2
----
1|a|1
1|n|2
2|a|2
2|n|0
3|a|3
3|n|3
tag: SELECT 6

query
SELECT a, c, m FROM lt, LATERAL (SELECT count(*) AS c, max(v) AS m FROM lu WHERE x = lt.a) s ORDER BY a
----
1|3|c
2|0|NULL
3|1|d
tag: SELECT 3

query
SELECT a, sum(g) FROM lt, generate_series(1, lt.n) g GROUP BY a ORDER BY a
----
1|3
3|6
tag: SELECT 2

query
SELECT t1.a, t2.a, s.* FROM lt t1, lt t2, LATERAL (SELECT t1.a * 10 + t2.a AS k) s WHERE s.k < 25 ORDER BY 1, 2
----
1|1|11
1|2|12
1|3|13
2|1|21
2|2|22
2|3|23
tag: SELECT 6

query
SELECT t1.a, t2.a, s.k FROM lt t1 JOIN lt t2 ON t2.a = t1.a + 1 JOIN LATERAL (SELECT t1.n + t2.n AS k) s ON true ORDER BY 1
----
1|2|2
2|3|3
tag: SELECT 2

query
SELECT t1.a, t2.a, s.k FROM lt t1, lt t2 JOIN LATERAL (SELECT t1.a + t2.a AS k) s ON s.k = 4 ORDER BY 1, 2
----
1|3|4
2|2|4
3|1|4
tag: SELECT 3

query
SELECT t1.a, s.k, r.w FROM lt t1, LATERAL (SELECT t1.a + 1 AS k) s, LATERAL (SELECT s.k * 2 AS w) r ORDER BY 1
----
1|2|4
2|3|6
3|4|8
tag: SELECT 3

query
SELECT a, s.v FROM lt JOIN lu ON lu.id = lt.a, LATERAL (SELECT lu.v || lt.a AS v) s ORDER BY 1
----
1|a1
2|b2
3|c3
tag: SELECT 3

query
SELECT k, s.z FROM lt l1 JOIN lt l2 USING (a) CROSS JOIN LATERAL (SELECT a * 100 AS k, l2.n AS z) s ORDER BY 1
----
100|2
200|0
300|3
tag: SELECT 3

query
SELECT a, (SELECT string_agg(s.v, ',' ORDER BY s.v) FROM LATERAL (SELECT v FROM lu WHERE x = lt.a) s) FROM lt ORDER BY a
----
1|a,b,c
2|NULL
3|d
tag: SELECT 3

query
SELECT lt.a, (SELECT sum(g * o.b) FROM generate_series(1, lt.n) g) FROM lt, (VALUES (2)) o(b) ORDER BY 1
----
1|6
2|NULL
3|12
tag: SELECT 3

query
SELECT a, s.w FROM lt, LATERAL (VALUES (lt.a * 2), (lt.n)) s(w) ORDER BY 1, 2
----
1|2
1|2
2|0
2|4
3|3
3|6
tag: SELECT 6

query
SELECT * FROM LATERAL (SELECT 1 AS one) s
----
1
tag: SELECT 1

query
SELECT a, s.d FROM lt, LATERAL (SELECT DISTINCT x AS d FROM lu WHERE x <= lt.a) s ORDER BY 1, 2
----
1|1
2|1
3|1
3|3
tag: SELECT 4

query
SELECT a, s.v FROM lt, LATERAL (SELECT v FROM lu WHERE x = lt.a UNION ALL SELECT 'z' WHERE lt.n > 2) s ORDER BY 1, 2
----
1|a
1|b
1|c
3|d
3|z
tag: SELECT 5

query
SELECT a, s.r FROM lt, LATERAL (SELECT row_number() OVER (ORDER BY id DESC) AS r FROM lu WHERE x = lt.a) s ORDER BY 1, 2
----
1|1
1|2
1|3
3|1
tag: SELECT 4

query
SELECT count(*) FROM lt a1, lt a2, LATERAL (SELECT 1 FROM lu WHERE lu.x = a1.a AND lu.id > a2.a) s
----
6
tag: SELECT 1

query
SELECT a, s.v FROM lt, LATERAL (SELECT v FROM lu WHERE x = lt.a) s WHERE s.v <> 'b' AND lt.n > 1 ORDER BY 1, 2
----
1|a
1|c
3|d
tag: SELECT 3

statement error 42P01
SELECT * FROM lt, (SELECT v FROM lu WHERE x = lt.a) s

statement error 42703
SELECT * FROM lt, (SELECT v FROM lu WHERE x = n) s

statement error 42P10
SELECT * FROM lt RIGHT JOIN LATERAL (SELECT v FROM lu WHERE x = lt.a) s ON true

statement error 42P10
SELECT * FROM lt FULL JOIN LATERAL (SELECT v FROM lu WHERE x = a) s ON true

statement error 42P10
SELECT * FROM lt FULL JOIN LATERAL generate_series(1, lt.n) g ON true

statement error 42P01
SELECT * FROM LATERAL (SELECT lt.a) s, lt

statement error 42P01
SELECT * FROM lt JOIN (SELECT lt.a AS b) s ON true

statement error 42803
SELECT * FROM lt, LATERAL (SELECT count(lt.a)) s

statement error 42601
SELECT * FROM lt, LATERAL (SELECT 1)

query
SELECT a, g FROM lt FULL JOIN generate_series(2, 3) g ON g = a ORDER BY 1, 2
----
1|NULL
2|2
3|3
tag: SELECT 3

query
SELECT count(*) FROM lt FULL JOIN LATERAL (SELECT 1 AS z) s ON true
----
3
tag: SELECT 1
