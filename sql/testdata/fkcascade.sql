# A foreign key's referential actions (CASCADE, SET NULL, SET DEFAULT) run when the statement
# ends, as PostgreSQL 15's RI triggers (AFTER ROW, queued): the statement itself deletes or
# updates, counts and returns every row it found, and the actions then apply to the rows as
# the statement left them (TestDMLDifferential seeds 1073 and 1121).
statement ok
CREATE TABLE t (k int PRIMARY KEY, f int REFERENCES t ON DELETE CASCADE ON UPDATE CASCADE, v text)

statement ok
INSERT INTO t VALUES (1, NULL, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, NULL, 'd')

query
DELETE FROM t WHERE v IS NOT NULL RETURNING *
----
1|NULL|a
2|1|b
3|2|c
4|NULL|d
tag: DELETE 4

statement ok
INSERT INTO t VALUES (1, NULL, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, NULL, 'd')

query
DELETE FROM t WHERE k IN (1, 3) RETURNING *
----
1|NULL|a
3|2|c
tag: DELETE 2

query
SELECT * FROM t ORDER BY k
----
4|NULL|d
tag: SELECT 1

# ON UPDATE CASCADE: RETURNING shows the statement's rows; the children then follow, a row
# the statement already changed included.
statement ok
DELETE FROM t

statement ok
INSERT INTO t VALUES (1, NULL, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, NULL, 'd')

query
UPDATE t SET k = k + 10 RETURNING *
----
11|NULL|a
12|1|b
13|2|c
14|NULL|d
tag: UPDATE 4

query
SELECT * FROM t ORDER BY k
----
11|NULL|a
12|11|b
13|12|c
14|NULL|d
tag: SELECT 4

query
UPDATE t SET k = k + 10, f = f + 10 WHERE v <> 'd' RETURNING *
----
21|NULL|a
22|21|b
23|22|c
tag: UPDATE 3

query
SELECT * FROM t ORDER BY k
----
14|NULL|d
21|NULL|a
22|21|b
23|22|c
tag: SELECT 4

query
UPDATE t SET k = k * 2 WHERE k = 21 RETURNING *
----
42|NULL|a
tag: UPDATE 1

query
SELECT * FROM t ORDER BY k
----
14|NULL|d
22|42|b
23|22|c
42|NULL|a
tag: SELECT 4

# A row that references itself follows its own new key.
statement ok
DELETE FROM t

statement ok
INSERT INTO t VALUES (1, 1, 'self')

query
UPDATE t SET k = 2 RETURNING *
----
2|1|self
tag: UPDATE 1

query
SELECT * FROM t
----
2|2|self
tag: SELECT 1

statement ok
DROP TABLE t

# SET NULL and SET DEFAULT: a row the statement deletes is returned as it was.
statement ok
CREATE TABLE t (k int PRIMARY KEY, f int DEFAULT 4 REFERENCES t ON DELETE SET DEFAULT ON UPDATE SET NULL, v text)

statement ok
INSERT INTO t VALUES (1, NULL, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, NULL, 'd')

query
DELETE FROM t WHERE k <= 2 RETURNING *
----
1|NULL|a
2|1|b
tag: DELETE 2

query
SELECT * FROM t ORDER BY k
----
3|4|c
4|NULL|d
tag: SELECT 2

query
UPDATE t SET k = k * 10 WHERE k = 4 RETURNING *
----
40|NULL|d
tag: UPDATE 1

query
SELECT * FROM t ORDER BY k
----
3|NULL|c
40|NULL|d
tag: SELECT 2

statement ok
DROP TABLE t

statement ok
CREATE TABLE t (k int PRIMARY KEY, f int REFERENCES t ON DELETE SET NULL ON UPDATE SET DEFAULT, v text)

statement ok
INSERT INTO t VALUES (1, NULL, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, 3, 'd')

query
DELETE FROM t WHERE k IN (2, 3) RETURNING *
----
2|1|b
3|2|c
tag: DELETE 2

query
SELECT * FROM t ORDER BY k
----
1|NULL|a
4|NULL|d
tag: SELECT 2

query
UPDATE t SET k = k + 10 RETURNING *
----
11|NULL|a
14|NULL|d
tag: UPDATE 2

query
SELECT * FROM t ORDER BY k
----
11|NULL|a
14|NULL|d
tag: SELECT 2

statement ok
DROP TABLE t

# RESTRICT and NO ACTION, self-referencing: the statement may delete the children too; a row
# that references its own old key is still a reference.
statement ok
CREATE TABLE r (k int PRIMARY KEY, f int REFERENCES r ON DELETE RESTRICT ON UPDATE RESTRICT)

statement ok
INSERT INTO r VALUES (1, NULL), (2, 1)

statement error 23503
DELETE FROM r WHERE k = 1

statement error 23503
UPDATE r SET k = k + 10

