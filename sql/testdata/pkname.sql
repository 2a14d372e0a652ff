# A primary key constraint named other than <table>_pkey keeps its name: in pg_constraint,
# pg_class and pg_index (its index is named like it), pg_indexes, information_schema, its
# errors, ON CONFLICT ON CONSTRAINT, RENAME CONSTRAINT, ALTER INDEX ... RENAME, ADD
# CONSTRAINT ... PRIMARY KEY, and across a rename of its table (issue 17).
statement ok
CREATE TABLE pk1 (a int, b text, CONSTRAINT myk PRIMARY KEY (a))

query
SELECT conname, contype, pg_get_constraintdef(oid), conindid::regclass::text FROM pg_constraint WHERE conrelid = 'pk1'::regclass
----
myk|p|PRIMARY KEY (a)|myk
tag: SELECT 1

query
SELECT c.relname, c.relkind FROM pg_class c WHERE c.relname IN ('myk', 'pk1_pkey') ORDER BY 1
----
myk|i
tag: SELECT 1

query
SELECT t.relname, i.relname, x.indisunique, x.indisprimary FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname = 'pk1'
----
pk1|myk|t|t
tag: SELECT 1

query
SELECT tablename, indexname FROM pg_indexes WHERE tablename = 'pk1'
----
pk1|myk
tag: SELECT 1

query
SELECT constraint_name, table_name, constraint_type FROM information_schema.table_constraints WHERE table_name = 'pk1' AND constraint_type <> 'CHECK'
----
myk|pk1|PRIMARY KEY
tag: SELECT 1

query
SELECT constraint_name, column_name, ordinal_position FROM information_schema.key_column_usage WHERE table_name = 'pk1'
----
myk|a|1
tag: SELECT 1

# psql's \d pk1 asks for the table's indexes this way.
query
SELECT c2.relname, i.indisprimary, i.indisunique, pg_catalog.pg_get_constraintdef(con.oid, true), contype FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x')) WHERE c.oid = 'pk1'::regclass AND c.oid = i.indrelid AND i.indexrelid = c2.oid ORDER BY i.indisprimary DESC, c2.relname
----
myk|t|t|PRIMARY KEY (a)|p
tag: SELECT 1

query
SELECT 'myk'::regclass = (SELECT conindid FROM pg_constraint WHERE conname = 'myk'), 'myk'::regclass = 'pk1'::regclass
----
t|f
tag: SELECT 1

statement ok
INSERT INTO pk1 VALUES (1, 'one'), (2, 'two')

statement error 23505
INSERT INTO pk1 VALUES (1, 'again')

statement error 23505
UPDATE pk1 SET a = 2 WHERE a = 1

statement ok
INSERT INTO pk1 VALUES (1, 'again') ON CONFLICT ON CONSTRAINT myk DO NOTHING

statement ok
INSERT INTO pk1 VALUES (2, 'deux') ON CONFLICT ON CONSTRAINT myk DO UPDATE SET b = excluded.b

statement error 42704
INSERT INTO pk1 VALUES (1, 'x') ON CONFLICT ON CONSTRAINT pk1_pkey DO NOTHING

query
SELECT a, b FROM pk1 ORDER BY a
----
1|one
2|deux
tag: SELECT 2

# The key's index is a relation: no other relation may take its name, and it may not be
# dropped by itself.
statement error 42P07
CREATE TABLE myk (x int)

statement error 42P07
CREATE INDEX myk ON pk1 (b)

statement error 42P07
CREATE TABLE pk2 (a int CONSTRAINT myk PRIMARY KEY)

statement error 42P07
CREATE SEQUENCE myk

statement error 2BP01
DROP INDEX myk

statement error 42P07
ALTER TABLE pk1 ADD CONSTRAINT myk UNIQUE (b)

statement error 42710
ALTER TABLE pk1 ADD CONSTRAINT myk CHECK (a > 0)

statement error 42P07
CREATE TABLE pkself (a int CONSTRAINT pkself PRIMARY KEY)

statement ok
BEGIN

statement error 42809
SET CONSTRAINTS myk DEFERRED

statement ok
ROLLBACK

# A column's CONSTRAINT name PRIMARY KEY, and a name that needs quotes.
statement ok
CREATE TABLE pk2 (a int CONSTRAINT pk2k PRIMARY KEY, b int)

statement ok
CREATE TABLE pk3 (a int, CONSTRAINT "Mixed Key" PRIMARY KEY (a))

query
SELECT conrelid::regclass::text, conname, conindid::regclass::text FROM pg_constraint WHERE conrelid IN ('pk2'::regclass, 'pk3'::regclass) ORDER BY 1
----
pk2|pk2k|pk2k
pk3|Mixed Key|"Mixed Key"
tag: SELECT 2

statement error 23505
INSERT INTO pk3 VALUES (1), (1)

# Names that clash within the new table: the key's index is made first.
statement error 42710
CREATE TABLE pk5 (a int, CONSTRAINT c1 CHECK (a > 0), CONSTRAINT c1 PRIMARY KEY (a))

