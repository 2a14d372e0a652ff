# COMMENT ON, as pg_dump writes it after the objects: stored with the schema, shown by
# pg_description, obj_description and col_description, dropped with the object.
statement ok
CREATE TABLE cmt (id int PRIMARY KEY, a text, b int CONSTRAINT cmt_b_pos CHECK (b > 0))

statement ok
CREATE INDEX cmt_a ON cmt (a)

statement ok
CREATE VIEW cmtv AS SELECT id, a FROM cmt

statement ok
CREATE SEQUENCE cmts

statement ok
COMMENT ON TABLE cmt IS 'the table'

statement ok
COMMENT ON COLUMN cmt.a IS 'column a'

statement ok
COMMENT ON COLUMN public.cmt.b IS 'column ''b'''

statement ok
COMMENT ON VIEW cmtv IS 'a view'

statement ok
COMMENT ON COLUMN cmtv.a IS 'view column'

statement ok
COMMENT ON SEQUENCE cmts IS 'a sequence'

statement ok
COMMENT ON INDEX cmt_a IS 'an index'

statement ok
COMMENT ON CONSTRAINT cmt_b_pos ON cmt IS 'a check'

statement ok
COMMENT ON CONSTRAINT cmt_pkey ON public.cmt IS 'the key'

query
SELECT obj_description('cmt'::regclass, 'pg_class'), obj_description('cmtv'::regclass, 'pg_class'), obj_description('cmts'::regclass, 'pg_class'), obj_description('cmt_a'::regclass, 'pg_class')
----
the table|a view|a sequence|an index
tag: SELECT 1

query
SELECT obj_description('cmt'::regclass), obj_description('cmt'::regclass, 'pg_proc'), col_description('cmt'::regclass, 1), col_description('cmt'::regclass, 2), col_description('cmt'::regclass, 3), col_description('cmtv'::regclass, 2)
----
the table|NULL|NULL|column a|column 'b'|view column
tag: SELECT 1

query
SELECT d.objsubid, d.description FROM pg_description d WHERE d.objoid = 'cmt'::regclass AND d.classoid = 'pg_class'::regclass ORDER BY 1
----
0|the table
2|column a
3|column 'b'
tag: SELECT 3

query
SELECT c.conname, d.description FROM pg_description d JOIN pg_constraint c ON c.oid = d.objoid AND d.classoid = 'pg_constraint'::regclass WHERE c.conrelid = 'cmt'::regclass ORDER BY 1
----
cmt_b_pos|a check
cmt_pkey|the key
tag: SELECT 2

# A new comment replaces the old; NULL and '' remove it.
statement ok
COMMENT ON TABLE cmt IS 'the table, again'

statement ok
COMMENT ON COLUMN cmt.a IS NULL

statement ok
COMMENT ON INDEX cmt_a IS ''

query
SELECT obj_description('cmt'::regclass, 'pg_class'), col_description('cmt'::regclass, 2), obj_description('cmt_a'::regclass, 'pg_class')
----
the table, again|NULL|NULL
tag: SELECT 1

# Missing objects and the wrong kind.
statement error 42P01
COMMENT ON TABLE nosuch IS 'x'

statement error 42P01
COMMENT ON COLUMN nosuch.a IS 'x'

statement error 42703
COMMENT ON COLUMN cmt.nosuch IS 'x'

statement error 42704
COMMENT ON CONSTRAINT nosuch ON cmt IS 'x'

statement error 42809
COMMENT ON TABLE cmtv IS 'x'

statement error 42809
COMMENT ON INDEX cmt IS 'x'

statement error 42809
COMMENT ON SEQUENCE cmt IS 'x'

statement error 42601
COMMENT ON TABLE cmt IS 3

statement error 42601
COMMENT ON COLUMN cmt IS 'x'

# Transactional, as all DDL.
statement ok
BEGIN

statement ok
COMMENT ON TABLE cmt IS 'rolled back'

query
SELECT obj_description('cmt'::regclass, 'pg_class')
----
rolled back
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT obj_description('cmt'::regclass, 'pg_class')
----
the table, again
tag: SELECT 1

# DROP drops the comments with the object; a new object of the name has none.
statement ok
DROP VIEW cmtv

statement ok
DROP SEQUENCE cmts

statement ok
DROP TABLE cmt

statement ok
CREATE TABLE cmt (id int PRIMARY KEY, a text, b int)

statement ok
CREATE SEQUENCE cmts

query
SELECT obj_description('cmt'::regclass, 'pg_class'), col_description('cmt'::regclass, 3), obj_description('cmts'::regclass, 'pg_class')
----
NULL|NULL|NULL
tag: SELECT 1

query
SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid WHERE c.relname LIKE 'cmt%'
----
0
tag: SELECT 1

statement ok
DROP TABLE cmt

statement ok
DROP SEQUENCE cmts

# pg_dump's first query: a session is served by its tablespace's leader, which can write.
query
SELECT pg_is_in_recovery()
----
f
tag: SELECT 1

# pg_dump's setup: SET synchronize_seqscans TO off.
statement ok
SET synchronize_seqscans TO off

query
SHOW synchronize_seqscans
----
off
tag: SHOW
