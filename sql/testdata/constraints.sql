# CHECK, UNIQUE and FOREIGN KEY constraints, as PostgreSQL 15 keeps them.

statement ok
CREATE TABLE t1 (a int PRIMARY KEY, b int CHECK (b > 0), c int UNIQUE)

statement ok
INSERT INTO t1 VALUES (1, 1, 1)

statement error 23514
INSERT INTO t1 VALUES (2, -1, 2)

statement error 23505
INSERT INTO t1 VALUES (3, 1, 1)

# NULL passes a CHECK, and NULLs never conflict in a UNIQUE.
statement ok
INSERT INTO t1 VALUES (4, NULL, NULL), (5, NULL, NULL)

statement error 23514
UPDATE t1 SET b = 0 WHERE a = 1

statement error 23505
UPDATE t1 SET c = 1 WHERE a = 4

statement ok
UPDATE t1 SET c = 7 WHERE a = 1

statement ok
INSERT INTO t1 VALUES (6, 2, 1)

statement error 23505
INSERT INTO t1 VALUES (7, 2, 1) ON CONFLICT (a) DO UPDATE SET b = excluded.b

statement error 23514
INSERT INTO t1 VALUES (6, 2, 9) ON CONFLICT (a) DO UPDATE SET b = -5

query
SELECT a, b, c FROM t1 ORDER BY a
----
1|1|7
4|NULL|NULL
5|NULL|NULL
6|2|1
tag: SELECT 4

# A statement that fails leaves nothing of it behind.
statement error 23514
INSERT INTO t1 VALUES (10, 1, 10), (11, -1, 11)

query
SELECT count(*) FROM t1 WHERE a >= 10
----
0
tag: SELECT 1

# Named constraints, table constraints and a unique key over two columns.
statement ok
CREATE TABLE t2 (id int PRIMARY KEY, lo int, hi int CONSTRAINT hi_small CHECK (hi < 100), x int, y int, CONSTRAINT ordered CHECK (lo < hi), UNIQUE (x, y), CHECK (lo >= 0 AND id > 0))

statement ok
INSERT INTO t2 VALUES (1, 1, 2, 1, 1), (2, 1, 2, 1, 2), (3, 1, 2, NULL, 1), (4, 1, 2, NULL, 1)

statement error 23514
INSERT INTO t2 VALUES (5, 3, 2, 5, 5)

statement error 23514
INSERT INTO t2 VALUES (5, 1, 200, 5, 5)

statement error 23514
INSERT INTO t2 VALUES (5, -1, 2, 5, 5)

statement error 23505
INSERT INTO t2 VALUES (5, 1, 2, 1, 2)

query
SELECT conname, contype, conkey, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid IN ('t1'::regclass, 't2'::regclass) ORDER BY conname
----
hi_small|c|{3}|CHECK ((hi < 100))|CHECK (hi < 100)
ordered|c|{2,3}|CHECK ((lo < hi))|CHECK (lo < hi)
t1_b_check|c|{2}|CHECK ((b > 0))|CHECK (b > 0)
t1_c_key|u|{3}|UNIQUE (c)|UNIQUE (c)
t1_pkey|p|{1}|PRIMARY KEY (a)|PRIMARY KEY (a)
t2_check|c|{2,1}|CHECK (((lo >= 0) AND (id > 0)))|CHECK (lo >= 0 AND id > 0)
t2_pkey|p|{1}|PRIMARY KEY (id)|PRIMARY KEY (id)
t2_x_y_key|u|{4,5}|UNIQUE (x, y)|UNIQUE (x, y)
tag: SELECT 8

statement error 42703
CREATE TABLE bad (a int PRIMARY KEY, CHECK (nosuch > 0))

statement error 42804
CREATE TABLE bad (a int PRIMARY KEY, CHECK (a + 1))

statement error 0A000
CREATE TABLE bad (a int PRIMARY KEY, CHECK (a > (SELECT 1)))

statement error 42703
CREATE TABLE bad (a int PRIMARY KEY, UNIQUE (nosuch))

statement error 42P01
SELECT * FROM bad

# Foreign keys.
statement ok
CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, name text)

statement ok
CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p ON DELETE CASCADE ON UPDATE CASCADE, pc text, CONSTRAINT c_code_fk FOREIGN KEY (pc) REFERENCES p (code))

statement ok
INSERT INTO p VALUES (1, 'one', 'a'), (2, 'two', 'b'), (3, 'three', 'c')

statement ok
INSERT INTO c VALUES (10, 1, 'one'), (11, 2, 'two'), (12, NULL, NULL), (13, 2, NULL)

statement error 23503
INSERT INTO c VALUES (14, 5, NULL)

statement error 23503
INSERT INTO c VALUES (14, 1, 'five')

statement error 23503
UPDATE c SET p = 9 WHERE id = 10

# NO ACTION: a referenced key cannot go.
statement ok
INSERT INTO c VALUES (16, NULL, 'three')

statement error 23503
DELETE FROM p WHERE id = 3

statement error 23503
UPDATE p SET code = 'tres' WHERE id = 3

statement ok
DELETE FROM c WHERE id = 16

