# INCLUDE columns of an index and of a UNIQUE constraint: stored, no part of the key, so they
# do not make a row unique; pg_get_indexdef, pg_get_constraintdef and pg_index show them.
statement ok
CREATE TABLE it (a int NOT NULL, b text, c jsonb, d int)

statement ok
CREATE INDEX ON it (a) INCLUDE (b, c)

statement ok
CREATE UNIQUE INDEX it_d ON it (d) INCLUDE (a)

statement ok
CREATE INDEX it_twice ON it (d) INCLUDE (d, b, b)

statement ok
CREATE INDEX ON it ((a + 1)) INCLUDE (b) WHERE d > 0

statement error 42703
CREATE INDEX it_zz ON it (a) INCLUDE (zz)

statement error 0A000
CREATE INDEX it_h ON it USING hash (a) INCLUDE (b)

statement ok
INSERT INTO it VALUES (1, 'x', '{}', 10), (2, 'x', '[]', 20)

# Uniqueness is on the key only: a repeated included value is fine, a repeated key is not.
statement error 23505
INSERT INTO it VALUES (3, 'y', '{}', 10)

statement ok
INSERT INTO it VALUES (3, 'x', '{}', 30)

query
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'it' ORDER BY 1
----
it_a_b_c_idx|CREATE INDEX it_a_b_c_idx ON public.it USING btree (a) INCLUDE (b, c)
it_d|CREATE UNIQUE INDEX it_d ON public.it USING btree (d) INCLUDE (a)
it_expr_b_idx|CREATE INDEX it_expr_b_idx ON public.it USING btree (((a + 1))) INCLUDE (b) WHERE (d > 0)
it_twice|CREATE INDEX it_twice ON public.it USING btree (d) INCLUDE (d, b, b)
tag: SELECT 4

query
SELECT indexrelid::regclass::text, indnatts, indnkeyatts, indkey::text FROM pg_index WHERE indrelid = 'it'::regclass ORDER BY 1
----
it_a_b_c_idx|3|1|1 2 3
it_d|2|1|4 1
it_expr_b_idx|2|1|0 2
it_twice|4|1|4 4 2 2
tag: SELECT 4

query
SELECT pg_get_indexdef('it_d'::regclass), pg_get_indexdef('it_d'::regclass, 2, true), pg_get_indexdef('it_d'::regclass, 1, true)
----
CREATE UNIQUE INDEX it_d ON public.it USING btree (d) INCLUDE (a)|a|d
tag: SELECT 1

query
SELECT relname, relnatts FROM pg_class WHERE relname LIKE 'it%' AND relkind = 'i' ORDER BY 1
----
it_a_b_c_idx|3
it_d|2
it_expr_b_idx|2
it_twice|4
tag: SELECT 4

query
SELECT attname, attnum FROM pg_attribute WHERE attrelid = 'it_a_b_c_idx'::regclass ORDER BY attnum
----
a|1
b|2
c|3
tag: SELECT 3

# Dropping an included column drops the index, as dropping a key column does.
statement ok
ALTER TABLE it DROP COLUMN c

query
SELECT indexname FROM pg_indexes WHERE tablename = 'it' ORDER BY 1
----
it_d
it_expr_b_idx
it_twice
tag: SELECT 3

statement ok
ALTER TABLE it DROP COLUMN b

query
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'it' ORDER BY 1
----
it_d|CREATE UNIQUE INDEX it_d ON public.it USING btree (d) INCLUDE (a)
tag: SELECT 1

# A UNIQUE constraint with INCLUDE: named after the included columns too.
statement ok
CREATE TABLE iu (a int, b text, c int, UNIQUE (a) INCLUDE (b))

statement ok
CREATE TABLE iu2 (a int, b int, UNIQUE NULLS NOT DISTINCT (a) INCLUDE (b))

statement ok
ALTER TABLE iu ADD CONSTRAINT iu_c UNIQUE (c) INCLUDE (a, b)

statement error 42703
CREATE TABLE iu3 (a int, UNIQUE (a) INCLUDE (zz))

statement ok
INSERT INTO iu VALUES (1, 'x', 1), (2, 'x', 2)

statement error 23505
INSERT INTO iu VALUES (1, 'y', 3)

statement ok
INSERT INTO iu2 VALUES (NULL, 1)

statement error 23505
INSERT INTO iu2 VALUES (NULL, 2)

query
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('iu'::regclass, 'iu2'::regclass) ORDER BY 1
----
iu2_a_b_key|UNIQUE NULLS NOT DISTINCT (a) INCLUDE (b)
iu_a_b_key|UNIQUE (a) INCLUDE (b)
iu_c|UNIQUE (c) INCLUDE (a, b)
tag: SELECT 3

query
SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('iu', 'iu2') ORDER BY 1
----
iu2_a_b_key|CREATE UNIQUE INDEX iu2_a_b_key ON public.iu2 USING btree (a) INCLUDE (b) NULLS NOT DISTINCT
iu_a_b_key|CREATE UNIQUE INDEX iu_a_b_key ON public.iu USING btree (a) INCLUDE (b)
iu_c|CREATE UNIQUE INDEX iu_c ON public.iu USING btree (c) INCLUDE (a, b)
tag: SELECT 3

query
SELECT indexrelid::regclass::text, indnatts, indnkeyatts, indkey::text FROM pg_index WHERE indrelid IN ('iu'::regclass, 'iu2'::regclass) ORDER BY 1
----
iu2_a_b_key|2|1|1 2
iu_a_b_key|2|1|1 2
iu_c|3|1|3 1 2
tag: SELECT 3

# PRIMARY KEY (...) INCLUDE (...): the key is its columns only.
statement ok
CREATE TABLE ip (a int, b text, c int, PRIMARY KEY (a) INCLUDE (b, c))

statement ok
CREATE TABLE ip2 (a int, b int, CONSTRAINT ip2k PRIMARY KEY (a, b) INCLUDE (b))

statement error 42703
CREATE TABLE ip3 (a int, PRIMARY KEY (a) INCLUDE (zz))

statement ok
INSERT INTO ip VALUES (1, 'x', 1), (2, 'x', 1)

statement error 23505
INSERT INTO ip VALUES (1, 'y', 2)

query
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('ip'::regclass, 'ip2'::regclass) ORDER BY 1
----
ip2k|PRIMARY KEY (a, b) INCLUDE (b)
ip_pkey|PRIMARY KEY (a) INCLUDE (b, c)
tag: SELECT 2

query
SELECT indexrelid::regclass::text, indnatts, indnkeyatts, indkey::text, indisprimary FROM pg_index WHERE indrelid IN ('ip'::regclass, 'ip2'::regclass) ORDER BY 1
----
ip2k|3|2|1 2 2|t
ip_pkey|3|1|1 2 3|t
tag: SELECT 2

# An ALTER that keeps the included columns keeps them.
statement ok
ALTER TABLE ip ADD COLUMN d int

statement ok
ALTER TABLE ip RENAME COLUMN b TO bb

query
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ip'::regclass
----
PRIMARY KEY (a) INCLUDE (bb, c)
tag: SELECT 1

query
SELECT a, bb, c FROM ip ORDER BY a
----
1|x|1
2|x|1
tag: SELECT 2
