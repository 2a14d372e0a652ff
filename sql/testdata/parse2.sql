# FETCH FIRST ... ROWS ONLY before OFFSET (PostgreSQL's grammar takes select_limit's clauses
# in either order), and row-locking clauses after it.
statement ok
CREATE TABLE p2 (k int PRIMARY KEY, v int)

statement ok
INSERT INTO p2 VALUES (1, 10), (2, 20), (3, 20), (4, 30)

query
SELECT k FROM p2 ORDER BY k FETCH FIRST 2 ROWS ONLY OFFSET 1
----
2
3
tag: SELECT 2

query
SELECT k FROM p2 ORDER BY k FETCH NEXT ROW ONLY OFFSET 2 ROWS
----
3
tag: SELECT 1

query
SELECT v FROM p2 ORDER BY v FETCH FIRST 1 ROWS WITH TIES OFFSET 1
----
20
20
tag: SELECT 2

query
SELECT k FROM p2 ORDER BY k FETCH FIRST 2 ROWS ONLY OFFSET 1 FOR UPDATE
----
2
3
tag: SELECT 2

query
SELECT * FROM (SELECT k FROM p2 ORDER BY k DESC FETCH FIRST 3 ROWS ONLY OFFSET 1) s ORDER BY k
----
1
2
3
tag: SELECT 3

statement error 42601
SELECT k FROM p2 FETCH FIRST 2 ROWS ONLY OFFSET 1 OFFSET 1
