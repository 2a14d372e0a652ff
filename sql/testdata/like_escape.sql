# LIKE, NOT LIKE and ILIKE with ESCAPE, as PostgreSQL 15.
query
SELECT 'a%' LIKE 'a#%' ESCAPE '#', 'ab' LIKE 'a#%' ESCAPE '#', 'a_' LIKE 'a!_' ESCAPE '!', 'ab' LIKE 'a!_' ESCAPE '!'
----
t|f|t|f
tag: SELECT 1

query
SELECT 'a\b' LIKE 'a\b' ESCAPE '', 'a\' LIKE 'a\' ESCAPE '', 'a%' LIKE 'a\%' ESCAPE ''
----
t|t|f
tag: SELECT 1

statement error 22025
SELECT 'a##' LIKE 'a###' ESCAPE '#'

query
SELECT 'a\b' LIKE 'a\\b' ESCAPE '#', 'a#b' LIKE 'a##b' ESCAPE '#', 'a%b' NOT LIKE 'a#%b' ESCAPE '#'
----
f|t|f
tag: SELECT 1

query
SELECT 'ab' LIKE 'a_' ESCAPE NULL, NULL LIKE 'a' ESCAPE 'x', 'a' LIKE NULL ESCAPE 'xy'
----
NULL|NULL|NULL
tag: SELECT 1

statement error 22025
SELECT 'a' LIKE 'a' ESCAPE 'xy'

statement error 22025
SELECT 'ab' LIKE 'a#' ESCAPE '#'

statement error 22025
SELECT 'a\' LIKE 'a\'

query
SELECT 'b' LIKE 'a\', 'a' LIKE 'a#' ESCAPE '#'
----
f|f
tag: SELECT 1

statement ok
CREATE TABLE files (id int PRIMARY KEY, name text)

statement ok
INSERT INTO files VALUES (1, '100%_done'), (2, '100 done'), (3, 'x_y'), (4, 'XY_Z')

query
SELECT id FROM files WHERE name LIKE '%!%!_%' ESCAPE '!' ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM files WHERE name NOT LIKE '%$_%' ESCAPE '$' ORDER BY id
----
2
tag: SELECT 1

query
SELECT id FROM files WHERE name ILIKE 'x$_%' ESCAPE '$' ORDER BY id
----
3
tag: SELECT 1

query
SELECT id FROM files WHERE name NOT ILIKE 'x$_%' ESCAPE '$' ORDER BY id
----
1
2
4
tag: SELECT 3

statement error 42883
SELECT 'a' LIKE 'a' ESCAPE 1

query
SELECT 'A%B' ILIKE 'a#%b' ESCAPE '#', 'AxB' ILIKE 'a#%b' ESCAPE '#', 'AB' NOT ILIKE 'a_' ESCAPE ''
----
t|f|f
tag: SELECT 1

statement error 22025
SELECT 'ab' ILIKE 'a' ESCAPE '##'
