# A data-modifying WITH queues each part's foreign-key checks and actions in the order its
# rows were written, and PostgreSQL 15 fires them in that order when the whole statement
# ends, each against the rows as the statement left them: a child row inserted before its
# parent is deleted or rekeyed fails its check (23503) before the parent's CASCADE or SET
# NULL action could reach it; an action queued first reaches the row and the row's own check
# then passes (TestDMLDifferential seed 1796170119917260046).
statement ok
CREATE TABLE t1 (k1 int PRIMARY KEY)

statement ok
CREATE TABLE t2 (k1 int PRIMARY KEY, f5 int REFERENCES t1 ON DELETE SET NULL)

statement ok
INSERT INTO t1 VALUES (1), (2), (3)

statement error 23503
WITH m AS (INSERT INTO t2 VALUES (1, 3) RETURNING f5 AS x) DELETE FROM t1 WHERE k1 IN (SELECT x FROM m)

query
SELECT * FROM t1 ORDER BY k1
----
1
2
3
tag: SELECT 3

query
SELECT count(*) FROM t2
----
0
tag: SELECT 1

# The DELETE written first: its SET NULL reaches the row the INSERT wrote after it.
query
WITH d AS (DELETE FROM t1 WHERE k1 = 3 RETURNING k1) INSERT INTO t2 SELECT 1, k1 FROM d RETURNING *
----
1|3
tag: INSERT 0 1

query
SELECT * FROM t2 ORDER BY k1
----
1|NULL
tag: SELECT 1

statement ok
DELETE FROM t2

statement ok
INSERT INTO t1 VALUES (3)

# An unreferenced WITH part runs after the main query: the INSERT's check comes first.
statement error 23503
WITH d AS (DELETE FROM t1 WHERE k1 = 3) INSERT INTO t2 VALUES (1, 3)

statement error 23503
WITH m AS (UPDATE t1 SET k1 = 30 WHERE k1 = 3 RETURNING k1) INSERT INTO t2 VALUES (1, 3)

query
SELECT * FROM t1 ORDER BY k1
----
1
2
3
tag: SELECT 3

statement ok
DROP TABLE t2

statement ok
CREATE TABLE t2 (k1 int PRIMARY KEY, f5 int REFERENCES t1 ON DELETE CASCADE ON UPDATE CASCADE)

statement error 23503
WITH m AS (INSERT INTO t2 VALUES (1, 3) RETURNING f5 AS x) DELETE FROM t1 WHERE k1 IN (SELECT x FROM m)

statement error 23503
WITH m AS (INSERT INTO t2 VALUES (1, 3) RETURNING f5 AS x) UPDATE t1 SET k1 = 30 WHERE k1 IN (SELECT x FROM m)

query
SELECT count(*) FROM t2
----
0
tag: SELECT 1

query
WITH d AS (DELETE FROM t1 WHERE k1 = 3 RETURNING k1) INSERT INTO t2 SELECT 1, k1 FROM d RETURNING *
----
1|3
tag: INSERT 0 1

query
SELECT count(*) FROM t2
----
0
tag: SELECT 1

query
WITH u AS (UPDATE t1 SET k1 = 20 WHERE k1 = 2 RETURNING k1) INSERT INTO t2 SELECT 2, 2 FROM u RETURNING *
----
2|2
tag: INSERT 0 1

query
SELECT * FROM t2 ORDER BY k1
----
2|20
tag: SELECT 1

query
SELECT * FROM t1 ORDER BY k1
----
1
20
tag: SELECT 2

statement ok
DROP TABLE t2

statement ok
CREATE TABLE t2 (k1 int PRIMARY KEY, f5 int REFERENCES t1 ON DELETE RESTRICT)

statement error 23503
WITH m AS (INSERT INTO t2 VALUES (1, 1) RETURNING f5 AS x) DELETE FROM t1 WHERE k1 IN (SELECT x FROM m)

statement error 23503
WITH d AS (DELETE FROM t1 WHERE k1 = 1 RETURNING k1) INSERT INTO t2 SELECT 1, k1 FROM d

statement ok
DROP TABLE t2

statement ok
CREATE TABLE t2 (k1 int PRIMARY KEY, f5 int REFERENCES t1)

statement error 23503
WITH m AS (INSERT INTO t2 VALUES (1, 1) RETURNING f5 AS x) DELETE FROM t1 WHERE k1 IN (SELECT x FROM m)

statement error 23503
WITH d AS (DELETE FROM t1 WHERE k1 = 1 RETURNING k1) INSERT INTO t2 SELECT 1, k1 FROM d

query
SELECT * FROM t1 ORDER BY k1
----
1
20
tag: SELECT 2

statement ok
DROP TABLE t2

statement ok
DROP TABLE t1
