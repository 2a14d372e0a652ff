# EXPLAIN read by sql/parser: CREATE TABLE AS, SELECT INTO, CREATE MATERIALIZED VIEW and
# DECLARE are planned as their query (no table or cursor is made), EXPLAIN ANALYZE DECLARE
# runs the query; bad options and INTO where PostgreSQL refuses it.
statement ok
CREATE TABLE ect (a int PRIMARY KEY, b text)

query
EXPLAIN (COSTS OFF) CREATE TABLE ectx AS SELECT 1
----
Result
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT b INTO ecty FROM ect WHERE a = 1
----
Index Scan using ect_pkey on ect
  Index Cond: (a = 1)
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) CREATE MATERIALIZED VIEW ecmv AS SELECT * FROM ect
----
Seq Scan on ect
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) DECLARE c CURSOR FOR SELECT * FROM ect
----
Seq Scan on ect
tag: EXPLAIN

query
EXPLAIN (COSTS OFF, ANALYZE, TIMING OFF, SUMMARY OFF) DECLARE c CURSOR FOR SELECT 1
----
Result (actual rows=1 loops=1)
tag: EXPLAIN

query
SELECT count(*) FROM pg_class WHERE relname IN ('ectx', 'ecty', 'ecmv')
----
0
tag: SELECT 1

statement error 42601
EXPLAIN (FOO) SELECT 1

statement error 42601
EXPLAIN (ANALYZE maybe) SELECT 1

statement error 22023
EXPLAIN (FORMAT foo) SELECT 1

statement error 22023
EXPLAIN (WAL) SELECT 1

statement error 42601
EXPLAIN SELECT 1 UNION SELECT 2 INTO ecz

statement error 42601
EXPLAIN CREATE TABLE ecz AS SELECT 1 INTO ecw

statement error 42601
EXPLAIN (COSTS OFF) DELETE FROM ect WHERE a IN (SELECT 1 INTO ecz)

# COPY (query) TO's query is read by sql/parser: SELECT INTO and a writing statement without
# RETURNING are PostgreSQL's 0A000.
statement error 0A000
COPY (SELECT 1 INTO ecz) TO STDOUT

statement error 0A000
COPY (INSERT INTO ect VALUES (1)) TO STDOUT

statement error 42601
COPY (SELECT FROM WHERE) TO STDOUT

# EXPLAIN EXECUTE of a statement the session did not prepare.
statement error 26000
EXPLAIN EXECUTE ecnope
