# Write paths found by sweeping PostgreSQL 15's regression files (insert, update, delete,
# insert_conflict, returning, with, transactions, sequence, truncate, temp, prepare, portals)
# side by side; every block was seen failing on drove before its fix.
# excluded.* of a table without a primary key is its declared columns: the hidden row id
# is no field of the whole-row value (insert_conflict.sql).
statement ok
CREATE TABLE rd_nopk (key int4, fruit text)

statement ok
CREATE UNIQUE INDEX rd_nopk_key ON rd_nopk (key)

statement ok
INSERT INTO rd_nopk VALUES (23, 'Apple')

query
INSERT INTO rd_nopk AS i VALUES (23, 'Avocado') ON CONFLICT (key) DO UPDATE SET fruit = excluded.*::text RETURNING *
----
23|(23,Avocado)
tag: INSERT 0 1

query
INSERT INTO rd_nopk AS i VALUES (23, 'Avocado') ON CONFLICT (key) DO UPDATE SET fruit = excluded.fruit WHERE i.* != excluded.* RETURNING *
----
23|Avocado
tag: INSERT 0 1

query
INSERT INTO rd_nopk AS i VALUES (23, 'Avocado') ON CONFLICT (key) DO UPDATE SET fruit = 'never' WHERE i.* != excluded.* RETURNING *
----
tag: INSERT 0 0

query
SELECT *, rd_nopk::text FROM rd_nopk
----
23|Avocado|(23,Avocado)
tag: SELECT 1

# A constant that does not fit its column fails while the statement is planned, as
# PostgreSQL coerces it then: no serial value is drawn for the row's defaulted columns, and an
# UPDATE matching no row still fails (sequence.sql).
statement ok
CREATE TABLE rd_serial (f1 text, f2 serial, f3 smallint, f4 varchar(3))

statement error 22003
INSERT INTO rd_serial (f1, f3) VALUES ('bogus', 40000)

statement error 22003
INSERT INTO rd_serial (f1, f3) VALUES ('bogus', -32769)

statement error 22001
INSERT INTO rd_serial (f1, f4) VALUES ('bogus', 'abcdef')

statement error 22003
INSERT INTO rd_serial (f1, f3) VALUES ('ok', 1), ('bogus', '40000')

statement error 22P02
INSERT INTO rd_serial (f1, f3) VALUES ('bogus', 'x')

statement ok
INSERT INTO rd_serial (f1) VALUES ('good')

query
SELECT * FROM rd_serial
----
good|1|NULL|NULL
tag: SELECT 1

query
SELECT nextval('rd_serial_f2_seq')
----
2
tag: SELECT 1

statement error 22003
UPDATE rd_serial SET f3 = 40000 WHERE false

statement error 22001
UPDATE rd_serial SET f4 = 'abcdef' WHERE f1 = 'nothing'

statement error 22003
UPDATE rd_serial SET (f3, f4) = (40000, 'a') WHERE false

statement ok
CREATE UNIQUE INDEX rd_serial_f1 ON rd_serial (f1)

statement error 22003
INSERT INTO rd_serial (f1) VALUES ('new') ON CONFLICT (f1) DO UPDATE SET f3 = 40000

query
SELECT nextval('rd_serial_f2_seq')
----
3
tag: SELECT 1

# TRUNCATE ... CASCADE empties the tables whose foreign keys reference the named ones too,
# through every level and around a cycle (truncate.sql).
statement ok
CREATE TABLE rd_ta (col1 integer PRIMARY KEY)

statement ok
CREATE TABLE rd_tb (col1 integer UNIQUE REFERENCES rd_ta)

statement ok
CREATE TABLE rd_tc (col1 integer PRIMARY KEY)

statement ok
CREATE TABLE rd_td (col1 integer REFERENCES rd_tc)

statement ok
CREATE TABLE rd_te (a integer, b integer REFERENCES rd_tc, c integer REFERENCES rd_tb (col1))

