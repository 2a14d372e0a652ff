# Found by screening PostgreSQL 15's regression files side by side (sweepc).
# updatable_views: a view over a view is updatable only when that view is; a view over a
# sequence is not updatable (55000); a view with no column of its table takes no INSERT/UPDATE
# in information_schema; SELECT * over an updatable view writes through both.
statement ok
CREATE TABLE sweepc_base (a int PRIMARY KEY, b text DEFAULT 'Unspecified')

statement ok
INSERT INTO sweepc_base SELECT i, 'Row ' || i FROM generate_series(-2, 2) g(i)

statement ok
CREATE VIEW sweepc_ro1 AS SELECT DISTINCT a, b FROM sweepc_base

statement ok
CREATE VIEW sweepc_rw1 AS SELECT a, b FROM sweepc_base

statement ok
CREATE VIEW sweepc_ro17 AS SELECT * FROM sweepc_ro1

statement ok
CREATE VIEW sweepc_rw17 AS SELECT * FROM sweepc_rw1

statement ok
CREATE VIEW sweepc_rw18 AS SELECT a AS x FROM sweepc_rw17

statement ok
CREATE SEQUENCE sweepc_seq

statement ok
CREATE VIEW sweepc_ro19 AS SELECT * FROM sweepc_seq

statement ok
CREATE VIEW sweepc_nocols AS SELECT upper(b) AS u FROM sweepc_base

statement ok
CREATE VIEW sweepc_nocols2 AS SELECT * FROM sweepc_nocols

query
SELECT table_name, is_updatable, is_insertable_into FROM information_schema.views WHERE table_name LIKE 'sweepc%' ORDER BY 1
----
sweepc_nocols|NO|NO
sweepc_nocols2|NO|NO
sweepc_ro1|NO|NO
sweepc_ro17|NO|NO
sweepc_ro19|NO|NO
sweepc_rw1|YES|YES
sweepc_rw17|YES|YES
sweepc_rw18|YES|YES
tag: SELECT 8

query
SELECT table_name, is_insertable_into FROM information_schema.tables WHERE table_name LIKE 'sweepc%' AND table_type = 'VIEW' ORDER BY 1
----
sweepc_nocols|NO
sweepc_nocols2|NO
sweepc_ro1|NO
sweepc_ro17|NO
sweepc_ro19|NO
sweepc_rw1|YES
sweepc_rw17|YES
sweepc_rw18|YES
tag: SELECT 8

statement error 55000
INSERT INTO sweepc_ro17 VALUES (3, 'ROW 3')

statement error 55000
DELETE FROM sweepc_ro17

statement error 55000
UPDATE sweepc_ro19 SET last_value = 1000

statement error 55000
DELETE FROM sweepc_ro19

statement ok
INSERT INTO sweepc_rw17 VALUES (3, 'ROW 3')

statement ok
UPDATE sweepc_rw18 SET x = 4 WHERE x = 3

query
UPDATE sweepc_rw17 SET b = b || '!' WHERE a > 0 RETURNING *
----
1|Row 1!
2|Row 2!
4|ROW 3!
tag: UPDATE 3

query
DELETE FROM sweepc_rw17 WHERE a = 4 RETURNING a, b
----
4|ROW 3!
tag: DELETE 1

query
SELECT * FROM sweepc_base ORDER BY a
----
-2|Row -2
-1|Row -1
0|Row 0
1|Row 1!
2|Row 2!
tag: SELECT 5

statement ok
DELETE FROM sweepc_nocols2 WHERE u = 'ROW -2'

query
SELECT count(*) FROM sweepc_base
----
4
tag: SELECT 1

# with: FOR UPDATE/SHARE atop a recursive query's UNION is 0A000 (drove ran it; with no
# stop condition, for ever).
statement error 0A000
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x WHERE n < 3 FOR UPDATE) SELECT * FROM x

statement error 0A000
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x WHERE n < 3 FOR SHARE) SELECT * FROM x

statement error 0A000
WITH RECURSIVE x(n) AS (SELECT 1 UNION SELECT n+1 FROM x WHERE n < 3 FOR NO KEY UPDATE) SELECT count(*) FROM x

# limit: FETCH FIRST n ROWS WITH TIES under FOR UPDATE/SHARE stops after the ties (drove
# returned every row); only a constant NULL count is 2201W (a count NULL when it runs is no
# limit); SKIP LOCKED cannot go with WITH TIES (42601).
statement ok
CREATE TABLE sweepc_ties AS SELECT g % 7 AS k, g FROM generate_series(1, 20) g

query
SELECT k FROM sweepc_ties ORDER BY k FETCH FIRST 1 ROW WITH TIES FOR SHARE
----
0
0
tag: SELECT 2

query
SELECT k, g / 8 FROM sweepc_ties ORDER BY k, g / 8 FOR UPDATE OFFSET 2 FETCH FIRST 2 ROWS WITH TIES
----
1|0
1|1
1|1
tag: SELECT 3

query
SELECT k FROM sweepc_ties WHERE k < 2 ORDER BY k FETCH FIRST (NULL + 1) ROWS WITH TIES
----
0
0
1
1
1
tag: SELECT 5

statement error 2201W
SELECT k FROM sweepc_ties ORDER BY k FETCH FIRST NULL ROWS WITH TIES

statement error 2201W
SELECT k FROM sweepc_ties ORDER BY k FETCH FIRST (NULL) ROWS WITH TIES

statement error 2201W
CREATE VIEW sweepc_ties_v AS SELECT k FROM sweepc_ties ORDER BY k FETCH FIRST NULL ROWS WITH TIES

statement error 42601
SELECT k FROM sweepc_ties ORDER BY k FETCH FIRST 1 ROW WITH TIES FOR UPDATE SKIP LOCKED

statement error 42601
SELECT k FROM sweepc_ties ORDER BY k FOR SHARE SKIP LOCKED FETCH FIRST 1 ROW WITH TIES

query
SELECT k FROM sweepc_ties ORDER BY k FETCH FIRST 1 ROW WITH TIES FOR SHARE NOWAIT
----
0
0
tag: SELECT 2

# with: the recursive reference inside a subquery of the recursive term's select list is
# 42P19 also when the term reads the query in FROM (drove ran it; with.sql's
# "SELECT (SELECT * FROM x) FROM x WHERE id < 5" for ever).
statement error 42P19
WITH RECURSIVE x(id) AS (SELECT 1 UNION ALL SELECT id + (SELECT 1 FROM x) FROM x WHERE id < 5) SELECT * FROM x

statement error 42P19
WITH RECURSIVE x(id) AS (VALUES (1) UNION ALL SELECT x.id + 1 FROM x WHERE EXISTS (SELECT FROM x) AND x.id < 3) SELECT * FROM x
