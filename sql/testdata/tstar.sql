# tstar: t.* inside an expression (PostgreSQL 15's join.sql): f(t.*) is f(t), the whole-row
# value; inside ROW(...) or an implicit row t.* is t's columns; a select-list item t.* expands.
statement ok
CREATE TABLE ts_a (i int, j int, t text)

statement ok
INSERT INTO ts_a VALUES (1, 4, 'one'), (2, 3, 'two'), (NULL, NULL, NULL)

statement ok
CREATE TABLE ts_b (i int, k int)

statement ok
INSERT INTO ts_b VALUES (1, -1), (2, 2), (2, 4)

query
SELECT count(b.*), count(a.*) FROM ts_a a JOIN ts_b b ON a.i = b.i
----
3|3
tag: SELECT 1

query
SELECT row_to_json(a.*), to_jsonb(a.*), (a.*)::text, md5(a.*::text) FROM ts_a a ORDER BY a.i
----
{"i":1,"j":4,"t":"one"}|{"i": 1, "j": 4, "t": "one"}|(1,4,one)|aa9b112f49dbdb8bf0fef3c14ed5bd02
{"i":2,"j":3,"t":"two"}|{"i": 2, "j": 3, "t": "two"}|(2,3,two)|d13084d5d9f16e9343482453d2d0beb3
{"i":null,"j":null,"t":null}|{"i": null, "j": null, "t": null}|(,,)|094d9720f146def685d09e317bf64424
tag: SELECT 3

query
SELECT ROW(a.*), ROW(a.*, 9), (a.*, b.k) FROM ts_a a JOIN ts_b b USING (i) ORDER BY 1, 3
----
(1,4,one)|(1,4,one,9)|(1,4,one,-1)
(2,3,two)|(2,3,two,9)|(2,3,two,2)
(2,3,two)|(2,3,two,9)|(2,3,two,4)
tag: SELECT 3

query
SELECT jsonb_agg(b.* ORDER BY b.k), count(DISTINCT a.*) FROM ts_a a, ts_b b WHERE a.i = 1
----
[{"i": 1, "k": -1}, {"i": 2, "k": 2}, {"i": 2, "k": 4}]|1
tag: SELECT 1

# A column named as its table: t.* is still the whole row.
statement ok
CREATE TABLE ts_c (ts_c int, y text)

statement ok
INSERT INTO ts_c VALUES (5, 'five')

query
SELECT ts_c, row_to_json(ts_c.*), ts_c.*, ts_c.*::text FROM ts_c
----
5|{"ts_c":5,"y":"five"}|5|five|(5,five)
tag: SELECT 1

query
SELECT s.*, row_to_json(s.*) FROM (SELECT 1 AS p, 'x' AS q) s
----
1|x|{"p":1,"q":"x"}
tag: SELECT 1

query
SELECT count(*) FROM ts_a a WHERE a.* IS NOT NULL
----
2
tag: SELECT 1

query
SELECT (a.*) FROM ts_a a ORDER BY 1
----
1|4|one
2|3|two
NULL|NULL|NULL
tag: SELECT 3

statement error 42P01
SELECT count(nosuch.*) FROM ts_a

statement error 42P01
SELECT row(nosuch.*) FROM ts_a
