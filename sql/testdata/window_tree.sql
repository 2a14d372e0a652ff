# Window calls bound from sql/ast (window_bind.go): a call met while compiling is matched to
# the window node's calls structurally, each occurrence its own (two calls of random() are
# two), never one written in HAVING, which is below the window node; against PostgreSQL 15.
statement ok
CREATE TABLE wt (a int, b int, c text)

statement ok
INSERT INTO wt VALUES (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'z'), (4, 2, NULL)

query
SELECT sum(random()) OVER () = sum(random()) OVER () FROM wt
----
f
f
f
f
tag: SELECT 4

query
SELECT a, row_number() OVER (ORDER BY wt.a) FROM wt ORDER BY row_number() OVER (ORDER BY a) DESC
----
4|4
3|3
2|2
1|1
tag: SELECT 4

query
SELECT a, rank() OVER (ORDER BY b), rank() OVER (ORDER BY b DESC), rank() OVER (ORDER BY b) + 1 FROM wt ORDER BY a
----
1|1|3|2
2|1|3|2
3|3|1|4
4|3|1|4
tag: SELECT 4

query
SELECT b, sum(sum(a)) OVER (ORDER BY b), rank() OVER (ORDER BY sum(a) DESC) FROM wt GROUP BY b ORDER BY b
----
1|3|2
2|10|1
tag: SELECT 2

statement error 42P20
SELECT rank() OVER () FROM wt GROUP BY b HAVING rank() OVER () > 0

statement error 42P20
SELECT a FROM wt WHERE row_number() OVER () > 1

statement error 42P20
SELECT sum(row_number() OVER ()) OVER () FROM wt

query
SELECT a, count(*) FILTER (WHERE a > 1) OVER (ORDER BY a), sum(a) FILTER (WHERE c IS NOT NULL) OVER (), string_agg(c, ',') OVER (ORDER BY a) FROM wt ORDER BY a
----
1|0|6|x
2|1|6|x,y
3|2|6|x,y,z
4|3|6|x,y,z
tag: SELECT 4

statement error 42803
SELECT a, sum(a) FILTER (WHERE sum(a) > 1) OVER () FROM wt

statement error 42P20
SELECT a, sum(a) FILTER (WHERE rank() OVER () > 1) OVER () FROM wt

statement error 42883
SELECT count(a, b) OVER () FROM wt

query
SELECT a, sum(a) OVER W, lag(a, 1, 0) OVER (w ORDER BY a DESC NULLS LAST) FROM wt WINDOW w AS (PARTITION BY b) ORDER BY a
----
1|3|2
2|3|0
3|7|4
4|7|0
tag: SELECT 4

statement error 42P20
SELECT a, sum(a) OVER (w) FROM wt WINDOW w AS (ORDER BY a ROWS 1 PRECEDING)

query
SELECT a, sum(a) OVER w FROM wt WINDOW w AS (ORDER BY a ROWS 1 PRECEDING) ORDER BY a
----
1|1
2|3
3|5
4|7
tag: SELECT 4
