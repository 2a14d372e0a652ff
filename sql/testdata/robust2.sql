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
