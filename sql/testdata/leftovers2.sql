# leftovers2: wrong answers and wrong errors left by the previous leftovers task.
statement ok
CREATE TABLE l2_t (a int PRIMARY KEY, b int)

statement ok
INSERT INTO l2_t VALUES (1, 2), (3, 4)

# A whole-row value in an aggregated query is read through the group (the GROUP BY item that
# is the same whole-row value, or the row of a table whose primary key is grouped), not from
# the aggregated row's slots: it read (0) and (0,1), or panicked.
query
SELECT s, count(*) FROM (SELECT x FROM generate_series(1, 5) x) s GROUP BY s ORDER BY s
----
(1)|1
(2)|1
(3)|1
(4)|1
(5)|1
tag: SELECT 5

query
SELECT s FROM (SELECT x FROM generate_series(1, 3) x) s GROUP BY 1 ORDER BY 1
----
(1)
(2)
(3)
tag: SELECT 3

query
SELECT l2_t, count(*) FROM l2_t GROUP BY l2_t ORDER BY 1
----
(1,2)|1
(3,4)|1
tag: SELECT 2

query
SELECT g, count(*) FROM l2_t g GROUP BY g ORDER BY g
----
(1,2)|1
(3,4)|1
tag: SELECT 2

query
SELECT l2_t FROM l2_t GROUP BY a ORDER BY a
----
(1,2)
(3,4)
tag: SELECT 2

query
SELECT row_to_json(l2_t.*) FROM l2_t GROUP BY l2_t ORDER BY 1::text
----
{"a":1,"b":2}
{"a":3,"b":4}
tag: SELECT 2

query
SELECT row_to_json(l2_t) FROM l2_t GROUP BY l2_t.* ORDER BY 1::text
----
{"a":1,"b":2}
{"a":3,"b":4}
tag: SELECT 2

query
SELECT (SELECT l2_t) FROM l2_t GROUP BY l2_t ORDER BY 1
----
(1,2)
(3,4)
tag: SELECT 2

query
SELECT (SELECT row_to_json(l2_t.*)) FROM l2_t GROUP BY a ORDER BY a
----
{"a":1,"b":2}
{"a":3,"b":4}
tag: SELECT 2

query
SELECT l2_t FROM l2_t LEFT JOIN l2_t g2 ON false GROUP BY l2_t.a ORDER BY 1
----
(1,2)
(3,4)
tag: SELECT 2

query
SELECT g2, count(*) FROM l2_t LEFT JOIN l2_t g2 ON false GROUP BY g2.a
----
NULL|2
tag: SELECT 1

query
SELECT g2 IS NULL, count(*) FROM l2_t LEFT JOIN l2_t g2 ON false GROUP BY g2
----
t|2
tag: SELECT 1

statement error 42803
SELECT l2_t FROM l2_t GROUP BY b

statement error 42803
SELECT (SELECT l2_t) FROM l2_t GROUP BY b

statement error 42803
SELECT count(*) FROM l2_t GROUP BY b HAVING l2_t IS NULL

statement error 42803
SELECT s, count(*) FROM (SELECT x FROM generate_series(1, 3) x) s GROUP BY s.x

# A view's whole-row value is NULL on an outer join's NULL-extended side, as a derived
# table's (presence.go), also when conditions are pushed into the view's query; it read as a
# record of NULLs, which count() counted.
statement ok
CREATE VIEW l2_v AS SELECT a, b FROM l2_t

statement ok
CREATE VIEW l2_vn AS SELECT NULL::int AS x

query
SELECT l2_t.a, l2_v FROM l2_t LEFT JOIN l2_v ON false ORDER BY 1
----
1|NULL
3|NULL
tag: SELECT 2

query
SELECT count(l2_v), count(*) FROM l2_t LEFT JOIN l2_v ON false
----
0|2
tag: SELECT 1

query
SELECT row_to_json(l2_v.*), l2_v IS NULL FROM l2_t LEFT JOIN l2_v ON false
----
NULL|t
NULL|t
tag: SELECT 2

query
SELECT l2_t.a, l2_v FROM l2_t LEFT JOIN l2_v ON l2_v.a = l2_t.a AND l2_v.b > 3 ORDER BY 1
----
1|NULL
3|(3,4)
tag: SELECT 2

