# Grouping sets over a join's merged USING column and a side's own column: PostgreSQL 15's
# planner flattens the merged k of an INNER or LEFT join to the left side's column (of a
# RIGHT join, to the right side's) before it plans the grouping sets, so ROLLUP (k),
# ROLLUP (t1.k) groups by one column: every set but () groups by it. A FULL join's merged k
# is COALESCE(t1.k, t2.k), another expression than t1.k.
statement ok
CREATE TABLE gu_a (k int PRIMARY KEY, n int)

statement ok
CREATE TABLE gu_b (k int PRIMARY KEY, n int)

statement ok
INSERT INTO gu_a VALUES (1, 1), (2, 1), (3, NULL), (-1, 2)

statement ok
INSERT INTO gu_b VALUES (1, 1), (4, 2), (5, NULL), (-1, 1)

query
SELECT k % 2 AS c0, t1.k % 2 AS c1, grouping(k % 2) AS c2, count(DISTINCT t1.n) AS c3 FROM gu_b t1 LEFT JOIN gu_a t2 USING (k) GROUP BY ROLLUP (k % 2), ROLLUP (t1.k % 2) ORDER BY 1, 2, 3, 4
----
-1|-1|0|1
-1|-1|0|1
-1|-1|0|1
0|0|0|1
0|0|0|1
0|0|0|1
1|1|0|1
1|1|0|1
1|1|0|1
NULL|NULL|1|2
tag: SELECT 10

query
SELECT k, t1.k, grouping(k), grouping(t1.k), count(*) FROM gu_b t1 LEFT JOIN gu_a t2 USING (k) GROUP BY ROLLUP (k), ROLLUP (t1.k) ORDER BY 1, 2, 3, 4, 5
----
-1|-1|0|0|1
-1|-1|0|0|1
-1|-1|0|0|1
1|1|0|0|1
1|1|0|0|1
1|1|0|0|1
4|4|0|0|1
4|4|0|0|1
4|4|0|0|1
5|5|0|0|1
5|5|0|0|1
5|5|0|0|1
NULL|NULL|1|1|4
tag: SELECT 13

query
SELECT k, t1.k, grouping(k), grouping(t1.k), count(*) FROM gu_b t1 JOIN gu_a t2 USING (k) GROUP BY ROLLUP (k), ROLLUP (t1.k) ORDER BY 1, 2, 3, 4, 5
----
-1|-1|0|0|1
-1|-1|0|0|1
-1|-1|0|0|1
1|1|0|0|1
1|1|0|0|1
1|1|0|0|1
NULL|NULL|1|1|2
tag: SELECT 7

query
SELECT k, t1.k, grouping(k), grouping(t1.k), count(*) FROM gu_b t1 RIGHT JOIN gu_a t2 USING (k) GROUP BY ROLLUP (k), ROLLUP (t1.k) ORDER BY 1, 2, 3, 4, 5
----
-1|-1|0|0|1
-1|NULL|0|1|1
1|1|0|0|1
1|NULL|0|1|1
2|NULL|0|0|1
2|NULL|0|1|1
3|NULL|0|0|1
3|NULL|0|1|1
NULL|-1|1|0|1
NULL|1|1|0|1
NULL|NULL|1|0|2
NULL|NULL|1|1|4
tag: SELECT 12

query
SELECT k, t2.k, grouping(k), grouping(t2.k), count(*) FROM gu_b t1 RIGHT JOIN gu_a t2 USING (k) GROUP BY ROLLUP (k), ROLLUP (t2.k) ORDER BY 1, 2, 3, 4, 5
----
-1|-1|0|0|1
-1|-1|0|0|1
-1|-1|0|0|1
1|1|0|0|1
1|1|0|0|1
1|1|0|0|1
2|2|0|0|1
2|2|0|0|1
2|2|0|0|1
3|3|0|0|1
3|3|0|0|1
3|3|0|0|1
NULL|NULL|1|1|4
tag: SELECT 13

query
SELECT k, t1.k, grouping(k), grouping(t1.k), count(*) FROM gu_b t1 FULL JOIN gu_a t2 USING (k) GROUP BY ROLLUP (k), ROLLUP (t1.k) ORDER BY 1, 2, 3, 4, 5
----
-1|-1|0|0|1
-1|NULL|0|1|1
1|1|0|0|1
1|NULL|0|1|1
2|NULL|0|0|1
2|NULL|0|1|1
3|NULL|0|0|1
3|NULL|0|1|1
4|4|0|0|1
4|NULL|0|1|1
5|5|0|0|1
5|NULL|0|1|1
NULL|-1|1|0|1
NULL|1|1|0|1
NULL|4|1|0|1
NULL|5|1|0|1
NULL|NULL|1|0|2
NULL|NULL|1|1|6
tag: SELECT 18

query
SELECT k, t2.k, grouping(k, t2.k), count(*) FROM gu_b t1 FULL JOIN gu_a t2 USING (k) GROUP BY CUBE (k, t2.k) ORDER BY 1, 2, 3, 4
----
-1|-1|0|1
-1|NULL|1|1
1|1|0|1
1|NULL|1|1
2|2|0|1
2|NULL|1|1
3|3|0|1
3|NULL|1|1
4|NULL|0|1
4|NULL|1|1
5|NULL|0|1
5|NULL|1|1
NULL|-1|2|1
NULL|1|2|1
NULL|2|2|1
NULL|3|2|1
NULL|NULL|2|2
NULL|NULL|3|6
tag: SELECT 18

