# DEFERRABLE [INITIALLY DEFERRED | IMMEDIATE] on UNIQUE and FOREIGN KEY constraints, and SET
# CONSTRAINTS: a deferred constraint is checked at COMMIT (a violation fails the COMMIT and
# rolls the transaction back), a deferrable immediate one at the end of each statement.
statement ok
CREATE TABLE p (id int PRIMARY KEY, u int UNIQUE DEFERRABLE INITIALLY DEFERRED, v int UNIQUE, w int, CONSTRAINT p_w_key UNIQUE (w) DEFERRABLE)

statement ok
CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p DEFERRABLE INITIALLY DEFERRED, pv int, CONSTRAINT c_pv FOREIGN KEY (pv) REFERENCES p (v) DEFERRABLE INITIALLY IMMEDIATE)

query
SELECT conname, contype, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('p'::regclass, 'c'::regclass) ORDER BY conname
----
c_pid_fkey|f|t|t|FOREIGN KEY (pid) REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED
c_pkey|p|f|f|PRIMARY KEY (id)
c_pv|f|t|f|FOREIGN KEY (pv) REFERENCES p(v) DEFERRABLE
p_pkey|p|f|f|PRIMARY KEY (id)
p_u_key|u|t|t|UNIQUE (u) DEFERRABLE INITIALLY DEFERRED
p_v_key|u|f|f|UNIQUE (v)
p_w_key|u|t|f|UNIQUE (w) DEFERRABLE
tag: SELECT 7

query
SELECT constraint_name, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE table_name IN ('p', 'c') AND constraint_type <> 'CHECK' ORDER BY constraint_name
----
c_pid_fkey|YES|YES
c_pkey|NO|NO
c_pv|YES|NO
p_pkey|NO|NO
p_u_key|YES|YES
p_v_key|NO|NO
p_w_key|YES|NO
tag: SELECT 7

# A child before its parent, in one transaction.
statement ok
BEGIN

statement ok
INSERT INTO c VALUES (1, 10, NULL)

statement ok
INSERT INTO p VALUES (10, 1, 1, 1)

statement ok
COMMIT

# A child without a parent fails the COMMIT, which rolls back.
statement ok
BEGIN

statement ok
INSERT INTO c VALUES (2, 11, NULL)

statement ok
INSERT INTO p VALUES (12, 2, 2, 2)

statement error 23503
COMMIT

query
SELECT count(*) FROM p
----
1
tag: SELECT 1

# Autocommit: the statement is its transaction, checked at its commit.
statement error 23503
INSERT INTO c VALUES (2, 11, NULL)

statement error 23503
DELETE FROM p

# A deferred unique key may be duplicated until the commit.
statement ok
BEGIN

statement ok
INSERT INTO p VALUES (11, 1, 3, 3)

statement ok
UPDATE p SET u = 5 WHERE id = 10

statement ok
COMMIT

query
SELECT * FROM p ORDER BY id
----
10|5|1|1
11|1|3|3
tag: SELECT 2

statement ok
BEGIN

statement ok
INSERT INTO p VALUES (13, 1, 4, 4)

statement error 23505
COMMIT

# SET CONSTRAINTS ... IMMEDIATE checks the pending ones at once.
statement ok
BEGIN

statement ok
INSERT INTO p VALUES (13, 1, 4, 4)

statement error 23505
SET CONSTRAINTS p_u_key IMMEDIATE

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
INSERT INTO c VALUES (2, 99, NULL)

statement error 23503
SET CONSTRAINTS ALL IMMEDIATE

statement ok
ROLLBACK

statement ok
BEGIN

statement ok
INSERT INTO c VALUES (2, 99, NULL)

statement ok
SET CONSTRAINTS c_pv IMMEDIATE

statement error 23503
SET CONSTRAINTS public.c_pid_fkey, c_pv IMMEDIATE

statement ok
ROLLBACK

# After SET CONSTRAINTS ... IMMEDIATE, a deferrable constraint is checked at the statement's end.
statement ok
BEGIN

statement ok
SET CONSTRAINTS ALL IMMEDIATE

statement error 23503
INSERT INTO c VALUES (2, 99, NULL)

statement ok
ROLLBACK

# An INITIALLY IMMEDIATE one can be deferred.
statement error 23503
INSERT INTO c VALUES (3, NULL, 99)

statement ok
BEGIN

statement ok
SET CONSTRAINTS c_pv DEFERRED

statement ok
INSERT INTO c VALUES (3, NULL, 99)

statement ok
INSERT INTO p VALUES (14, 14, 99, 14)

statement ok
COMMIT

# A deferrable unique key is checked at the statement's end while immediate, each row of a
# non-deferrable one as it is written.
statement ok
CREATE TABLE q (id int PRIMARY KEY, nd int UNIQUE, d int UNIQUE DEFERRABLE)

statement ok
INSERT INTO q VALUES (1, 1, 1), (2, 2, 2), (3, 3, 3)

query
UPDATE q SET d = d + 1
----
tag: UPDATE 3

statement error 23505
UPDATE q SET nd = nd + 1

statement error 23505
UPDATE q SET d = 1

statement ok
BEGIN

statement ok
SET CONSTRAINTS ALL IMMEDIATE

