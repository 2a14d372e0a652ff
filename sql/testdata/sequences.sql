# CREATE/ALTER/DROP SEQUENCE, nextval, currval, setval, lastval, as PostgreSQL 15 answers.

statement ok
CREATE SEQUENCE s

statement error 55000
SELECT currval('s')

statement error 55000
SELECT lastval()

query
SELECT nextval('s'), nextval('s'), currval('s'), lastval()
----
1|2|2|2
tag: SELECT 1

query
SELECT * FROM s
----
2|31|t
tag: SELECT 1

statement error 42P07
CREATE SEQUENCE s

statement ok
CREATE SEQUENCE IF NOT EXISTS s

statement error 42P01
SELECT nextval('nope')

statement error 42P01
SELECT currval('nope')

# nextval is not undone by ROLLBACK.

statement ok
BEGIN

query
SELECT nextval('s')
----
3
tag: SELECT 1

statement ok
ROLLBACK

query
SELECT nextval('s')
----
4
tag: SELECT 1

query
SELECT setval('s', 100)
----
100
tag: SELECT 1

query
SELECT currval('s'), nextval('s')
----
100|101
tag: SELECT 1

query
SELECT setval('s', 10, false), nextval('s')
----
10|10
tag: SELECT 1

query
SELECT * FROM s
----
10|32|t
tag: SELECT 1

statement error 22003
SELECT setval('s', 0)

statement ok
ALTER SEQUENCE s RESTART WITH 50

query
SELECT nextval('s'), nextval('s')
----
50|51
tag: SELECT 1

statement ok
ALTER SEQUENCE s INCREMENT BY 10

query
SELECT nextval('s')
----
61
tag: SELECT 1

statement ok
ALTER SEQUENCE s RESTART

query
SELECT nextval('s')
----
1
tag: SELECT 1

statement ok
ALTER SEQUENCE IF EXISTS nope RESTART

statement error 42P01
ALTER SEQUENCE nope RESTART

# Options: direction, bounds, cycle, type.

statement ok
CREATE SEQUENCE down INCREMENT BY -2 MINVALUE -5 MAXVALUE 0 START WITH 0

query
SELECT nextval('down'), nextval('down'), nextval('down')
----
0|-2|-4
tag: SELECT 1

statement error 2200H
SELECT nextval('down')

statement ok
CREATE SEQUENCE cyc AS smallint INCREMENT 3 MINVALUE 1 MAXVALUE 7 CYCLE

query
SELECT nextval('cyc'), nextval('cyc'), nextval('cyc'), nextval('cyc')
----
1|4|7|1
tag: SELECT 1

statement ok
CREATE SEQUENCE small AS smallint START 32766

query
SELECT nextval('small'), nextval('small')
----
32766|32767
tag: SELECT 1

statement error 2200H
SELECT nextval('small')

statement error 22023
CREATE SEQUENCE bad INCREMENT 0

statement error 22023
CREATE SEQUENCE bad MINVALUE 10 MAXVALUE 5

statement error 22023
CREATE SEQUENCE bad START 0

statement error 22023
CREATE SEQUENCE bad AS smallint MAXVALUE 100000

statement error 22023
CREATE SEQUENCE bad AS text

statement error 22023
CREATE SEQUENCE bad CACHE 0

statement error 42601
CREATE SEQUENCE bad START 1 START 2

query
SELECT sequencename, data_type, start_value, min_value, max_value, increment_by, cycle, cache_size, "last_value" FROM pg_sequences ORDER BY sequencename
----
cyc|smallint|1|1|7|3|t|1|1
down|bigint|0|-5|0|-2|f|1|-4
s|bigint|1|1|9223372036854775807|10|f|1|1
small|smallint|32766|1|32767|1|f|1|32767
tag: SELECT 4

query
SELECT sequence_name, data_type, numeric_precision, start_value, minimum_value, maximum_value, increment, cycle_option FROM information_schema.sequences ORDER BY sequence_name
----
cyc|smallint|16|1|1|7|3|YES
down|bigint|64|0|-5|0|-2|NO
s|bigint|64|1|1|9223372036854775807|10|NO
small|smallint|16|32766|1|32767|1|NO
tag: SELECT 4

query
SELECT c.relname, c.relkind, s.seqstart, s.seqincrement, s.seqmin, s.seqcycle FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid ORDER BY 1
----
cyc|S|1|3|1|t
down|S|0|-2|-5|f
s|S|1|10|1|f
small|S|32766|1|1|f
tag: SELECT 4

query
SELECT nextval('S'), nextval('public.s'), nextval('s'::regclass)
----
11|21|31
tag: SELECT 1

statement ok
DROP SEQUENCE down, cyc

statement error 42P01
DROP SEQUENCE down

statement ok
DROP SEQUENCE IF EXISTS down

statement error 42P01
SELECT nextval('down')

# Tables and sequences share one namespace.

statement ok
CREATE TABLE t (id int PRIMARY KEY)

statement error 42P07
CREATE SEQUENCE t

