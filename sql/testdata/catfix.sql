# A computed oid cast to regtype prints the type's name (regtypeout), as a regclass one prints
# the relation's; a session's temporary table is found by its own name (pg_temp comes first
# in the search path) and pg_class lists it by that name.
statement ok
CREATE TABLE cf (a int, b varchar(10), c char(2), d timestamptz, e numeric(5,2), f text[])

query
SELECT attname, atttypid::regtype FROM pg_attribute WHERE attrelid = 'cf'::regclass AND attnum > 0 ORDER BY attnum
----
a|integer
b|character varying
c|character
d|timestamp with time zone
e|numeric
f|text[]
tag: SELECT 6

query
SELECT proname, prorettype::regtype FROM pg_proc WHERE proname IN ('now', 'md5', 'pg_backend_pid') GROUP BY 1, 2 ORDER BY 1
----
md5|text
now|timestamp with time zone
pg_backend_pid|integer
tag: SELECT 3

query
SELECT 1042::regtype, 1700::regtype, 0::regtype, 999999::regtype, 2283::regtype, 2205::regtype
----
character|numeric|-|999999|anyelement|regclass
tag: SELECT 1

query
SELECT row_to_json(r) FROM (SELECT attname, atttypid::regtype AS t FROM pg_attribute WHERE attrelid = 'cf'::regclass AND attnum = 2) r
----
{"attname":"b","t":"character varying"}
tag: SELECT 1

query
SELECT row_to_json(r) FROM (SELECT relkind, oid::regclass AS name FROM pg_class WHERE relname = 'cf') r
----
{"relkind":"r","name":"cf"}
tag: SELECT 1

statement ok
CREATE TEMP TABLE tp (a int, b text)

query
SELECT relname, relpersistence, oid::regclass FROM pg_class WHERE oid = 'tp'::regclass
----
tp|t|tp
tag: SELECT 1

query
SELECT relname FROM pg_class WHERE oid = 'pg_temp.tp'::regclass
----
tp
tag: SELECT 1

query
SELECT c.relname, pg_catalog.pg_table_is_visible(c.oid) FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^(tp)$' COLLATE pg_catalog.default AND pg_catalog.pg_table_is_visible(c.oid)
----
tp|t
tag: SELECT 1

query
SELECT attname, atttypid::regtype FROM pg_attribute WHERE attrelid = 'tp'::regclass AND attnum > 0 ORDER BY attnum
----
a|integer
b|text
tag: SELECT 2

statement ok
DROP TABLE tp

# ALTER TABLE of a table with a deferred constraint's check pending is refused (55006), as
# TRUNCATE of it is.
statement ok
CREATE TABLE cfp (id int PRIMARY KEY)

statement ok
CREATE TABLE cfc (id int, p int, CONSTRAINT cffk FOREIGN KEY (p) REFERENCES cfp DEFERRABLE INITIALLY DEFERRED)

statement ok
BEGIN

statement ok
INSERT INTO cfc VALUES (1, 5)

statement error 55006
ALTER TABLE cfc DROP CONSTRAINT cffk

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
INSERT INTO cfc VALUES (1, 5)

statement error 55006
ALTER TABLE cfc ADD COLUMN x int

statement ok
ROLLBACK
