# anyall_elements: x op ANY|ALL (array) for a regex or LIKE operator passes x and each element
# to the operator compiled over stand-ins (argrow.go): x is evaluated once, before the array
# (an error in x is raised even over an empty array, as PostgreSQL evaluates a
# ScalarArrayOpExpr's arguments first), arrays of several patterns read from a column match
# each element against its own pattern, and NULL elements make a result NULL unless another
# element settles it.
statement ok
CREATE TABLE anyall_el (id int PRIMARY KEY, s text, n int, pats text[])

statement ok
INSERT INTO anyall_el VALUES (1, 'apple', 0, ARRAY['^a', '^b', 'e$']), (2, 'berry', 1, ARRAY['^x', NULL, 'y$']), (3, 'cherry', 2, ARRAY['^x', NULL]), (4, NULL, 3, ARRAY['^a']), (5, 'date', 4, '{}')

query
SELECT id, s ~ ANY (pats), s ~ ALL (pats), s !~ ANY (pats), s ~* ANY (ARRAY['^A', '^B', s || 'x']), s LIKE ANY (ARRAY['a%', s, NULL]), s ILIKE ALL (ARRAY['%E%', '%R%']) FROM anyall_el ORDER BY id
----
1|t|f|t|t|t|f
2|t|f|t|t|t|t
3|NULL|f|t|f|t|t
4|NULL|NULL|NULL|NULL|NULL|NULL
5|f|t|f|f|t|f
tag: SELECT 5

query
SELECT id, s ~ ANY (ARRAY[s, '^' || left(s, 1)]), s NOT LIKE ALL (ARRAY[s || '_', upper(s)]) FROM anyall_el ORDER BY id
----
1|t|t
2|t|t
3|t|t
4|NULL|NULL
5|t|t
tag: SELECT 5

statement error 22012
SELECT (s || (1 / n))::text ~ ANY ('{}'::text[]) FROM anyall_el WHERE id = 1

statement error 22012
SELECT (s || (1 / n))::text LIKE ANY ('{}'::text[]) FROM anyall_el WHERE id = 1

statement error 2201B
SELECT s ~ ANY (ARRAY['^q', '(']) FROM anyall_el WHERE id = 1

query
SELECT s ~ ANY (ARRAY['^a', '(']) FROM anyall_el WHERE id = 1
----
t
tag: SELECT 1
