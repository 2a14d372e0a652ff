# hunt5: wrong answers found by TestQueryShapes' second set of shapes (query_shapes2_test.go);
# under each comment, the blocks the fix changes failed on drove before it (the rest cover it).
statement ok
CREATE TABLE h5 (id int PRIMARY KEY, k int, n numeric, c char(3), v varchar(5), t text)

statement ok
INSERT INTO h5 VALUES (1, 1, 1.10, 'a', 'a', 'a'), (2, 2, 2, 'b', 'x', 'b '), (3, NULL, NULL, NULL, NULL, NULL)

# NULLIF's result is its first argument as the = operator takes it: an integer compared with
# a numeric or a float is promoted (there is no integer = numeric operator), a numeric
# compared with a float is a float; integers of other sizes are not (int4 = int8 exists).
query
SELECT pg_typeof(NULLIF(k, 1.0)), pg_typeof(NULLIF(n, 2::float8)), pg_typeof(NULLIF(k, 2::bigint)), pg_typeof(NULLIF(k, 2::real)), pg_typeof(NULLIF(2::real, 1::float8)) FROM h5 WHERE id = 1
----
numeric|double precision|integer|double precision|real
tag: SELECT 1

query
SELECT id, NULLIF(n, 2::float8), NULLIF(k, 1.0), NULLIF(k, 2.5) FROM h5 ORDER BY id
----
1|1.1|NULL|1
2|NULL|2|2
3|NULL|NULL|NULL
tag: SELECT 3

query
SELECT NULLIF(k, 1.0) AS x, count(*) FROM h5 GROUP BY 1 ORDER BY 1
----
2|1
NULL|2
tag: SELECT 2

# char(n) against varchar compares as char(n), without its padding; against text the char(n)
# side is cast to text, which drops the padding from the result too.
query
SELECT id, NULLIF(c, v) IS NULL, NULLIF(c, t) || '|', pg_typeof(NULLIF(c, t)), NULLIF(c, 'a') IS NULL, NULLIF(c, t) = 'b ' FROM h5 ORDER BY id
----
1|t|NULL|text|t|NULL
2|f|b||text|f|f
3|t|NULL|text|t|NULL
tag: SELECT 3

# Set operations resolve their column types pairwise, as PostgreSQL's tree of operations
# does: two NULLs (or untyped literals) make a text column, which an integer then does not match.
statement error 42804
SELECT NULL UNION SELECT NULL UNION SELECT 1

statement error 42804
SELECT NULL AS a UNION ALL SELECT NULL EXCEPT SELECT count(*) FROM h5

statement error 42804
SELECT 1 UNION (SELECT NULL UNION SELECT NULL)

statement error 42804
SELECT count(*) FROM h5 EXCEPT SELECT NULL INTERSECT SELECT NULL

query
SELECT NULL UNION ALL SELECT 1 UNION ALL SELECT NULL
----
NULL
1
NULL
tag: SELECT 3

query
SELECT pg_typeof(x) FROM (SELECT NULL AS x INTERSECT SELECT NULL) s
----
text
tag: SELECT 1

query
SELECT * FROM (VALUES (NULL), (NULL), (1)) v(a) ORDER BY 1
----
1
NULL
NULL
tag: SELECT 3

# A set operation's or VALUES list's column takes its char(n) or varchar kind from its first
# typed branch: NULL or an untyped literal before a char(n) branch leaves it char(n), padded,
# and compared without its padding.
query
SELECT x || '|', length(x), octet_length(x) FROM (SELECT 'a' UNION SELECT 'x'::char(3)) s(x) ORDER BY 1
----
a||1|1
x||1|3
tag: SELECT 2

query
SELECT octet_length(x) FROM (SELECT NULL UNION SELECT 'x'::char(3)) s(x) ORDER BY 1
----
3
NULL
tag: SELECT 2

query
SELECT octet_length(x) FROM (VALUES (NULL), ('x'::char(3)), ('y'::text)) s(x) ORDER BY 1
----
1
3
NULL
tag: SELECT 3

query
SELECT count(*) FROM (SELECT NULL UNION SELECT 'x'::char(3) UNION SELECT 'x'::varchar) s(x)
----
2
tag: SELECT 1

query
SELECT x = 'x', x = 'x'::text FROM (SELECT NULL UNION SELECT 'x'::char(3)) s(x) ORDER BY 1
----
t|t
NULL|NULL
tag: SELECT 2

query
SELECT x FROM (SELECT 'a' AS x FROM h5 WHERE false UNION SELECT c FROM h5) s ORDER BY 1
----
a  
b  
NULL
tag: SELECT 3

# A table's column is functionally dependent on GROUP BY its primary key (in every grouping
# set, with grouping sets), so it may be read ungrouped, as in PostgreSQL; a column of the
# NULL side of an outer join too. Not without the whole key, nor a key only some sets group.
statement ok
CREATE TABLE h5dep (a int, b int, c text, PRIMARY KEY (a, b))

statement ok
INSERT INTO h5dep VALUES (1, 1, 'x'), (1, 2, 'y'), (2, 1, NULL)

query
SELECT id, t, count(*) FROM h5 GROUP BY id ORDER BY 1
----
1|a|1
2|b |1
3|NULL|1
tag: SELECT 3

query
SELECT id, t, grouping(n), count(*) FROM h5 GROUP BY id, ROLLUP (n) ORDER BY 1, 3
----
1|a|0|1
1|a|1|1
2|b |0|1
2|b |1|1
3|NULL|0|1
3|NULL|1|1
tag: SELECT 6

statement error 42803
SELECT id, t FROM h5 GROUP BY ROLLUP (id)

query
SELECT x.id, x.t, count(y.id) FROM h5 x LEFT JOIN h5 y ON y.k = x.id + 5 GROUP BY x.id ORDER BY 1
----
1|a|0
2|b |0
3|NULL|0
tag: SELECT 3

query
SELECT y.id, y.c, count(*) FROM h5 x LEFT JOIN h5 y ON y.id = x.k GROUP BY y.id ORDER BY 1
----
1|a  |1
2|b  |1
NULL|NULL|1
tag: SELECT 3

statement error 42803
SELECT x.id, y.t FROM h5 x JOIN h5 y ON y.id = x.k GROUP BY x.id

statement error 42803
SELECT a, c FROM h5dep GROUP BY a

query
SELECT a, b, upper(c), max(c) FROM h5dep GROUP BY b, a HAVING c IS NOT NULL ORDER BY 1, 2
----
1|1|X|x
1|2|Y|y
tag: SELECT 2

query
SELECT id FROM h5 GROUP BY id ORDER BY t, id
----
1
2
3
tag: SELECT 3

# grouping()'s output column is named grouping.
query
SELECT grouping(k) FROM h5 GROUP BY ROLLUP (k) HAVING grouping(k) = 1
----
1
tag: SELECT 1
