# The merged column of JOIN ... USING when the sides' types differ (PostgreSQL's
# buildMergedJoinVar): the common type; an INNER join's is the side not converted, a LEFT
# join's the left side (converted when needed), a RIGHT join's the right, a FULL join's
# COALESCE of both converted. A converted merge is not the side's column for GROUP BY.
statement ok
CREATE TABLE uj_a (f1 int, g text, v varchar(10), n int, c char(4))

statement ok
CREATE TABLE uj_b (f1 bigint, g varchar(5), v varchar(20), n numeric, c text)

statement ok
INSERT INTO uj_a VALUES (1, 'a', 'x', 1, 'a'), (2, 'b', 'y', 2, 'b')

statement ok
INSERT INTO uj_b VALUES (1, 'a', 'x', 1, 'a'), (3, 'c', 'z', 3, 'zz')

query
SELECT pg_typeof(f1), f1 FROM uj_a LEFT JOIN uj_b USING (f1) ORDER BY f1
----
bigint|1
bigint|2
tag: SELECT 2

query
SELECT pg_typeof(f1), f1 FROM uj_a FULL JOIN uj_b USING (f1) ORDER BY f1
----
bigint|1
bigint|2
bigint|3
tag: SELECT 3

query
SELECT pg_typeof(f1), f1 FROM uj_a RIGHT JOIN uj_b USING (f1) ORDER BY f1
----
bigint|1
bigint|3
tag: SELECT 2

query
SELECT pg_typeof(f1), f1 FROM uj_a JOIN uj_b USING (f1) ORDER BY f1
----
bigint|1
tag: SELECT 1

statement error 42803
SELECT uj_a.f1 FROM uj_a LEFT JOIN uj_b USING (f1) GROUP BY f1

# An inner join's merge is the side not converted: uj_b.f1.
statement error 42803
SELECT uj_a.f1 FROM uj_a JOIN uj_b USING (f1) GROUP BY f1

statement error 42803
SELECT f1 FROM uj_a JOIN uj_b USING (f1) GROUP BY uj_a.f1

query
SELECT uj_b.f1, count(*) FROM uj_a JOIN uj_b USING (f1) GROUP BY f1
----
1|1
tag: SELECT 1

query
SELECT f1, count(*) FROM uj_a LEFT JOIN uj_b USING (f1) GROUP BY f1 ORDER BY f1 DESC
----
2|1
1|1
tag: SELECT 2

# The converted merge reads the left column, which GROUP BY uj_a.f1 groups.
query
SELECT f1 FROM uj_a LEFT JOIN uj_b USING (f1) GROUP BY uj_a.f1 ORDER BY 1
----
1
2
tag: SELECT 2

statement error 42803
SELECT uj_a.f1 FROM uj_a FULL JOIN uj_b USING (f1) GROUP BY f1

# text and varchar: the left's type, so text's side is not converted.
query
SELECT pg_typeof(g), g FROM uj_a JOIN uj_b USING (g)
----
text|a
tag: SELECT 1

query
SELECT uj_a.g FROM uj_a JOIN uj_b USING (g) GROUP BY g
----
a
tag: SELECT 1

# varchar(10) and varchar(20): both converted (to varchar without a length).
query
SELECT pg_typeof(v), v FROM uj_a JOIN uj_b USING (v)
----
character varying|x
tag: SELECT 1

statement error 42803
SELECT uj_a.v FROM uj_a JOIN uj_b USING (v) GROUP BY v

# int and numeric.
query
SELECT pg_typeof(n), n FROM uj_a FULL JOIN uj_b USING (n) ORDER BY n
----
numeric|1
numeric|2
numeric|3
tag: SELECT 3

query
SELECT uj_b.n FROM uj_a RIGHT JOIN uj_b USING (n) GROUP BY n ORDER BY 1
----
1
3
tag: SELECT 2

# char(4) and text: the left's, char(4), whose length the common type drops: both converted.
query
SELECT c, pg_typeof(c), length(c) FROM uj_a JOIN uj_b USING (c)
----
a   |character|1
tag: SELECT 1

statement error 42803
SELECT uj_a.c FROM uj_a JOIN uj_b USING (c) GROUP BY c

query
SELECT c, pg_typeof(c) FROM uj_b JOIN uj_a USING (c)
----
a|text
tag: SELECT 1

query
SELECT uj_b.c FROM uj_b JOIN uj_a USING (c) GROUP BY c
----
a
tag: SELECT 1

query
SELECT * FROM uj_a NATURAL JOIN uj_b
----
1|a|x|1|a   
tag: SELECT 1

query
SELECT *, pg_typeof(f1) FROM uj_a FULL JOIN uj_b USING (f1) ORDER BY 1
----
1|a|x|1|a   |a|x|1|a|bigint
2|b|y|2|b   |NULL|NULL|NULL|NULL|bigint
3|NULL|NULL|NULL|NULL|c|z|3|zz|bigint
tag: SELECT 3

query
SELECT j.f1, pg_typeof(j.f1) FROM (uj_a LEFT JOIN uj_b USING (f1)) j ORDER BY 1
----
1|bigint
2|bigint
tag: SELECT 2

