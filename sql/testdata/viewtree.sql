# CREATE [OR REPLACE] [TEMP] [RECURSIVE] [MATERIALIZED] VIEW run from sql/parser's tree
# (view_tree.go): the view keeps its query's text, from after AS to its last token, and what
# the dialect pass answered otherwise.
statement ok
CREATE TABLE vt (a int)

statement ok
INSERT INTO vt VALUES (1), (2)

statement error 0A000
CREATE VIEW vtd AS WITH d AS (DELETE FROM vt RETURNING *) SELECT * FROM d

statement error 0A000
CREATE VIEW vtd AS WITH d AS (UPDATE vt SET a = 1 RETURNING *) SELECT 1

statement error 0A000
CREATE MATERIALIZED VIEW vtd AS WITH d AS (DELETE FROM vt RETURNING *) SELECT * FROM d

statement error 42P01
CREATE VIEW vtd AS WITH d AS (DELETE FROM nosuch RETURNING *) SELECT * FROM d

statement error 42P01
CREATE MATERIALIZED VIEW vtd AS WITH d AS (DELETE FROM nosuch RETURNING *) SELECT * FROM d

statement error 0A000
CREATE VIEW vtd AS SELECT * FROM (WITH d AS (INSERT INTO vt VALUES (1) RETURNING *) SELECT * FROM d) s

query
SELECT count(*) FROM vt
----
2
tag: SELECT 1

statement error 3F000
CREATE VIEW nosuch.vtd AS SELECT 1

statement ok
CREATE VIEW public . vtc AS SELECT a FROM vt -- a comment after the query
;

query
SELECT * FROM vtc ORDER BY a
----
1
2
tag: SELECT 2

statement ok
CREATE RECURSIVE VIEW vtr (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM vtr WHERE n < 3 -- the last comment
;

query
SELECT * FROM vtr
----
1
2
3
tag: SELECT 3

statement ok
CREATE VIEW vtk AS SELECT a FROM vt WHERE a > 0 WITH LOCAL CHECK OPTION

statement error 44000
INSERT INTO vtk VALUES (0)

statement ok
CREATE MATERIALIZED VIEW vtm AS SELECT a FROM vt /* before WITH DATA */ WITH NO DATA

statement error 55000
SELECT * FROM vtm