statement error 42710
CREATE TABLE pk5 (a int, CONSTRAINT c1 PRIMARY KEY (a), CONSTRAINT c1 CHECK (a > 0))

statement error 42P07
CREATE TABLE pk5 (a int, CONSTRAINT c1 PRIMARY KEY (a), b int CONSTRAINT c1 UNIQUE)

statement error 42P07
CREATE TABLE pk5 (a int, b int, CONSTRAINT pk5_pkey UNIQUE (b), PRIMARY KEY (a))

statement error 42P16
CREATE TABLE pk5 (a int CONSTRAINT k5 PRIMARY KEY, b int, CONSTRAINT k5b PRIMARY KEY (b))

# An unnamed UNIQUE's default name steps past the key's; a UNIQUE that repeats an unnamed
# key gives it its name.
statement ok
CREATE TABLE pk6 (a int, b int UNIQUE, CONSTRAINT pk6_b_key PRIMARY KEY (a))

statement ok
CREATE TABLE pk7 (a int PRIMARY KEY, CONSTRAINT u7 UNIQUE (a))

statement ok
CREATE TABLE pk8 (a int CONSTRAINT k8 PRIMARY KEY, CONSTRAINT u8 UNIQUE (a))

query
SELECT conrelid::regclass::text, conname, contype, conindid::regclass::text FROM pg_constraint WHERE conrelid IN ('pk6'::regclass, 'pk7'::regclass, 'pk8'::regclass) ORDER BY 1, 2
----
pk6|pk6_b_key|p|pk6_b_key
pk6|pk6_b_key1|u|pk6_b_key1
pk7|u7|p|u7
pk8|k8|p|k8
tag: SELECT 4

# A foreign key to the key names it as the unique constraint it uses.
statement ok
CREATE TABLE pkc (id int PRIMARY KEY, p int REFERENCES pk1)

query
SELECT constraint_name, unique_constraint_name FROM information_schema.referential_constraints WHERE constraint_name = 'pkc_p_fkey'
----
pkc_p_fkey|myk
tag: SELECT 1

statement error 23503
INSERT INTO pkc VALUES (1, 9)

statement ok
DROP TABLE pkc

# RENAME CONSTRAINT renames the key's index too; ALTER INDEX renames the constraint.
statement error 42P07
ALTER TABLE pk1 RENAME CONSTRAINT myk TO pk2

statement error 42P07
ALTER TABLE pk1 RENAME CONSTRAINT myk TO myk

statement ok
ALTER TABLE pk1 ADD CONSTRAINT pk1_c CHECK (a > 0)

statement error 42710
ALTER TABLE pk1 RENAME CONSTRAINT myk TO pk1_c

statement ok
ALTER TABLE pk1 DROP CONSTRAINT pk1_c

statement ok
ALTER TABLE pk1 RENAME CONSTRAINT myk TO myk2

query
SELECT conname, conindid::regclass::text FROM pg_constraint WHERE conrelid = 'pk1'::regclass
----
myk2|myk2
tag: SELECT 1

statement error 42P01
SELECT 'myk'::regclass

statement ok
ALTER INDEX myk2 RENAME TO myk3

statement error 42P07
ALTER INDEX myk3 RENAME TO pk2

query
SELECT conname, conindid::regclass::text FROM pg_constraint WHERE conrelid = 'pk1'::regclass
----
myk3|myk3
tag: SELECT 1

query
SELECT indexname FROM pg_indexes WHERE tablename = 'pk1'
----
myk3
tag: SELECT 1

statement ok
INSERT INTO pk1 VALUES (3, 'three') ON CONFLICT ON CONSTRAINT myk3 DO NOTHING

statement error 42704
INSERT INTO pk1 VALUES (3, 'three') ON CONFLICT ON CONSTRAINT myk DO NOTHING

statement error 42704
ALTER TABLE pk1 RENAME CONSTRAINT myk TO myk4

# A renamed table keeps its key's name, the default one too; a new table of the old name
# takes the next free default name.
statement ok
ALTER TABLE pk1 RENAME TO pk1r

query
SELECT conrelid::regclass::text, conname, conindid::regclass::text FROM pg_constraint WHERE conname = 'myk3'
----
pk1r|myk3|myk3
tag: SELECT 1

statement error 23505
INSERT INTO pk1r VALUES (3, 'trois')

statement ok
CREATE TABLE pk9 (a int PRIMARY KEY)

statement ok
ALTER TABLE pk9 RENAME TO pk9r

query
SELECT conname, conindid::regclass::text FROM pg_constraint WHERE conrelid = 'pk9r'::regclass
----
pk9_pkey|pk9_pkey
tag: SELECT 1

statement ok
CREATE TABLE pk9 (a int PRIMARY KEY)

query
SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE conrelid IN ('pk9'::regclass, 'pk9r'::regclass) ORDER BY 1
----
pk9|pk9_pkey1
pk9r|pk9_pkey
tag: SELECT 2

statement ok
ALTER TABLE pk9r RENAME CONSTRAINT pk9_pkey TO pk9r_pkey