statement ok
ALTER TABLE rd_te ADD FOREIGN KEY (a) REFERENCES rd_ta

statement ok
ALTER TABLE rd_ta ADD FOREIGN KEY (col1) REFERENCES rd_tc

statement ok
INSERT INTO rd_tc VALUES (1), (2)

statement ok
INSERT INTO rd_ta VALUES (1), (2)

statement ok
INSERT INTO rd_tb VALUES (1), (2)

statement ok
INSERT INTO rd_td VALUES (1)

statement ok
INSERT INTO rd_te VALUES (1, 1, 1)

statement error 0A000
TRUNCATE TABLE rd_ta RESTRICT

statement error 0A000
TRUNCATE TABLE rd_tb

query
SELECT (SELECT count(*) FROM rd_ta), (SELECT count(*) FROM rd_tb), (SELECT count(*) FROM rd_tc), (SELECT count(*) FROM rd_td), (SELECT count(*) FROM rd_te)
----
2|2|2|1|1
tag: SELECT 1

statement ok
TRUNCATE TABLE rd_tb CASCADE

query
SELECT (SELECT count(*) FROM rd_ta), (SELECT count(*) FROM rd_tb), (SELECT count(*) FROM rd_tc), (SELECT count(*) FROM rd_td), (SELECT count(*) FROM rd_te)
----
2|0|2|1|0
tag: SELECT 1

statement ok
BEGIN

statement ok
TRUNCATE rd_tc CASCADE

query
SELECT (SELECT count(*) FROM rd_ta), (SELECT count(*) FROM rd_tb), (SELECT count(*) FROM rd_tc), (SELECT count(*) FROM rd_td), (SELECT count(*) FROM rd_te)
----
0|0|0|0|0
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT (SELECT count(*) FROM rd_ta), (SELECT count(*) FROM rd_tb), (SELECT count(*) FROM rd_tc), (SELECT count(*) FROM rd_td), (SELECT count(*) FROM rd_te)
----
2|0|2|1|0
tag: SELECT 1

statement ok
TRUNCATE TABLE rd_tc CASCADE

query
SELECT (SELECT count(*) FROM rd_ta), (SELECT count(*) FROM rd_tb), (SELECT count(*) FROM rd_tc), (SELECT count(*) FROM rd_td), (SELECT count(*) FROM rd_te)
----
0|0|0|0|0
tag: SELECT 1

statement ok
CREATE TABLE rd_tser (id serial PRIMARY KEY, v int)

statement ok
CREATE TABLE rd_tserref (id serial, r int REFERENCES rd_tser)

statement ok
INSERT INTO rd_tser (v) VALUES (1), (2)

statement ok
INSERT INTO rd_tserref (r) VALUES (1), (2)

statement ok
TRUNCATE rd_tser RESTART IDENTITY CASCADE

statement ok
INSERT INTO rd_tser (v) VALUES (3)

statement ok
INSERT INTO rd_tserref (r) VALUES (1)

query
SELECT * FROM rd_tser JOIN rd_tserref ON r = rd_tser.id
----
1|3|1|1
tag: SELECT 1

statement error 42601
TRUNCATE rd_tser CASCADE RESTRICT

# A wrong column in ON CONFLICT DO UPDATE's SET or WHERE is 42703 before a missing arbiter
# is 42P10: PostgreSQL parses them before it infers the arbiters (insert_conflict.sql).
statement ok
CREATE TABLE rd_syscol (key int4, data text)

statement error 42703
INSERT INTO rd_syscol VALUES (1) ON CONFLICT (key) DO UPDATE SET data = excluded.ctid::text

statement error 42703
INSERT INTO rd_syscol VALUES (1) ON CONFLICT (key) DO UPDATE SET data = excluded.nosuch

statement error 42703
INSERT INTO rd_syscol VALUES (1) ON CONFLICT (key) DO UPDATE SET data = 'x' WHERE excluded.nosuch

