# dml17: data-modifying statements in WITH, UPDATE's multi-column SET, ALTER TABLE ADD COLUMN
# with a default and ALTER COLUMN TYPE on a table with rows, temporary tables made by a query.
statement ok
CREATE TABLE dm_t (id int PRIMARY KEY, v int)

statement ok
INSERT INTO dm_t VALUES (1, 10), (2, 20), (3, 30), (4, 40)

statement ok
CREATE TABLE dm_archive (id int PRIMARY KEY, v int)

# A DELETE's RETURNING rows feed the main INSERT: the rows move in one statement.
query
WITH d AS (DELETE FROM dm_t WHERE id <= 2 RETURNING *) INSERT INTO dm_archive SELECT * FROM d
----
tag: INSERT 0 2

query
SELECT * FROM dm_archive ORDER BY id
----
1|10
2|20
tag: SELECT 2

# Every part reads the table as the statement found it: the main query still sees the row the
# WITH query deletes, and the one an UPDATE changes with its old value.
query
WITH d AS (DELETE FROM dm_t WHERE id = 3 RETURNING id) SELECT t.id, t.v, d.id FROM dm_t t LEFT JOIN d ON d.id = t.id ORDER BY t.id
----
3|30|3
4|40|NULL
tag: SELECT 2

query
WITH u AS (UPDATE dm_t SET v = v + 1 RETURNING id, v) SELECT u.id, u.v, (SELECT v FROM dm_t WHERE dm_t.id = u.id) AS old FROM u
----
4|41|40
tag: SELECT 1

query
WITH i AS (INSERT INTO dm_t VALUES (7, 70), (8, 80) RETURNING id) SELECT count(*), (SELECT count(*) FROM dm_t) FROM i
----
2|1
tag: SELECT 1

query
SELECT * FROM dm_t ORDER BY id
----
4|41
7|70
8|80
tag: SELECT 3

# A data-modifying WITH query runs once, to completion, even when nothing reads it.
query
WITH d AS (DELETE FROM dm_t WHERE id = 7 RETURNING *) SELECT 1
----
1
tag: SELECT 1

query
WITH d AS (DELETE FROM dm_t WHERE id = 8), s AS (SELECT max(id) AS m FROM dm_t) SELECT * FROM s
----
8
tag: SELECT 1

query
SELECT * FROM dm_t ORDER BY id
----
4|41
tag: SELECT 1

statement error 0A000
WITH d AS (DELETE FROM dm_t) SELECT * FROM d

statement error 42712
WITH d AS (DELETE FROM dm_t RETURNING *), d AS (SELECT 1) SELECT 1

# A chain: a column list renames RETURNING's columns, a later WITH query reads an earlier one,
# a SELECT WITH query is read by a writing one.
query
WITH d(x, y) AS (DELETE FROM dm_archive RETURNING *), i AS (INSERT INTO dm_t SELECT x + 100, y FROM d RETURNING *) SELECT * FROM i ORDER BY id
----
101|10
102|20
tag: SELECT 2

query
WITH s AS (SELECT 4 AS k), u AS (UPDATE dm_t SET v = 0 WHERE id IN (SELECT k FROM s) RETURNING v) SELECT * FROM u
----
0
tag: SELECT 1

query
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), i AS (INSERT INTO dm_t SELECT n + 10, n FROM r RETURNING id) SELECT * FROM i ORDER BY id
----
11
12
13
tag: SELECT 3

# WITH before an UPDATE, a DELETE and an INSERT, with and without writing WITH queries.
query
WITH s AS (SELECT 11 AS k) DELETE FROM dm_t WHERE id IN (SELECT k FROM s) RETURNING *
----
11|1
tag: DELETE 1

query
WITH d AS (DELETE FROM dm_t WHERE id = 12 RETURNING v) UPDATE dm_t SET v = dm_t.v + d.v FROM d WHERE dm_t.id = 13 RETURNING dm_t.*
----
13|5
tag: UPDATE 1

query
WITH n AS (SELECT 20 AS id, 2 AS v) INSERT INTO dm_t SELECT * FROM n
----
tag: INSERT 0 1

query
WITH i AS (INSERT INTO dm_archive VALUES (1, 1) RETURNING id) DELETE FROM dm_t USING i WHERE dm_t.id = i.id + 100 RETURNING dm_t.id
----
101
tag: DELETE 1

