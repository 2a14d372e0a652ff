# Constraints and schema changes as PostgreSQL 15's regression files (constraints.sql,
# foreign_key.sql, alter_table.sql, identity.sql, ...) use them.
# A DEFAULT nextval('x_seq') the user writes names an existing sequence; the table must not
# try to create it (constraints.sql's DEFAULTEXPR_TBL).
statement ok
CREATE SEQUENCE default_seq

statement ok
CREATE TABLE defaultexpr_tbl (i1 int DEFAULT 100 + (200-199) * 2, i2 int DEFAULT nextval('default_seq'))

statement ok
INSERT INTO defaultexpr_tbl VALUES (-1, -2)

statement ok
INSERT INTO defaultexpr_tbl (i1) VALUES (-3)

statement ok
INSERT INTO defaultexpr_tbl (i2) VALUES (-4)

statement ok
INSERT INTO defaultexpr_tbl (i2) VALUES (NULL)

query
SELECT * FROM defaultexpr_tbl ORDER BY i1, i2
----
-3|1
-1|-2
102|-4
102|NULL
tag: SELECT 4

statement ok
DROP TABLE defaultexpr_tbl

query
SELECT nextval('default_seq')
----
2
tag: SELECT 1

# MATCH FULL (foreign_key.sql): a key is all NULL (and references nothing) or all set; a
# mix is refused on every write and when the constraint is added.
statement ok
CREATE TABLE mf_pk (ptest1 int, ptest2 int, ptest3 text, PRIMARY KEY (ptest1, ptest2))

statement ok
CREATE TABLE mf_fk (ftest1 int, ftest2 int, ftest3 int, CONSTRAINT constrname FOREIGN KEY (ftest1, ftest2) REFERENCES mf_pk MATCH FULL ON DELETE SET NULL ON UPDATE SET NULL)

statement ok
INSERT INTO mf_pk VALUES (1, 2, 'Test1'), (1, 3, 'Test1-2'), (2, 4, 'Test2')

statement ok
INSERT INTO mf_fk VALUES (1, 2, 4), (1, 3, 5), (NULL, NULL, 0)

statement error 23503
INSERT INTO mf_fk VALUES (100, 2, 4)

statement error 23503
INSERT INTO mf_fk VALUES (2, NULL, 4)

statement error 23503
INSERT INTO mf_fk VALUES (NULL, 2, 4)

statement error 23503
UPDATE mf_fk SET ftest1 = NULL WHERE ftest1 = 1

statement ok
UPDATE mf_fk SET ftest1 = NULL, ftest2 = NULL WHERE ftest3 = 5

statement ok
DELETE FROM mf_pk WHERE ptest1 = 1 AND ptest2 = 2

query
SELECT * FROM mf_fk ORDER BY ftest3
----
NULL|NULL|0
NULL|NULL|4
NULL|NULL|5
tag: SELECT 3

query
SELECT conname, confmatchtype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'mf_fk'::regclass
----
constrname|f|FOREIGN KEY (ftest1, ftest2) REFERENCES mf_pk(ptest1, ptest2) MATCH FULL ON UPDATE SET NULL ON DELETE SET NULL
tag: SELECT 1

query
SELECT constraint_name, match_option FROM information_schema.referential_constraints WHERE constraint_name = 'constrname'
----
constrname|FULL
tag: SELECT 1

statement ok
CREATE TABLE mf_fk2 (a int, b int)

statement ok
INSERT INTO mf_fk2 VALUES (2, NULL)

statement error 23503
ALTER TABLE mf_fk2 ADD FOREIGN KEY (a, b) REFERENCES mf_pk MATCH FULL

statement ok
ALTER TABLE mf_fk2 ADD FOREIGN KEY (a, b) REFERENCES mf_pk MATCH SIMPLE

statement error 0A000
CREATE TABLE mf_fk3 (a int, b int, FOREIGN KEY (a, b) REFERENCES mf_pk MATCH PARTIAL)

statement ok
DROP TABLE mf_fk, mf_fk2, mf_pk