query
SELECT l2_t.a, l2_v FROM l2_t LEFT JOIN l2_v ON l2_v.b > 3 WHERE l2_v.a = 3 OR l2_v.a IS NULL ORDER BY 1
----
1|(3,4)
3|(3,4)
tag: SELECT 2

query
SELECT count(l2_vn), count(*) FROM l2_vn
----
1|1
tag: SELECT 1

query
SELECT count(l2_vn), count(*) FROM l2_t LEFT JOIN l2_vn ON false
----
0|2
tag: SELECT 1

query
SELECT l2_t.a, count(v) FROM l2_t LEFT JOIN l2_v v ON v.a = l2_t.a AND v.a > 1 GROUP BY l2_t.a ORDER BY 1
----
1|0
3|1
tag: SELECT 2

# Postfix ISNULL and NOTNULL are IS NULL and IS NOT NULL (never column labels: AS_LABEL
# keywords); drove read them as labels or refused them.
query
SELECT a, b ISNULL, b NOTNULL, a isnull FROM l2_t ORDER BY a
----
1|f|t|f
3|f|t|f
tag: SELECT 2

query
SELECT a FROM l2_t WHERE b notnull ORDER BY a
----
1
3
tag: SELECT 2

query
SELECT 1 isnull = false, 1 = 1 isnull, NULL notnull::text, 1 isnull isnull, (1) notnull is true
----
t|f|false|f|t
tag: SELECT 1

query
SELECT a notnull AND b isnull, a notnull OR b isnull FROM l2_t ORDER BY a
----
f|t
f|t
tag: SELECT 2

query
SELECT a FROM l2_t LEFT JOIN l2_v v USING (a) WHERE v isnull OR v.b notnull ORDER BY a
----
1
3
tag: SELECT 2

statement error 42883
SELECT isnull(1)

statement error 42601
SELECT isnull FROM l2_t

# The hypothetical-set aggregates rank, dense_rank, percent_rank and cume_dist WITHIN GROUP
# (ORDER BY ...): they were 42883 (function rank(integer, integer) does not exist).
query
SELECT rank(2) WITHIN GROUP (ORDER BY a), dense_rank(2) WITHIN GROUP (ORDER BY b DESC), percent_rank(3) WITHIN GROUP (ORDER BY a), cume_dist(3) WITHIN GROUP (ORDER BY a) FROM l2_t
----
2|2|0.5|1
tag: SELECT 1

query
SELECT rank(2.5) WITHIN GROUP (ORDER BY a), rank('2') WITHIN GROUP (ORDER BY a) FROM l2_t
----
2|2
tag: SELECT 1

query
SELECT rank(NULL) WITHIN GROUP (ORDER BY a), cume_dist(NULL) WITHIN GROUP (ORDER BY a NULLS FIRST), percent_rank(NULL) WITHIN GROUP (ORDER BY a DESC) FROM l2_t
----
3|0.3333333333333333|0
tag: SELECT 1

query
SELECT rank(1) WITHIN GROUP (ORDER BY a), percent_rank(1) WITHIN GROUP (ORDER BY a), cume_dist(1) WITHIN GROUP (ORDER BY a), dense_rank(1) WITHIN GROUP (ORDER BY a) FROM l2_t WHERE false
----
1|0|1|1
tag: SELECT 1

query
SELECT b, rank(3, 1) WITHIN GROUP (ORDER BY a DESC, b), dense_rank(3) WITHIN GROUP (ORDER BY x), cume_dist(3) WITHIN GROUP (ORDER BY x), percent_rank(3) WITHIN GROUP (ORDER BY x DESC) FROM l2_t, (VALUES (1), (1), (2), (3), (3), (4), (NULL)) v(x) GROUP BY b ORDER BY b
----
2|1|3|0.75|0.2857142857142857
4|1|3|0.75|0.2857142857142857
tag: SELECT 2

query
SELECT x, rank(x) WITHIN GROUP (ORDER BY y), dense_rank(x) WITHIN GROUP (ORDER BY y) FILTER (WHERE y > 1) FROM (VALUES (1, 1), (1, 2), (2, 2), (2, 3), (2, 3)) v(x, y) GROUP BY x ORDER BY x
----
1|1|1
2|1|1
tag: SELECT 2