query
SELECT * FROM dm_t ORDER BY id
----
4|0
13|5
20|2
102|20
tag: SELECT 4

# Foreign keys' NO ACTION is checked once the whole statement ends, as PostgreSQL's triggers
# fire: deleting children in a WITH query and their parent in the main statement succeeds.
statement ok
CREATE TABLE dm_parent (id int PRIMARY KEY)

statement ok
CREATE TABLE dm_child (id int PRIMARY KEY, pid int REFERENCES dm_parent, q int CHECK (q > 0), u int UNIQUE)

statement ok
INSERT INTO dm_parent VALUES (1), (2)

statement ok
INSERT INTO dm_child VALUES (10, 1, 1, 1), (20, 2, 2, 2)

query
WITH d AS (DELETE FROM dm_child WHERE pid = 1 RETURNING id) DELETE FROM dm_parent WHERE id = 1
----
tag: DELETE 1

statement ok
INSERT INTO dm_parent VALUES (5)

statement ok
INSERT INTO dm_child VALUES (50, 5, 5, 5)

query
WITH d AS (DELETE FROM dm_parent WHERE id = 5 RETURNING id) DELETE FROM dm_child WHERE pid IN (SELECT id FROM d)
----
tag: DELETE 1

query
WITH p AS (INSERT INTO dm_parent VALUES (3) RETURNING id) INSERT INTO dm_child SELECT 30, id, 3, 3 FROM p
----
tag: INSERT 0 1

statement error 23503
WITH d AS (DELETE FROM dm_parent WHERE id = 2 RETURNING id) SELECT * FROM d

statement error 23503
WITH i AS (INSERT INTO dm_child VALUES (40, 9, 1, 4) RETURNING id) SELECT * FROM i

statement error 23514
WITH u AS (UPDATE dm_child SET q = 0 WHERE id = 20 RETURNING id) SELECT * FROM u

statement error 23505
WITH u AS (UPDATE dm_child SET u = 3 WHERE id = 20 RETURNING id) SELECT 1

# A failed statement leaves nothing behind: the WITH query's delete is undone too.
statement error 23505
WITH d AS (DELETE FROM dm_child WHERE id = 20 RETURNING id) INSERT INTO dm_parent VALUES (3)

query
SELECT * FROM dm_child ORDER BY id
----
20|2|2|2
30|3|3|3
tag: SELECT 2

# In a transaction block: the statement's writes are the transaction's, and undone by ROLLBACK.
statement ok
BEGIN

query
WITH d AS (DELETE FROM dm_child RETURNING id) SELECT count(*) FROM d
----
2
tag: SELECT 1

query
SELECT count(*) FROM dm_child
----
0
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT count(*) FROM dm_child
----
2
tag: SELECT 1

# Only at the top level.
statement error 0A000
SELECT * FROM (WITH d AS (DELETE FROM dm_child RETURNING *) SELECT * FROM d) x

statement error 0A000
WITH a AS (WITH d AS (DELETE FROM dm_child RETURNING *) SELECT * FROM d) SELECT * FROM a

# A row two parts change: the first change wins and the later part skips the row, as
# PostgreSQL's do; a WITH query nothing reads runs after the main statement, one read runs
# before it.
statement ok
CREATE TABLE dm_s (id int PRIMARY KEY, v int)

statement ok
INSERT INTO dm_s VALUES (1, 1), (2, 2), (3, 3)

query
WITH u AS (UPDATE dm_s SET v = 10 WHERE id = 1 RETURNING *) UPDATE dm_s SET v = 20 WHERE id = 1
----
tag: UPDATE 1

query
WITH u AS (UPDATE dm_s SET v = 11 WHERE id = 2 RETURNING *) DELETE FROM dm_s WHERE id = 2
----
tag: DELETE 1

query
WITH d AS (DELETE FROM dm_s WHERE id = 3 RETURNING *) UPDATE dm_s SET v = 30 WHERE id = 3
----
tag: UPDATE 1

query
SELECT * FROM dm_s ORDER BY id
----
1|20
3|30
tag: SELECT 2

query
WITH u AS (UPDATE dm_s SET v = 100 WHERE id = 1 RETURNING *) UPDATE dm_s SET v = dm_s.v + 1 FROM u WHERE dm_s.id = u.id RETURNING dm_s.*
----
tag: UPDATE 0