query
SELECT (SELECT pg_typeof(f1)) FROM uj_a LEFT JOIN uj_b USING (f1) ORDER BY 1
----
bigint
bigint
tag: SELECT 2

# A subquery's outer reference to a merge is grouped only through the merge's sides.
statement error 42803
SELECT f1, (SELECT pg_typeof(f1)) FROM uj_a LEFT JOIN uj_b USING (f1) GROUP BY f1 ORDER BY 1

statement error 42803
SELECT f1, (SELECT f1) FROM uj_a FULL JOIN uj_b USING (f1) GROUP BY f1

query
SELECT f1, (SELECT f1) FROM uj_a FULL JOIN uj_b USING (f1) GROUP BY uj_a.f1, uj_b.f1 ORDER BY 1
----
1|1
2|2
3|3
tag: SELECT 3

query
SELECT f1, (SELECT pg_typeof(f1)) FROM uj_a LEFT JOIN uj_b USING (f1) GROUP BY f1, uj_a.f1 ORDER BY 1
----
1|bigint
2|bigint
tag: SELECT 2

query
SELECT pg_typeof(x) FROM uj_a JOIN uj_b USING (n) CROSS JOIN LATERAL (SELECT n AS x) s
----
numeric
tag: SELECT 1

query
SELECT DISTINCT f1, pg_typeof(f1) FROM uj_a LEFT JOIN uj_b USING (f1) WHERE f1 > 0 ORDER BY f1
----
1|bigint
2|bigint
tag: SELECT 2

# A chain: the merge of an earlier join is converted again.
query
SELECT f1, pg_typeof(f1) FROM uj_a LEFT JOIN uj_b USING (f1) FULL JOIN (VALUES (2.5)) w(f1) USING (f1) ORDER BY f1
----
1|numeric
2|numeric
2.5|numeric
tag: SELECT 3

# GROUP BY (a, b), a row written without ROW, groups a and b, as PostgreSQL's
# flatten_grouping_sets reads it at the top level too: grouping(a, b) names them, from
# two query levels in as from one (groupingsets.sql).
query
select (select (select grouping(a,b) from (values (1)) v2(c)) from (values (1)) v1(c)) from (values (1,2)) v(a,b) group by (a,b)
----
0
tag: SELECT 1

query
select (select grouping(a,b) from (values (1)) v2(c)) from (values (1,2)) v(a,b) group by (a,b)
----
0
tag: SELECT 1

query
SELECT grouping(a, b), a FROM (VALUES (1,2),(1,3)) v(a,b) GROUP BY (a,b) ORDER BY 1
----
0|1
0|1
tag: SELECT 2

query
SELECT a FROM (VALUES (1,2),(1,3)) v(a,b) GROUP BY ((a,b)) ORDER BY 1
----
1
1
tag: SELECT 2

query
SELECT a, (a, b) FROM (VALUES (1,2),(1,3)) v(a,b) GROUP BY (a,(b,a)) ORDER BY 1, 2
----
1|(1,2)
1|(1,3)
tag: SELECT 2

query
SELECT a, count(*) FROM (VALUES (1,2),(1,3)) v(a,b) GROUP BY ROLLUP ((a,b)), (a) ORDER BY 2
----
1|1
1|1
1|2
tag: SELECT 3

# GROUP BY DISTINCT drops the duplicate grouping sets of the expansion; GROUP BY ALL keeps
# them (PostgreSQL 14's, groupingsets.sql).
query
SELECT a, b, c, count(*) FROM (VALUES (1,2,3),(1,2,4)) v(a,b,c) GROUP BY ALL ROLLUP (a, b), ROLLUP (a, c) ORDER BY a, b, c
----
1|2|3|1
1|2|4|1
1|2|NULL|2
1|2|NULL|2
1|NULL|3|1
1|NULL|3|1
1|NULL|4|1
1|NULL|4|1
1|NULL|NULL|2
1|NULL|NULL|2
1|NULL|NULL|2
NULL|NULL|NULL|2
tag: SELECT 12

query
SELECT a, b, c, count(*) FROM (VALUES (1,2,3),(1,2,4)) v(a,b,c) GROUP BY DISTINCT ROLLUP (a, b), ROLLUP (a, c) ORDER BY a, b, c
----
1|2|3|1
1|2|4|1
1|2|NULL|2
1|NULL|3|1
1|NULL|4|1
1|NULL|NULL|2
NULL|NULL|NULL|2
tag: SELECT 7

query
SELECT a, b, count(*) FROM (VALUES (1,2,3),(1,2,4)) v(a,b,c) GROUP BY DISTINCT CUBE (a, b), CUBE (b, a) ORDER BY 1, 2
----
1|2|2
1|NULL|2
NULL|2|2
NULL|NULL|2
tag: SELECT 4

query
SELECT a, count(*) FROM (VALUES (1,2,3),(1,2,4)) v(a,b,c) GROUP BY DISTINCT a, a ORDER BY a
----
1|2
tag: SELECT 1

query
SELECT a, count(*) FROM (VALUES (1,2,3),(1,2,4)) v(a,b,c) GROUP BY ALL a ORDER BY a
----
1|2
tag: SELECT 1
