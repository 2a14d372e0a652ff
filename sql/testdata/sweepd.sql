# Fixes from side-by-side sweeps of PostgreSQL 15's regression files (window, portals,
# foreign_key, jsonb, updatable_views), recorded from PostgreSQL 15.
# A deferred foreign key's pending check follows its row when an UPDATE changes the row's
# primary key but not the foreign key (foreign_key.sql): the COMMIT fails, also across a
# savepoint.
statement ok
CREATE TABLE sd_pk (id int PRIMARY KEY, other int)

statement ok
CREATE TABLE sd_fk (id int PRIMARY KEY, fk int REFERENCES sd_pk DEFERRABLE INITIALLY DEFERRED)

statement ok
INSERT INTO sd_pk VALUES (5, 10)

statement ok
BEGIN

statement ok
INSERT INTO sd_fk VALUES (0, 20)

statement ok
UPDATE sd_fk SET id = id + 1

statement error 23503
COMMIT

statement ok
BEGIN

statement ok
INSERT INTO sd_fk VALUES (0, 20)

statement ok
SAVEPOINT s1

statement ok
UPDATE sd_fk SET id = id + 1

statement error 23503
COMMIT

statement ok
BEGIN

statement ok
INSERT INTO sd_fk VALUES (0, 5), (7, 20)

statement ok
UPDATE sd_fk SET id = id + 1 WHERE id = 0

statement ok
UPDATE sd_fk SET fk = 5 WHERE id = 7

statement ok
COMMIT

query
SELECT * FROM sd_fk ORDER BY id
----
1|5
7|5
tag: SELECT 2

# A FROM item's call is func_expr_windowless (window.sql): OVER after it is its alias, so
# OVER (ORDER BY ...) is a syntax error, as FILTER (WHERE ...) is.
statement error 42601
SELECT * FROM rank() OVER (ORDER BY random())

statement error 42601
SELECT * FROM sum(1) FILTER (WHERE true)

query
SELECT over FROM generate_series(1, 2) over
----
1
2
tag: SELECT 2

query
SELECT * FROM generate_series(1, (SELECT count(*) OVER () FROM (VALUES (1), (2)) v LIMIT 1)) g
----
1
2
tag: SELECT 2

# A window call where PostgreSQL refuses one (42P20; the messages are in
# sweepd_errors_test.go).
statement error 42P20
SELECT rank() OVER (ORDER BY rank() OVER (ORDER BY random()))

statement error 42P20
SELECT * FROM sd_pk WHERE row_number() OVER (ORDER BY id) < 10

statement error 42P20
SELECT * FROM sd_pk INNER JOIN sd_fk ON row_number() OVER (ORDER BY sd_pk.id) < 10

statement error 42P20
SELECT rank() OVER (ORDER BY 1), count(*) FROM sd_pk GROUP BY 1

# The functions behind jsonb's operators, called by name (jsonb.sql).
query
SELECT jsonb_contains('{"a":1, "b":2}', '{"a":1}'), jsonb_contained('{"a":1}', '{"a":1, "b":2}'), jsonb_contains('{"a":1}', '{"a":2}')
----
t|t|f
tag: SELECT 1

query
SELECT jsonb_exists('{"a":1, "b":2}', 'a'), jsonb_exists('{"a":1}', 'c'), jsonb_exists_any('{"a":1}', '{a,c}'), jsonb_exists_all('{"a":1}', '{a,c}'), jsonb_exists_all('{"a":1,"c":2}', ARRAY['a','c'])
----
t|f|t|f|t
tag: SELECT 1

query
SELECT jsonb_delete('{"a":1, "b":2}', 'a'), jsonb_delete('[1,2,3]', 1), jsonb_delete_path('{"a":{"b":1,"c":2}}', '{a,b}'), jsonb_exists(NULL, 'a'), jsonb_delete('{"a":1}'::jsonb, NULL::text)
----
{"b": 2}|[1, 3]|{"a": {"c": 2}}|NULL|NULL
tag: SELECT 1

query
SELECT oid, proname, provolatile, proisstrict FROM pg_proc WHERE proname IN ('jsonb_contains', 'jsonb_contained', 'jsonb_exists', 'jsonb_exists_any', 'jsonb_exists_all', 'jsonb_delete', 'jsonb_delete_path') AND oid <> 3343 ORDER BY oid
----
3302|jsonb_delete|i|t
3303|jsonb_delete|i|t
3304|jsonb_delete_path|i|t
4046|jsonb_contains|i|t
4047|jsonb_exists|i|t
4048|jsonb_exists_any|i|t
4049|jsonb_exists_all|i|t
4050|jsonb_contained|i|t
tag: SELECT 8

# ROWS FROM with one function is that function in FROM: its column is named for the alias
# and the alias used as a value is the column's value, not a record.
query
SELECT * FROM ROWS FROM (generate_series(1, 2)) g(x) WHERE x > 1
----
2
tag: SELECT 1

query
SELECT g, g.g FROM ROWS FROM (generate_series(1, 1)) g
----
1|1
tag: SELECT 1

query
SELECT j, pg_typeof(j) FROM ROWS FROM (jsonb_array_elements('[1]')) j
----
1|jsonb
tag: SELECT 1

query
SELECT over.over FROM ROWS FROM (generate_series(3, 3)) over
----
3
tag: SELECT 1
