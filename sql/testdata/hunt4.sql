# hunt4: wrong answers found by the shape generator (TestQueryShapes) and the prepared
# statement probes; each block failed on drove before its fix.
# A prepared statement keeps the result columns it was described with: a table change that
# alters them (an added column under *, columns renamed into each other's place, a table
# re-created with other types) is 0A000 when it runs, as PostgreSQL's "cached plan must not
# change result type"; one that leaves them alone re-binds silently.
statement ok
CREATE TABLE pfix (id int PRIMARY KEY, a int, b text)

statement ok
INSERT INTO pfix VALUES (1, 10, 'x')

statement ok
PREPARE pstar AS SELECT * FROM pfix

statement ok
PREPARE pab AS SELECT a, b FROM pfix

statement ok
PREPARE pid AS SELECT id FROM pfix

query
EXECUTE pstar
----
1|10|x
tag: SELECT 1

statement ok
ALTER TABLE pfix ADD COLUMN c int

statement error 0A000
EXECUTE pstar

statement error 0A000
EXECUTE pstar

query
EXECUTE pab
----
10|x
tag: SELECT 1

statement ok
ALTER TABLE pfix RENAME COLUMN a TO tmp

statement ok
ALTER TABLE pfix RENAME COLUMN b TO a

statement ok
ALTER TABLE pfix RENAME COLUMN tmp TO b

statement error 0A000
EXECUTE pab

statement ok
DROP TABLE pfix

statement ok
CREATE TABLE pfix (id int PRIMARY KEY, a text, b int)

statement ok
INSERT INTO pfix VALUES (2, 'y', 5)

statement error 0A000
EXECUTE pab

query
EXECUTE pid
----
2
tag: SELECT 1

query
SELECT a, b FROM pfix
----
y|5
tag: SELECT 1

# A JOIN ... USING after a FULL JOIN ... USING joins on the merged column (COALESCE of both
# sides), not the left table's; a chain of FULL JOINs USING merges every side; an
# unqualified USING column in a condition of an inner join region is the merged one, not
# ambiguous with the hidden right-hand column.
statement ok
CREATE TABLE ua (id int PRIMARY KEY, k int)

statement ok
CREATE TABLE ub (id int PRIMARY KEY, k int, n int)

statement ok
CREATE TABLE uc (id int PRIMARY KEY, k int)

statement ok
INSERT INTO ub VALUES (1, 1, 10), (2, 2, 20), (3, NULL, 30)

statement ok
INSERT INTO uc VALUES (1, 1), (2, 3), (3, NULL)

query
SELECT k, ua.id, ub.n, uc.id FROM ua FULL JOIN ub USING (k) JOIN uc USING (k) ORDER BY 1, 2, 3, 4
----
1|NULL|10|1
tag: SELECT 1

query
SELECT k, ub.n, uc.id FROM ua FULL JOIN ub USING (k) LEFT JOIN uc USING (k) ORDER BY 1, 2, 3
----
1|10|1
2|20|NULL
NULL|30|NULL
tag: SELECT 3

query
SELECT k, ua.k, ub.k, uc.k FROM ua FULL JOIN ub USING (k) FULL JOIN uc USING (k) ORDER BY 1, 2, 3, 4
----
1|NULL|1|1
2|NULL|2|NULL
3|NULL|NULL|3
NULL|NULL|NULL|NULL
NULL|NULL|NULL|NULL
tag: SELECT 5

query
SELECT k FROM ua FULL JOIN ub USING (k) FULL JOIN uc USING (k) WHERE k = 2
----
2
tag: SELECT 1

query
SELECT (SELECT count(*) FROM uc WHERE uc.k = k) FROM ua FULL JOIN ub USING (k) ORDER BY 1
----
2
2
2
tag: SELECT 3

query
SELECT count(*) FROM ub JOIN uc USING (k) WHERE uc.id = k
----
1
tag: SELECT 1

query
SELECT count(*) FROM ua LEFT JOIN ub USING (k) JOIN uc USING (k) WHERE uc.id = k
----
0
tag: SELECT 1

statement error 42702
SELECT ub.id, k FROM ub JOIN uc USING (k) JOIN ub b2 ON b2.k = k ORDER BY 1

# A USING after a FULL JOIN's ON, in the same FROM or a later branch of a set operation, is
# that join's own (it was read as the FULL JOIN's and was a syntax error).
statement ok
CREATE TABLE ud (n int, x int)

statement ok
INSERT INTO ud VALUES (10, 1), (30, 3)

query
SELECT uc.id, ud.x FROM uc FULL JOIN ub ON uc.k = ub.k JOIN ud USING (n) ORDER BY 1, 2
----
1|1
NULL|3
tag: SELECT 2

query
SELECT uc.k FROM uc FULL JOIN ub ON uc.k = ub.k UNION ALL SELECT n FROM ub JOIN ud USING (n) ORDER BY 1
----
1
3
10
30
NULL
NULL
NULL
tag: SELECT 7