statement error 42703
INSERT INTO rd_syscol VALUES (1) ON CONFLICT (nosuch) DO UPDATE SET data = 'x'

statement error 42P10
INSERT INTO rd_syscol VALUES (1) ON CONFLICT (key) DO UPDATE SET data = excluded.data

statement error 42P10
INSERT INTO rd_syscol VALUES (1) ON CONFLICT (key) DO NOTHING

# SET (a, b) = ROW(v.*) expands v.* into v's columns (update.sql).
statement ok
CREATE TABLE rd_upd (a int, b int, c text)

statement ok
INSERT INTO rd_upd VALUES (21, 1, 'x'), (22, 2, 'y')

query
UPDATE rd_upd SET (a, b) = ROW(v.*) FROM (VALUES (21, 100)) AS v(i, j) WHERE rd_upd.a = v.i RETURNING *
----
21|100|x|21|100
tag: UPDATE 1

query
UPDATE rd_upd SET (c, a, b) = ROW('z', v.*) FROM (VALUES (22, 200)) AS v(i, j) WHERE rd_upd.a = v.i RETURNING *
----
22|200|z|22|200
tag: UPDATE 1

statement error 42601
UPDATE rd_upd SET (a, b) = ROW(v.*) FROM (VALUES (21, 100, 1)) AS v(i, j, k) WHERE rd_upd.a = v.i

statement error 0A000
UPDATE rd_upd SET (a, b) = (v.*) FROM (VALUES (21, 101)) AS v(i, j) WHERE rd_upd.a = v.i

query
UPDATE rd_upd SET (a, b, c) = (v.*, 'w') FROM (VALUES (21, 300)) AS v(i, j) WHERE rd_upd.a = v.i RETURNING *
----
21|300|w|21|300
tag: UPDATE 1

query
SELECT * FROM rd_upd ORDER BY a
----
21|300|w
22|200|z
tag: SELECT 2

# SET TRANSACTION READ ONLY lasts as long as the subtransaction it ran in: RELEASE gives the
# transaction back its read-write mode, as ROLLBACK TO does (transactions.sql).
statement ok
CREATE TABLE rd_ro (a int)

statement ok
BEGIN

statement ok
SAVEPOINT y

statement ok
SET TRANSACTION READ ONLY

statement error 25006
INSERT INTO rd_ro VALUES (0)

statement ok
ROLLBACK TO SAVEPOINT y

statement ok
SET TRANSACTION READ ONLY

statement ok
RELEASE SAVEPOINT y

query
SHOW transaction_read_only
----
off
tag: SHOW

statement ok
INSERT INTO rd_ro VALUES (1)

statement ok
SAVEPOINT z

statement ok
SET LOCAL lock_timeout = '1s'

statement ok
RELEASE z

query
SHOW lock_timeout
----
1s
tag: SHOW

statement ok
SET TRANSACTION READ ONLY

statement ok
SAVEPOINT w

statement ok
RELEASE w

query
SHOW transaction_read_only
----
on
tag: SHOW

statement error 25006
INSERT INTO rd_ro VALUES (2)

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
SAVEPOINT y

statement ok
SET TRANSACTION READ ONLY

statement ok
RELEASE y

statement ok
INSERT INTO rd_ro VALUES (3)

statement ok
COMMIT

query
SELECT * FROM rd_ro
----
3
tag: SELECT 1

# DISCARD SEQUENCES | TEMP | PLANS | ALL (sequence.sql; what connection poolers send).
statement ok
CREATE SEQUENCE rd_dseq

query
SELECT nextval('rd_dseq'), currval('rd_dseq'), lastval()
----
1|1|1
tag: SELECT 1

statement ok
DISCARD SEQUENCES

statement error 55000
SELECT currval('rd_dseq')

statement error 55000
SELECT lastval()

