# explain2: EXPLAIN's subplans (issue 16): a subquery in an expression is PostgreSQL's
# SubPlan N or InitPlan N (returns $k) under the node that uses it. drove shows what it runs
# (explain_subplan.go): an uncorrelated scalar subquery or EXISTS runs once per execution
# (InitPlan), x IN (uncorrelated) reads a hash set once (hashed SubPlan), a correlated
# subquery runs per row (SubPlan). The plans recorded here are those drove and PostgreSQL 15
# shape alike; where they differ by design (IN and EXISTS in WHERE are semi-joins in
# PostgreSQL, filters over the subplan in drove) the case is in explain_pg_test.go.
statement ok
CREATE TABLE sp_a (id int PRIMARY KEY, b_id int, v text)

statement ok
CREATE TABLE sp_b (id int PRIMARY KEY, w text, n int)

statement ok
INSERT INTO sp_a SELECT g, g % 5, 'v' || g FROM generate_series(1, 20) g

statement ok
INSERT INTO sp_b SELECT g, 'w' || g, g * 2 FROM generate_series(1, 1000) g

statement ok
ANALYZE sp_a

statement ok
ANALYZE sp_b

query
EXPLAIN (COSTS OFF) SELECT * FROM sp_a WHERE b_id > (SELECT max(n) FROM sp_b)
----
Seq Scan on sp_a
  Filter: (b_id > $0)
  InitPlan 1 (returns $0)
    ->  Aggregate
          ->  Seq Scan on sp_b
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT id, (SELECT w FROM sp_b WHERE sp_b.id = sp_a.b_id) FROM sp_a
----
Seq Scan on sp_a
  SubPlan 1
    ->  Index Scan using sp_b_pkey on sp_b
          Index Cond: (id = sp_a.b_id)
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT id, (SELECT max(n) FROM sp_b WHERE sp_b.n > sp_a.b_id) FROM sp_a
----
Seq Scan on sp_a
  SubPlan 1
    ->  Aggregate
          ->  Seq Scan on sp_b
                Filter: (n > sp_a.b_id)
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM sp_a WHERE b_id NOT IN (SELECT n FROM sp_b)
----
Seq Scan on sp_a
  Filter: (NOT (hashed SubPlan 1))
  SubPlan 1
    ->  Seq Scan on sp_b
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM sp_a WHERE b_id > ALL (SELECT n FROM sp_b)
----
Seq Scan on sp_a
  Filter: (SubPlan 1)
  SubPlan 1
    ->  Materialize
          ->  Seq Scan on sp_b
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM sp_a WHERE id = (SELECT max(n) FROM sp_b)
----
Seq Scan on sp_a
  Filter: (id = $0)
  InitPlan 1 (returns $0)
    ->  Aggregate
          ->  Seq Scan on sp_b
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT (SELECT max(n) FROM sp_b)
----
Result
  InitPlan 1 (returns $0)
    ->  Aggregate
          ->  Seq Scan on sp_b
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM sp_a WHERE b_id = (SELECT n FROM sp_b WHERE sp_b.id = sp_a.id)
----
Seq Scan on sp_a
  Filter: (b_id = (SubPlan 1))
  SubPlan 1
    ->  Index Scan using sp_b_pkey on sp_b
          Index Cond: (id = sp_a.id)
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT id, ARRAY(SELECT n FROM sp_b WHERE sp_b.id = sp_a.b_id) FROM sp_a
----
Seq Scan on sp_a
  SubPlan 1
    ->  Index Scan using sp_b_pkey on sp_b
          Index Cond: (id = sp_a.b_id)
tag: EXPLAIN

query
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM sp_a WHERE b_id > (SELECT n FROM sp_b WHERE id = 1)
----
Seq Scan on sp_a (actual rows=8 loops=1)
  Filter: (b_id > $0)
  Rows Removed by Filter: 12
  InitPlan 1 (returns $0)
    ->  Index Scan using sp_b_pkey on sp_b (actual rows=1 loops=1)
          Index Cond: (id = 1)
tag: EXPLAIN

query
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id, (SELECT w FROM sp_b WHERE sp_b.id = sp_a.b_id) FROM sp_a WHERE id < 4
----
Seq Scan on sp_a (actual rows=3 loops=1)
  Filter: (id < 4)
  Rows Removed by Filter: 17
  SubPlan 1
    ->  Index Scan using sp_b_pkey on sp_b (actual rows=1 loops=3)
          Index Cond: (id = sp_a.b_id)
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT * FROM sp_a WHERE b_id < 3 AND b_id IN (SELECT n FROM sp_b WHERE sp_b.id = sp_a.id)
----
Seq Scan on sp_a
  Filter: ((b_id < 3) AND (SubPlan 1))
  SubPlan 1
    ->  Index Scan using sp_b_pkey on sp_b
          Index Cond: (id = sp_a.id)
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT (SELECT count(*) FROM sp_b), (SELECT max(v) FROM sp_a)
----
Result
  InitPlan 1 (returns $0)
    ->  Aggregate
          ->  Seq Scan on sp_b
  InitPlan 2 (returns $1)
    ->  Aggregate
          ->  Seq Scan on sp_a
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT b_id FROM sp_a INTERSECT SELECT n FROM sp_b
----
HashSetOp Intersect
  ->  Append
        ->  Subquery Scan on "*SELECT* 1"
              ->  Seq Scan on sp_a
        ->  Subquery Scan on "*SELECT* 2"
              ->  Seq Scan on sp_b
tag: EXPLAIN

query
EXPLAIN (COSTS OFF) SELECT b_id FROM sp_a WHERE b_id < 3 EXCEPT ALL SELECT n FROM sp_b
----
HashSetOp Except All
  ->  Append
        ->  Subquery Scan on "*SELECT* 1"
              ->  Seq Scan on sp_a
                    Filter: (b_id < 3)
        ->  Subquery Scan on "*SELECT* 2"
              ->  Seq Scan on sp_b
tag: EXPLAIN