query
DELETE FROM r RETURNING *
----
1|NULL
2|1
tag: DELETE 2

statement ok
CREATE TABLE n (k int PRIMARY KEY, f int REFERENCES n)

statement ok
INSERT INTO n VALUES (1, 1)

statement error 23503
UPDATE n SET k = 2

query
UPDATE n SET k = 2, f = 2 RETURNING *
----
2|2
tag: UPDATE 1

# Three tables: CASCADE then SET NULL two levels down.
statement ok
CREATE TABLE p (k int PRIMARY KEY, v text)

statement ok
CREATE TABLE c (k int PRIMARY KEY, pk int REFERENCES p ON DELETE CASCADE ON UPDATE CASCADE, v text)

statement ok
CREATE TABLE g (k int PRIMARY KEY, ck int REFERENCES c ON DELETE SET NULL ON UPDATE CASCADE, v text)

statement ok
INSERT INTO p VALUES (1, 'p1'), (2, 'p2'), (3, 'p3')

statement ok
INSERT INTO c VALUES (10, 1, 'c10'), (11, 1, 'c11'), (20, 2, 'c20'), (30, 3, 'c30')

statement ok
INSERT INTO g VALUES (100, 10, 'g100'), (101, 11, 'g101'), (200, 20, 'g200'), (300, 30, 'g300')

query
DELETE FROM p WHERE k = 1 RETURNING *
----
1|p1
tag: DELETE 1

query
SELECT * FROM c ORDER BY k
----
20|2|c20
30|3|c30
tag: SELECT 2

query
SELECT * FROM g ORDER BY k
----
100|NULL|g100
101|NULL|g101
200|20|g200
300|30|g300
tag: SELECT 4

query
UPDATE p SET k = 5 WHERE k = 2 RETURNING *
----
5|p2
tag: UPDATE 1

query
SELECT * FROM c ORDER BY k
----
20|5|c20
30|3|c30
tag: SELECT 2

query
UPDATE c SET k = k + 1 WHERE pk = 5 RETURNING *
----
21|5|c20
tag: UPDATE 1

query
SELECT * FROM g ORDER BY k
----
100|NULL|g100
101|NULL|g101
200|21|g200
300|30|g300
tag: SELECT 4

# A data-modifying WITH is one statement: the actions wait for its end.
query
WITH d AS (DELETE FROM p WHERE k = 3 RETURNING *) DELETE FROM c WHERE pk = 3 RETURNING *
----
30|3|c30
tag: DELETE 1

query
SELECT * FROM g ORDER BY k
----
100|NULL|g100
101|NULL|g101
200|21|g200
300|NULL|g300
tag: SELECT 4

query
WITH u AS (UPDATE p SET k = 6 RETURNING *) UPDATE c SET v = 'x' RETURNING *
----
21|5|x
tag: UPDATE 1

query
SELECT * FROM c ORDER BY k
----
21|6|x
tag: SELECT 1

query
WITH d AS (DELETE FROM p RETURNING *) SELECT count(*) FROM d
----
1
tag: SELECT 1

query
SELECT * FROM c ORDER BY k
----
tag: SELECT 0

query
SELECT * FROM g ORDER BY k
----
100|NULL|g100
101|NULL|g101
200|NULL|g200
300|NULL|g300
tag: SELECT 4

statement ok
DROP TABLE g, c, p

# A NO ACTION or RESTRICT below a cascade is judged after it.
statement ok
CREATE TABLE p (k int PRIMARY KEY)

statement ok
CREATE TABLE c (k int PRIMARY KEY, pk int REFERENCES p ON DELETE CASCADE)

statement ok
CREATE TABLE g (k int PRIMARY KEY, ck int REFERENCES c)

statement ok
CREATE TABLE gr (k int PRIMARY KEY, ck int REFERENCES c ON DELETE RESTRICT)

statement ok
INSERT INTO p VALUES (1), (2), (3)

statement ok
INSERT INTO c VALUES (10, 1), (20, 2), (30, 3)

statement ok
INSERT INTO g VALUES (100, 10)

statement ok
INSERT INTO gr VALUES (300, 30)

statement error 23503
DELETE FROM p WHERE k IN (1, 2)

statement error 23503
DELETE FROM p WHERE k = 3

query
DELETE FROM p WHERE k = 2 RETURNING *
----
2
tag: DELETE 1

query
WITH x AS (DELETE FROM g RETURNING *) DELETE FROM p WHERE k = 1 RETURNING *
----
1
tag: DELETE 1

query
SELECT * FROM c ORDER BY k
----
30|3
tag: SELECT 1

# SET NULL into a NOT NULL column fails the statement at its end; SET DEFAULT needs the
# default's parent.
statement ok
CREATE TABLE nn (k int PRIMARY KEY, pk int NOT NULL REFERENCES p ON DELETE SET NULL)

