# ALTER VIEW, ALTER MATERIALIZED VIEW, ALTER INDEX, ALTER SEQUENCE's OWNER TO and REFRESH
# MATERIALIZED VIEW, read by sql/parser (alter_object_tree.go, utility_tree.go): their
# grammar's errors (an index's and a sequence's RENAME has only TO; RENAME TO takes a plain
# name), OWNER TO of every relation kind, the kind checks, and what each changes.
statement ok
CREATE TABLE ao_t (id int PRIMARY KEY, a int)

statement ok
INSERT INTO ao_t VALUES (1, 10), (2, 20)

statement ok
CREATE INDEX ao_i ON ao_t (a)

statement ok
CREATE VIEW ao_v AS SELECT id, a FROM ao_t

statement ok
CREATE MATERIALIZED VIEW ao_m AS SELECT id, a FROM ao_t WITH NO DATA

statement ok
CREATE SEQUENCE ao_s

statement error 42601
ALTER VIEW ao_v RENAME TO public.ao_v2

statement error 42601
ALTER INDEX ao_i RENAME TO public.ao_i2

statement error 42601
ALTER MATERIALIZED VIEW ao_m RENAME TO public.ao_m2

statement error 42601
ALTER INDEX ao_i RENAME ao_j

statement error 42601
ALTER INDEX ao_i RENAME a TO b

statement error 42601
ALTER SEQUENCE ao_s RENAME COLUMN a TO b

statement error 42601
ALTER VIEW ao_v RENAME CONSTRAINT a TO b

statement error 42601
ALTER INDEX IF EXISTS ONLY ao_i RENAME TO ao_j

statement error 42601
ALTER VIEW ao_v RENAME TO

statement error 42704
ALTER VIEW ao_v OWNER TO ao_nosuchrole

statement ok
ALTER VIEW ao_v OWNER TO CURRENT_USER

statement ok
ALTER MATERIALIZED VIEW ao_m OWNER TO CURRENT_USER

statement ok
ALTER INDEX ao_i OWNER TO CURRENT_USER

statement ok
ALTER SEQUENCE ao_s OWNER TO SESSION_USER

statement ok
ALTER SEQUENCE IF EXISTS ao_nosuch OWNER TO CURRENT_USER

statement ok
ALTER INDEX IF EXISTS ao_nosuch OWNER TO CURRENT_USER

statement error 42809
ALTER SEQUENCE ao_v OWNER TO CURRENT_USER

statement error 42809
ALTER VIEW ao_m OWNER TO CURRENT_USER

statement error 42809
ALTER MATERIALIZED VIEW ao_v OWNER TO CURRENT_USER

statement error 42809
ALTER INDEX ao_t OWNER TO CURRENT_USER

statement error 42P01
ALTER VIEW ao_nosuch OWNER TO CURRENT_USER

# RENAME: an index's name may name a view or sequence (PostgreSQL renames it all the same).
statement ok
ALTER INDEX ao_v RENAME TO ao_v3

statement ok
ALTER VIEW ao_v3 RENAME TO ao_v

statement ok
ALTER INDEX ao_i RENAME TO ao_i2

statement ok
ALTER INDEX IF EXISTS ao_i RENAME TO ao_i3

statement ok
ALTER INDEX public.ao_i2 RENAME TO ao_i

statement error 42809
ALTER VIEW ao_t RENAME TO ao_x

statement error 42809
ALTER MATERIALIZED VIEW ao_t RENAME TO ao_x

statement ok
ALTER VIEW IF EXISTS ao_nosuch RENAME TO ao_x

query
SELECT * FROM ao_v ORDER BY id
----
1|10
2|20
tag: SELECT 2

# REFRESH MATERIALIZED VIEW
statement error 55000
SELECT * FROM ao_m

statement error 42601
REFRESH MATERIALIZED VIEW ao_m WITH

statement error 42601
REFRESH VIEW ao_m

statement error 42601
REFRESH MATERIALIZED VIEW ao_m, ao_m

statement error 0A000
REFRESH MATERIALIZED VIEW ao_t

statement error 42P01
REFRESH MATERIALIZED VIEW ao_nosuch

statement ok
REFRESH MATERIALIZED VIEW public.ao_m WITH DATA

statement ok
ALTER MATERIALIZED VIEW ao_m RENAME COLUMN a TO b

statement ok
ALTER MATERIALIZED VIEW public.ao_m RENAME id TO ident

query
SELECT ident, b FROM ao_m ORDER BY ident
----
1|10
2|20
tag: SELECT 2

statement ok
ALTER MATERIALIZED VIEW ao_m RENAME TO ao_m2

statement ok
REFRESH MATERIALIZED VIEW ao_m2 WITH NO DATA

statement error 55000
SELECT * FROM ao_m2

statement ok
DROP MATERIALIZED VIEW ao_m2

statement ok
DROP VIEW ao_v

statement ok
DROP SEQUENCE ao_s

statement ok
DROP TABLE ao_t
