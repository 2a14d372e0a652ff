# wire16: x op ANY|ALL (array) compiled over the array's elements (anyall.go), as a key list
# and as a filter; queries read by sql/parser in the session, several statements in one string.
statement ok
CREATE TABLE w16 (id int PRIMARY KEY, c char(3), tags text[], n int)

statement ok
INSERT INTO w16 VALUES (1, 'a', '{x,y}', 10), (2, 'bb', '{y,NULL}', NULL), (3, 'ccc', NULL, 30), (4, NULL, '{}', 40)

query
SELECT id FROM w16 WHERE id = ANY ('{1,3,NULL,7}') ORDER BY id
----
1
3
tag: SELECT 2

query
SELECT id FROM w16 WHERE id = ANY (ARRAY[4, 2]) ORDER BY id
----
2
4
tag: SELECT 2

query
SELECT id FROM w16 WHERE id <> ALL ('{1,3}') ORDER BY id
----
2
4
tag: SELECT 2

query
SELECT id, 'y' = ANY (tags), 'z' = ANY (tags), 'z' <> ALL (tags), 'x' = ALL (tags) FROM w16 ORDER BY id
----
1|t|f|t|f
2|t|NULL|NULL|f
3|NULL|NULL|NULL|NULL
4|f|f|t|t
tag: SELECT 4

query
SELECT id, c = ANY ('{a,bb}'), c = ANY (ARRAY['a  ', 'ccc']) FROM w16 ORDER BY id
----
1|t|f
2|t|f
3|f|t
4|NULL|NULL
tag: SELECT 4

query
SELECT id, n > ANY (ARRAY[15, NULL]), n > ALL (ARRAY[5, NULL]), n = ANY (ARRAY[n]) FROM w16 ORDER BY id
----
1|NULL|NULL|t
2|NULL|NULL|NULL
3|t|NULL|t
4|t|NULL|t
tag: SELECT 4

query
SELECT NULL::int = ANY ('{1,NULL}'), NULL::int = ALL ('{}'::int[]), 1 = ANY ('{NULL}'::int[]), 1 = ANY ('{1,NULL}'), 2 = ALL ('{2,2}')
----
NULL|t|NULL|t|t
tag: SELECT 1

query
SELECT id FROM w16 t WHERE n = ANY (SELECT n FROM w16 u WHERE u.id = ANY (ARRAY[t.id, 4])) ORDER BY id
----
1
3
4
tag: SELECT 3

query
SELECT 1 AS a; SELECT 2 AS b
----
1
tag: SELECT 1
2
tag: SELECT 1

query
VALUES (1), (2) ORDER BY 1 DESC; TABLE w16 ORDER BY id LIMIT 1
----
2
1
tag: SELECT 2
1|a  |{x,y}|10
tag: SELECT 1

statement error 42601
SELECT 1; SELEC 2

statement error 42601
SELECT 1 FROM WHERE