query
WITH a AS (UPDATE dm_s SET v = v + 1 RETURNING *), b AS (UPDATE dm_s SET v = v + 1000 RETURNING *) SELECT (SELECT count(*) FROM a), (SELECT count(*) FROM b)
----
2|0
tag: SELECT 1

query
SELECT * FROM dm_s ORDER BY id
----
1|101
3|31
tag: SELECT 2

# Temporary tables made by a query: CREATE TEMP TABLE ... AS and SELECT ... INTO TEMP, with
# ON COMMIT PRESERVE ROWS, DELETE ROWS and DROP.
statement ok
CREATE TABLE dm_src (id int PRIMARY KEY, v text)

statement ok
INSERT INTO dm_src VALUES (1, 'a'), (2, 'b'), (3, 'c')

query
CREATE TEMP TABLE dm_tmp AS SELECT * FROM dm_src WHERE id > 1
----
tag: SELECT 2

query
SELECT * FROM dm_tmp ORDER BY id
----
2|b
3|c
tag: SELECT 2

query
SELECT id, v || '!' AS w INTO TEMP dm_tmp2 FROM dm_src
----
tag: SELECT 3

query
SELECT * FROM pg_temp.dm_tmp2 ORDER BY id
----
1|a!
2|b!
3|c!
tag: SELECT 3

statement error 42P07
CREATE TEMP TABLE dm_tmp AS SELECT 1

statement ok
CREATE TEMP TABLE IF NOT EXISTS dm_tmp AS SELECT 1

statement error 42P16
CREATE TEMP TABLE public.dm_tmp3 AS SELECT 1

statement error 42P16
CREATE TABLE dm_tmp3 ON COMMIT DROP AS SELECT 1

# A temporary table hides a permanent one of the same name.
query
CREATE TEMP TABLE dm_src AS SELECT 42 AS id
----
tag: SELECT 1

query
SELECT * FROM dm_src
----
42
tag: SELECT 1

statement ok
DROP TABLE dm_src

query
SELECT count(*) FROM dm_src
----
3
tag: SELECT 1

# ON COMMIT DELETE ROWS: the rows are gone when their transaction commits (an autocommitted
# statement's at once), kept until then, and a rollback keeps none either.
query
CREATE TEMP TABLE dm_del ON COMMIT DELETE ROWS AS SELECT * FROM dm_src
----
tag: SELECT 3

query
SELECT count(*) FROM dm_del
----
0
tag: SELECT 1

statement ok
BEGIN

statement ok
INSERT INTO dm_del VALUES (5, 'e')

query
SELECT * FROM dm_del
----
5|e
tag: SELECT 1

statement ok
COMMIT

query
SELECT count(*) FROM dm_del
----
0
tag: SELECT 1

statement ok
CREATE TEMP TABLE dm_del2 (a int) ON COMMIT DELETE ROWS

statement ok
INSERT INTO dm_del2 VALUES (1)

query
SELECT count(*) FROM dm_del2
----
0
tag: SELECT 1

# ON COMMIT DROP: gone with its transaction's commit.
statement ok
BEGIN

query
CREATE TEMP TABLE dm_drop ON COMMIT DROP AS SELECT 1 AS one
----
tag: SELECT 1

query
SELECT * FROM dm_drop
----
1
tag: SELECT 1

statement ok
COMMIT

statement error 42P01
SELECT * FROM dm_drop

statement ok
CREATE TEMP TABLE dm_drop2 ON COMMIT DROP AS SELECT 1 AS one

statement error 42P01
SELECT * FROM dm_drop2

# A ROLLBACK drops a temporary table made in its block.
statement ok
BEGIN

statement ok
SELECT 1 AS one INTO TEMP dm_rb

statement ok
ROLLBACK

statement error 42P01
SELECT * FROM dm_rb

# UPDATE's multiple-column SET: a row of values, ROW(...), a subquery's one row (run once per
# updated row; no row makes the columns NULL), also in ON CONFLICT DO UPDATE.
statement ok
CREATE TABLE dm_m (id int PRIMARY KEY, a int, b text, c int DEFAULT 9)

statement ok
INSERT INTO dm_m VALUES (1, 1, 'x', 0), (2, 2, 'y', 0)

query
UPDATE dm_m SET (a, b) = (10, 'p') WHERE id = 1 RETURNING *
----
1|10|p|0
tag: UPDATE 1

