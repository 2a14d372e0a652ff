statement ok
CREATE TABLE ro (id int PRIMARY KEY, v text)

statement ok
CREATE SEQUENCE ro_seq

statement ok
INSERT INTO ro VALUES (1, 'a'), (2, 'b'), (3, 'c')

# A read-only transaction reads, and refuses every write with 25006.

query
BEGIN READ ONLY
----
tag: BEGIN

query
SHOW transaction_read_only
----
on
tag: SHOW

query
SELECT id, v FROM ro ORDER BY id
----
1|a
2|b
3|c
tag: SELECT 3

statement error 25006
INSERT INTO ro VALUES (4, 'd')

query
ROLLBACK
----
tag: ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
UPDATE ro SET v = 'x'

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
DELETE FROM ro WHERE id = 1

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
TRUNCATE ro

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
CREATE TABLE ro2 (k int PRIMARY KEY)

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
CREATE INDEX ON ro (v)

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
CREATE UNIQUE INDEX ON ro (v)

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
DROP TABLE ro

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
ALTER TABLE ro ADD COLUMN w int

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
SELECT nextval('ro_seq')

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
SELECT setval('ro_seq', 5)

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
SELECT * FROM ro WHERE id = 1 FOR UPDATE

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
CREATE SEQUENCE ro_seq2

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
DROP SEQUENCE ro_seq

statement ok
ROLLBACK

statement ok
BEGIN TRANSACTION READ ONLY

statement error 25006
INSERT INTO ro VALUES (1, 'a') ON CONFLICT DO NOTHING

statement ok
ROLLBACK

# ANALYZE and reads are allowed.

statement ok
START TRANSACTION READ ONLY

query
ANALYZE ro
----
tag: ANALYZE

query
SELECT count(*) FROM ro LIMIT ALL
----
3
tag: SELECT 1

# After a query the transaction may not become read-write (25001).

statement error 25001
SET TRANSACTION READ WRITE

statement ok
ROLLBACK

# Before any query it may.

statement ok
BEGIN READ ONLY

query
SET TRANSACTION READ WRITE
----
tag: SET

query
SHOW transaction_read_only
----
off
tag: SHOW

statement ok
INSERT INTO ro VALUES (4, 'd')

statement ok
COMMIT

# A read-write transaction may become read-only at any time.

statement ok
BEGIN

query
SELECT count(*) FROM ro
----
4
tag: SELECT 1

query
SET TRANSACTION READ ONLY
----
tag: SET

query
SHOW transaction_read_only
----
on
tag: SHOW

statement error 25006
DELETE FROM ro

statement ok
ROLLBACK

# Not read-write again inside a subtransaction.

statement ok
BEGIN READ ONLY

statement ok
SAVEPOINT sp

statement error 25001
SET TRANSACTION READ WRITE

statement ok
ROLLBACK

# SET transaction_read_only is SET TRANSACTION; outside a block it does nothing.

statement ok
BEGIN

query
SET transaction_read_only = on
----
tag: SET

statement error 25006
INSERT INTO ro VALUES (5, 'e')

statement ok
ROLLBACK

query
SET transaction_read_only = on
----
tag: SET

query
SHOW transaction_read_only
----
off
tag: SHOW

statement ok
BEGIN READ ONLY

query
SELECT 1
----
1
tag: SELECT 1

statement error 25001
SET transaction_read_only = off

statement ok
ROLLBACK

# default_transaction_read_only makes every transaction read-only, autocommitted ones too.

query
SET default_transaction_read_only = on
----
tag: SET

query
SHOW transaction_read_only
----
on
tag: SHOW

statement error 25006
INSERT INTO ro VALUES (5, 'e')

query
SELECT count(*) FROM ro
----
4
tag: SELECT 1

statement ok
BEGIN

query
SHOW transaction_read_only
----
on
tag: SHOW

statement ok
COMMIT

statement ok
BEGIN READ WRITE

statement ok
INSERT INTO ro VALUES (5, 'e')

statement ok
COMMIT

query
RESET default_transaction_read_only
----
tag: RESET

query
SHOW default_transaction_read_only
----
off
tag: SHOW

statement error 22023
SET default_transaction_read_only = maybe

query
SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY
----
tag: SET

query
SHOW default_transaction_read_only
----
on
tag: SHOW

statement error 25006
DELETE FROM ro

query
SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE
----
tag: SET

query
START TRANSACTION READ ONLY, ISOLATION LEVEL REPEATABLE READ
----
tag: START TRANSACTION

query
SHOW transaction_read_only
----
on
tag: SHOW

query
SHOW transaction_isolation
----
repeatable read
tag: SHOW

statement ok
COMMIT

query
SHOW transaction_read_only
----
off
tag: SHOW

# LIMIT ALL is no limit; FETCH FIRST / NEXT n ROWS ONLY is LIMIT n.

query
SELECT id FROM ro ORDER BY id LIMIT ALL
----
1
2
3
4
5
tag: SELECT 5

query
SELECT id FROM ro ORDER BY id LIMIT ALL OFFSET 3
----
4
5
tag: SELECT 2

query
SELECT id FROM ro ORDER BY id FETCH FIRST 2 ROWS ONLY
----
1
2
tag: SELECT 2

query
SELECT id FROM ro ORDER BY id FETCH FIRST ROW ONLY
----
1
tag: SELECT 1

query
SELECT id FROM ro ORDER BY id FETCH NEXT 1 ROW ONLY
----
1
tag: SELECT 1

query
SELECT id FROM ro ORDER BY id OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY
----
2
3
tag: SELECT 2

query
SELECT id FROM ro ORDER BY id OFFSET 4 ROW
----
5
tag: SELECT 1

query
SELECT id FROM ro ORDER BY id OFFSET 2 FETCH FIRST (1 + 1) ROWS ONLY
----
3
4
tag: SELECT 2

query
SELECT id FROM ro ORDER BY id OFFSET 1 LIMIT 2
----
2
3
tag: SELECT 2

query
SELECT id FROM ro ORDER BY id OFFSET 3 ROWS LIMIT ALL
----
4
5
tag: SELECT 2

query
SELECT count(*) FROM (SELECT id FROM ro ORDER BY id OFFSET 1) s LIMIT 1
----
4
tag: SELECT 1

query
SELECT id FROM ro WHERE id IN (SELECT id FROM ro ORDER BY id DESC FETCH FIRST 2 ROWS ONLY) ORDER BY id
----
4
5
tag: SELECT 2

query
SELECT id FROM ro ORDER BY id FETCH FIRST 2 ROWS WITH TIES
----
1
2
tag: SELECT 2
