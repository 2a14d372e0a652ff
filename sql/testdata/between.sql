# between: BETWEEN SYMMETRIC, NOT BETWEEN SYMMETRIC and BETWEEN ASYMMETRIC (the default).
statement ok
CREATE TABLE bw (a int, b int, s text)

statement ok
INSERT INTO bw VALUES (1, 10, 'a'), (3, 30, 'c'), (5, 50, 'e'), (7, NULL, NULL), (NULL, 20, 'b')

# SYMMETRIC takes the bounds in either order; ASYMMETRIC is plain BETWEEN.
query
SELECT a FROM bw WHERE a BETWEEN SYMMETRIC 5 AND 1 ORDER BY a
----
1
3
5
tag: SELECT 3

query
SELECT a FROM bw WHERE a BETWEEN SYMMETRIC 1 AND 5 ORDER BY a
----
1
3
5
tag: SELECT 3

query
SELECT a FROM bw WHERE a NOT BETWEEN SYMMETRIC 5 AND 2 ORDER BY a
----
1
7
tag: SELECT 2

query
SELECT a FROM bw WHERE a BETWEEN ASYMMETRIC 5 AND 1 ORDER BY a
----
tag: SELECT 0

query
SELECT a FROM bw WHERE a NOT BETWEEN ASYMMETRIC 2 AND 5 ORDER BY a
----
1
7
tag: SELECT 2

# NULL: (x >= lo AND x <= hi) OR (x >= hi AND x <= lo) with a NULL bound has one pair NULL
# and the other NULL or false, so it is NULL, as is its NOT.
query
SELECT 3 BETWEEN SYMMETRIC 5 AND 1, 3 NOT BETWEEN SYMMETRIC 5 AND 1, NULL BETWEEN SYMMETRIC 1 AND 2, 3 BETWEEN SYMMETRIC NULL AND 5, 3 BETWEEN SYMMETRIC 5 AND NULL, 7 BETWEEN SYMMETRIC 5 AND NULL, 7 NOT BETWEEN SYMMETRIC 5 AND NULL, 0 BETWEEN SYMMETRIC 5 AND NULL, 0 NOT BETWEEN SYMMETRIC NULL AND 5
----
t|f|NULL|NULL|NULL|NULL|NULL|NULL|NULL
tag: SELECT 1

query
SELECT a, b, s, a BETWEEN SYMMETRIC b AND 4, a NOT BETWEEN SYMMETRIC 4 AND b, s BETWEEN SYMMETRIC 'd' AND 'a' FROM bw ORDER BY a, b
----
1|10|a|f|t|t
3|30|c|f|t|t
5|50|e|t|f|f
7|NULL|NULL|NULL|NULL|NULL
NULL|20|b|NULL|NULL|t
tag: SELECT 5

# The bounds are expressions of the operators that bind tighter than BETWEEN.
query
SELECT 3 BETWEEN SYMMETRIC 2 + 3 AND 1, 'b' BETWEEN SYMMETRIC 'a' || 'c' AND 'a', 4 BETWEEN SYMMETRIC (SELECT max(a) FROM bw) AND 2 * 2, 2 BETWEEN SYMMETRIC CASE WHEN true AND false THEN 0 ELSE 3 END AND 1
----
t|f|t|t
tag: SELECT 1

query
SELECT (1 BETWEEN SYMMETRIC 2 AND 0) AND (5 BETWEEN SYMMETRIC 6 AND 4) AND 2 BETWEEN ASYMMETRIC 1 AND 3, 1 BETWEEN SYMMETRIC (2 BETWEEN SYMMETRIC 3 AND 1)::int AND 0
----
t|t
tag: SELECT 1

statement ok
PREPARE bwp (int, int) AS SELECT a FROM bw WHERE a BETWEEN SYMMETRIC $1 AND $2 ORDER BY a

query
EXECUTE bwp (6, 2)
----
3
5
tag: SELECT 2

# Rows compare element by element, as with plain BETWEEN.
query
SELECT a, b FROM bw WHERE (a, b) BETWEEN SYMMETRIC (5, 60) AND (3, 0) ORDER BY a
----
3|30
5|50
tag: SELECT 2

query
SELECT (2, 2) BETWEEN SYMMETRIC (3, 0) AND (1, 5), (2, 2) NOT BETWEEN SYMMETRIC (3, 0) AND (1, 5), (2, 2) BETWEEN SYMMETRIC (2, NULL) AND (1, 5)
----
t|f|NULL
tag: SELECT 1