# CASCADE.
statement ok
UPDATE p SET id = 20 WHERE id = 2

query
SELECT id, p, pc FROM c ORDER BY id
----
10|1|one
11|20|two
12|NULL|NULL
13|20|NULL
tag: SELECT 4

statement ok
UPDATE c SET pc = NULL WHERE id = 10

statement ok
DELETE FROM p WHERE id = 1

query
SELECT id, p, pc FROM c ORDER BY id
----
11|20|two
12|NULL|NULL
13|20|NULL
tag: SELECT 3

# A key referenced in the same transaction is there for its children.
statement ok
BEGIN

statement ok
INSERT INTO p VALUES (4, 'four', 'd')

statement ok
INSERT INTO c VALUES (15, 4, 'four')

statement ok
COMMIT

query
SELECT id, p, pc FROM c WHERE id = 15
----
15|4|four
tag: SELECT 1

# SET NULL, SET DEFAULT and RESTRICT.
statement ok
CREATE TABLE sn (id int PRIMARY KEY, p int DEFAULT 3 REFERENCES p ON DELETE SET NULL ON UPDATE SET DEFAULT)

statement ok
INSERT INTO sn VALUES (1, 20), (2, 4)

statement ok
DELETE FROM p WHERE id = 20

statement ok
UPDATE p SET id = 40 WHERE id = 4

query
SELECT id, p FROM sn ORDER BY id
----
1|NULL
2|3
tag: SELECT 2

statement ok
CREATE TABLE r (id int PRIMARY KEY, p int REFERENCES p ON DELETE RESTRICT)

statement ok
INSERT INTO r VALUES (1, 3)

statement error 23503
DELETE FROM p WHERE id = 3

# A self-referencing table: a row may name itself.
statement ok
CREATE TABLE tree (id int PRIMARY KEY, parent int REFERENCES tree ON DELETE CASCADE)

statement ok
INSERT INTO tree VALUES (1, 1), (2, 1), (3, 2)

statement ok
DELETE FROM tree WHERE id = 2

query
SELECT id, parent FROM tree ORDER BY id
----
1|1
tag: SELECT 1

# The referenced columns must be the primary key or a unique constraint.
statement error 42830
CREATE TABLE bad (id int PRIMARY KEY, n text REFERENCES p (name))

statement error 42830
CREATE TABLE bad (id int PRIMARY KEY, a int, b int, FOREIGN KEY (a, b) REFERENCES p (id))

statement error 42P01
CREATE TABLE bad (id int PRIMARY KEY, a int REFERENCES nosuch)

statement error 42804
CREATE TABLE bad (id int PRIMARY KEY, a text REFERENCES p)

query
SELECT conname, contype, conkey, confkey, confupdtype, confdeltype, confmatchtype, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('c'::regclass, 'sn'::regclass, 'r'::regclass, 'tree'::regclass) ORDER BY conname
----
c_code_fk|f|{3}|{2}|a|a|s|FOREIGN KEY (pc) REFERENCES p(code)
c_p_fkey|f|{2}|{1}|c|c|s|FOREIGN KEY (p) REFERENCES p(id) ON UPDATE CASCADE ON DELETE CASCADE
r_p_fkey|f|{2}|{1}|a|r|s|FOREIGN KEY (p) REFERENCES p(id) ON DELETE RESTRICT
sn_p_fkey|f|{2}|{1}|d|n|s|FOREIGN KEY (p) REFERENCES p(id) ON UPDATE SET DEFAULT ON DELETE SET NULL
tree_parent_fkey|f|{2}|{1}|a|c|s|FOREIGN KEY (parent) REFERENCES tree(id) ON DELETE CASCADE
tag: SELECT 5

query
SELECT constraint_name, table_name, constraint_type, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE table_schema = 'public' AND table_name IN ('p', 'c') AND constraint_type <> 'CHECK' ORDER BY constraint_name
----
c_code_fk|c|FOREIGN KEY|NO|NO
c_p_fkey|c|FOREIGN KEY|NO|NO
c_pkey|c|PRIMARY KEY|NO|NO
p_code_key|p|UNIQUE|NO|NO
p_pkey|p|PRIMARY KEY|NO|NO
tag: SELECT 5

query
SELECT constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint FROM information_schema.key_column_usage WHERE table_name IN ('p', 'c') ORDER BY constraint_name, ordinal_position
----
c_code_fk|c|pc|1|1
c_p_fkey|c|p|1|1
c_pkey|c|id|1|NULL
p_code_key|p|code|1|NULL
p_pkey|p|id|1|NULL
tag: SELECT 5

query
SELECT constraint_name, unique_constraint_name, match_option, update_rule, delete_rule FROM information_schema.referential_constraints ORDER BY constraint_name
----
c_code_fk|p_code_key|NONE|NO ACTION|NO ACTION
c_p_fkey|p_pkey|NONE|CASCADE|CASCADE
r_p_fkey|p_pkey|NONE|NO ACTION|RESTRICT
sn_p_fkey|p_pkey|NONE|SET DEFAULT|SET NULL
tree_parent_fkey|tree_pkey|NONE|NO ACTION|CASCADE
tag: SELECT 5

