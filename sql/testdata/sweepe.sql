# Fixes from side-by-side sweeps of PostgreSQL 15's regression files (sequence, text,
# select_into, truncate, boolean, transactions), recorded from PostgreSQL 15.
# ALTER SEQUENCE ... AS resets a bound that was the old type's limit to the new type's limit,
# whatever the direction (sequence.sql: AS int of these was 22023).
statement ok
CREATE SEQUENCE se_seq13 AS smallint MINVALUE -32768

statement ok
CREATE SEQUENCE se_seq14 AS smallint MAXVALUE 32767 INCREMENT -1

statement ok
CREATE SEQUENCE se_seq12 AS smallint INCREMENT -1

statement ok
ALTER SEQUENCE se_seq13 AS int

statement ok
ALTER SEQUENCE se_seq14 AS int

statement ok
ALTER SEQUENCE se_seq12 AS int

query
SELECT sequencename, data_type::text, start_value, min_value, max_value, increment_by FROM pg_sequences WHERE sequencename LIKE 'se_seq%' ORDER BY 1
----
se_seq12|integer|-1|-2147483648|-1|-1
se_seq13|integer|-32768|-2147483648|2147483647|1
se_seq14|integer|32767|-2147483648|2147483647|-1
tag: SELECT 3

query
SELECT nextval('se_seq13'), nextval('se_seq14'), nextval('se_seq12')
----
-32768|32767|-1
tag: SELECT 1

# A failed ALTER SEQUENCE or setval changes nothing: the next value follows the last one
# handed out (it jumped past the leader's reserved block, 32 values on).
statement ok
CREATE SEQUENCE se_seq4 INCREMENT BY -1

query
SELECT nextval('se_seq4')
----
-1
tag: SELECT 1

statement error 22023
ALTER SEQUENCE se_seq4 RESTART WITH 40

query
SELECT nextval('se_seq4')
----
-2
tag: SELECT 1

query
SELECT last_value, is_called FROM se_seq4
----
-2|t
tag: SELECT 1

statement ok
CREATE SEQUENCE se_seq2 MAXVALUE 36

query
SELECT nextval('se_seq2')
----
1
tag: SELECT 1

statement error 22003
SELECT setval('se_seq2', 100)

query
SELECT nextval('se_seq2')
----
2
tag: SELECT 1

query
SELECT last_value FROM pg_sequences WHERE sequencename = 'se_seq2'
----
2
tag: SELECT 1

statement error 22023
ALTER SEQUENCE se_seq2 MINVALUE 40

query
SELECT nextval('se_seq2')
----
3
tag: SELECT 1

# ALTER SEQUENCE of a relation that is not a sequence is 42809 (was 42P01), also with
# IF EXISTS.
statement ok
CREATE TABLE se_tab (f1 serial, f2 int)

statement error 42809
ALTER SEQUENCE se_tab CYCLE

statement error 42809
ALTER SEQUENCE IF EXISTS se_tab CYCLE

statement ok
ALTER SEQUENCE IF EXISTS se_nosuch CYCLE

# A VARIADIC array is one argument: FUNC_MAX_ARGS does not limit its elements (text.sql:
# was 54023).
query
SELECT length(format(string_agg('%s', ','), VARIADIC array_agg(i))) FROM generate_series(1, 200) g(i)
----
691
tag: SELECT 1

query
SELECT num_nonnulls(VARIADIC array_agg(i)), concat_ws('-', VARIADIC array_agg(i)) = string_agg(i::text, '-') FROM generate_series(1, 150) g(i)
----
150|t
tag: SELECT 1

query
SELECT json_build_array(VARIADIC array_agg(i))->>149 FROM generate_series(1, 150) g(i)
----
150
tag: SELECT 1

# A view's query must not have SELECT INTO (select_into.sql: drove made the view and
# dropped the INTO): 0A000 for the query's own INTO, 42601 in a subquery or a materialized
# view, after the query's relations are checked.
statement error 0A000
CREATE VIEW se_v AS SELECT 1 INTO se_x

statement error 0A000
CREATE VIEW se_v AS SELECT 1 AS a INTO se_x UNION SELECT 2

