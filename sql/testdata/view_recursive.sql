# CREATE RECURSIVE VIEW name (columns) AS query: PostgreSQL 15 makes it a view of
# WITH RECURSIVE name (columns) AS (query) SELECT columns FROM name.
statement ok
CREATE TABLE emp (id int PRIMARY KEY, boss int, name text)

statement ok
INSERT INTO emp VALUES (1, NULL, 'ann'), (2, 1, 'bob'), (3, 2, 'cy'), (4, 1, 'di')

statement ok
CREATE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 5

query
SELECT * FROM nums
----
1
2
3
4
5
tag: SELECT 5

query
SELECT sum(n), count(*) FROM nums WHERE n > 2
----
12|3
tag: SELECT 1

statement ok
CREATE RECURSIVE VIEW chain (id, name, depth) AS SELECT id, name, 0 FROM emp WHERE boss IS NULL UNION ALL SELECT e.id, e.name, c.depth + 1 FROM emp e JOIN chain c ON e.boss = c.id

query
SELECT * FROM chain ORDER BY depth, id
----
1|ann|0
2|bob|1
4|di|1
3|cy|2
tag: SELECT 4

query
SELECT c.name, e.name FROM chain c JOIN emp e ON e.id = c.id WHERE c.depth = 2
----
cy|cy
tag: SELECT 1

query
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'chain'::regclass AND attnum > 0 ORDER BY attnum
----
id|integer
name|text
depth|integer
tag: SELECT 3

query
SELECT relkind FROM pg_class WHERE relname = 'chain'
----
v
tag: SELECT 1

statement ok
CREATE OR REPLACE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 3

query
SELECT * FROM nums
----
1
2
3
tag: SELECT 3

statement error 42601
CREATE RECURSIVE VIEW bad AS SELECT 1

statement error 42P16
CREATE OR REPLACE RECURSIVE VIEW nums (m) AS VALUES (1)

statement error 55000
INSERT INTO chain VALUES (9, 'x', 0)

statement error 0A000
CREATE RECURSIVE VIEW checked (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM checked WHERE n < 3 WITH CHECK OPTION

statement ok
DROP VIEW nums, chain

statement error 42P01
SELECT * FROM nums