# ALTER TABLE ADD CONSTRAINT checks the rows already there.
statement ok
CREATE TABLE a (id int PRIMARY KEY, v int, w int)

statement ok
INSERT INTO a VALUES (1, 5, 3), (2, -5, 3), (3, 7, 77)

statement error 23514
ALTER TABLE a ADD CONSTRAINT v_pos CHECK (v > 0)

statement error 23505
ALTER TABLE a ADD UNIQUE (w)

statement error 23503
ALTER TABLE a ADD FOREIGN KEY (w) REFERENCES p (id)

statement ok
DELETE FROM a WHERE id = 2

statement ok
UPDATE a SET w = 40 WHERE id = 3

statement ok
ALTER TABLE a ADD CONSTRAINT v_pos CHECK (v > 0)

statement ok
ALTER TABLE a ADD UNIQUE (w)

statement ok
ALTER TABLE a ADD FOREIGN KEY (w) REFERENCES p (id) ON DELETE CASCADE

statement error 23514
INSERT INTO a VALUES (4, 0, NULL)

statement error 23505
INSERT INTO a VALUES (4, 1, 3)

statement error 42710
ALTER TABLE a ADD CONSTRAINT v_pos CHECK (v > 1)

query
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'a'::regclass ORDER BY conname
----
a_pkey|PRIMARY KEY (id)
a_w_fkey|FOREIGN KEY (w) REFERENCES p(id) ON DELETE CASCADE
a_w_key|UNIQUE (w)
v_pos|CHECK ((v > 0))
tag: SELECT 4

statement ok
ALTER TABLE a DROP CONSTRAINT v_pos

statement ok
ALTER TABLE a DROP CONSTRAINT a_w_key

statement ok
INSERT INTO a VALUES (4, -1, 3)

statement error 42704
ALTER TABLE a DROP CONSTRAINT v_pos

statement ok
ALTER TABLE a DROP CONSTRAINT IF EXISTS v_pos

# A unique constraint a foreign key relies on cannot go alone.
statement error 2BP01
ALTER TABLE p DROP CONSTRAINT p_code_key

# Nor can a referenced table.
statement error 2BP01
DROP TABLE p

statement ok
DROP TABLE tree

statement ok
DROP TABLE p CASCADE

query
SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('c'::regclass, 'sn'::regclass, 'r'::regclass, 'a'::regclass)
----
0
tag: SELECT 1

statement ok
INSERT INTO c VALUES (99, 12345, 'nobody')

# CREATE UNIQUE INDEX is a unique key too.
statement ok
CREATE TABLE ui (id int PRIMARY KEY, e text)

statement ok
CREATE UNIQUE INDEX ui_e ON ui (e)

statement ok
INSERT INTO ui VALUES (1, 'x')

statement error 23505
INSERT INTO ui VALUES (2, 'x')

statement ok
CREATE TABLE uic (id int PRIMARY KEY, e text REFERENCES ui (e))

statement ok
INSERT INTO uic VALUES (1, 'x')

statement error 23503
INSERT INTO uic VALUES (2, 'y')

statement error 23503
DELETE FROM ui WHERE id = 1

# TRUNCATE of a referenced table needs its referencing tables truncated with it.
statement error 0A000
TRUNCATE ui

statement ok
TRUNCATE ui, uic

# A column or table name a constraint depends on cannot change under it.
# deviation: PostgreSQL renames the column inside the constraint; drove refuses.
statement error 0A000
ALTER TABLE t1 RENAME COLUMN b TO bb

statement ok
ALTER TABLE t1 ADD COLUMN z int

statement error 23514
INSERT INTO t1 VALUES (50, -1, 50, 1)

# A transaction's own rows count, as they are now: after a rollback to a savepoint, and after
# an update moved a row's key.
statement ok
CREATE TABLE sp (id int PRIMARY KEY, c int UNIQUE)

statement ok
BEGIN

statement ok
INSERT INTO sp VALUES (1, 1)

statement ok
SAVEPOINT a

statement ok
INSERT INTO sp VALUES (2, 2)

statement ok
ROLLBACK TO SAVEPOINT a

statement ok
INSERT INTO sp VALUES (3, 2)

statement ok
UPDATE sp SET c = 5 WHERE id = 1

statement ok
INSERT INTO sp VALUES (4, 1)

statement ok
SAVEPOINT b

statement error 23505
INSERT INTO sp VALUES (5, 5)

statement ok
ROLLBACK TO SAVEPOINT b

statement error 23505
UPDATE sp SET c = 2 WHERE id = 4

statement ok
ROLLBACK TO SAVEPOINT b

statement ok
DELETE FROM sp WHERE id = 3

statement ok
INSERT INTO sp VALUES (6, 2)

statement ok
COMMIT

query
SELECT id, c FROM sp ORDER BY id
----
1|5
4|1
6|2
tag: SELECT 3

statement ok
CREATE TABLE IF NOT EXISTS sp (id int PRIMARY KEY, c int UNIQUE CHECK (c > 0))

statement error 42P07
CREATE TABLE sp (id int PRIMARY KEY, c int UNIQUE)
