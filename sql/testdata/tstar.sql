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

query
SELECT a.i FROM ts_a a ORDER BY a.* DESC
----
NULL
2
1
tag: SELECT 3

query
SELECT t.* IS NULL, t.*::text FROM ts_a t ORDER BY 2
----
t|(,,)
f|(1,4,one)
f|(2,3,two)
tag: SELECT 3

query
SELECT row(a.*) = row(b.*) FROM ts_a a, ts_a b WHERE a.i = 1 AND b.i = 1
----
t
tag: SELECT 1

query
SELECT (SELECT row_to_json(a.*)) FROM ts_a a WHERE a.i = 2
----
{"i":2,"j":3,"t":"two"}
tag: SELECT 1

statement error 42P01
SELECT count(nosuch.*) FROM ts_a

statement error 42P01
SELECT row(nosuch.*) FROM ts_a

# A derived table's whole-row value on an outer join's NULL-extended side is NULL (count(s)
# counts no unmatched row); a joined row whose columns are all NULL stays a record of NULLs.
query
SELECT count(s), count(s.*), count(*) FROM ts_a a LEFT JOIN (SELECT 1 AS p, 2 AS q) s ON false
----
0|0|3
tag: SELECT 1

query
SELECT a.t, s, s IS NULL, row_to_json(s), s.*::text FROM ts_a a LEFT JOIN (SELECT b.i, NULL::int AS n FROM ts_b b) s ON s.i = a.i ORDER BY 1, 2
----
one|(1,)|f|{"i":1,"n":null}|(1,)
two|(2,)|f|{"i":2,"n":null}|(2,)
two|(2,)|f|{"i":2,"n":null}|(2,)
NULL|NULL|t|NULL|NULL
tag: SELECT 4

query
SELECT a.t, s, s IS NULL, count(s) OVER () FROM ts_a a LEFT JOIN (SELECT NULL::int AS n) s ON a.i = 1 ORDER BY 1
----
one|()|t|1
two|NULL|t|1
NULL|NULL|t|1
tag: SELECT 3

query
SELECT v, v IS NULL, to_jsonb(v) FROM ts_b b RIGHT JOIN (VALUES (1), (NULL), (7)) v(x) ON v.x = b.k ORDER BY 1
----
(1)|f|{"x": 1}
(7)|f|{"x": 7}
()|t|{"x": null}
tag: SELECT 3

query
SELECT b.i, v, v IS NULL FROM ts_b b LEFT JOIN (VALUES (NULL::int, NULL::text)) v(x, y) ON b.k = 2 ORDER BY 1, 2
----
1|NULL|t
2|(,)|t
2|NULL|t
tag: SELECT 3

query
SELECT s FROM (SELECT 1 AS p) s FULL JOIN (SELECT 2 AS r) u ON false ORDER BY 1
----
(1)
NULL
tag: SELECT 2

# The hidden presence column is no column of s: not in *, s.*, NATURAL or USING, and a
# derived table over the NULL-extended rows is present (its row of NULLs is a record).
query
SELECT *, s.*, s FROM ts_a a NATURAL LEFT JOIN (SELECT DISTINCT i, 'x' AS z FROM ts_b) s ORDER BY 1, 2
----
1|4|one|x|1|x|(1,x)
2|3|two|x|2|x|(2,x)
NULL|NULL|NULL|NULL|NULL|NULL|NULL
tag: SELECT 3

query
SELECT a.t, s, count(s) OVER () FROM ts_a a LEFT JOIN (SELECT 1 AS i UNION SELECT 9) s USING (i) ORDER BY 1
----
one|(1)|1
two|NULL|1
NULL|NULL|1
tag: SELECT 3

query
SELECT u, u IS NULL, count(u) OVER () FROM (SELECT s.p FROM ts_a a LEFT JOIN (SELECT 1 AS p) s ON false) u
----
()|t|3
()|t|3
()|t|3
tag: SELECT 3

query
SELECT a.i, (SELECT s IS NULL), EXISTS (SELECT 1 WHERE s.* IS NOT DISTINCT FROM NULL) FROM ts_a a LEFT JOIN LATERAL (SELECT a.j AS q WHERE a.i = 1) s ON true ORDER BY 1
----
1|f|f
2|t|t
NULL|t|t
tag: SELECT 3

query
WITH s AS (SELECT 1 AS p, NULL::int AS q) SELECT a.i, s, s IS NULL FROM ts_a a LEFT JOIN s ON a.i = s.p ORDER BY 1
----
1|(1,)|f
2|NULL|t
NULL|NULL|t
tag: SELECT 3

# Ambiguous table reference
statement error 42P09
SELECT * FROM ts_a x CROSS JOIN (ts_b x CROSS JOIN LATERAL (SELECT x.i) ss)
