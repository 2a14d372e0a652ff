# ALTER TABLE forms migrations use (addcol): ADD COLUMN with its constraints, added with the
# column in one schema change and checked against the rows the table has.
statement ok
CREATE TABLE acp (k int PRIMARY KEY)

statement ok
INSERT INTO acp VALUES (1), (2)

statement ok
CREATE TABLE act (id int PRIMARY KEY, a int)

statement ok
INSERT INTO act VALUES (1, 1), (2, 2)

statement ok
ALTER TABLE act ADD COLUMN c int CHECK (c > 0)

statement error 23514
INSERT INTO act VALUES (3, 3, 0)

# The rows' value is the DEFAULT: a failing one fails the ALTER, which leaves the table as it was.
statement error 23514
ALTER TABLE act ADD COLUMN c1 int DEFAULT 0 CHECK (c1 > 0)

statement error 23514
ALTER TABLE act ADD COLUMN c1 int CHECK (c1 IS NOT NULL)

statement error 23514
ALTER TABLE act ADD COLUMN c1 int CHECK (a > 1)

query
SELECT count(*) FROM information_schema.columns WHERE table_name = 'act' AND column_name = 'c1'
----
0
tag: SELECT 1

statement ok
ALTER TABLE act ADD COLUMN c1 int DEFAULT 5 CHECK (c1 > 0)

statement ok
ALTER TABLE act ADD COLUMN c2 int UNIQUE

statement error 23505
INSERT INTO act (id, c2) VALUES (3, 7), (4, 7)

statement error 23505
ALTER TABLE act ADD COLUMN c2b int DEFAULT 1 UNIQUE

statement ok
ALTER TABLE act ADD COLUMN c3 int REFERENCES acp

statement error 23503
INSERT INTO act (id, c3) VALUES (3, 9)

statement error 23503
ALTER TABLE act ADD COLUMN c3b int DEFAULT 9 REFERENCES acp (k)

statement ok
ALTER TABLE act ADD COLUMN c4 int DEFAULT 1 REFERENCES acp (k) ON DELETE CASCADE

statement ok
ALTER TABLE act ADD COLUMN c5 int NOT NULL DEFAULT 0

statement ok
ALTER TABLE act ADD COLUMN c6 int CONSTRAINT act_c6_pos CHECK (c6 > 0)

statement error 23514
INSERT INTO act (id, c6) VALUES (3, -1)

statement ok
ALTER TABLE act ADD COLUMN x int, ADD COLUMN y int CHECK (y > x)

statement error 23514
INSERT INTO act (id, x, y) VALUES (3, 2, 1)

statement error 23514
ALTER TABLE act ADD COLUMN x2 int DEFAULT 2, ADD COLUMN y2 int DEFAULT 1 CHECK (y2 > x2)

statement ok
ALTER TABLE act ADD COLUMN IF NOT EXISTS c int CHECK (c < 0)

statement ok
ALTER TABLE act ADD COLUMN IF NOT EXISTS c7 int CHECK (c7 < 0)

statement error 42710
ALTER TABLE act ADD COLUMN c8 int CONSTRAINT act_c6_pos CHECK (c8 > 0)

statement error 42703
ALTER TABLE act ADD COLUMN c8 int CHECK (nope > 0)

query
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'act'::regclass ORDER BY conname
----
act_c1_check|CHECK ((c1 > 0))
act_c2_key|UNIQUE (c2)
act_c3_fkey|FOREIGN KEY (c3) REFERENCES acp(k)
act_c4_fkey|FOREIGN KEY (c4) REFERENCES acp(k) ON DELETE CASCADE
act_c6_pos|CHECK ((c6 > 0))
act_c7_check|CHECK ((c7 < 0))
act_c_check|CHECK ((c > 0))
act_check|CHECK ((y > x))
act_pkey|PRIMARY KEY (id)
tag: SELECT 9

statement ok
DELETE FROM acp WHERE k = 1

query
SELECT count(*) FROM act
----
0
tag: SELECT 1

# ALTER TABLE IF EXISTS and ONLY before DROP COLUMN.
statement ok
CREATE TABLE acd (id int PRIMARY KEY, a int, b int, c int)

statement ok
ALTER TABLE IF EXISTS acd DROP COLUMN b

statement ok
ALTER TABLE ONLY acd DROP COLUMN c

statement ok
ALTER TABLE IF EXISTS ONLY acd DROP COLUMN IF EXISTS c

statement ok
ALTER TABLE IF EXISTS acd_missing DROP COLUMN b

statement error 42703
ALTER TABLE IF EXISTS acd DROP COLUMN b

statement ok
ALTER TABLE IF EXISTS acd ADD COLUMN d int, ALTER COLUMN a SET NOT NULL

query
SELECT column_name FROM information_schema.columns WHERE table_name = 'acd' ORDER BY ordinal_position
----
id
a
d
tag: SELECT 3
