# hunt: wrong answers found by TestQueryShapes with fresh seeds and its newer shapes
# (query_shapes5_test.go); under each comment, the blocks the fix changes failed on drove
# before it (the rest cover it).
statement ok
CREATE TABLE hu_e (id int PRIMARY KEY, k int, n numeric)

statement ok
CREATE TABLE hu_c (id int PRIMARY KEY, k int, n numeric, v text)

statement ok
INSERT INTO hu_c VALUES (2, 3, -0.5, NULL), (8, 1, 0.25, 'b')

# The unqualified k of a FULL JOIN ... USING (k) is COALESCE(t1.k, t2.k), not t1.k: ORDER BY
# k sorts on the merge even when t1.k is selected (seed 777002), and under DISTINCT it is
# not an output column (42P10).
query
SELECT DISTINCT ON (COALESCE(t1.k, 0)) t1.k AS c0, t2.v AS c1, t2.k AS c2 FROM hu_e t1 FULL JOIN hu_c t2 USING (k, n) ORDER BY COALESCE(t1.k, 0) DESC NULLS LAST, k DESC, t1.id, t2.id DESC
----
NULL|NULL|3
tag: SELECT 1

query
SELECT DISTINCT ON (t1.k) t1.k AS a, t2.k AS b FROM hu_e t1 FULL JOIN hu_c t2 USING (k) ORDER BY t1.k, k DESC
----
NULL|3
tag: SELECT 1

query
SELECT t1.k AS a, t2.k AS b FROM hu_e t1 FULL JOIN hu_c t2 USING (k) ORDER BY k DESC
----
NULL|3
NULL|1
tag: SELECT 2

query
SELECT t1.k AS a, t2.k AS b, k FROM hu_e t1 FULL JOIN hu_c t2 USING (k) ORDER BY k DESC
----
NULL|3|3
NULL|1|1
tag: SELECT 2

statement error 42P10
SELECT DISTINCT t1.k AS a, t2.k AS b FROM hu_e t1 FULL JOIN hu_c t2 USING (k) ORDER BY k DESC

query
SELECT DISTINCT t2.k AS b, k FROM hu_e t1 FULL JOIN hu_c t2 USING (k) ORDER BY k DESC
----
3|3
1|1
tag: SELECT 2

query
SELECT DISTINCT t2.k AS b FROM hu_e t1 RIGHT JOIN hu_c t2 USING (k) ORDER BY k DESC
----
3
1
tag: SELECT 2

# two output columns named k: the merge and one side's are different columns
statement error 42702
SELECT k, t1.k FROM hu_e t1 FULL JOIN hu_c t2 USING (k) ORDER BY k

query
SELECT k, t2.k FROM hu_e t1 RIGHT JOIN hu_c t2 USING (k) ORDER BY k
----
1|1
3|3
tag: SELECT 2

query
SELECT * FROM hu_e t1 FULL JOIN hu_c t2 USING (k) ORDER BY k DESC
----
3|NULL|NULL|2|-0.5|NULL
1|NULL|NULL|8|0.25|b
tag: SELECT 2
