# oldpath: the queries sql/statement_tree.go's oldPathOnly used to send through the dialect
# pass, now bound from sql/parser's tree; recorded from PostgreSQL 15.
# A function in FROM: ROWS FROM, WITH ORDINALITY, the alias's column lists.
query
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(1, 3))
----
1|1
2|2
NULL|3
tag: SELECT 3

query
SELECT * FROM ROWS FROM (generate_series(1, 2), unnest(ARRAY['a', 'b', 'c'])) WITH ORDINALITY AS r(a, b, n)
----
1|a|1
2|b|2
NULL|c|3
tag: SELECT 3

query
SELECT a, b FROM generate_series(5, 7) WITH ORDINALITY AS g(a, b) WHERE b > 1
----
6|2
7|3
tag: SELECT 2

query
SELECT k, v FROM jsonb_each('{"a": 1, "b": [2]}') AS j(k, v) ORDER BY k
----
a|1
b|[2]
tag: SELECT 2

query
SELECT e, e.* FROM jsonb_array_elements('[1, 2]') e
----
1|1
2|2
tag: SELECT 2

query
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) WITH ORDINALITY AS u(x, y, n)
----
1|a|1
2|NULL|2
tag: SELECT 2

statement error 42P10
SELECT * FROM generate_series(1, 3) AS g(a, b)

statement error 42P10
SELECT * FROM generate_series(1, 3) WITH ORDINALITY AS g(a, b, c)

statement error 42P10
SELECT * FROM jsonb_each('{"a": 1}') j(a, b, c)

statement error 42P10
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) AS u(a, b, c, d)

# A column definition list: only for a function returning an unnamed record.
statement error 42601
SELECT * FROM generate_series(1, 2) AS (a int)

statement error 42601
SELECT * FROM jsonb_each('{"a": 1}') AS (k text, v jsonb)

# f(*): an aggregate's is f(), a plain function's is refused; count() is refused.
statement error 42883
SELECT sum(*) FROM generate_series(1, 3)

statement error 42809
SELECT now(*)

statement error 42883
SELECT lower(*)

statement error 42809
SELECT count() FROM generate_series(1, 3)

query
SELECT rank(*) OVER ()
----
1
tag: SELECT 1

# drove's internal functions do not exist for a query.
statement error 42883
SELECT "drove_field"(1)

statement error 42883
SELECT drove_subscript(ARRAY[1], 1)

# A type's name called as a function is a cast.
query
SELECT x, "numeric"(x), int4(x + 0.6), text(x) FROM generate_series(1, 2) x
----
1|1|2|1
2|2|3|2
tag: SELECT 2

# x op ANY|ALL (array) for an operator that is not a comparison; LIKE ANY (subquery).
query
SELECT 'abc' ~ ANY (ARRAY['^a', 'x']), 'abc' ~ ALL (ARRAY['^a', 'x']), 'ABC' ~* ANY (ARRAY['b']), 'a' ~ ANY (ARRAY[]::text[]), 'a' ~ ALL (ARRAY[NULL, 'b'])
----
t|f|t|f|f
tag: SELECT 1

query
SELECT 'abc' !~ ANY (ARRAY['a', 'x']), 'abc' !~ ALL (ARRAY['a', 'x']), NULL::text ~ ANY (ARRAY['a']), 'a' ~ ANY (NULL::text[])
----
t|f|NULL|NULL
tag: SELECT 1

statement error 42809
SELECT 1 + ANY (ARRAY[1])

query
SELECT 'abc' LIKE ANY (SELECT 'a%'), 'abc' ILIKE ANY (SELECT 'A%'), 'abc' NOT LIKE ALL (SELECT 'x%' UNION SELECT 'y%')
----
t|t|t
tag: SELECT 1

# FILTER with OVER.
query
SELECT g, count(*) FILTER (WHERE g > 1) OVER (ORDER BY g), sum(g) FILTER (WHERE g < 3) OVER () FROM generate_series(1, 3) g
----
1|0|3
2|1|3
3|2|3
tag: SELECT 3

statement error 0A000
SELECT row_number() FILTER (WHERE g > 1) OVER () FROM generate_series(1, 3) g

# Views' stored text, CREATE TABLE AS, SELECT INTO, DECLARE and EXPLAIN's queries are read by
# sql/parser too.
statement ok
CREATE VIEW oldpath_v AS SELECT g, n FROM ROWS FROM (generate_series(1, 2)) WITH ORDINALITY AS r(g, n) WHERE 'ab' ~ ANY (ARRAY['^a'])

query
SELECT * FROM oldpath_v ORDER BY g
----
1|1
2|2
tag: SELECT 2

statement ok
CREATE TABLE oldpath_t AS SELECT k, "numeric"(length(k)) AS n FROM jsonb_each_text('{"a": "x", "bb": "y"}') AS j(k, v)

query
SELECT * FROM oldpath_t ORDER BY k
----
a|1
bb|2
tag: SELECT 2

statement ok
SELECT a, b INTO oldpath_u FROM unnest(ARRAY[1, 2], ARRAY['p']) AS u(a, b)

query
SELECT * FROM oldpath_u ORDER BY a
----
1|p
2|NULL
tag: SELECT 2

statement ok
BEGIN

statement ok
DECLARE oldpath_c CURSOR FOR SELECT x FROM generate_series(1, 3) WITH ORDINALITY AS s(x, o) WHERE 'x' LIKE ANY (SELECT 'x%')

query
FETCH 2 FROM oldpath_c
----
1
2
tag: FETCH 2

statement ok
COMMIT

statement error 42809
EXPLAIN SELECT now(*)

statement error 42P10
CREATE VIEW oldpath_w AS SELECT * FROM generate_series(1, 2) AS g(a, b)
