# current_schema() with pg_temp first in search_path is the session's pg_temp_N, made then
# if the session had none (PostgreSQL's fetch_search_path makes it).
statement ok
SET search_path TO 'pg_temp'

query
SELECT current_schema() ~ '^pg_temp_[0-9]+$', current_schemas(false)::text[] = ARRAY[current_schema()::text], pg_my_temp_schema() <> 0
----
t|t|t
tag: SELECT 1

query
SELECT current_schemas(true)::text[] = ARRAY['pg_catalog', current_schema()::text]
----
t
tag: SELECT 1

statement ok
SET search_path = public, pg_temp

query
SELECT current_schema(), current_schemas(false)::text[] = ARRAY['public', pg_my_temp_schema()::regnamespace::text]
----
public|t
tag: SELECT 1

statement ok
RESET search_path

query
SELECT current_schema(), current_schemas(true)::text[] = ARRAY[pg_my_temp_schema()::regnamespace::text, 'pg_catalog', 'public']
----
public|t
tag: SELECT 1

# A temporary table is found before public's of its name only where search_path puts pg_temp:
# first by default (implicitly), after public when the path names it there.
statement ok
CREATE TABLE fg_wa (x int)

statement ok
INSERT INTO fg_wa VALUES (1)

statement ok
CREATE TEMP TABLE fg_wa (x int)

statement ok
INSERT INTO fg_wa VALUES (2)

statement ok
PREPARE fg_p AS SELECT x FROM fg_wa

query
SELECT x FROM fg_wa
----
2
tag: SELECT 1

query
EXECUTE fg_p
----
2
tag: SELECT 1

statement ok
SET search_path = public, pg_temp

query
SELECT x FROM fg_wa
----
1
tag: SELECT 1

query
EXECUTE fg_p
----
1
tag: SELECT 1

query
SELECT x FROM pg_temp.fg_wa
----
2
tag: SELECT 1

statement ok
SET search_path = pg_temp, public

query
SELECT x FROM fg_wa
----
2
tag: SELECT 1

query
EXECUTE fg_p
----
2
tag: SELECT 1

statement ok
SET search_path = public, pg_temp

query
SELECT x FROM fg_wa
----
1
tag: SELECT 1

query
EXECUTE fg_p
----
1
tag: SELECT 1

statement ok
CREATE TEMP TABLE fg_only (y int)

statement ok
INSERT INTO fg_only VALUES (3)

# public has no fg_only: the temporary one is found after it.
query
SELECT y FROM fg_only
----
3
tag: SELECT 1

statement ok
RESET search_path

query
SELECT x FROM fg_wa
----
2
tag: SELECT 1

query
EXECUTE fg_p
----
2
tag: SELECT 1

statement ok
DEALLOCATE fg_p

statement ok
DROP TABLE fg_only

statement ok
DROP TABLE fg_wa

statement ok
DROP TABLE fg_wa
