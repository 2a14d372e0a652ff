# explain: EXPLAIN's options and PostgreSQL's node names (issue 16). Costs differ from
# PostgreSQL's (drove keeps no page counts or statistics), so the plans here are COSTS OFF;
# ANALYZE's counts are exact with TIMING OFF and SUMMARY OFF.
statement ok
CREATE TABLE ex_a (id int PRIMARY KEY, b_id int, v text)

statement ok
CREATE TABLE ex_b (id int PRIMARY KEY, w text)

statement ok
INSERT INTO ex_a VALUES (1, 1, 'x'), (2, 2, 'y'), (3, 1, 'z')

statement ok
INSERT INTO ex_b VALUES (1, 'p'), (2, 'q')

query
EXPLAIN (COSTS OFF) SELECT * FROM ex_a WHERE id = 2
----
Index Scan using ex_a_pkey on ex_a
  Index Cond: (id = 2)
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM ex_a ORDER BY v DESC, b_id
----
Sort
  Sort Key: v DESC, b_id
  ->  Seq Scan on ex_a
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM ex_a ORDER BY v NULLS FIRST LIMIT 2
----
Limit
  ->  Sort
        Sort Key: v NULLS FIRST
        ->  Seq Scan on ex_a
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT count(*) FROM ex_a
----
Aggregate
  ->  Seq Scan on ex_a
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT 1 WHERE false
----
Result
  One-Time Filter: false
tag: EXPLAIN

query
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM ex_a
----
Seq Scan on ex_a (actual rows=3 loops=1)
tag: EXPLAIN

query
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT count(*) FROM ex_a
----
Aggregate (actual rows=1 loops=1)
  ->  Seq Scan on ex_a (actual rows=3 loops=1)
tag: EXPLAIN

query
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM ex_a WHERE id = 3
----
Index Scan using ex_a_pkey on ex_a (actual rows=1 loops=1)
  Index Cond: (id = 3)
tag: EXPLAIN

query
EXPLAIN (ANALYZE TRUE, COSTS FALSE, TIMING 0, SUMMARY off) SELECT * FROM ex_a WHERE id = 9
----
Index Scan using ex_a_pkey on ex_a (actual rows=0 loops=1)
  Index Cond: (id = 9)
tag: EXPLAIN

statement error 22023
EXPLAIN (TIMING) SELECT 1

statement error 22023
EXPLAIN (WAL) SELECT 1

statement error 42601
EXPLAIN (ANALYZE maybe) SELECT 1

statement error 22023
EXPLAIN (FORMAT csv) SELECT 1

statement ok
BEGIN

statement ok
EXPLAIN (ANALYZE, COSTS OFF) INSERT INTO ex_b VALUES (3, 'r')

query
SELECT * FROM ex_b ORDER BY id
----
1|p
2|q
3|r
tag: SELECT 3

statement ok
ROLLBACK

query
SELECT * FROM ex_b ORDER BY id
----
1|p
2|q
tag: SELECT 2

statement ok
EXPLAIN ANALYZE DELETE FROM ex_b WHERE id = 2

query
SELECT * FROM ex_b ORDER BY id
----
1|p
tag: SELECT 1