# NOT VALID and VALIDATE CONSTRAINT (alter_table.sql): the rows the table has are not
# checked, new ones are; VALIDATE checks them all and the constraint is valid from then on.
statement ok
CREATE TABLE nv_pk (a int PRIMARY KEY)

statement ok
INSERT INTO nv_pk VALUES (1), (2)

statement ok
CREATE TABLE nv (a int, b int)

statement ok
INSERT INTO nv VALUES (1, 20), (5, 50)

statement error 23514
ALTER TABLE nv ADD CONSTRAINT b_less_than_thirty CHECK (b < 30)

statement ok
ALTER TABLE nv ADD CONSTRAINT b_less_than_thirty CHECK (b < 30) NOT VALID

statement error 23503
ALTER TABLE nv ADD CONSTRAINT nv_fk FOREIGN KEY (a) REFERENCES nv_pk

statement ok
ALTER TABLE nv ADD CONSTRAINT nv_fk FOREIGN KEY (a) REFERENCES nv_pk NOT VALID

query
SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'nv'::regclass ORDER BY conname
----
b_less_than_thirty|f|CHECK ((b < 30)) NOT VALID
nv_fk|f|FOREIGN KEY (a) REFERENCES nv_pk(a) NOT VALID
tag: SELECT 2

statement error 23514
INSERT INTO nv VALUES (1, 40)

statement error 23503
INSERT INTO nv VALUES (3, 25)

statement ok
INSERT INTO nv VALUES (2, 25)

statement error 23514
ALTER TABLE nv VALIDATE CONSTRAINT b_less_than_thirty

statement error 23503
ALTER TABLE nv VALIDATE CONSTRAINT nv_fk

statement ok
DELETE FROM nv WHERE a = 5

statement ok
ALTER TABLE nv VALIDATE CONSTRAINT b_less_than_thirty

statement ok
ALTER TABLE nv VALIDATE CONSTRAINT nv_fk

statement ok
ALTER TABLE nv VALIDATE CONSTRAINT nv_fk

query
SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'nv'::regclass ORDER BY conname
----
b_less_than_thirty|t|CHECK ((b < 30))
nv_fk|t|FOREIGN KEY (a) REFERENCES nv_pk(a)
tag: SELECT 2

statement error 42704
ALTER TABLE nv VALIDATE CONSTRAINT nosuch

statement ok
ALTER TABLE nv_pk ADD CONSTRAINT nv_pk_u UNIQUE (a)

statement error 42809
ALTER TABLE nv_pk VALIDATE CONSTRAINT nv_pk_u

statement error 42809
ALTER TABLE nv_pk VALIDATE CONSTRAINT nv_pk_pkey

statement error 0A000
ALTER TABLE nv_pk ADD CONSTRAINT nv_pk_u2 UNIQUE (a) NOT VALID

statement error 42601
CREATE TABLE nv2 (a int CHECK (a > 0) NOT VALID)

# NOT VALID on a new table's constraint: nothing to skip, the constraint is valid.
statement ok
CREATE TABLE nv3 (a int, CONSTRAINT nv3_a CHECK (a > 0) NOT VALID)

query
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'nv3'::regclass
----
nv3_a|t
tag: SELECT 1

statement ok
DROP TABLE nv, nv_pk, nv3

# Names PostgreSQL chooses are shortened to 63 bytes, the longer part first, and numbered
# on the suffix (foreign_key.sql).
statement ok
CREATE TABLE pktable1 (a int PRIMARY KEY)

statement ok
CREATE TABLE pktable2 (a int, b int, PRIMARY KEY (a, b))

statement ok
CREATE TABLE fktable2 (a int, b int, very_very_long_column_name_to_exceed_63_characters int, FOREIGN KEY (very_very_long_column_name_to_exceed_63_characters) REFERENCES pktable1, FOREIGN KEY (a, very_very_long_column_name_to_exceed_63_characters) REFERENCES pktable2, FOREIGN KEY (a, very_very_long_column_name_to_exceed_63_characters) REFERENCES pktable2, CHECK (very_very_long_column_name_to_exceed_63_characters > 0), UNIQUE (b, very_very_long_column_name_to_exceed_63_characters))

