# smallfix: disagreements with PostgreSQL 15 found running its regression files (strings,
# select, aggregates): keyword aliases, regexp_replace's replacement escapes, f(*) of an
# unknown function, an empty select list and TABLE t.
statement ok
CREATE TABLE sf_t (a int PRIMARY KEY, b text)

statement ok
INSERT INTO sf_t VALUES (1, 'x'), (2, 'y'), (3, NULL)

# Any keyword, reserved included, may name a column after AS (PostgreSQL's ColLabel).
query
SELECT true AS true, false AS false, 1 AS null, 2 AS select, 3 AS order, 4 AS from
----
t|f|1|2|3|4
tag: SELECT 1

query
SELECT 'abcdefg' SIMILAR TO '_bcd%' AS true, 1 AS where, 2 AS limit, 3 AS group, 4 AS table, 5 AS union
----
t|1|2|3|4|5
tag: SELECT 1

query
SELECT a AS from, b AS "select", a AS as, a AS all, a AS case, a AS end FROM sf_t ORDER BY 1
----
1|x|1|1|1|1
2|y|2|2|2|2
3|NULL|3|3|3|3
tag: SELECT 3

query
SELECT x.select FROM (SELECT 1 AS select, 2 AS into) AS x
----
1
tag: SELECT 1

query
SELECT s.order FROM (SELECT a AS order FROM sf_t) s WHERE s.order > 1 ORDER BY s.order
----
2
3
tag: SELECT 2

statement error 42601
SELECT 1 AS

query
INSERT INTO sf_t VALUES (4, 'z') RETURNING a AS select, b AS from
----
4|z
tag: INSERT 0 1

# A table's alias is no column label: a reserved keyword is refused there.
statement error 42601
SELECT 1 FROM sf_t AS select

# regexp_replace's replacement: \& is the whole match, \1..\9 a group, \\ a backslash, and a
# backslash before anything else, or trailing, is kept (strings.sql's cases, their (.)\1
# patterns written without the back reference RE2 lacks: see docs/sql.md).
query
SELECT regexp_replace('1112223333', E'(\\d{3})(\\d{3})(\\d{4})', E'(\\1) \\2-\\3')
----
(111) 222-3333
tag: SELECT 1

query
SELECT regexp_replace('foobarrbazz', '(o)o|(r)r|(z)z', E'X\\&Y', 'g')
----
fXooYbaXrrYbaXzzY
tag: SELECT 1

query
SELECT regexp_replace('foobarrbazz', '(o)o|(r)r|(z)z', E'X\\\\Y', 'g')
----
fX\YbaX\YbaX\Y
tag: SELECT 1

query
SELECT regexp_replace('foobarrbazz', '(o)o|(r)r|(z)z', E'X\\Y\\1Z\\')
----
fX\YoZ\barrbazz
tag: SELECT 1

query
SELECT regexp_replace('AAA   BBB   CCC   ', E'\\s+', ' ', 'g')
----
AAA BBB CCC 
tag: SELECT 1

query
SELECT regexp_replace('AAA', '^|$', 'Z', 'g')
----
ZAAAZ
tag: SELECT 1

query
SELECT regexp_replace('AAA aaa', 'A+', 'Z', 'gi')
----
Z Z
tag: SELECT 1

statement error 22023
SELECT regexp_replace('AAA aaa', 'A+', 'Z', 'z')

query
SELECT regexp_replace('A PostgreSQL function', 'A|e|i|o|u', 'X', 1)
----
X PostgreSQL function
tag: SELECT 1

query
SELECT regexp_replace('A PostgreSQL function', 'A|e|i|o|u', 'X', 1, 2)
----
A PXstgreSQL function
tag: SELECT 1

query
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 0, 'i')
----
X PXstgrXSQL fXnctXXn
tag: SELECT 1

query
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 1, 'i')
----
X PostgreSQL function
tag: SELECT 1

query
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 2, 'i')
----
A PXstgreSQL function
tag: SELECT 1

query
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 3, 'i')
----
A PostgrXSQL function
tag: SELECT 1

query
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 9, 'i')
----
A PostgreSQL function
tag: SELECT 1

query
SELECT regexp_replace('A PostgreSQL function', 'A|e|i|o|u', 'X', 7, 0, 'i')
----
A PostgrXSQL fXnctXXn
tag: SELECT 1

query
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, 1, 'g')
----
A PXstgreSQL function
tag: SELECT 1

statement error 22023
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', -1, 0, 'i')

statement error 22023
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', 1, -1, 'i')

statement error 22023
SELECT regexp_replace('A PostgreSQL function', 'a|e|i|o|u', 'X', '1')

query
SELECT regexp_replace('abc', 'b', E'[\\0]'), regexp_replace('abc', '(b)', E'\\9|\\1'), regexp_replace('abc', 'b', E'\\n')
----
a[\0]c|a|bc|a\nc
tag: SELECT 1

query
SELECT regexp_replace(b, '(.)', E'<\\1\\&>') FROM sf_t ORDER BY a
----
<xx>
<yy>
NULL
<zz>
tag: SELECT 4

# f(*) is count(*)'s form only: another function called so does not exist.
statement error 42883
SELECT newcnt(*) FROM sf_t

statement error 42883
SELECT sum(*) FROM sf_t

query
SELECT rank(*) OVER (), row_number(*) OVER (ORDER BY a), count(*) OVER () FROM sf_t ORDER BY a
----
1|1|4
1|2|4
1|3|4
1|4|4
tag: SELECT 4

statement error 42883
SELECT string_agg(*) FROM sf_t

statement error 42883
SELECT ntile(*) OVER () FROM sf_t

query
SELECT count(*) FROM sf_t
----
4
tag: SELECT 1

# TABLE t is SELECT * FROM t.
query
TABLE sf_t ORDER BY a
----
1|x
2|y
3|NULL
4|z
tag: SELECT 4

query
SELECT * FROM (VALUES (0, 'v') UNION ALL TABLE sf_t) s ORDER BY 1
----
0|v
1|x
2|y
3|NULL
4|z
tag: SELECT 5

query
VALUES (0, 'v') UNION ALL TABLE sf_t ORDER BY 1
----
0|v
1|x
2|y
3|NULL
4|z
tag: SELECT 5

query
SELECT (SELECT count(*) FROM (TABLE sf_t) s), a IN (SELECT a FROM (TABLE sf_t) u) FROM sf_t ORDER BY a
----
4|t
4|t
4|t
4|t
tag: SELECT 4

statement ok
CREATE TABLE sf_copy AS TABLE sf_t

statement ok
CREATE VIEW sf_v AS TABLE sf_copy

query
SELECT count(*), sum(a) FROM sf_v
----
4|10
tag: SELECT 1

statement ok
PREPARE sf_p AS TABLE sf_t

query
EXECUTE sf_p
----
1|x
2|y
3|NULL
4|z
tag: SELECT 4

statement error 42601
SELECT 1 FROM TABLE sf_t
