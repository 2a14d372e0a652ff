# Constraints and table references applications written for PostgreSQL use (cons17).
# REFERENCES t without a column list references t's primary key; a table without one is
# PostgreSQL's 42704.
statement ok
CREATE TABLE kp (id int PRIMARY KEY, name text)

statement ok
CREATE TABLE knopk (a int)

statement ok
CREATE TABLE kc1 (id int PRIMARY KEY, pid int REFERENCES kp)

statement ok
CREATE TABLE kc2 (id int PRIMARY KEY, pid int, FOREIGN KEY (pid) REFERENCES kp)

statement error 42704
CREATE TABLE kc3 (id int PRIMARY KEY, pid int REFERENCES knopk)

statement error 42704
CREATE TABLE kc4 (id int PRIMARY KEY, pid int, FOREIGN KEY (pid) REFERENCES knopk)

statement error 42704
ALTER TABLE kc1 ADD FOREIGN KEY (pid) REFERENCES knopk

statement ok
INSERT INTO kp VALUES (1, 'a')

statement ok
INSERT INTO kc1 VALUES (1, 1)

statement error 23503
INSERT INTO kc1 VALUES (2, 2)

statement error 23503
INSERT INTO kc2 VALUES (2, 2)

statement ok
CREATE TABLE kp2 (a int, b int, PRIMARY KEY (a, b))

statement error 42830
CREATE TABLE kc5 (id int PRIMARY KEY, x int REFERENCES kp2)

statement ok
CREATE TABLE kc6 (id int PRIMARY KEY, x int, y int, FOREIGN KEY (x, y) REFERENCES kp2)

statement ok
INSERT INTO kp2 VALUES (1, 2)

statement ok
INSERT INTO kc6 VALUES (1, 1, 2), (2, NULL, 5)

statement error 23503
INSERT INTO kc6 VALUES (3, 2, 1)

# Foreign keys on temporary tables: a temporary table may reference a temporary table, and
# its constraints hold; a permanent table may not reference a temporary one, nor the converse.
statement ok
CREATE TEMP TABLE tp (id int PRIMARY KEY)

statement ok
CREATE TEMP TABLE tc (id int PRIMARY KEY, pid int REFERENCES tp ON DELETE CASCADE, n int CHECK (n > 0), u int UNIQUE)

statement ok
INSERT INTO tp VALUES (1), (2)

statement ok
INSERT INTO tc VALUES (1, 1, 1, 1), (2, 2, 2, 2)

statement error 23503
INSERT INTO tc VALUES (3, 3, 3, 3)

statement error 23514
INSERT INTO tc VALUES (3, 1, 0, 3)

statement error 23505
INSERT INTO tc VALUES (3, 1, 3, 1)

statement error 23505
UPDATE tc SET u = 1 WHERE id = 2

statement ok
DELETE FROM tp WHERE id = 1

query
SELECT id, pid FROM tc ORDER BY id
----
2|2
tag: SELECT 1

statement ok
CREATE LOCAL TEMPORARY TABLE tself (id int PRIMARY KEY, parent int REFERENCES tself, CONSTRAINT tself_uq UNIQUE (parent, id))

statement ok
INSERT INTO tself VALUES (1, NULL), (2, 1)

statement error 23503
INSERT INTO tself VALUES (3, 7)

statement error 23503
DELETE FROM tself WHERE id = 1

statement error 42P16
CREATE TABLE permc (id int PRIMARY KEY, pid int REFERENCES tp)

statement ok
CREATE TABLE permp (id int PRIMARY KEY)

statement error 42P16
CREATE TEMP TABLE tc2 (id int PRIMARY KEY, pid int REFERENCES permp)

statement ok
CREATE TABLE permc2 (id int PRIMARY KEY, pid int)

statement error 42P16
ALTER TABLE permc2 ADD FOREIGN KEY (pid) REFERENCES tp