statement error 42804
SELECT rank('a'::text) WITHIN GROUP (ORDER BY a) FROM l2_t

statement error 42883
SELECT rank(1, 2) WITHIN GROUP (ORDER BY a) FROM l2_t

statement error 42883
SELECT cume_dist(1) WITHIN GROUP (ORDER BY a, b) FROM l2_t

statement error 42803
SELECT rank(a) WITHIN GROUP (ORDER BY a) FROM l2_t

# A window function called without OVER is 42809 (window function requires an OVER clause,
# or WITHIN GROUP for the hypothetical-set aggregates called with arguments); it was a syntax
# error (42601) or 42883.
statement error 42809
SELECT row_number(*) FROM l2_t

statement error 42809
SELECT row_number() FROM l2_t

statement error 42809
SELECT rank(*) FROM l2_t

statement error 42809
SELECT cume_dist() FROM l2_t

statement error 42809
SELECT ntile(1) FROM l2_t

statement error 42809
SELECT nth_value(a, 1) FROM l2_t

statement error 42809
SELECT rank(1) FROM l2_t

statement error 42809
SELECT dense_rank(a) FROM l2_t

# With OVER, arguments to the window functions that take none: 42883 (row_number), 42809
# (the hypothetical-set aggregates' names); they were syntax errors.
statement error 42883
SELECT row_number(a) OVER () FROM l2_t

statement error 42809
SELECT rank(a) OVER () FROM l2_t

statement error 42809
SELECT cume_dist(1, 2) OVER (ORDER BY a) FROM l2_t

query
SELECT a, percent_rank() OVER (ORDER BY a), cume_dist() OVER (ORDER BY a), nth_value(a, 2) OVER (ORDER BY a ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), row_number(*) OVER () FROM l2_t ORDER BY a
----
1|0|0.5|3|1
3|1|1|3|2
tag: SELECT 2

# current_timestamp(*) is PostgreSQL's syntax error (it was 42883, the f(*) rewrite's).
statement error 42601
SELECT current_timestamp(*)

statement error 42601
SELECT localtime(*)

# A keyword binding tighter than an operator pending in its select-list item is that
# operator, not the item's label: SELECT 1 = 2 in, 3 is a syntax error at the comma.
statement error 42601
SELECT 1 = 2 in, 3

statement error 42601
SELECT 1 < 2 between, 3

statement error 42601
SELECT true AND false is, 3

statement error 42601
SELECT NOT 2 like, 3

statement error 42601
SELECT true OR false and, 3

query
SELECT 1 + 2 in, 1 = 2 is, 1 = 2 not, (1 = 2) between, true AND false not, 1 = 2 and, true OR false or
----
3|f|f|f|f|f|t
tag: SELECT 1

# t.* of an enclosing query's table in a subquery's select list (LATERAL (SELECT t.*)) is
# expanded into correlated references to its columns; it was 42601 (SELECT * with no tables).
query
SELECT * FROM l2_t, LATERAL (SELECT l2_t.*) s ORDER BY 1
----
1|2|1|2
3|4|3|4
tag: SELECT 2

query
SELECT * FROM l2_t, LATERAL (SELECT l2_t.*) s(x, y) ORDER BY 1
----
1|2|1|2
3|4|3|4
tag: SELECT 2

query
SELECT * FROM l2_t, LATERAL (SELECT l2_t.*, 5 FROM l2_t g2 WHERE g2.a > l2_t.a) s ORDER BY 1
----
1|2|1|2|5
tag: SELECT 1

query
SELECT * FROM l2_t LEFT JOIN LATERAL (SELECT l2_t.* WHERE l2_t.a > 1) s ON true ORDER BY 1
----
1|2|NULL|NULL
3|4|3|4
tag: SELECT 2

query
SELECT a, (SELECT x FROM (SELECT l2_t.*) s(x, y)) FROM l2_t ORDER BY 1
----
1|1
3|3
tag: SELECT 2

statement error 42601
SELECT a, (SELECT l2_t.*) FROM l2_t

statement error 42883
SELECT a, b FROM l2_t GROUP BY ROLLUP (a, CUBE (b))