query
UPDATE dm_m SET (a) = ROW(a + 1), b = 'q', (c) = ROW(DEFAULT) WHERE id = 2 RETURNING *
----
2|3|q|9
tag: UPDATE 1

query
UPDATE dm_m SET (a, b) = (SELECT m2.a * 100, m2.b || '!' FROM dm_m m2 WHERE m2.id = dm_m.id) RETURNING *
----
1|1000|p!|0
2|300|q!|9
tag: UPDATE 2

query
UPDATE dm_m SET (b, a) = ROW('r', a + 1), c = a WHERE id = 1 RETURNING *
----
1|1001|r|1000
tag: UPDATE 1

query
UPDATE dm_m SET (a, b) = (SELECT 1, 'z' WHERE false) WHERE id = 1 RETURNING *
----
1|NULL|NULL|1000
tag: UPDATE 1

query
WITH u AS (UPDATE dm_m SET (a, c) = (SELECT count(*), max(c) FROM dm_m) RETURNING id, a, c) SELECT * FROM u ORDER BY id
----
1|2|1000
2|2|1000
tag: SELECT 2

query
INSERT INTO dm_m VALUES (1, 0, 'c') ON CONFLICT (id) DO UPDATE SET (a, b) = (excluded.a + 7, excluded.b) RETURNING *
----
1|7|c|1000
tag: INSERT 0 1

query
INSERT INTO dm_m VALUES (2, 5, 'c') ON CONFLICT (id) DO UPDATE SET (a, b) = (SELECT excluded.a * 2, dm_m.b) RETURNING *
----
2|10|q!|1000
tag: INSERT 0 1

query
UPDATE dm_m SET (a, b) = (3, 'u') FROM (VALUES (2)) v(k) WHERE dm_m.id = v.k RETURNING dm_m.*
----
2|3|u|1000
tag: UPDATE 1

statement error 0A000
UPDATE dm_m SET (a) = (5)

statement error 0A000
UPDATE dm_m SET (a, b) = (5)

statement error 42601
UPDATE dm_m SET (a, b) = (1, 'a', 2)

statement error 42601
UPDATE dm_m SET (a, b) = (SELECT 1)

statement error 42601
UPDATE dm_m SET b = 'r', (a, b) = (1, 'b')

statement error 21000
UPDATE dm_m SET (a, b) = (SELECT a, b FROM dm_m)

statement error 42703
UPDATE dm_m SET (a, nope) = (1, 2)

# Constraints hold for the assigned rows.
statement ok
CREATE TABLE dm_mc (id int PRIMARY KEY, a int CHECK (a > 0), u int UNIQUE)

statement ok
INSERT INTO dm_mc VALUES (1, 1, 1), (2, 2, 2)

statement error 23514
UPDATE dm_mc SET (a, u) = (0, 5) WHERE id = 1

statement error 23505
UPDATE dm_mc SET (a, u) = (SELECT 3, 2) WHERE id = 1

query
WITH u AS (UPDATE dm_mc SET (id, u) = (id + 10, u + 10) RETURNING *) SELECT * FROM u ORDER BY id
----
11|1|11
12|2|12
tag: SELECT 2

# Through an updatable view, the view's columns name the table's.
statement ok
CREATE VIEW dm_mv AS SELECT id, a AS aa, b FROM dm_m

query
UPDATE dm_mv SET (aa, b) = (5, 'v') WHERE id = 1 RETURNING *
----
1|5|v
tag: UPDATE 1

# An uncorrelated sub-SELECT of a multiple-column SET runs once per statement, as PostgreSQL's
# InitPlan: every row gets the same nextval(); a correlated one runs for each row.
statement ok
CREATE TABLE dm_once (id int PRIMARY KEY, a int, b int)

statement ok
INSERT INTO dm_once SELECT g, 0, 0 FROM generate_series(1, 5) g

statement ok
CREATE SEQUENCE dm_once_s

query
UPDATE dm_once SET (a, b) = (SELECT nextval('dm_once_s'), 7)
----
tag: UPDATE 5

query
SELECT count(DISTINCT a), min(a), max(b) FROM dm_once
----
1|1|7
tag: SELECT 1

query
UPDATE dm_once SET (a, b) = (SELECT nextval('dm_once_s'), id)
----
tag: UPDATE 5

query
SELECT count(DISTINCT a), min(a), max(a), sum(b) FROM dm_once
----
5|2|6|15
tag: SELECT 1
