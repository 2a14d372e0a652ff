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