query
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'fktable2'::regclass ORDER BY conname
----
fktable2_a_very_very_long_column_name_to_exceed_63_charac_fkey1|f
fktable2_a_very_very_long_column_name_to_exceed_63_charact_fkey|f
fktable2_b_very_very_long_column_name_to_exceed_63_characte_key|u
fktable2_very_very_long_column_name_to_exceed_63_characte_check|c
fktable2_very_very_long_column_name_to_exceed_63_character_fkey|f
tag: SELECT 5

statement ok
DROP TABLE pktable1, pktable2, fktable2

# GENERATED ALWAYS AS IDENTITY (identity.sql): an INSERT may only give the column DEFAULT
# and an UPDATE may only set it to DEFAULT (428C9); BY DEFAULT and SERIAL take any value.
statement ok
CREATE TABLE itest2 (a bigint GENERATED ALWAYS AS IDENTITY, b text)

statement ok
CREATE TABLE itest1 (a int GENERATED BY DEFAULT AS IDENTITY, b text)

statement ok
INSERT INTO itest2 DEFAULT VALUES

statement ok
INSERT INTO itest2 (b) VALUES ('x')

statement ok
INSERT INTO itest2 VALUES (DEFAULT, 'y')

statement error 428C9
INSERT INTO itest2 VALUES (10, 'xyz')

statement error 428C9
INSERT INTO itest2 (a, b) SELECT 5, 'q'

statement error 428C9
INSERT INTO itest2 VALUES (DEFAULT, 'y'), (7, 'z')

statement error 428C9
UPDATE itest2 SET a = 101 WHERE a = 1

statement ok
UPDATE itest2 SET a = DEFAULT WHERE a = 1

statement ok
UPDATE itest2 SET b = 'n' WHERE a = 2

query
SELECT * FROM itest2 ORDER BY a
----
2|n
3|y
4|NULL
tag: SELECT 3

statement ok
INSERT INTO itest1 VALUES (10, 'xyz')

statement ok
INSERT INTO itest1 (b) VALUES ('d')

statement ok
UPDATE itest1 SET a = 101 WHERE a = 10

query
SELECT * FROM itest1 ORDER BY a
----
1|d
101|xyz
tag: SELECT 2

statement ok
DROP TABLE itest1, itest2

# The column stays GENERATED ALWAYS through ALTER TABLE's other changes (its type too).
statement ok
CREATE TABLE it (a bigint GENERATED ALWAYS AS IDENTITY, b text, c int)

statement ok
ALTER TABLE it ALTER COLUMN a TYPE int

statement error 428C9
INSERT INTO it VALUES (5, 'x', 1)

statement ok
ALTER TABLE it RENAME COLUMN a TO aa

statement error 428C9
INSERT INTO it VALUES (5, 'x', 1)

statement ok
INSERT INTO it (b, c) VALUES ('x', 1)

query
SELECT * FROM it
----
1|x|1
tag: SELECT 1

statement ok
DROP TABLE it

# An identity column's DEFAULT and NOT NULL are its identity's (identity.sql): ALTER TABLE
# may not drop or replace them (42601); a SERIAL column's may be.
statement ok
CREATE TABLE idd (a int GENERATED BY DEFAULT AS IDENTITY, b serial)

statement error 42601
ALTER TABLE idd ALTER COLUMN a DROP DEFAULT

statement error 42601
ALTER TABLE idd ALTER COLUMN a SET DEFAULT 5

statement error 42601
ALTER TABLE idd ALTER COLUMN a DROP NOT NULL

statement ok
INSERT INTO idd DEFAULT VALUES

statement ok
ALTER TABLE idd ALTER COLUMN b DROP DEFAULT

statement ok
ALTER TABLE idd ALTER COLUMN b DROP NOT NULL

statement ok
INSERT INTO idd DEFAULT VALUES

query
SELECT * FROM idd ORDER BY a
----
1|1
2|NULL
tag: SELECT 2

statement ok
DROP TABLE idd
