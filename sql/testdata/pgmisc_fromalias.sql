# Column aliases of FROM items, t [AS] x (a, b), as PostgreSQL 15 answers: a table's, a
# subquery's, a function's, a WITH query's and a view's; fewer names rename the first columns.
statement ok
CREATE TABLE fa (a int PRIMARY KEY, b text, c numeric(4,1))

statement ok
INSERT INTO fa VALUES (1, 'x', 1.5), (2, 'y', NULL), (3, 'z', 3.0)

query
SELECT * FROM fa AS x (m, n, o) ORDER BY m
----
1|x|1.5
2|y|NULL
3|z|3.0
tag: SELECT 3

query
SELECT * FROM fa x (m) ORDER BY m
----
1|x|1.5
2|y|NULL
3|z|3.0
tag: SELECT 3

query
SELECT x.m, n, c FROM fa AS x (m, n) WHERE m = 2
----
2|y|NULL
tag: SELECT 1

query
SELECT m FROM public.fa AS x (m) WHERE m > 1 ORDER BY m DESC LIMIT 1
----
3
tag: SELECT 1

query
SELECT * FROM public.fa x (m, n) ORDER BY 1
----
1|x|1.5
2|y|NULL
3|z|3.0
tag: SELECT 3

query
SELECT "Q", "R R" FROM fa x ("Q", "R R") ORDER BY 1
----
1|x
2|y
3|z
tag: SELECT 3

# Swapped names: a condition on the new name reads the column it now names.
query
SELECT * FROM fa x (b, a) WHERE a = 'y'
----
2|y|NULL
tag: SELECT 1

query
SELECT * FROM fa x (b, a) WHERE b = 3
----
3|z|3.0
tag: SELECT 1

query
SELECT x.p, y.q FROM fa x (p) JOIN fa y (q) ON x.p = y.q + 1 ORDER BY 1
----
2|1
3|2
tag: SELECT 2

query
SELECT * FROM fa x (k) LEFT JOIN fa y (k) USING (k) ORDER BY 1
----
1|x|1.5|x|1.5
2|y|NULL|y|NULL
3|z|3.0|z|3.0
tag: SELECT 3

query
SELECT * FROM fa x (k) NATURAL JOIN fa y (k) ORDER BY 1
----
1|x|1.5
3|z|3.0
tag: SELECT 2

query
SELECT k, (SELECT count(*) FROM fa z (q) WHERE q < x.k) FROM fa x (k) ORDER BY k
----
1|0
2|1
3|2
tag: SELECT 3

query
SELECT k FROM fa x (k) WHERE EXISTS (SELECT 1 FROM fa z (q, r) WHERE r = 'x' AND q = x.k)
----
1
tag: SELECT 1

# A correlated EXISTS over swapped names reads the column each name now has.
query
SELECT a FROM fa o WHERE EXISTS (SELECT 1 FROM fa x (c, b, a) WHERE a = o.c) ORDER BY a
----
1
3
tag: SELECT 2

query
SELECT a FROM fa o WHERE EXISTS (SELECT 1 FROM fa x (b, c, a) WHERE c = o.b) ORDER BY a
----
1
2
3
tag: SELECT 3

query
SELECT row_to_json(x) FROM fa x (p, q) ORDER BY p
----
{"a":1,"b":"x","c":1.5}
{"a":2,"b":"y","c":null}
{"a":3,"b":"z","c":3.0}
tag: SELECT 3

query
SELECT * FROM (SELECT a, b FROM fa) s (u, v) ORDER BY u
----
1|x
2|y
3|z
tag: SELECT 3

query
SELECT * FROM (SELECT a, b FROM fa) s (u) ORDER BY u
----
1|x
2|y
3|z
tag: SELECT 3

query
SELECT * FROM generate_series(1, 3) AS g (n)
----
1
2
3
tag: SELECT 3

query
SELECT g.n FROM generate_series(1, 2) g (n)
----
1
2
tag: SELECT 2

query
WITH w (p, q) AS (SELECT 1, 2) SELECT * FROM w AS z (r)
----
1|2
tag: SELECT 1

query
WITH w AS (SELECT 1 AS p, 2 AS q) SELECT * FROM w z (r, s)
----
1|2
tag: SELECT 1

statement ok
CREATE VIEW fav AS SELECT a, b FROM fa

query
SELECT * FROM fav AS w (k) ORDER BY k
----
1|x
2|y
3|z
tag: SELECT 3

statement ok
CREATE VIEW fav2 AS SELECT m, n FROM fa AS x (m, n) WHERE m < 3

query
SELECT * FROM fav2 ORDER BY m
----
1|x
2|y
tag: SELECT 2

statement ok
UPDATE fa SET b = 'w' FROM fa AS o (p, q) WHERE o.p = fa.a AND o.q = 'x'

query
SELECT a, b FROM fa ORDER BY a
----
1|w
2|y
3|z
tag: SELECT 3

query
SELECT * FROM fa AS x (m, n, o) WHERE m = 1 UNION ALL SELECT * FROM fa y (a) WHERE a = 3 ORDER BY 1
----
1|w|1.5
3|z|3.0
tag: SELECT 2

# Errors.
statement error 42P10
SELECT * FROM fa AS x (m, n, o, p)

statement error 42P10
SELECT * FROM (SELECT 1, 2) s (a, b, c)

statement error 42P10
SELECT * FROM fav AS w (k, l, m)

statement error 42P10
WITH w AS (SELECT 1 AS p) SELECT * FROM w z (r, s)

statement error 42703
SELECT a FROM fa AS x (m)

statement error 42P01
SELECT fa.a FROM fa AS x (m)

statement error 42601
SELECT * FROM fa x ()

statement error 42601
SELECT * FROM fa x (1)

statement error 42601
SELECT * FROM fa x (m n)
