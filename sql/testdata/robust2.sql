# Correctness and robustness gaps found against PostgreSQL 15 (second pass).
# A view whose GROUP BY groups a table's primary key reads the table's other columns
# through it: PostgreSQL records that the view depends on the key constraint, so dropping
# the key is refused (2BP01) and CASCADE drops the view and the views reading it. A view
# that groups the key without relying on it (fd_ok) stays.
statement ok
CREATE TABLE fd_t (k int PRIMARY KEY, b int, c int)

statement ok
INSERT INTO fd_t VALUES (1, 10, 100), (2, 20, 200)

statement ok
CREATE VIEW fd_v AS SELECT k, b FROM fd_t GROUP BY k

statement ok
CREATE VIEW fd_ok AS SELECT k, count(*) FROM fd_t GROUP BY k

statement ok
CREATE VIEW fd_w AS SELECT * FROM fd_v

statement error 2BP01
ALTER TABLE fd_t DROP CONSTRAINT fd_t_pkey

statement error 2BP01
ALTER TABLE fd_t DROP COLUMN b

statement error 0A000
ALTER TABLE fd_t ALTER COLUMN k TYPE bigint

query
SELECT * FROM fd_w ORDER BY k
----
1|10
2|20
tag: SELECT 2

statement ok
DROP VIEW fd_w

statement ok
DROP VIEW fd_v

# In a subquery of the view, and through a materialized view.
statement ok
CREATE VIEW fd_s AS SELECT (SELECT max(c) FROM (SELECT k, c FROM fd_t GROUP BY k) s) AS m

statement error 2BP01
ALTER TABLE fd_t DROP CONSTRAINT fd_t_pkey

statement ok
DROP VIEW fd_s

statement ok
CREATE MATERIALIZED VIEW fd_m AS SELECT k, c FROM fd_t GROUP BY k

statement error 2BP01
ALTER TABLE fd_t DROP CONSTRAINT fd_t_pkey

statement ok
DROP MATERIALIZED VIEW fd_m

statement ok
CREATE VIEW fd_v AS SELECT k, b FROM fd_t GROUP BY k

statement ok
CREATE VIEW fd_w AS SELECT * FROM fd_v

statement ok
ALTER TABLE fd_t DROP CONSTRAINT fd_t_pkey CASCADE

query
SELECT table_name FROM information_schema.views WHERE table_name LIKE 'fd%' ORDER BY 1
----
fd_ok
tag: SELECT 1

query
SELECT * FROM fd_ok ORDER BY k
----
1|1
2|1
tag: SELECT 2

statement ok
DROP VIEW fd_ok

statement ok
DROP TABLE fd_t

# An ON COMMIT DELETE ROWS table referenced by a foreign key of a table its commit does not
# empty: PostgreSQL refuses the commit (0A000), which for CREATE outside a transaction block
# is its own; drove committed and left the references dangling.
statement ok
CREATE TEMP TABLE oc_p (id int PRIMARY KEY) ON COMMIT DELETE ROWS

statement error 0A000
CREATE TEMP TABLE oc_c (id int REFERENCES oc_p)

statement ok
BEGIN

statement ok
CREATE TEMP TABLE oc_c (id int REFERENCES oc_p) ON COMMIT PRESERVE ROWS

statement ok
INSERT INTO oc_p VALUES (1)

statement ok
INSERT INTO oc_c VALUES (1)

statement error 0A000
COMMIT

statement error 42P01
SELECT * FROM oc_c

# ON COMMIT DROP too: the commit empties before it drops.
statement ok
BEGIN

statement ok
CREATE TEMP TABLE oc_d (id int REFERENCES oc_p) ON COMMIT DROP

statement error 0A000
COMMIT

statement ok
CREATE TEMP TABLE oc_c2 (id int REFERENCES oc_p) ON COMMIT DELETE ROWS

statement ok
BEGIN

statement ok
INSERT INTO oc_p VALUES (1)

statement ok
INSERT INTO oc_c2 VALUES (1)

statement ok
COMMIT

query
SELECT (SELECT count(*) FROM oc_c2), (SELECT count(*) FROM oc_p)
----
0|0
tag: SELECT 1

statement ok
CREATE TEMP TABLE oc_x (id int)

statement error 0A000
ALTER TABLE oc_x ADD FOREIGN KEY (id) REFERENCES oc_p

statement ok
DROP TABLE oc_x, oc_c2, oc_p

# An identity column's sequence belongs to it: OWNED BY cannot move or drop that (0A000).
statement ok
CREATE TABLE id_t (a int GENERATED ALWAYS AS IDENTITY, b int)

statement error 0A000
ALTER SEQUENCE id_t_a_seq OWNED BY NONE

statement error 0A000
ALTER SEQUENCE id_t_a_seq OWNED BY id_t.b

statement error 0A000
ALTER SEQUENCE id_t_a_seq OWNED BY id_t.a

statement error 42703
ALTER SEQUENCE id_t_a_seq OWNED BY id_t.nope

statement ok
ALTER SEQUENCE id_t_a_seq INCREMENT 2

statement ok
INSERT INTO id_t (b) VALUES (1), (2)

query
SELECT a, b FROM id_t ORDER BY a
----
1|1
3|2
tag: SELECT 2

statement ok
CREATE SEQUENCE id_s OWNED BY id_t.b

statement ok
ALTER SEQUENCE id_s OWNED BY NONE

statement ok
DROP TABLE id_t

statement ok
DROP SEQUENCE id_s

statement error 42P01
SELECT nextval('id_t_a_seq')