statement error 23505
UPDATE p SET u = 1

statement ok
ROLLBACK

# A parent deleted and put back before the commit.
statement ok
BEGIN

statement ok
DELETE FROM p WHERE id = 10

statement ok
INSERT INTO p VALUES (10, 50, 50, 50)

statement ok
COMMIT

query
SELECT * FROM c ORDER BY id
----
1|10|NULL
3|NULL|99
tag: SELECT 2

# ROLLBACK TO drops the checks queued since the savepoint, and SET CONSTRAINTS made since.
statement ok
BEGIN

statement ok
SAVEPOINT a

statement ok
INSERT INTO c VALUES (4, 98, NULL)

statement ok
ROLLBACK TO a

statement ok
COMMIT

statement ok
BEGIN

statement ok
SAVEPOINT a

statement ok
SET CONSTRAINTS ALL IMMEDIATE

statement ok
ROLLBACK TO a

statement ok
INSERT INTO c VALUES (4, 98, NULL)

statement ok
INSERT INTO p VALUES (98, 98, 98, 98)

statement ok
COMMIT

# The names SET CONSTRAINTS takes.
statement ok
CREATE TABLE k (a int CONSTRAINT kc CHECK (a > 0))

statement ok
BEGIN

statement ok
SET CONSTRAINTS kc, p_pkey, p_v_key IMMEDIATE

statement error 42809
SET CONSTRAINTS kc DEFERRED

statement ok
ROLLBACK

statement ok
BEGIN

statement error 42809
SET CONSTRAINTS p_pkey DEFERRED

statement ok
ROLLBACK

statement ok
BEGIN

statement error 42704
SET CONSTRAINTS p_u_key, nosuch DEFERRED

statement ok
ROLLBACK

statement ok
BEGIN

statement error 3F000
SET CONSTRAINTS nosuch.p_u_key DEFERRED

statement ok
ROLLBACK

statement ok
SET CONSTRAINTS ALL DEFERRED

statement error 42704
SET CONSTRAINTS nosuch IMMEDIATE

# What cannot be deferrable, and the clauses' rules.
statement error 0A000
CREATE TABLE x (a int, CHECK (a > 0) DEFERRABLE)

statement error 0A000
CREATE TABLE x (a int, CONSTRAINT x_a CHECK (a > 0) INITIALLY DEFERRED)

statement error 42601
CREATE TABLE x (a int CHECK (a > 0) DEFERRABLE)

statement error 42601
CREATE TABLE x (a int CHECK (a > 0) NOT DEFERRABLE)

statement error 42601
CREATE TABLE x (a int NOT NULL DEFERRABLE)

statement error 42601
CREATE TABLE x (a int DEFERRABLE)

statement error 42601
CREATE TABLE x (a int UNIQUE INITIALLY DEFERRED NOT DEFERRABLE)

statement error 42601
CREATE TABLE x (a int UNIQUE DEFERRABLE DEFERRABLE)

statement error 42601
CREATE TABLE x (a int, UNIQUE (a) DEFERRABLE NOT DEFERRABLE)

statement error 42601
CREATE TABLE x (a int, UNIQUE (a) INITIALLY DEFERRED INITIALLY IMMEDIATE)

statement ok
CREATE TABLE x (a int, UNIQUE (a) INITIALLY DEFERRED, b int UNIQUE NOT DEFERRABLE INITIALLY IMMEDIATE)

query
SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'x'::regclass ORDER BY conname
----
x_a_key|t|t
x_b_key|f|f
tag: SELECT 2

statement ok
CREATE TABLE y (a int PRIMARY KEY NOT DEFERRABLE, b int, CONSTRAINT y_b FOREIGN KEY (b) REFERENCES y (a) NOT DEFERRABLE INITIALLY IMMEDIATE)

# A foreign key cannot rest on a deferrable unique key.
statement error 55000
CREATE TABLE z (a int REFERENCES p (u))

statement error 55000
CREATE TABLE z (a int REFERENCES x (a))

# ALTER TABLE ADD CONSTRAINT takes the clauses too.
statement ok
CREATE TABLE z (a int, b int)

statement ok
ALTER TABLE z ADD CONSTRAINT z_a FOREIGN KEY (a) REFERENCES p DEFERRABLE INITIALLY DEFERRED

statement ok
ALTER TABLE z ADD CONSTRAINT z_b UNIQUE (b) DEFERRABLE

query
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'z'::regclass ORDER BY conname
----
z_a|t|t|FOREIGN KEY (a) REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED
z_b|t|f|UNIQUE (b) DEFERRABLE
tag: SELECT 2

statement error 23505
INSERT INTO z VALUES (10, 1), (11, 1)

statement ok
BEGIN

statement ok
SET CONSTRAINTS z_b DEFERRED

statement ok
INSERT INTO z VALUES (10, 1), (11, 1)

statement ok
UPDATE z SET b = 2 WHERE a = 11

statement ok
INSERT INTO z VALUES (1000, 3)

statement ok
UPDATE z SET a = 10 WHERE a = 1000

statement ok
COMMIT

query
SELECT * FROM z ORDER BY b
----
10|1
11|2
10|3
tag: SELECT 3