statement error 42P16
ALTER TABLE tc ADD CONSTRAINT tc_perm FOREIGN KEY (pid) REFERENCES permp

statement error 42P01
CREATE TEMP TABLE tc3 (id int PRIMARY KEY, pid int REFERENCES public.tp)

statement error 42P01
SELECT * FROM tc2

# A parent's referencing rows are found through an index whose leading columns are the
# foreign key's and that has more columns after them (it once found none there, so the
# parent's delete passed and left orphans).
statement ok
CREATE TABLE xp (id int PRIMARY KEY)

statement ok
CREATE TABLE xc (id int PRIMARY KEY, pid int REFERENCES xp, UNIQUE (pid, id))

statement ok
CREATE TABLE yc (id int PRIMARY KEY, pid int REFERENCES xp ON DELETE CASCADE)

statement ok
CREATE INDEX ON yc (pid, id)

statement ok
INSERT INTO xp VALUES (1), (2)

statement ok
INSERT INTO xc VALUES (1, 1)

statement ok
INSERT INTO yc VALUES (1, 2), (2, 2)

statement error 23503
DELETE FROM xp WHERE id = 1

statement ok
DELETE FROM xp WHERE id = 2

query
SELECT (SELECT count(*) FROM xc), (SELECT count(*) FROM yc), (SELECT count(*) FROM xp)
----
1|0|1
tag: SELECT 1

statement ok
CREATE TABLE pself (id int PRIMARY KEY, parent int REFERENCES pself, CONSTRAINT pself_uq UNIQUE (parent, id))

statement ok
INSERT INTO pself VALUES (1, NULL), (2, 1)

statement error 23503
DELETE FROM pself WHERE id = 1

# ONLY t is t: drove has no inheritance (PostgreSQL accepts ONLY on any table).
statement ok
CREATE TABLE o (id int PRIMARY KEY, a int)

statement ok
INSERT INTO o VALUES (1, 1), (2, 2), (3, 3)

query
SELECT * FROM ONLY o WHERE id < 3 ORDER BY id
----
1|1
2|2
tag: SELECT 2

query
SELECT x.id FROM ONLY o AS x JOIN ONLY public.o y ON x.id = y.a, ONLY o z WHERE z.id = x.id ORDER BY 1
----
1
2
3
tag: SELECT 3

query
UPDATE ONLY o SET a = 10 WHERE id = 1 RETURNING a
----
10
tag: UPDATE 1

query
UPDATE ONLY o x SET a = x.a + 1 WHERE x.id = 2 RETURNING x.a
----
3
tag: UPDATE 1

query
DELETE FROM ONLY o x WHERE x.id = 3 RETURNING x.id
----
3
tag: DELETE 1

statement ok
ALTER TABLE ONLY o ADD COLUMN b int DEFAULT 5

statement ok
ALTER TABLE ONLY o ALTER COLUMN b SET DEFAULT 6

statement ok
ALTER TABLE ONLY o ADD CONSTRAINT o_a_pos CHECK (a > 0)

statement ok
ALTER TABLE ONLY o RENAME COLUMN b TO c

statement error 23514
UPDATE ONLY o SET a = 0

query
SELECT * FROM ONLY o ORDER BY id
----
1|10|5
2|3|5
tag: SELECT 2

statement ok
TRUNCATE ONLY o

query
SELECT count(*) FROM o
----
0
tag: SELECT 1

# Unique keys on expressions, partial ones and NULLS NOT DISTINCT (uidx.sql has more).
statement ok
CREATE TABLE ux (id int PRIMARY KEY, name text, a int, b bool)

statement ok
CREATE UNIQUE INDEX ON ux (lower(name))

statement ok
CREATE INDEX ux_e ON ux (coalesce(a, 0), id)

statement ok
CREATE UNIQUE INDEX ON ux (a) WHERE b

statement ok
CREATE UNIQUE INDEX ON ux (a) NULLS NOT DISTINCT

statement ok
CREATE TABLE unnd (id int PRIMARY KEY, a int UNIQUE NULLS NOT DISTINCT)