query
SELECT k, t1.k, grouping(k), grouping(t1.k), count(*) FROM gu_b t1 LEFT JOIN gu_a t2 USING (k) GROUP BY GROUPING SETS ((k), (t1.k)) ORDER BY 1, 2, 3, 4, 5
----
-1|-1|0|0|1
-1|-1|0|0|1
1|1|0|0|1
1|1|0|0|1
4|4|0|0|1
4|4|0|0|1
5|5|0|0|1
5|5|0|0|1
tag: SELECT 8

query
SELECT k, t1.k, grouping(k, t1.k), count(*) FROM gu_b t1 LEFT JOIN gu_a t2 USING (k) GROUP BY k, ROLLUP (t1.k) ORDER BY 1, 2, 3, 4
----
-1|-1|0|1
-1|-1|0|1
1|1|0|1
1|1|0|1
4|4|0|1
4|4|0|1
5|5|0|1
5|5|0|1
tag: SELECT 8

query
SELECT k, t1.k, count(*) FROM gu_b t1 LEFT JOIN gu_a t2 USING (k) GROUP BY CUBE (k, t1.k) ORDER BY 1, 2, 3
----
-1|-1|1
-1|-1|1
-1|-1|1
1|1|1
1|1|1
1|1|1
4|4|1
4|4|1
4|4|1
5|5|1
5|5|1
5|5|1
NULL|NULL|4
tag: SELECT 13

query
SELECT k, t1.k, count(*) FROM gu_b t1 LEFT JOIN gu_a t2 USING (k) GROUP BY ROLLUP (k, t1.k) ORDER BY 1, 2, 3
----
-1|-1|1
-1|-1|1
1|1|1
1|1|1
4|4|1
4|4|1
5|5|1
5|5|1
NULL|NULL|4
tag: SELECT 9

query
SELECT t1.k, grouping(t1.k), count(*) FROM gu_b t1 LEFT JOIN gu_a t2 USING (k) GROUP BY ROLLUP (k), ROLLUP (t1.k) HAVING grouping(k) = 0 ORDER BY 1, 2, 3
----
-1|0|1
-1|0|1
-1|0|1
1|0|1
1|0|1
1|0|1
4|0|1
4|0|1
4|0|1
5|0|1
5|0|1
5|0|1
tag: SELECT 12

query
SELECT k, t1.k, count(*) FROM gu_b t1 NATURAL LEFT JOIN gu_a t2 GROUP BY ROLLUP (k), ROLLUP (t1.k) ORDER BY 1, 2, 3
----
-1|-1|1
-1|-1|1
-1|-1|1
1|1|1
1|1|1
1|1|1
4|4|1
4|4|1
4|4|1
5|5|1
5|5|1
5|5|1
NULL|NULL|4
tag: SELECT 13

query
SELECT k + 0, t1.k + 0, count(*) FROM gu_b t1 LEFT JOIN gu_a t2 USING (k) GROUP BY ROLLUP (k + 0), ROLLUP (t1.k + 0) ORDER BY 1, 2, 3
----
-1|-1|1
-1|-1|1
-1|-1|1
1|1|1
1|1|1
1|1|1
4|4|1
4|4|1
4|4|1
5|5|1
5|5|1
5|5|1
NULL|NULL|4
tag: SELECT 13

# Without a join, k and t1.k are one column too.
query
SELECT k, t1.k, grouping(k), grouping(t1.k), count(*) FROM gu_b t1 GROUP BY ROLLUP (k), ROLLUP (t1.k) ORDER BY 1, 2, 3, 4, 5
----
-1|-1|0|0|1
-1|-1|0|0|1
-1|-1|0|0|1
1|1|0|0|1
1|1|0|0|1
1|1|0|0|1
4|4|0|0|1
4|4|0|0|1
4|4|0|0|1
5|5|0|0|1
5|5|0|0|1
5|5|0|0|1
NULL|NULL|1|1|4
tag: SELECT 13

query
SELECT n, t1.n, count(*) FROM gu_b t1 GROUP BY GROUPING SETS ((n), (t1.n), ()) ORDER BY 1, 2, 3
----
1|1|2
1|1|2
2|2|1
2|2|1
NULL|NULL|1
NULL|NULL|1
NULL|NULL|4
tag: SELECT 7

statement error 42803
SELECT t1.k FROM gu_b t1 FULL JOIN gu_a t2 USING (k) GROUP BY k

# A FULL join's merged k reads both sides: grouped when both are.
query
SELECT k, count(*) FROM gu_b t1 FULL JOIN gu_a t2 USING (k) GROUP BY ROLLUP (t1.k), ROLLUP (t2.k) ORDER BY 1, 2
----
-1|1
-1|1
-1|1
1|1
1|1
1|1
2|1
2|1
3|1
3|1
4|1
4|1
5|1
5|1
NULL|2
NULL|2
NULL|6
tag: SELECT 17

query
SELECT (SELECT k) FROM gu_b t1 FULL JOIN gu_a t2 USING (k) GROUP BY ROLLUP (t1.k), ROLLUP (t2.k) ORDER BY 1
----
-1
-1
-1
1
1
1
2
2
3
3
4
4
5
5
NULL
NULL
NULL
tag: SELECT 17

statement error 42803
SELECT k FROM gu_b t1 FULL JOIN gu_a t2 USING (k) GROUP BY t1.k

statement error 42803
SELECT k FROM gu_b t1 FULL JOIN gu_a t2 USING (k) GROUP BY t2.k

statement error 42803
SELECT (SELECT k) FROM gu_b t1 FULL JOIN gu_a t2 USING (k) GROUP BY t1.k