statement error 0A000
CREATE TEMP VIEW se_v AS SELECT 1 INTO se_x

statement error 0A000
CREATE OR REPLACE VIEW se_v AS SELECT 1 INTO se_x

statement error 42601
CREATE VIEW se_v AS SELECT * FROM (SELECT 1 INTO se_x) s

statement error 42601
CREATE MATERIALIZED VIEW se_mv AS SELECT 1 INTO se_x

statement error 42P01
CREATE VIEW se_v AS SELECT * INTO se_x FROM se_nosuch

query
SELECT count(*) FROM pg_class WHERE relname IN ('se_v', 'se_mv', 'se_x')
----
0
tag: SELECT 1

# A cursor whose FETCH or MOVE failed cannot run again after ROLLBACK TO SAVEPOINT: 55000
# "portal cannot be run" (transactions.sql: drove fetched on from where it stopped).
statement ok
CREATE TABLE se_cf (a int)

statement ok
INSERT INTO se_cf VALUES (1), (0), (2)

statement ok
BEGIN

statement ok
DECLARE se_c CURSOR FOR SELECT 10 / a FROM se_cf

statement ok
SAVEPOINT s

query
FETCH 1 FROM se_c
----
10
tag: FETCH 1

statement error 22012
FETCH 1 FROM se_c

statement ok
ROLLBACK TO SAVEPOINT s

statement error 55000
FETCH 1 FROM se_c

statement ok
ROLLBACK TO SAVEPOINT s

statement error 55000
MOVE 1 IN se_c

statement ok
ROLLBACK TO SAVEPOINT s

statement ok
CLOSE se_c

statement ok
DECLARE se_c NO SCROLL CURSOR FOR SELECT a FROM se_cf

statement ok
SAVEPOINT s2

statement error 55000
FETCH BACKWARD 1 FROM se_c

statement ok
ROLLBACK TO SAVEPOINT s2

statement error 55000
FETCH 1 FROM se_c

statement ok
ROLLBACK TO SAVEPOINT s2

statement error 34000
FETCH 1 FROM se_nosuch

statement ok
ROLLBACK TO SAVEPOINT s2

statement ok
DECLARE se_d CURSOR FOR SELECT a FROM se_cf WHERE a > 0 ORDER BY a

query
FETCH 2 FROM se_d
----
1
2
tag: FETCH 2

statement ok
COMMIT

# A read-only transaction may write the session's temporary tables, as PostgreSQL lets
# writes to temporary relations through (transactions.sql: drove refused them with 25006);
# creating one, and writing any other table, stays refused.
statement ok
CREATE TABLE se_writetest (a int)

statement ok
INSERT INTO se_writetest VALUES (1)

statement ok
CREATE TEMP TABLE se_temptest (a int)

statement ok
INSERT INTO se_temptest VALUES (1), (2)

statement ok
SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY

statement ok
INSERT INTO se_temptest VALUES (3)

statement ok
UPDATE se_temptest SET a = se_temptest.a * 10 FROM se_writetest WHERE se_temptest.a = se_writetest.a

statement ok
DELETE FROM se_temptest WHERE a = 2

statement ok
WITH w AS (SELECT a FROM se_writetest) INSERT INTO se_temptest SELECT a + 100 FROM w

query
SELECT a FROM se_temptest ORDER BY a
----
3
10
101
tag: SELECT 3

statement error 25006
INSERT INTO se_writetest VALUES (2)

statement error 25006
WITH w AS (DELETE FROM se_writetest RETURNING a) INSERT INTO se_temptest SELECT a FROM w

statement error 25006
CREATE TEMP TABLE se_temp2 (a int)

statement ok
PREPARE se_p AS DELETE FROM se_temptest WHERE a > 100

statement ok
EXECUTE se_p

statement ok
PREPARE se_q AS UPDATE se_writetest SET a = 0

statement error 25006
EXECUTE se_q

statement ok
SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE

query
SELECT (SELECT count(*) FROM se_temptest), (SELECT count(*) FROM se_writetest)
----
2|1
tag: SELECT 1