statement ok
CREATE TABLE sd (k int PRIMARY KEY, pk int DEFAULT 9 REFERENCES p ON DELETE SET DEFAULT)

statement ok
INSERT INTO p VALUES (4), (5)

statement ok
INSERT INTO nn VALUES (40, 4)

statement ok
INSERT INTO sd VALUES (50, 5)

statement error 23502
DELETE FROM p WHERE k = 4

statement error 23503
DELETE FROM p WHERE k = 5

statement ok
INSERT INTO p VALUES (9)

query
DELETE FROM p WHERE k = 5 RETURNING *
----
5
tag: DELETE 1

query
SELECT * FROM sd
----
50|9
tag: SELECT 1

query
SELECT k FROM p ORDER BY k
----
3
4
9
tag: SELECT 3

statement ok
DROP TABLE nn, sd, gr, g, c, p

# SET DEFAULT to the key that went away leaves the rows referencing it: PostgreSQL then runs
# the NO ACTION check (TestDMLDifferential seed 424366).
statement ok
CREATE TABLE sp (k int PRIMARY KEY)

statement ok
CREATE TABLE sc (k int PRIMARY KEY, pk int DEFAULT 1 REFERENCES sp ON DELETE SET DEFAULT ON UPDATE SET DEFAULT)

statement ok
INSERT INTO sp VALUES (1), (2)

statement ok
INSERT INTO sc VALUES (10, 1), (20, 2)

statement error 23503
DELETE FROM sp WHERE k = 1

statement error 23503
UPDATE sp SET k = 5 WHERE k = 1

query
DELETE FROM sp WHERE k = 2 RETURNING *
----
2
tag: DELETE 1

query
SELECT * FROM sc ORDER BY k
----
10|1
20|1
tag: SELECT 2

statement error 23503
WITH d AS (DELETE FROM sc WHERE k = 10 RETURNING *) DELETE FROM sp WHERE k = 1 RETURNING *

query
WITH d AS (DELETE FROM sc RETURNING *) DELETE FROM sp WHERE k = 1 RETURNING *
----
1
tag: DELETE 1

query
SELECT * FROM sc ORDER BY k
----
tag: SELECT 0

statement ok
CREATE TABLE sd2 (k1 int GENERATED BY DEFAULT AS IDENTITY, a numeric DEFAULT 1, f3 int DEFAULT 1, PRIMARY KEY (k1), FOREIGN KEY (f3) REFERENCES sd2 (k1) ON DELETE RESTRICT ON UPDATE SET DEFAULT DEFERRABLE INITIALLY IMMEDIATE)

statement ok
INSERT INTO sd2 (f3, a) VALUES (1, NULL)

statement error 23503
UPDATE sd2 SET k1 = sd2.f3 - 1, f3 = COALESCE(sd2.f3, -1)

query
SELECT * FROM sd2
----
1|NULL|1
tag: SELECT 1

# Deferrable constraints: the actions are never deferred; a deferred NO ACTION waits for the
# commit.
statement ok
CREATE TABLE dt (k int PRIMARY KEY, f int REFERENCES dt ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED, v text)

statement ok
INSERT INTO dt VALUES (1, NULL, 'a'), (2, 1, 'b'), (3, 2, 'c'), (4, NULL, 'd')

statement ok
BEGIN

query
DELETE FROM dt WHERE k = 1 OR v = 'b' RETURNING *
----
1|NULL|a
2|1|b
tag: DELETE 2

query
SELECT * FROM dt ORDER BY k
----
4|NULL|d
tag: SELECT 1

statement ok
COMMIT

statement ok
INSERT INTO dt VALUES (1, NULL, 'a'), (2, 1, 'b'), (3, 2, 'c')

statement ok
BEGIN

query
UPDATE dt SET k = k + 10 WHERE k < 4 RETURNING *
----
11|NULL|a
12|1|b
13|2|c
tag: UPDATE 3

query
SELECT * FROM dt ORDER BY k
----
4|NULL|d
11|NULL|a
12|11|b
13|12|c
tag: SELECT 4

statement ok
COMMIT

statement ok
CREATE TABLE p (k int PRIMARY KEY)

statement ok
CREATE TABLE c (k int PRIMARY KEY, pk int REFERENCES p DEFERRABLE INITIALLY DEFERRED)

statement ok
INSERT INTO p VALUES (1), (2)

statement ok
INSERT INTO c VALUES (10, 1)

statement ok
BEGIN

query
DELETE FROM p RETURNING *
----
1
2
tag: DELETE 2

statement ok
INSERT INTO p VALUES (1)

statement ok
COMMIT

statement ok
BEGIN

query
DELETE FROM p RETURNING *
----
1
tag: DELETE 1

statement error 23503
COMMIT

query
SELECT k FROM p
----
1
tag: SELECT 1
