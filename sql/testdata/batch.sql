# LOCK TABLE in one session (lock_table.go), recorded from PostgreSQL 15; the locks' effect on
# other sessions is TestLockTable*.
statement ok
CREATE TABLE lk (k int PRIMARY KEY, v text)

statement ok
CREATE TABLE lk2 (k int)

statement error 25P01
LOCK TABLE lk

statement error 25P01
LOCK nosuch

statement error 42601
LOCK lk IN FOO MODE

statement error 42601
LOCK lk IN SHARE

statement ok
BEGIN

query
LOCK TABLE lk
----
tag: LOCK TABLE

query
LOCK lk IN ACCESS EXCLUSIVE MODE NOWAIT
----
tag: LOCK TABLE

statement ok
INSERT INTO lk VALUES (1, 'a')

query
SELECT k, v FROM lk
----
1|a
tag: SELECT 1

statement ok
COMMIT

statement ok
BEGIN

query
LOCK TABLE ONLY lk, lk2 IN ACCESS SHARE MODE
----
tag: LOCK TABLE

query
LOCK lk * IN ROW SHARE MODE NOWAIT
----
tag: LOCK TABLE

query
LOCK lk2 IN ROW EXCLUSIVE MODE
----
tag: LOCK TABLE

query
LOCK lk IN ACCESS EXCLUSIVE MODE
----
tag: LOCK TABLE

statement ok
COMMIT

statement ok
BEGIN

statement error 42P01
LOCK lk, nosuch

statement ok
ROLLBACK

# A query string is a transaction block.
query
LOCK lk; SELECT count(*) FROM lk
----
tag: LOCK TABLE
1
tag: SELECT 1

statement ok
BEGIN

statement ok
SAVEPOINT a

query
LOCK lk
----
tag: LOCK TABLE

statement ok
ROLLBACK TO a

statement ok
COMMIT

# A read-only transaction may LOCK in any mode.
statement ok
BEGIN READ ONLY

query
LOCK lk IN ROW EXCLUSIVE MODE
----
tag: LOCK TABLE

query
LOCK lk
----
tag: LOCK TABLE

statement ok
ROLLBACK

statement ok
SET default_transaction_read_only = on

statement error 25P01
LOCK lk

statement ok
RESET default_transaction_read_only

statement ok
DROP TABLE lk

statement ok
DROP TABLE lk2