query
SELECT nextval('rd_dseq')
----
2
tag: SELECT 1

statement ok
CREATE TEMP TABLE rd_dtemp (a int)

statement ok
CREATE TEMP VIEW rd_dtv AS SELECT * FROM rd_dtemp

statement ok
DISCARD TEMPORARY

statement error 42P01
SELECT * FROM rd_dtemp

statement error 42P01
SELECT * FROM rd_dtv

statement ok
CREATE TEMP TABLE rd_dtemp (a int)

statement ok
SET lock_timeout = '5s'

statement ok
PREPARE rd_dp AS SELECT 1

statement ok
LISTEN rd_chan

statement ok
BEGIN

statement error 25001
DISCARD ALL

statement ok
ROLLBACK

statement ok
DECLARE rd_c CURSOR WITH HOLD FOR SELECT 1

statement ok
DISCARD PLANS

statement ok
DISCARD ALL

query
SHOW lock_timeout
----
0
tag: SHOW

statement error 26000
EXECUTE rd_dp

statement error 34000
FETCH rd_c

statement error 42P01
SELECT * FROM rd_dtemp

statement error 55000
SELECT currval('rd_dseq')

query
SELECT pg_listening_channels()
----
tag: SELECT 0

statement error 42601
DISCARD

statement error 42601
DISCARD foo

statement ok
BEGIN READ ONLY

statement ok
DISCARD SEQUENCES

statement ok
COMMIT

# A sequence's type that does not exist is 42704, one that is no integer type 22023
# (sequence.sql).
statement error 42704
CREATE SEQUENCE rd_seqx AS nosuchtype

statement error 22023
CREATE SEQUENCE rd_seqx AS text

statement error 22023
CREATE SEQUENCE rd_seqx AS numeric

# A target table named excluded makes excluded.x ambiguous between two tables (42P09); an
# alias lifts it (insert_conflict.sql).
statement ok
CREATE TABLE excluded (key int PRIMARY KEY, data text)

statement ok
INSERT INTO excluded VALUES (1, '1')

statement error 42P09
INSERT INTO excluded VALUES (1, '2') ON CONFLICT (key) DO UPDATE SET data = excluded.data RETURNING *

statement error 42P09
INSERT INTO excluded VALUES (1, '2') ON CONFLICT (key) DO UPDATE SET data = 'x' WHERE excluded.data = '1'

query
INSERT INTO excluded AS target VALUES (1, '2') ON CONFLICT (key) DO UPDATE SET data = excluded.data RETURNING *
----
1|2
tag: INSERT 0 1

statement error 42702
INSERT INTO excluded VALUES (1, '3') ON CONFLICT (key) DO UPDATE SET data = data || '!' RETURNING *

statement ok
DROP TABLE excluded

# An unqualified column in DO UPDATE's SET or WHERE names the target's and excluded's: 42702,
# as PostgreSQL; qualified, either is meant (insert_conflict.sql).
statement ok
CREATE TABLE rd_amb (k int PRIMARY KEY, v text)

statement ok
INSERT INTO rd_amb VALUES (1, 'a')

statement error 42702
INSERT INTO rd_amb VALUES (1, 'x') ON CONFLICT (k) DO UPDATE SET v = v || '!'

statement error 42702
INSERT INTO rd_amb AS t VALUES (1, 'x') ON CONFLICT (k) DO UPDATE SET v = t.v || '!' WHERE v = 'a'

statement error 42702
INSERT INTO rd_amb VALUES (1, 'x') ON CONFLICT (k) DO UPDATE SET (v) = (SELECT k::text)

query
INSERT INTO rd_amb AS t VALUES (1, 'x') ON CONFLICT (k) DO UPDATE SET v = t.v || excluded.v WHERE t.k = excluded.k RETURNING *, v
----
1|ax|ax
tag: INSERT 0 1

query
SELECT * FROM rd_amb
----
1|ax
tag: SELECT 1
