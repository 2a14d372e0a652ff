# search_path decides an unqualified name as PostgreSQL 15: 'name'::regclass and its output
# follow the path's pg_temp/public order; a path without public finds no public table, view
# or sequence (42P01) and CREATE without a schema goes to the path's first schema (3F000 when
# none, a temporary table in pg_temp, 42501 in pg_catalog); a view reads the tables it read
# when created, not a temporary table made since; prepared statements are bound again when
# the path changes.
statement ok
CREATE TABLE sp_t (a int)

statement ok
INSERT INTO sp_t VALUES (1)

statement ok
CREATE VIEW sp_v AS SELECT a FROM sp_t

statement ok
CREATE SEQUENCE sp_s

statement ok
CREATE TABLE sp_d (a bigint DEFAULT nextval('sp_s'))

statement ok
PREPARE sp_p AS SELECT a FROM sp_t

statement ok
CREATE TEMP TABLE sp_t (a int)

statement ok
INSERT INTO sp_t VALUES (2)

query
SELECT relpersistence FROM pg_class WHERE oid = 'sp_t'::regclass
----
t
tag: SELECT 1

query
SELECT 'sp_t'::regclass::text ~ '^sp_t$', 'public.sp_t'::regclass::text
----
t|public.sp_t
tag: SELECT 1

query
SELECT a FROM sp_v
----
1
tag: SELECT 1

statement ok
SET search_path = public, pg_temp

query
SELECT relpersistence FROM pg_class WHERE oid = 'sp_t'::regclass
----
p
tag: SELECT 1

query
SELECT 'sp_t'::regclass::text, 'pg_temp.sp_t'::regclass::text ~ '^pg_temp_[0-9]+\.sp_t$'
----
sp_t|t
tag: SELECT 1

query
EXECUTE sp_p
----
1
tag: SELECT 1

statement ok
SET search_path = pg_temp, public

query
EXECUTE sp_p
----
2
tag: SELECT 1

statement ok
SET search_path = foo

# pg_temp is searched first though not named: the temporary table is found, public's not.
query
SELECT a FROM sp_t
----
2
tag: SELECT 1

query
EXECUTE sp_p
----
2
tag: SELECT 1

statement ok
DROP TABLE sp_t

statement error 42P01
EXECUTE sp_p

statement error 42P01
SELECT a FROM sp_t

statement error 42P01
SELECT * FROM sp_v

statement error 42P01
SELECT 'sp_v'::regclass

statement error 42P01
SELECT nextval('sp_s')

statement error 42P01
SELECT 'sp_t'::regclass

query
SELECT 'public.sp_t'::regclass, 'pg_class'::regclass, count(*) FROM public.sp_v
----
public.sp_t|pg_class|1
tag: SELECT 1

statement ok
INSERT INTO public.sp_d DEFAULT VALUES

query
SELECT a FROM public.sp_d
----
1
tag: SELECT 1

statement error 3F000
CREATE TABLE sp_x (a int)

statement error 3F000
CREATE VIEW sp_xv AS SELECT 1

statement error 3F000
CREATE SEQUENCE sp_xs

statement error 3F000
CREATE TABLE sp_xa AS SELECT 1

statement ok
DROP TABLE IF EXISTS sp_x

statement ok
SET search_path = pg_catalog

statement error 42501
CREATE TABLE sp_x (a int)

statement error 42501
CREATE TABLE sp_x AS SELECT 1

statement ok
SET search_path = pg_temp

statement ok
CREATE TABLE sp_y (a int)

statement ok
CREATE TABLE sp_ya AS SELECT 1 AS a

query
SELECT relname, relpersistence FROM pg_class WHERE relname IN ('sp_y', 'sp_ya') ORDER BY 1
----
sp_y|t
sp_ya|t
tag: SELECT 2

statement ok
RESET search_path

query
SELECT relname FROM pg_class WHERE relname LIKE 'sp\_x%' ORDER BY 1
----
tag: SELECT 0

query
SELECT a FROM sp_t
----
1
tag: SELECT 1

query
EXECUTE sp_p
----
1
tag: SELECT 1

statement ok
DEALLOCATE sp_p

statement ok
SET search_path = foo

statement ok
DROP TABLE IF EXISTS sp_t

statement error 42P01
DROP TABLE sp_t

statement ok
RESET search_path

statement ok
CREATE VIEW sp_dv AS SELECT 1

statement ok
SET search_path = foo

statement ok
DROP VIEW IF EXISTS sp_dv

statement ok
DROP SEQUENCE IF EXISTS sp_s

statement error 42P01
DROP VIEW sp_dv

statement error 42P01
DROP SEQUENCE sp_s

query
SELECT count(*) FROM public.sp_dv, pg_class WHERE relname = 'sp_s'
----
1
tag: SELECT 1

statement ok
RESET search_path
