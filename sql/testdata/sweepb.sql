# sweepb: PostgreSQL 15 regression files copy2, copyselect and matview, side by side.
# COPY of a view: PostgreSQL copies from one only through COPY (SELECT ...) TO.
statement ok
CREATE TABLE sb_t (a int PRIMARY KEY, b text)

statement ok
CREATE VIEW sb_v AS SELECT a, b FROM sb_t

statement error 42809
COPY sb_v TO STDOUT

statement error 42809
COPY sb_v (a) TO STDOUT (FORMAT csv)

statement error 42809
COPY sb_v FROM STDIN

# An option given twice is refused, in either syntax (CSV is FORMAT csv).
statement error 42601
COPY sb_t FROM STDIN (FORMAT csv, FORMAT csv)

statement error 42601
COPY sb_t FROM STDIN (freeze off, freeze on)

statement error 42601
COPY sb_t FROM STDIN (delimiter ',', delimiter ',')

statement error 42601
COPY sb_t FROM STDIN (null ' ', null ' ')

statement error 42601
COPY sb_t TO STDOUT (header off, header on)

statement error 42601
COPY sb_t TO STDOUT (quote ':', quote ':')

statement error 42601
COPY sb_t TO STDOUT (escape ':', escape ':')

statement error 42601
COPY sb_t FROM STDIN (encoding 'utf8', encoding 'utf8')

statement error 42601
COPY sb_t TO STDOUT CSV CSV

statement error 42601
COPY sb_t TO STDOUT WITH DELIMITER ',' DELIMITER ';'

# The rows of a materialized view cannot be locked.
statement ok
CREATE MATERIALIZED VIEW sb_mv AS SELECT a, b FROM sb_t

statement error 42809
SELECT * FROM sb_mv FOR SHARE

statement error 42809
SELECT a FROM sb_mv WHERE a = 1 FOR UPDATE

query
SELECT * FROM sb_t FOR SHARE
----
tag: SELECT 0

# A view's query is not planned when it is stored: a constant that fails to compute and an
# unpopulated materialized view are errors when the query runs, not before.
statement ok
CREATE VIEW sb_div AS SELECT 1/0 AS x

statement error 22012
SELECT * FROM sb_div

statement ok
CREATE MATERIALIZED VIEW sb_mverr AS SELECT 1/0 AS x WITH NO DATA

statement error 22012
REFRESH MATERIALIZED VIEW sb_mverr

statement error 22012
CREATE MATERIALIZED VIEW sb_mverr2 AS SELECT 1/0 AS x

statement ok
CREATE MATERIALIZED VIEW sb_mv1 AS SELECT 1 AS col1 WITH NO DATA

statement ok
CREATE MATERIALIZED VIEW sb_mv2 AS SELECT * FROM sb_mv1 WHERE col1 = (SELECT LEAST(col1) FROM sb_mv1) WITH NO DATA

statement ok
CREATE VIEW sb_v1 AS SELECT col1 + 1 AS c FROM sb_mv1

statement error 55000
SELECT * FROM sb_v1

statement error 55000
CREATE MATERIALIZED VIEW sb_mv3 AS SELECT * FROM sb_mv1

statement ok
REFRESH MATERIALIZED VIEW sb_mv1

query
SELECT * FROM sb_v1
----
2
tag: SELECT 1
