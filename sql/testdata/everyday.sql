# Everyday DDL around COMMENT ON: a comment follows its object through renames and goes
# with it when it is dropped (a new object of the old name has none).
statement ok
CREATE TABLE ec (id int PRIMARY KEY, a int, b text)

statement ok
CREATE INDEX ec_a ON ec (a)

statement ok
CREATE INDEX ec_b ON ec (b)

statement ok
COMMENT ON TABLE ec IS 'the table'

statement ok
COMMENT ON COLUMN ec.a IS 'column a'

statement ok
COMMENT ON COLUMN ec.b IS 'column b'

statement ok
COMMENT ON INDEX ec_a IS 'index a'

statement ok
COMMENT ON INDEX ec_b IS 'index b'

statement ok
ALTER TABLE ec RENAME TO ec2

query
SELECT obj_description('ec2'::regclass, 'pg_class'), col_description('ec2'::regclass, 2), col_description('ec2'::regclass, 3)
----
the table|column a|column b
tag: SELECT 1

statement ok
ALTER TABLE ec2 RENAME COLUMN a TO a2

query
SELECT col_description('ec2'::regclass, 2)
----
column a
tag: SELECT 1

statement ok
ALTER TABLE ec2 RENAME a2 TO a3

query
SELECT col_description('ec2'::regclass, 2)
----
column a
tag: SELECT 1

statement ok
ALTER INDEX ec_a RENAME TO ec_a2

query
SELECT obj_description('ec_a2'::regclass, 'pg_class'), obj_description('ec_b'::regclass, 'pg_class')
----
index a|index b
tag: SELECT 1

statement ok
DROP INDEX ec_a2

statement ok
CREATE INDEX ec_a2 ON ec2 (id)

query
SELECT obj_description('ec_a2'::regclass, 'pg_class')
----
NULL
tag: SELECT 1

statement ok
ALTER TABLE ec2 DROP COLUMN b

statement ok
ALTER TABLE ec2 ADD COLUMN b text

query
SELECT col_description('ec2'::regclass, 4), count(*) FROM pg_description WHERE objoid = 'ec2'::regclass
----
NULL|2
tag: SELECT 1

statement ok
CREATE TABLE ecd (x int)

statement ok
COMMENT ON TABLE ecd IS 'gone'

statement ok
COMMENT ON COLUMN ecd.x IS 'gone too'

statement ok
DROP TABLE ecd

statement ok
CREATE TABLE ecd (x int)

query
SELECT obj_description('ecd'::regclass, 'pg_class'), col_description('ecd'::regclass, 1)
----
NULL|NULL
tag: SELECT 1

statement ok
CREATE VIEW ecv AS SELECT id FROM ec2

statement ok
COMMENT ON VIEW ecv IS 'a view'

statement ok
COMMENT ON COLUMN ecv.id IS 'its id'

statement ok
ALTER VIEW ecv RENAME TO ecv2

query
SELECT obj_description('ecv2'::regclass, 'pg_class'), col_description('ecv2'::regclass, 1)
----
a view|its id
tag: SELECT 1

statement ok
DROP VIEW ecv2

statement ok
CREATE VIEW ecv2 AS SELECT id FROM ec2

query
SELECT obj_description('ecv2'::regclass, 'pg_class'), col_description('ecv2'::regclass, 1)
----
NULL|NULL
tag: SELECT 1

# ALTER INDEX ... RENAME TO: a UNIQUE constraint's index renames the constraint too.
statement ok
CREATE TABLE eu (id int PRIMARY KEY, u int CONSTRAINT eu_u_key UNIQUE)

statement ok
COMMENT ON CONSTRAINT eu_u_key ON eu IS 'unique u'

statement ok
ALTER INDEX eu_u_key RENAME TO eu_u_uniq

query
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conrelid = 'eu'::regclass ORDER BY conname
----
eu_pkey|NULL
eu_u_uniq|unique u
tag: SELECT 2

query
SELECT indexname FROM pg_indexes WHERE tablename = 'eu' ORDER BY indexname
----
eu_pkey
eu_u_uniq
tag: SELECT 2

statement error 23505
INSERT INTO eu VALUES (1, 1), (2, 1)

statement error 42P01
ALTER INDEX eu_missing RENAME TO eu_x

statement ok
ALTER INDEX IF EXISTS eu_missing RENAME TO eu_x

statement error 42P07
ALTER INDEX eu_u_uniq RENAME TO ec2

# A relation that is not an index is renamed, as ALTER TABLE would.
statement ok
ALTER INDEX ecd RENAME TO ecd_x

query
SELECT count(*) FROM pg_class WHERE relname = 'ecd_x' AND relkind = 'r'
----
1
tag: SELECT 1

statement ok
ALTER INDEX ecd_x RENAME TO ecd

# LOCK TABLE in every mode, of a table and of a view (which locks the tables it reads).
statement error 25P01
LOCK TABLE eu IN SHARE MODE

statement ok
BEGIN

statement ok
LOCK TABLE eu IN SHARE UPDATE EXCLUSIVE MODE

statement ok
LOCK TABLE eu IN SHARE MODE

statement ok
LOCK TABLE eu IN SHARE ROW EXCLUSIVE MODE

statement ok
LOCK TABLE eu IN EXCLUSIVE MODE

statement ok
LOCK TABLE ecv2 IN SHARE MODE NOWAIT

statement ok
INSERT INTO eu VALUES (3, 3)

statement ok
COMMIT

statement ok
BEGIN

statement error 42601
LOCK TABLE eu IN SHARE EXCLUSIVE MODE

statement ok
ROLLBACK

statement ok
BEGIN

statement error 42P01
LOCK TABLE eu_nothere IN SHARE MODE

statement ok
ROLLBACK
