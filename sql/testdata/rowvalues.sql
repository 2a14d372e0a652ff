# Row value comparisons, as PostgreSQL 15.
query
SELECT (1, 2) = (1, 2), (1, 2) = (1, 3), (1, 2) <> (1, 3), (1, 2) <> (1, 2), (1, 2) != (2, 2)
----
t|f|t|f|t
tag: SELECT 1

query
SELECT (1, NULL) = (1, 2), (1, NULL) = (2, 2), (1, NULL) <> (2, 2), (1, NULL) <> (1, 2), (NULL, NULL) = (NULL, NULL)
----
NULL|f|t|NULL|NULL
tag: SELECT 1

query
SELECT (1, 2) < (1, 3), (1, 2) < (1, 2), (1, 2) <= (1, 2), (2, 0) > (1, 9), (1, 2, 3) >= (1, 2, 4), (1, 2, 3) > (1, 2, 2)
----
t|f|t|t|f|t
tag: SELECT 1

query
SELECT (1, NULL) < (2, 0), (NULL, 1) < (2, 0), (1, NULL) < (1, 0), (1, 5, NULL) > (1, 4, 0), (1, 4, NULL) > (1, 4, 0)
----
t|NULL|NULL|t|NULL
tag: SELECT 1

query
SELECT (1, 2) IN ((1, 2), (3, 4)), (1, 2) IN ((1, NULL), (3, 4)), (1, 2) IN ((1, NULL), (1, 2)), (1, 2) NOT IN ((1, NULL), (3, 4)), (1, 2) NOT IN ((3, 4), (5, 6))
----
t|NULL|t|NULL|t
tag: SELECT 1

statement error 42601
SELECT (1, 2) = (1, 2, 3)

statement error 42601
SELECT (1, 2) < (1, 2, 3)

statement error 42601
SELECT (1, 2) IN ((1, 2), (1, 2, 3))

statement error 42883
SELECT (1, 2) = 1

statement ok
CREATE TABLE ev (k1 int, k2 int, v text, PRIMARY KEY (k1, k2))

statement ok
INSERT INTO ev VALUES (1, 1, 'a'), (1, 2, 'b'), (1, 3, 'c'), (2, 1, 'd'), (2, 2, 'e'), (3, 1, 'f')

query
SELECT * FROM ev WHERE (k1, k2) > (1, 2) ORDER BY k1, k2 LIMIT 3
----
1|3|c
2|1|d
2|2|e
tag: SELECT 3

query
SELECT * FROM ev WHERE (k1, k2) >= (2, 2) ORDER BY k1, k2
----
2|2|e
3|1|f
tag: SELECT 2

query
SELECT v FROM ev WHERE (k1, k2) < (2, 1) ORDER BY k1 DESC, k2 DESC
----
c
b
a
tag: SELECT 3

query
SELECT v FROM ev WHERE (k1, k2) = (2, 1)
----
d
tag: SELECT 1

query
SELECT v FROM ev WHERE (k2, k1) IN ((1, 1), (2, 2), (9, 9)) ORDER BY v
----
a
e
tag: SELECT 2

query
SELECT v FROM ev WHERE (k1, v) <> (1, 'a') ORDER BY v
----
b
c
d
e
f
tag: SELECT 5

statement ok
CREATE INDEX ev_k ON ev (k1, k2)

query
SELECT * FROM ev WHERE (k1, k2) > (1, 2) ORDER BY k1, k2 LIMIT 3
----
1|3|c
2|1|d
2|2|e
tag: SELECT 3

query
SELECT v FROM ev WHERE (k1, k2) <= (2, 1) ORDER BY v
----
a
b
c
d
tag: SELECT 4

statement ok
UPDATE ev SET v = upper(v) WHERE (k1, k2) > (2, 1)

query
SELECT v FROM ev ORDER BY k1, k2
----
a
b
c
d
E
F
tag: SELECT 6

statement ok
DELETE FROM ev WHERE (k1, k2) IN ((1, 1), (3, 1))

query
SELECT count(*) FROM ev
----
4
tag: SELECT 1

statement ok
CREATE TABLE nb (id int PRIMARY KEY, a int, b int)

statement ok
CREATE INDEX nb_ab ON nb (a, b)

statement ok
INSERT INTO nb VALUES (1, 2, NULL), (2, 2, 3), (3, 1, 9), (4, NULL, 1)

query
SELECT id FROM nb WHERE (a, b) > (1, 5) ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM nb WHERE a >= 2 ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT id FROM nb WHERE a = 2 AND b >= 0 ORDER BY id
----
2
tag: SELECT 1

# A row IN a subquery.
statement ok
CREATE TABLE pairs (id int PRIMARY KEY, x int, y text)

statement ok
INSERT INTO pairs VALUES (1, 1, 'a'), (2, 2, 'b'), (3, NULL, 'c'), (4, 4, NULL)

query
SELECT (1, 'a') IN (SELECT x, y FROM pairs), (2, 'a') IN (SELECT x, y FROM pairs), (3, 'c') IN (SELECT x, y FROM pairs), (4, 'z') IN (SELECT x, y FROM pairs), (5, 'z') IN (SELECT x, y FROM pairs)
----
t|f|NULL|NULL|f
tag: SELECT 1

query
SELECT (1, 'a') NOT IN (SELECT x, y FROM pairs), (5, 'z') NOT IN (SELECT x, y FROM pairs), (NULL, 'a') IN (SELECT x, y FROM pairs), (NULL, 'q') IN (SELECT x, y FROM pairs WHERE x IS NOT NULL), (NULL, 'a') IN (SELECT x, y FROM pairs WHERE false)
----
f|t|NULL|NULL|f
tag: SELECT 1

query
SELECT (1.0, 'a') IN (SELECT x, y FROM pairs), (1, 'a') IN (SELECT x::numeric, y FROM pairs)
----
t|t
tag: SELECT 1

query
SELECT id FROM pairs p WHERE (p.x, p.y) IN (SELECT x, y FROM pairs WHERE id < 3) ORDER BY id
----
1
2
tag: SELECT 2

query
SELECT id FROM pairs p WHERE (p.id, 'b') IN (SELECT q.x, q.y FROM pairs q WHERE q.id = p.id) ORDER BY id
----
2
tag: SELECT 1

query
SELECT k1, k2 FROM ev WHERE (k1, k2) NOT IN (SELECT x, id FROM pairs WHERE x IS NOT NULL) ORDER BY 1, 2
----
1|2
1|3
2|1
tag: SELECT 3

statement error 42601
SELECT (1, 2) IN (SELECT 1)

statement error 42601
SELECT (1, 2) IN (SELECT 1, 2, 3)

statement error 42883
SELECT (1, 2) IN (SELECT 1, true)