statement error 42P07
CREATE TABLE s (id int PRIMARY KEY)

statement error 42809
SELECT nextval('t')

statement error 42809
DROP SEQUENCE t

# A serial column owns its sequence, named table_column_seq, and shows nextval of it.

statement ok
CREATE TABLE items (id serial PRIMARY KEY, name text)

query
SELECT column_default FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'id'
----
nextval('items_id_seq'::regclass)
tag: SELECT 1

query
INSERT INTO items (name) VALUES ('a'), ('b') RETURNING id
----
1
2
tag: INSERT 0 2

query
SELECT currval('items_id_seq'), lastval()
----
2|2
tag: SELECT 1

query
SELECT sequencename, data_type, max_value FROM pg_sequences WHERE sequencename = 'items_id_seq'
----
items_id_seq|integer|2147483647
tag: SELECT 1

# psql's \d of a sequence: its type and options, and the column that owns it.

query
SELECT pg_catalog.format_type(seqtypid, NULL), seqstart, seqmin, seqmax, seqincrement, CASE WHEN seqcycle THEN 'yes' ELSE 'no' END, seqcache FROM pg_catalog.pg_sequence WHERE seqrelid = 'items_id_seq'::regclass
----
integer|1|1|2147483647|1|no|1
tag: SELECT 1

query
SELECT pg_catalog.quote_ident(nspname) || '.' || pg_catalog.quote_ident(relname) || '.' || pg_catalog.quote_ident(attname), d.deptype FROM pg_catalog.pg_class c INNER JOIN pg_catalog.pg_depend d ON c.oid=d.refobjid INNER JOIN pg_catalog.pg_namespace n ON n.oid=c.relnamespace INNER JOIN pg_catalog.pg_attribute a ON (a.attrelid=c.oid AND a.attnum=d.refobjsubid) WHERE d.classid='pg_catalog.pg_class'::pg_catalog.regclass AND d.refclassid='pg_catalog.pg_class'::pg_catalog.regclass AND d.objid='items_id_seq'::regclass AND d.deptype IN ('a', 'i')
----
public.items.id|a
tag: SELECT 1

query
SELECT quote_ident('a b'), quote_ident('ab'), quote_ident('A')
----
"a b"|ab|"A"
tag: SELECT 1

query
SELECT setval('items_id_seq', 2147483646)
----
2147483646
tag: SELECT 1

statement ok
INSERT INTO items (name) VALUES ('last')

statement error 2200H
INSERT INTO items (name) VALUES ('past the end')

statement ok
DROP TABLE items

statement error 42P01
SELECT nextval('items_id_seq')

# A column may draw from a sequence of its own choosing; OWNED BY ties them. (The DEFAULT is
# in parentheses: the dialect pass does not yet take a function call after DEFAULT bare.)

statement ok
CREATE SEQUENCE order_no START 1000

statement ok
CREATE TABLE orders (id int PRIMARY KEY, no bigint DEFAULT (nextval('order_no')))

statement ok
ALTER SEQUENCE order_no OWNED BY orders.no

query
INSERT INTO orders (id) VALUES (1), (2) RETURNING id, no
----
1|1000
2|1001
tag: INSERT 0 2

statement error 42703
ALTER SEQUENCE order_no OWNED BY orders.nope

statement ok
DROP TABLE orders

statement error 42P01
SELECT nextval('order_no')

# The owning column follows ALTER TABLE: renamed with it, dropped with it.

statement ok
CREATE TABLE r (k int PRIMARY KEY, n serial)

statement ok
ALTER TABLE r RENAME TO r2

statement ok
ALTER TABLE r2 RENAME COLUMN n TO m

query
SELECT pg_catalog.quote_ident(relname) || '.' || pg_catalog.quote_ident(attname) FROM pg_catalog.pg_class c INNER JOIN pg_catalog.pg_depend d ON c.oid=d.refobjid INNER JOIN pg_catalog.pg_attribute a ON (a.attrelid=c.oid AND a.attnum=d.refobjsubid) WHERE d.objid='r_n_seq'::regclass AND d.deptype = 'a'
----
r2.m
tag: SELECT 1

query
INSERT INTO r2 (k) VALUES (1) RETURNING m
----
1
tag: INSERT 0 1

statement ok
ALTER TABLE r2 DROP COLUMN m

statement error 42P01
SELECT nextval('r_n_seq')

# TRUNCATE continues a serial column's sequence, or restarts it with RESTART IDENTITY.

statement ok
CREATE TABLE tr (id serial PRIMARY KEY, v int)

statement ok
INSERT INTO tr (v) VALUES (1), (2)

statement ok
TRUNCATE tr CONTINUE IDENTITY

query
INSERT INTO tr (v) VALUES (3) RETURNING id
----
3
tag: INSERT 0 1

statement ok
TRUNCATE TABLE tr RESTART IDENTITY RESTRICT

query
INSERT INTO tr (v) VALUES (4) RETURNING id
----
1
tag: INSERT 0 1