query
SELECT conname FROM pg_constraint WHERE conrelid = 'pk9r'::regclass
----
pk9r_pkey
tag: SELECT 1

# ALTER TABLE ... ADD CONSTRAINT name PRIMARY KEY, and the checks on its name.
statement ok
CREATE TABLE pk10 (a int NOT NULL, b text)

statement ok
INSERT INTO pk10 VALUES (1, 'x'), (2, 'y')

statement error 42P07
ALTER TABLE pk10 ADD CONSTRAINT pk9 PRIMARY KEY (a)

statement error 42P07
ALTER TABLE pk10 ADD CONSTRAINT myk3 PRIMARY KEY (a)

statement ok
ALTER TABLE pk10 ADD CONSTRAINT pk10k PRIMARY KEY (a)

query
SELECT conname, pg_get_constraintdef(oid), conindid::regclass::text FROM pg_constraint WHERE conrelid = 'pk10'::regclass
----
pk10k|PRIMARY KEY (a)|pk10k
tag: SELECT 1

statement error 23505
INSERT INTO pk10 VALUES (1, 'z')

statement ok
CREATE TABLE pk11 (a int NOT NULL)

statement ok
INSERT INTO pk11 VALUES (1), (1)

statement error 23505
ALTER TABLE pk11 ADD CONSTRAINT pk11k PRIMARY KEY (a)

statement ok
CREATE TABLE pk12 (a int NOT NULL)

statement ok
CREATE INDEX pk12_pkey ON pk10 (b)

statement ok
ALTER TABLE pk12 ADD PRIMARY KEY (a)

query
SELECT conname FROM pg_constraint WHERE conrelid = 'pk12'::regclass
----
pk12_pkey1
tag: SELECT 1

# Comments follow the key through its renames.
statement ok
COMMENT ON CONSTRAINT pk10k ON pk10 IS 'the key'

statement ok
ALTER TABLE pk10 RENAME CONSTRAINT pk10k TO pk10key

query
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conrelid = 'pk10'::regclass
----
pk10key|the key
tag: SELECT 1

# DROP CONSTRAINT of the key: the table keeps its rows, without a key (its columns stay NOT
# NULL); a foreign key referencing it blocks the drop, or goes with CASCADE.
statement ok
CREATE TABLE pkd (a int, b text, CONSTRAINT pkdk PRIMARY KEY (a))

statement ok
INSERT INTO pkd VALUES (1, 'x'), (2, 'y'), (3, 'z')

statement ok
CREATE TABLE pkdc (id int PRIMARY KEY, p int REFERENCES pkd)

statement error 2BP01
ALTER TABLE pkd DROP CONSTRAINT pkdk

statement error 2BP01
DROP INDEX pkdk

statement ok
ALTER TABLE pkd DROP CONSTRAINT pkdk CASCADE

query
SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE conrelid IN ('pkd'::regclass, 'pkdc'::regclass) ORDER BY 1, 2
----
pkdc|pkdc_pkey
tag: SELECT 1

query
SELECT count(*) FROM pg_class WHERE relname = 'pkdk'
----
0
tag: SELECT 1

query
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'pkd'::regclass AND attnum > 0 ORDER BY attnum
----
a|t
b|f
tag: SELECT 2

statement ok
INSERT INTO pkd VALUES (1, 'again')

query
SELECT a, b FROM pkd ORDER BY a, b
----
1|again
1|x
2|y
3|z
tag: SELECT 4

statement error 42704
ALTER TABLE pkd DROP CONSTRAINT pkdk

statement ok
ALTER TABLE pkd DROP CONSTRAINT IF EXISTS pkdk

statement ok
DELETE FROM pkd WHERE b = 'again'

statement ok
ALTER TABLE pkd ADD CONSTRAINT pkdk2 PRIMARY KEY (a)

query
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'pkd'::regclass
----
pkdk2|PRIMARY KEY (a)
tag: SELECT 1

statement ok
CREATE TABLE pkdk (x int)

# A temporary table's named key.
statement ok
CREATE TEMP TABLE tpk (a int, CONSTRAINT tmyk PRIMARY KEY (a))

statement ok
INSERT INTO tpk VALUES (1)

statement error 23505
INSERT INTO tpk VALUES (1)

query
SELECT c.relname, c.relpersistence, n.nspname LIKE 'pg_temp%' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname IN ('tpk', 'tmyk') ORDER BY 1
----
tmyk|t|t
tpk|t|t
tag: SELECT 2

statement ok
INSERT INTO tpk VALUES (1) ON CONFLICT ON CONSTRAINT tmyk DO NOTHING

statement ok
CREATE TABLE tmyk (x int)

statement ok
DROP TABLE public.tmyk

statement ok
ALTER TABLE tpk RENAME CONSTRAINT tmyk TO tmyk2

query
SELECT c.relname FROM pg_class c WHERE c.relname LIKE 'tmyk%'
----
tmyk2
tag: SELECT 1

statement ok
ALTER TABLE tpk DROP CONSTRAINT tmyk2

statement ok
INSERT INTO tpk VALUES (1)
