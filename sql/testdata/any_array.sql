# any_array: x op ANY|ALL (array) over a NULL array is NULL whatever x is (drove answered
# false for ANY and true for ALL, as over an empty array); an untyped array against an untyped
# x is text[]; a non-array on the right is 42809. The same subquery written with unnest keeps
# its own meaning (no rows: ANY false, ALL true).
query
SELECT 1 = ANY (NULL::int[]), 1 = ALL (NULL::int[]), 1 <> ALL (NULL::int[]), NULL::int = ANY ('{}'::int[]), 1 = ANY ('{}'::int[]), 1 = ALL ('{}'::int[])
----
NULL|NULL|NULL|f|f|t
tag: SELECT 1

query
SELECT 1 = ANY (NULL::int[]) IS NULL, NOT (1 = ANY (NULL::int[])) IS NULL, 1 < SOME (NULL::bigint[]) IS NULL
----
t|f|t
tag: SELECT 1

query
SELECT 'a' = ANY ('{a,b}'), 'c' = ANY ('{a,b}'), 'a' <> ALL ('{b,c}')
----
t|f|t
tag: SELECT 1

query
SELECT 1 = ANY ('{1,2}'), 3 > ALL ('{1,2}')
----
t|t
tag: SELECT 1

statement error 42809
SELECT 1 = ANY (1)

query
SELECT 1 = ANY (SELECT unnest(NULL::int[])), 1 = ALL (SELECT unnest(NULL::int[]))
----
f|t
tag: SELECT 1

statement ok
CREATE TABLE anyarr (id int PRIMARY KEY, v int)

statement ok
INSERT INTO anyarr VALUES (1, 10), (2, NULL), (3, 30)

query
SELECT id, v = ANY (NULL::int[]), v <> ALL (NULL::int[]) FROM anyarr ORDER BY id
----
1|NULL|NULL
2|NULL|NULL
3|NULL|NULL
tag: SELECT 3

query
SELECT id FROM anyarr WHERE NOT (v = ANY (NULL::int[])) ORDER BY id
----
tag: SELECT 0

query
SELECT id FROM anyarr WHERE id = ANY (NULL::int[])
----
tag: SELECT 0

query
SELECT id FROM anyarr WHERE id <> ALL (NULL::int[])
----
tag: SELECT 0

query
SELECT count(*) FROM anyarr WHERE (v = ANY (NULL::int[])) IS NULL
----
3
tag: SELECT 1

# Over an array column: a NULL array row is NULL in the select list and drops out of WHERE,
# under NOT too.
statement ok
CREATE TABLE anycol (id int PRIMARY KEY, a int[])

statement ok
INSERT INTO anycol VALUES (1, NULL), (2, '{1,2}'), (3, '{}'), (4, '{1,NULL}')

query
SELECT id, 1 = ANY (a), 1 = ALL (a), 3 <> ALL (a), NOT (3 = ANY (a)) FROM anycol ORDER BY id
----
1|NULL|NULL|NULL|NULL
2|t|f|t|t
3|f|t|t|t
4|t|NULL|NULL|NULL
tag: SELECT 4

query
SELECT id FROM anycol WHERE NOT (5 = ANY (a)) ORDER BY id
----
2
3
tag: SELECT 2

query
SELECT id FROM anycol WHERE 5 <> ALL (a) ORDER BY id
----
2
3
tag: SELECT 2
