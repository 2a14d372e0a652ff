statement ok
CREATE TABLE kv (k text PRIMARY KEY, v int)

statement ok
BEGIN

statement ok
INSERT INTO kv VALUES ('a', 1), ('b', 2)

query
SELECT k, v FROM kv ORDER BY k
----
a|1
b|2
tag: SELECT 2

statement ok
UPDATE kv SET v = v * 10 WHERE k = 'a'

statement ok
DELETE FROM kv WHERE k = 'b'

query
SELECT k, v FROM kv ORDER BY k
----
a|10
tag: SELECT 1

query
COMMIT
----
tag: COMMIT

query
SELECT k, v FROM kv
----
a|10
tag: SELECT 1

statement ok
START TRANSACTION

statement ok
INSERT INTO kv VALUES ('c', 3)

query
ROLLBACK
----
tag: ROLLBACK

query
SELECT count(*) FROM kv
----
1
tag: SELECT 1

statement ok
BEGIN

statement ok
INSERT INTO kv VALUES ('d', 4)

statement error 23505
INSERT INTO kv VALUES ('a', 0)

statement error 25P02
SELECT 1

statement error 25P02
INSERT INTO kv VALUES ('e', 5)

query
COMMIT
----
tag: ROLLBACK

query
SELECT k FROM kv ORDER BY k
----
a
tag: SELECT 1

query
BEGIN; INSERT INTO kv VALUES ('f', 6); END
----
tag: BEGIN
tag: INSERT 0 1
tag: COMMIT

query
BEGIN; INSERT INTO kv VALUES ('g', 7); ABORT
----
tag: BEGIN
tag: INSERT 0 1
tag: ROLLBACK

query
SELECT k FROM kv ORDER BY k
----
a
f
tag: SELECT 2

query
COMMIT
----
tag: COMMIT

query
ROLLBACK
----
tag: ROLLBACK

# A table created in a transaction is used in it, and gone when it rolls back.

statement ok
BEGIN

statement ok
CREATE TABLE inside (a int PRIMARY KEY)

statement ok
INSERT INTO inside VALUES (1), (2)

query
SELECT count(*) FROM inside
----
2
tag: SELECT 1

statement ok
ROLLBACK

statement error 42P01
SELECT count(*) FROM inside

statement ok
BEGIN

statement ok
DROP TABLE IF EXISTS inside

statement ok
CREATE TABLE inside (a int PRIMARY KEY)

statement ok
INSERT INTO inside VALUES (3)

statement ok
COMMIT

query
SELECT a FROM inside
----
3
tag: SELECT 1

query
INSERT INTO kv VALUES ('h', 8); SELECT count(*) FROM kv
----
tag: INSERT 0 1
3
tag: SELECT 1

query
CHECKPOINT
----
tag: CHECKPOINT

query
SELECT k, v FROM kv ORDER BY k
----
a|10
f|6
h|8
tag: SELECT 3

query
BEGIN; UPDATE kv SET v = 0 WHERE k = 'a'; CHECKPOINT; ROLLBACK; SELECT v FROM kv WHERE k = 'a'
----
tag: BEGIN
tag: UPDATE 1
tag: CHECKPOINT
tag: ROLLBACK
10
tag: SELECT 1

statement ok
CREATE TABLE fu (id int PRIMARY KEY, v int)

statement ok
INSERT INTO fu VALUES (1, 10), (2, 20), (3, 30)

statement ok
BEGIN

query
SELECT id, v FROM fu WHERE v >= 20 ORDER BY id FOR UPDATE
----
2|20
3|30
tag: SELECT 2

query
SELECT v FROM fu WHERE id = 1 FOR UPDATE
----
10
tag: SELECT 1

statement ok
COMMIT

statement error 0A000
SELECT count(*) FROM fu FOR UPDATE

statement error 0A000
SELECT DISTINCT v FROM fu FOR UPDATE