statement ok
CREATE TABLE unnd2 (id int PRIMARY KEY, a int, UNIQUE NULLS NOT DISTINCT (a))

# NULLS DISTINCT is what a unique key does anyway.
statement ok
CREATE TABLE und (id int PRIMARY KEY, a int UNIQUE NULLS DISTINCT, b int, CONSTRAINT und_b UNIQUE NULLS DISTINCT (b))

statement ok
CREATE UNIQUE INDEX und_ab ON und (a, b) NULLS DISTINCT

statement ok
INSERT INTO und VALUES (1, NULL, NULL), (2, NULL, NULL), (3, 1, 1)

statement error 23505
INSERT INTO und VALUES (4, 1, 2)

statement error 23505
INSERT INTO und VALUES (4, 2, 1)

# An ON CONFLICT target with an expression infers the unique index on it.
query
INSERT INTO ux VALUES (1, 'x', 1, true) ON CONFLICT (lower(name)) DO NOTHING RETURNING id
----
1
tag: INSERT 0 1

# A target's WHERE infers partial indexes; an index that is not partial is inferred whatever
# it says.
query
INSERT INTO ux VALUES (1, 'x', 1, true) ON CONFLICT (id) WHERE b AND (a > 1) DO NOTHING RETURNING id
----
tag: INSERT 0 0

query
INSERT INTO ux VALUES (1, 'x', 2, true) ON CONFLICT (id) WHERE b DO UPDATE SET a = excluded.a + 10 RETURNING id, a
----
1|12
tag: INSERT 0 1

statement error 23505
INSERT INTO ux VALUES (1, 'x', 2, true) ON CONFLICT (a) WHERE b DO NOTHING

statement error 42P10
INSERT INTO ux VALUES (2, 'y', 2, true) ON CONFLICT (name) DO NOTHING

# ALTER TABLE ... RENAME CONSTRAINT; a UNIQUE's index takes the new name too, and the
# renamed constraints still hold.
statement ok
CREATE TABLE rp (id int PRIMARY KEY)

statement ok
CREATE TABLE rc (id int PRIMARY KEY, a int, u int, p int, CONSTRAINT ra CHECK (a > 0), CONSTRAINT ru UNIQUE (u), CONSTRAINT rf FOREIGN KEY (p) REFERENCES rp)

statement ok
ALTER TABLE rc RENAME CONSTRAINT ra TO rb

statement ok
ALTER TABLE ONLY rc RENAME CONSTRAINT ru TO ru2

statement ok
ALTER TABLE IF EXISTS rc RENAME CONSTRAINT rf TO rf2

query
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'rc'::regclass ORDER BY conname
----
rb|c
rc_pkey|p
rf2|f
ru2|u
tag: SELECT 4

query
SELECT indexname FROM pg_indexes WHERE tablename = 'rc' ORDER BY 1
----
rc_pkey
ru2
tag: SELECT 2

statement error 42704
ALTER TABLE rc RENAME CONSTRAINT nosuch TO x

statement error 42710
ALTER TABLE rc RENAME CONSTRAINT rb TO ru2

statement error 42710
ALTER TABLE rc RENAME CONSTRAINT rb TO rb

statement ok
CREATE TABLE rother (id int PRIMARY KEY)

statement error 42P07
ALTER TABLE rc RENAME CONSTRAINT ru2 TO rother

statement ok
INSERT INTO rp VALUES (1)

statement ok
INSERT INTO rc VALUES (1, 1, 1, 1)

statement error 23514
INSERT INTO rc VALUES (2, 0, 2, 1)

statement error 23505
INSERT INTO rc VALUES (2, 1, 1, 1)

statement error 23503
INSERT INTO rc VALUES (2, 1, 2, 2)

statement ok
ALTER TABLE rc DROP CONSTRAINT ru2

statement ok
INSERT INTO rc VALUES (2, 1, 1, 1)
