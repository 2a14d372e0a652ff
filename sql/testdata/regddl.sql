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
