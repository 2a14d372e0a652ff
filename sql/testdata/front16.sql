# front16: the select list, ORDER BY, LIMIT and OFFSET bound from sql/ast (sql/DESIGN.md,
# "Moving the binder onto the tree", step 3).
statement ok
CREATE TABLE f16 (a int PRIMARY KEY, b text)

statement ok
INSERT INTO f16 VALUES (1, 'x'), (2, 'y'), (3, NULL)

# A position is an integer as PostgreSQL's grammar reads one (fitting int4): a larger
# number is a constant that is not an integer, in ORDER BY and GROUP BY alike.
statement error 42601
SELECT a FROM f16 ORDER BY 3000000000

statement error 42601
SELECT count(*) FROM f16 GROUP BY 2147483648

statement error 42601
SELECT a FROM f16 ORDER BY 9223372036854775807

statement error 42P10
SELECT a FROM f16 ORDER BY -1

statement error 42P10
SELECT a FROM f16 GROUP BY 2

statement error 42601
SELECT a FROM f16 ORDER BY 'x'

statement error 42601
SELECT a FROM f16 ORDER BY 1.5

statement error 42601
SELECT a FROM f16 GROUP BY true

# NULLS FIRST/LAST on each key, positions and names of output columns, hidden keys.
query
SELECT a, b FROM f16 ORDER BY b DESC NULLS LAST, 1
----
2|y
1|x
3|NULL
tag: SELECT 3

query
SELECT b AS k FROM f16 ORDER BY k NULLS FIRST, a DESC
----
NULL
x
y
tag: SELECT 3

query
SELECT a FROM f16 ORDER BY b ASC NULLS FIRST LIMIT 2 OFFSET 1
----
1
2
tag: SELECT 2

# LIMIT and OFFSET may read an enclosing query's row, never their own query's columns.
query
SELECT a, (SELECT count(*) FROM (SELECT 1 FROM f16 LIMIT o.a) s) FROM f16 o ORDER BY a
----
1|1
2|2
3|3
tag: SELECT 3

statement error 42P10
SELECT a FROM f16 LIMIT a

statement error 42803
SELECT a FROM f16 LIMIT count(*)

query
SELECT a FROM f16 ORDER BY a LIMIT 9223372036854775807 OFFSET 2
----
3
tag: SELECT 1

# DISTINCT ON matches an ORDER BY key written alike, NULLS and all.
query
SELECT DISTINCT ON (b IS NULL) b IS NULL, a FROM f16 ORDER BY b IS NULL, a DESC
----
f|2
t|3
tag: SELECT 2

statement error 42P10
SELECT DISTINCT ON (a) a, b FROM f16 ORDER BY b, a

# An aggregate of the query in the select list, ORDER BY or DISTINCT ON makes it aggregated;
# one reading only an enclosing query's columns is that query's.
query
SELECT a, (SELECT count(o.a) FROM f16 i LIMIT 1) FROM f16 o GROUP BY a ORDER BY a
----
1|1
2|1
3|1
tag: SELECT 3

query
SELECT 1 FROM f16 ORDER BY count(*)
----
1
tag: SELECT 1

query
SELECT DISTINCT ON (count(*)) 1 FROM f16
----
1
tag: SELECT 1

statement error 0A000
SELECT count(*) FROM f16 FOR UPDATE

statement error 0A000
SELECT DISTINCT ON (a) a FROM f16 FOR UPDATE

# A set operation's ORDER BY and LIMIT.
query
SELECT a FROM f16 UNION SELECT a + 10 FROM f16 ORDER BY 1 DESC NULLS LAST LIMIT 2 OFFSET 1
----
12
11
tag: SELECT 2

statement error 0A000
SELECT a FROM f16 UNION SELECT a FROM f16 ORDER BY a + 1

query
VALUES (2, 'b'), (1, NULL) ORDER BY column2 NULLS FIRST
----
1|NULL
2|b
tag: SELECT 2

# RETURNING is a select list too.
query
UPDATE f16 SET b = b || '!' WHERE a = 1 RETURNING a, b, upper(b), b COLLATE "C"
----
1|x!|X!|x!
tag: UPDATE 1

statement error 42803
UPDATE f16 SET b = 'z' WHERE a = 1 RETURNING count(*)

# HAVING and WINDOW are read from the tree too.
query
SELECT b IS NULL, count(*) FROM f16 GROUP BY b IS NULL HAVING count(*) > 1 OR b IS NULL ORDER BY 1
----
f|2
t|1
tag: SELECT 2

statement error 42804
SELECT count(*) FROM f16 HAVING count(*)

query
SELECT a, sum(a) OVER w2, rank() OVER (w ORDER BY a DESC) FROM f16 WINDOW w AS (PARTITION BY b IS NULL), w2 AS (w ORDER BY a) ORDER BY a
----
1|1|2
2|3|1
3|3|1
tag: SELECT 3

statement error 42P20
SELECT sum(a) OVER w FROM f16 WINDOW w AS (ORDER BY a), w AS (ORDER BY b)

statement error 42P20
SELECT sum(a) OVER (w ORDER BY b) FROM f16 WINDOW w AS (ORDER BY a)
