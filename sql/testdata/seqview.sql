# CREATE and ALTER SEQUENCE run from sql/parser's tree (sequence_tree.go): names and options
# are read as PostgreSQL reads them, where the hand-written parser read them otherwise (a
# quoted name holding a dot is one name; RESTART in a CREATE; SEQUENCE NAME outside an
# identity column; OWNED BY's name parts; AS takes no array bounds).
statement ok
CREATE SEQUENCE "sv.a"

statement ok
CREATE SEQUENCE public."sv.b" INCREMENT 3

statement ok
ALTER SEQUENCE "sv.a" INCREMENT 5 MAXVALUE 100

statement error 3F000
CREATE SEQUENCE "sv"."c"

statement error 42501
CREATE SEQUENCE pg_catalog.sv_c

query
SELECT schemaname, sequencename, data_type, start_value, min_value, max_value, increment_by, cycle, cache_size, last_value FROM pg_sequences WHERE sequencename LIKE 'sv.%' ORDER BY 2
----
public|sv.a|bigint|1|1|100|5|f|1|NULL
public|sv.b|bigint|1|1|9223372036854775807|3|f|1|NULL
tag: SELECT 2

# psql's \ds reads pg_class's sequences.
query
SELECT n.nspname AS "Schema", c.relname AS "Name", CASE c.relkind WHEN 'S' THEN 'sequence' END AS "Type" FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('S', '') AND n.nspname <> 'pg_catalog' AND c.relname LIKE 'sv%' ORDER BY 1, 2
----
public|sv.a|sequence
public|sv.b|sequence
tag: SELECT 2

query
SELECT nextval('"sv.a"'), nextval('"sv.a"'), nextval('public."sv.b"')
----
1|6|1
tag: SELECT 1

statement ok
DROP SEQUENCE "sv.a", "sv.b"

# RESTART in a CREATE SEQUENCE sets the first value, START stays.
statement ok
CREATE SEQUENCE sv_r START 2 RESTART 5

query
SELECT start_value, last_value FROM pg_sequences WHERE sequencename = 'sv_r'
----
2|NULL
tag: SELECT 1

query
SELECT nextval('sv_r'), nextval('sv_r')
----
5|6
tag: SELECT 1

statement ok
CREATE SEQUENCE sv_r2 RESTART

query
SELECT nextval('sv_r2')
----
1
tag: SELECT 1

statement error 22023
CREATE SEQUENCE sv_r3 RESTART 0

statement error 42601
CREATE SEQUENCE sv_r3 RESTART 1 RESTART 2

statement error 42601
CREATE SEQUENCE sv_n SEQUENCE NAME sv_m

statement error 42601
ALTER SEQUENCE sv_r SEQUENCE NAME sv_m

statement error 42601
CREATE SEQUENCE sv_n AS int[]

statement error 42704
CREATE SEQUENCE sv_n AS "integer"

statement ok
CREATE SEQUENCE sv_n AS pg_catalog.int4

statement error 22023
CREATE SEQUENCE sv_o AS oid

# OWNED BY: table.column, schema.table.column; one name is no table.column, though it hold
# a dot.
statement ok
CREATE TABLE sv_t (a int, "b.c" int)

statement error 42601
CREATE SEQUENCE sv_o OWNED BY "sv_t.a"

statement error 3F000
CREATE SEQUENCE sv_o OWNED BY nosuch.sv_t.a

statement error 0A000
CREATE SEQUENCE sv_o OWNED BY nodb.public.sv_t.a

statement ok
CREATE SEQUENCE sv_o OWNED BY public.sv_t.a

statement ok
CREATE SEQUENCE sv_o2 OWNED BY sv_t."b.c"

query
SELECT c.relname, d.refobjid::regclass::text, a.attname FROM pg_depend d JOIN pg_class c ON c.oid = d.objid JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid WHERE c.relname LIKE 'sv_o%' ORDER BY 1
----
sv_o|sv_t|a
sv_o2|sv_t|b.c
tag: SELECT 2

# IF NOT EXISTS skips an existing relation before the options are checked; without it the
# options are checked first.
statement ok
CREATE SEQUENCE IF NOT EXISTS sv_t INCREMENT 0

statement error 22023
CREATE SEQUENCE sv_t INCREMENT 0

statement error 42P07
CREATE SEQUENCE sv_t

statement ok
ALTER SEQUENCE IF EXISTS nosuch.sv_x RESTART

statement error 3F000
ALTER SEQUENCE nosuch.sv_x RESTART

statement error 42601
ALTER SEQUENCE sv_r

statement error 42809
ALTER SEQUENCE sv_t RESTART

statement ok
DROP TABLE sv_t

statement ok
DROP SEQUENCE sv_r, sv_r2, sv_n