# EXPLAIN shows PostgreSQL's rewriting.
query
EXPLAIN (COSTS OFF) SELECT * FROM bw WHERE a BETWEEN SYMMETRIC 1 AND 5
----
Seq Scan on bw
  Filter: (((a >= 1) AND (a <= 5)) OR ((a >= 5) AND (a <= 1)))
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM bw WHERE a NOT BETWEEN SYMMETRIC 1 AND 5
----
Seq Scan on bw
  Filter: (((a < 1) OR (a > 5)) AND ((a < 5) OR (a > 1)))
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM bw WHERE a BETWEEN ASYMMETRIC 1 AND 5
----
Seq Scan on bw
  Filter: ((a >= 1) AND (a <= 5))
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM bw WHERE (a, b) BETWEEN SYMMETRIC (1, 2) AND (5, 10)
----
Seq Scan on bw
  Filter: (((ROW(a, b) >= ROW(1, 2)) AND (ROW(a, b) <= ROW(5, 10))) OR ((ROW(a, b) >= ROW(5, 10)) AND (ROW(a, b) <= ROW(1, 2))))
tag: EXPLAIN

statement error 42601
SELECT 1 BETWEEN SYMMETRIC 2

statement error 42601
SELECT 1 BETWEEN SYMMETRIC ASYMMETRIC 2 AND 3

# A view keeps its text and reads it again.
statement ok
CREATE VIEW bwv AS SELECT a FROM bw WHERE a BETWEEN SYMMETRIC 4 AND 2

query
SELECT * FROM bwv
----
3
tag: SELECT 1

# On a key and an index: SYMMETRIC is no range of either (its bounds may come in either
# order), plain BETWEEN still is.
statement ok
CREATE TABLE bwk (id int PRIMARY KEY, k int, v text)

statement ok
CREATE INDEX bwk_k ON bwk (k)

statement ok
INSERT INTO bwk SELECT g, 10 - g, 'v' || g FROM generate_series(1, 9) g

query
SELECT id, k FROM bwk WHERE id BETWEEN SYMMETRIC 6 AND 3 ORDER BY id
----
3|7
4|6
5|5
6|4
tag: SELECT 4

query
SELECT id, k FROM bwk WHERE id NOT BETWEEN SYMMETRIC 6 AND 3 AND k BETWEEN SYMMETRIC 9 AND 2 ORDER BY id
----
1|9
2|8
7|3
8|2
tag: SELECT 4

query
SELECT id FROM bwk WHERE id BETWEEN 6 AND 3 OR k BETWEEN ASYMMETRIC 3 AND 4 ORDER BY id
----
6
7
tag: SELECT 2

query
SELECT id FROM bwk WHERE (id, k) BETWEEN SYMMETRIC (7, 0) AND (4, 6) ORDER BY id
----
4
5
6
tag: SELECT 3

# Grouped by, in a CHECK constraint, and in UPDATE and DELETE conditions.
query
SELECT a BETWEEN SYMMETRIC 4 AND 0, count(*) FROM bw GROUP BY a BETWEEN SYMMETRIC 4 AND 0 ORDER BY 1
----
f|2
t|2
NULL|1
tag: SELECT 3

statement ok
CREATE TABLE bwc (x int CHECK (x BETWEEN SYMMETRIC 10 AND 1))

statement ok
INSERT INTO bwc VALUES (5), (NULL)

statement error 23514
INSERT INTO bwc VALUES (11)

query
UPDATE bwk SET v = 'u' WHERE k BETWEEN SYMMETRIC 8 AND 6 RETURNING id, v
----
2|u
3|u
4|u
tag: UPDATE 3

query
DELETE FROM bwk WHERE id NOT BETWEEN SYMMETRIC 8 AND 2 RETURNING id
----
1
9
tag: DELETE 2

# Bounds the dialect pass writes with operators of their own: json's ->>, AT TIME ZONE
# (in parentheses: PostgreSQL's bound is a b_expr), casts, a prefix minus, bitwise |.
query
SELECT '{"a": 3}'::jsonb ->> 'a' BETWEEN SYMMETRIC '{"a": 4}'::jsonb ->> 'a' AND '2', timestamp '2020-01-02' BETWEEN SYMMETRIC (timestamptz '2020-01-03 00:00+00' AT TIME ZONE 'UTC') AND '2020-01-01', 0 BETWEEN SYMMETRIC -1 AND 1::int, 3 BETWEEN SYMMETRIC 4 | 1 AND 2 | 1
----
t|t|t|t
tag: SELECT 1