# Nested joins without parentheses: a qualified join's right side takes the joins that
# complete before its own ON or USING; vitess refused the second ON (42601).
query
SELECT * FROM l2_t JOIN l2_t g2 LEFT JOIN l2_t g3 ON g3.a = g2.a ON g2.b = l2_t.b ORDER BY 1
----
1|2|1|2|1|2
3|4|3|4|3|4
tag: SELECT 2

query
SELECT * FROM l2_t a JOIN l2_t b JOIN l2_t c JOIN l2_t d ON d.a = c.a ON c.a = b.a ON b.a = a.a ORDER BY 1
----
1|2|1|2|1|2|1|2
3|4|3|4|3|4|3|4
tag: SELECT 2

query
SELECT * FROM l2_t a JOIN l2_t b JOIN l2_t c USING (a) USING (a) ORDER BY 1
----
1|2|2|2
3|4|4|4
tag: SELECT 2

query
SELECT a.a, b.a, c.a FROM l2_t a LEFT JOIN l2_t b JOIN l2_t c ON c.a = b.a AND c.a > 1 ON b.a = a.a ORDER BY 1
----
1|NULL|NULL
3|3|3
tag: SELECT 2

query
SELECT a.a, b.a, c.a FROM l2_t a CROSS JOIN l2_t b JOIN l2_t c ON c.a = b.a ORDER BY 1, 2
----
1|1|1
1|3|3
3|1|1
3|3|3
tag: SELECT 4

query
SELECT a.a, b.a, c.a FROM l2_t a FULL JOIN l2_t b JOIN l2_t c ON c.a = b.a ON b.b = a.b + 2 ORDER BY 1, 2
----
1|3|3
3|NULL|NULL
NULL|1|1
tag: SELECT 3

# FETCH FIRST n ROWS WITH TIES also returns the rows that tie with the n-th in ORDER BY (it
# was 0A000).
statement ok
CREATE TABLE l2_w (id int PRIMARY KEY, x int, y int)

statement ok
INSERT INTO l2_w VALUES (1, 1, 1), (2, 1, 2), (3, 2, 3), (4, 2, 4), (5, 3, 5)

query
SELECT id FROM l2_w ORDER BY x FETCH FIRST 1 ROW WITH TIES
----
1
2
tag: SELECT 2

query
SELECT id FROM l2_w ORDER BY x, id FETCH FIRST 1 ROW WITH TIES
----
1
tag: SELECT 1

query
SELECT x, y FROM l2_w ORDER BY x OFFSET 1 FETCH FIRST 2 ROWS WITH TIES
----
1|2
2|3
2|4
tag: SELECT 3

query
SELECT x, y FROM l2_w ORDER BY x DESC FETCH NEXT 2 ROWS WITH TIES
----
3|5
2|3
2|4
tag: SELECT 3

query
SELECT x FROM l2_w ORDER BY x FETCH FIRST ROW WITH TIES
----
1
1
tag: SELECT 2

query
SELECT x FROM l2_w ORDER BY x FETCH FIRST +3 ROWS WITH TIES
----
1
1
2
2
tag: SELECT 4

query
SELECT x FROM l2_w ORDER BY x FETCH FIRST 0 ROWS WITH TIES
----
tag: SELECT 0

query
SELECT id FROM l2_w ORDER BY x * 0 + y / 3 FETCH FIRST 1 ROWS WITH TIES
----
1
2
tag: SELECT 2

query
SELECT x FROM l2_w UNION ALL SELECT 1 ORDER BY 1 FETCH FIRST 1 ROWS WITH TIES
----
1
1
1
tag: SELECT 3

query
SELECT count(*) FROM (SELECT id FROM l2_w ORDER BY x FETCH FIRST 3 ROWS WITH TIES) s
----
4
tag: SELECT 1

query
SELECT * FROM (SELECT x, count(*) FROM l2_w GROUP BY x ORDER BY count(*) DESC FETCH FIRST 1 ROWS WITH TIES) s ORDER BY 1
----
1|2
2|2
tag: SELECT 2

statement error 42601
SELECT id FROM l2_w FETCH FIRST 1 ROWS WITH TIES

statement error 2201W
SELECT id FROM l2_w ORDER BY x FETCH FIRST NULL ROWS WITH TIES

statement error 2201W
SELECT id FROM l2_w ORDER BY x FETCH FIRST -1 ROWS WITH TIES
