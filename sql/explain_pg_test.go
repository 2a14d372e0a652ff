package sql

import (
	"context"
	"strings"
	"testing"
)

// TestExplainLikePostgres: EXPLAIN (COSTS OFF) of a set of queries, each with drove's plan
// and, in a comment, what PostgreSQL 15 printed for it on the same (empty) tables. Where
// the plans have the same shape the text is PostgreSQL's but for the types PostgreSQL adds
// to constants ('x'::text), which drove's binder does not keep in the tree it prints; where
// they differ, drove plans another way (no bitmap scans, no semi-join of IN/EXISTS, no
// index-only scans, no merge joins), each such case says how.
func TestExplainLikePostgres(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, `CREATE TABLE a (id int PRIMARY KEY, b_id int, v text);
		CREATE TABLE b (id int PRIMARY KEY, w text);
		CREATE TABLE c (id int PRIMARY KEY, k int, g text);
		CREATE INDEX c_k ON c (k)`, &textOutput{}); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ query, plan string }{
		// PostgreSQL 15: the same.
		{"SELECT * FROM a", `
Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM a WHERE id = 5", `
Index Scan using a_pkey on a
  Index Cond: (id = 5)`},
		// PostgreSQL 15:
		//   Index Scan using a_pkey on a
		//     Index Cond: (id = 5)
		//     Filter: (v = 'x'::text)
		{"SELECT * FROM a WHERE id = 5 AND v = 'x'", `
Index Scan using a_pkey on a
  Index Cond: (id = 5)
  Filter: (v = 'x')`},
		// PostgreSQL 15:
		//   Seq Scan on a
		//     Filter: (v = 'x'::text)
		{"SELECT * FROM a WHERE v = 'x'", `
Seq Scan on a
  Filter: (v = 'x')`},
		// PostgreSQL 15:
		//   Bitmap Heap Scan on c
		//     Recheck Cond: (k = 5)
		//     ->  Bitmap Index Scan on c_k
		//           Index Cond: (k = 5)
		{"SELECT * FROM c WHERE k = 5", `
Index Scan using c_k on c
  Index Cond: (k = 5)`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM a ORDER BY v", `
Sort
  Sort Key: v
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM a ORDER BY v DESC, b_id", `
Sort
  Sort Key: v DESC, b_id
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM a ORDER BY v NULLS FIRST", `
Sort
  Sort Key: v NULLS FIRST
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT count(*) FROM a", `
Aggregate
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT v, count(*) FROM a GROUP BY v", `
HashAggregate
  Group Key: v
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM a LIMIT 5", `
Limit
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM a ORDER BY v LIMIT 5", `
Limit
  ->  Sort
        Sort Key: v
        ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM a JOIN b ON a.b_id = b.id", `
Hash Join
  Hash Cond: (a.b_id = b.id)
  ->  Seq Scan on a
  ->  Hash
        ->  Seq Scan on b`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM a LEFT JOIN b ON a.b_id = b.id", `
Hash Left Join
  Hash Cond: (a.b_id = b.id)
  ->  Seq Scan on a
  ->  Hash
        ->  Seq Scan on b`},
		// PostgreSQL 15:
		//   Nested Loop
		//     ->  Seq Scan on a
		//     ->  Index Scan using b_pkey on b
		//           Index Cond: (id > a.id)
		{"SELECT * FROM a, b WHERE a.id < b.id", `
Nested Loop
  Join Filter: (a.id < b.id)
  ->  Seq Scan on a
  ->  Materialize
        ->  Seq Scan on b`},
		// PostgreSQL 15: the same.
		{"SELECT 1", `
Result`},
		// PostgreSQL 15: the same.
		{"SELECT 1 WHERE false", `
Result
  One-Time Filter: false`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM generate_series(1, 3)", `
Function Scan on generate_series`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM generate_series(1, 3) g(x)", `
Function Scan on generate_series g`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM generate_series(1, 3) AS generate_series", `
Function Scan on generate_series`},
		// PostgreSQL 15: the same.
		{"VALUES (1), (2)", `
Values Scan on "*VALUES*"`},
		// PostgreSQL 15: the same.
		{"VALUES (1)", `
Result`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(x, y)", `
Values Scan on "*VALUES*"`},
		// PostgreSQL 15:
		//   Values Scan on "*VALUES*"
		//     Filter: ("*VALUES*".column1 > 1)
		// drove checks the WHERE over the list's rows, not in the scan.
		{"SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(x, y) WHERE x > 1", `
Filter
  Filter: (x > 1)
  ->  Values Scan on "*VALUES*"`},
		// PostgreSQL 15: the same.
		{"SELECT id FROM a UNION ALL SELECT id FROM b", `
Append
  ->  Seq Scan on a
  ->  Seq Scan on b`},
		// PostgreSQL 15: the same.
		{"SELECT id FROM a UNION SELECT id FROM b", `
HashAggregate
  Group Key: a.id
  ->  Append
        ->  Seq Scan on a
        ->  Seq Scan on b`},
		// PostgreSQL 15: the same.
		{"SELECT id FROM a INTERSECT SELECT id FROM b", `
HashSetOp Intersect
  ->  Append
        ->  Subquery Scan on "*SELECT* 1"
              ->  Seq Scan on a
        ->  Subquery Scan on "*SELECT* 2"
              ->  Seq Scan on b`},
		// PostgreSQL 15: the same.
		{"SELECT id FROM a EXCEPT ALL SELECT id FROM b", `
HashSetOp Except All
  ->  Append
        ->  Subquery Scan on "*SELECT* 1"
              ->  Seq Scan on a
        ->  Subquery Scan on "*SELECT* 2"
              ->  Seq Scan on b`},
		// PostgreSQL 15: the same.
		{"SELECT id FROM a INTERSECT SELECT id FROM b INTERSECT SELECT id FROM c", `
HashSetOp Intersect
  ->  Append
        ->  Result
              ->  HashSetOp Intersect
                    ->  Append
                          ->  Subquery Scan on "*SELECT* 1"
                                ->  Seq Scan on a
                          ->  Subquery Scan on "*SELECT* 2"
                                ->  Seq Scan on b
        ->  Subquery Scan on "*SELECT* 3"
              ->  Seq Scan on c`},
		// PostgreSQL 15: the same.
		{"SELECT DISTINCT v FROM a", `
HashAggregate
  Group Key: v
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT DISTINCT v, id + 1 FROM a", `
HashAggregate
  Group Key: v, (id + 1)
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT DISTINCT * FROM a", `
HashAggregate
  Group Key: id, b_id, v
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT DISTINCT 1 FROM a", `
Unique
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT id, v FROM a UNION SELECT id, w FROM b", `
HashAggregate
  Group Key: a.id, a.v
  ->  Append
        ->  Seq Scan on a
        ->  Seq Scan on b`},
		// PostgreSQL 15: the same.
		{"WITH x AS (SELECT * FROM a) SELECT * FROM x", `
Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"WITH x AS MATERIALIZED (SELECT * FROM a) SELECT * FROM x", `
CTE Scan on x
  CTE x
    ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"WITH x AS MATERIALIZED (SELECT * FROM a) SELECT count(*) FROM x", `
Aggregate
  CTE x
    ->  Seq Scan on a
  ->  CTE Scan on x`},
		// PostgreSQL 15 (a merge join: drove has none, it hashes):
		//   Merge Join
		//     Merge Cond: (x1.id = x2.id)
		//     CTE x
		//       ->  Seq Scan on a
		//     ->  Sort
		//           Sort Key: x1.id
		//           ->  CTE Scan on x x1
		//     ->  Sort
		//           Sort Key: x2.id
		//           ->  CTE Scan on x x2
		{"WITH x AS (SELECT * FROM a) SELECT * FROM x x1, x x2 WHERE x1.id = x2.id", `
Hash Join
  Hash Cond: (x1.id = x2.id)
  CTE x
    ->  Seq Scan on a
  ->  CTE Scan on x x1
  ->  Hash
        ->  CTE Scan on x x2`},
		// PostgreSQL 15:
		//   Sort
		//     Sort Key: x.id
		//     CTE x
		//       ->  Seq Scan on a
		//     CTE y
		//       ->  Seq Scan on b
		//     ->  Nested Loop
		//           ->  CTE Scan on x
		//           ->  CTE Scan on y
		// drove's nested loop keeps its inner side's rows (Materialize) however it reads them,
		// and its Sort Key is the output column, unqualified.
		{"WITH x AS MATERIALIZED (SELECT * FROM a), y AS MATERIALIZED (SELECT * FROM b) SELECT * FROM x, y ORDER BY 1", `
Sort
  Sort Key: id
  CTE x
    ->  Seq Scan on a
  CTE y
    ->  Seq Scan on b
  ->  Nested Loop
        ->  CTE Scan on x
        ->  Materialize
              ->  CTE Scan on y`},
		// PostgreSQL 15: the same.
		{"SELECT v, count(*) FROM a GROUP BY v HAVING count(*) > 1", `
HashAggregate
  Group Key: v
  Filter: (count(*) > 1)
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT count(*) FROM a HAVING count(*) > 1", `
Aggregate
  Filter: (count(*) > 1)
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"INSERT INTO a VALUES (1, 2, 'x')", `
Insert on a
  ->  Result`},
		// PostgreSQL 15: the same.
		{"INSERT INTO a VALUES (1, 2, 'x'), (2, 3, 'y')", `
Insert on a
  ->  Values Scan on "*VALUES*"`},
		// PostgreSQL 15: the same.
		{"INSERT INTO a SELECT id, id, w FROM b", `
Insert on a
  ->  Seq Scan on b`},
		// PostgreSQL 15: the same.
		{"UPDATE a SET v = 'y' WHERE id = 1", `
Update on a
  ->  Index Scan using a_pkey on a
        Index Cond: (id = 1)`},
		// PostgreSQL 15:
		//   Update on a
		//     ->  Seq Scan on a
		//           Filter: (v = 'x'::text)
		{"UPDATE a SET v = 'y' WHERE v = 'x'", `
Update on a
  ->  Seq Scan on a
        Filter: (v = 'x')`},
		// PostgreSQL 15: the same.
		{"DELETE FROM a", `
Delete on a
  ->  Seq Scan on a`},
		// PostgreSQL 15:
		//   Delete on a
		//     ->  Bitmap Heap Scan on c
		//           Recheck Cond: (k = 3)
		//           ->  Bitmap Index Scan on c_k
		//                 Index Cond: (k = 3)
		{"DELETE FROM c WHERE k = 3", `
Delete on c
  ->  Index Scan using c_k on c
        Index Cond: (k = 3)`},
		// PostgreSQL 15: the same.
		{"INSERT INTO a DEFAULT VALUES", `
Insert on a
  ->  Result`},
		// PostgreSQL 15: the same.
		{"INSERT INTO a VALUES (1, 2, 'x') RETURNING id", `
Insert on a
  ->  Result`},
		// PostgreSQL 15: the same.
		{"INSERT INTO a VALUES (1, 2, 'x') ON CONFLICT (id) DO UPDATE SET v = excluded.v", `
Insert on a
  Conflict Resolution: UPDATE
  Conflict Arbiter Indexes: a_pkey
  ->  Result`},
		// PostgreSQL 15: the same.
		{"INSERT INTO a VALUES (1, 2, 'x') ON CONFLICT DO NOTHING", `
Insert on a
  Conflict Resolution: NOTHING
  ->  Result`},
		// PostgreSQL 15: the same.
		{"INSERT INTO c VALUES (1, 2, 'x'), (2, 3, 'y') ON CONFLICT ON CONSTRAINT c_pkey DO NOTHING", `
Insert on c
  Conflict Resolution: NOTHING
  Conflict Arbiter Indexes: c_pkey
  ->  Values Scan on "*VALUES*"`},
		// PostgreSQL 15:
		//   Insert on a
		//     Conflict Resolution: UPDATE
		//     Conflict Arbiter Indexes: a_pkey
		//     Conflict Filter: (a.v <> 'q'::text)
		//     ->  Result
		{"INSERT INTO a VALUES (1, 2, 'x') ON CONFLICT (id) DO UPDATE SET v = excluded.v WHERE a.v <> 'q'", `
Insert on a
  Conflict Resolution: UPDATE
  Conflict Arbiter Indexes: a_pkey
  Conflict Filter: (a.v <> 'q')
  ->  Result`},
		// PostgreSQL 15: the same.
		{"UPDATE a SET v = 'y' WHERE id = 1 RETURNING *", `
Update on a
  ->  Index Scan using a_pkey on a
        Index Cond: (id = 1)`},
		// PostgreSQL 15: the same.
		{"DELETE FROM a WHERE id = 1 RETURNING v", `
Delete on a
  ->  Index Scan using a_pkey on a
        Index Cond: (id = 1)`},
		// PostgreSQL 15: the same.
		{"UPDATE a SET v = b.w FROM b WHERE a.b_id = b.id", `
Update on a
  ->  Hash Join
        Hash Cond: (a.b_id = b.id)
        ->  Seq Scan on a
        ->  Hash
              ->  Seq Scan on b`},
		// PostgreSQL 15:
		//   Delete on a
		//     ->  Hash Join
		//           Hash Cond: (a.b_id = b.id)
		//           ->  Seq Scan on a
		//           ->  Hash
		//                 ->  Seq Scan on b
		//                       Filter: (w = 'x'::text)
		{"DELETE FROM a USING b WHERE a.b_id = b.id AND b.w = 'x'", `
Delete on a
  ->  Hash Join
        Hash Cond: (a.b_id = b.id)
        ->  Seq Scan on a
        ->  Hash
              ->  Seq Scan on b
                    Filter: (w = 'x')`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM (SELECT * FROM a LIMIT 1) s", `
Limit
  ->  Seq Scan on a`},
		// PostgreSQL 15:
		//   Hash Join
		//     Hash Cond: (b.id = a.id)
		//     ->  Seq Scan on b
		//     ->  Hash
		//           ->  Seq Scan on a
		// drove runs no semi-join: the IN reads b once into a hash set that each row of a
		// probes, PostgreSQL's hashed SubPlan (its plan for NOT IN).
		{"SELECT * FROM a WHERE id IN (SELECT id FROM b)", `
Seq Scan on a
  Filter: (hashed SubPlan 1)
  SubPlan 1
    ->  Seq Scan on b`},
		// PostgreSQL 15:
		//   Hash Join
		//     Hash Cond: (a.b_id = b.id)
		//     ->  Seq Scan on a
		//     ->  Hash
		//           ->  Seq Scan on b
		// drove runs the EXISTS per row of a, a lookup of b's key (its plan for an EXISTS in
		// the select list).
		// PostgreSQL 15:
		//   Result
		//     One-Time Filter: $0
		//     InitPlan 1 (returns $0)
		//       ->  Seq Scan on b
		//             Filter: (w = 'x'::text)
		//     ->  Seq Scan on a
		// drove runs the uncorrelated EXISTS once too (an InitPlan) but checks its value as a
		// filter of the scan, not as a gating Result over it.
		{"SELECT * FROM a WHERE EXISTS (SELECT 1 FROM b WHERE w = 'x')", `
Seq Scan on a
  Filter: $0
  InitPlan 1 (returns $0)
    ->  Seq Scan on b
          Filter: (w = 'x')`},
		// PostgreSQL 15:
		//   Seq Scan on a
		//     SubPlan 2
		//       ->  Seq Scan on c
		// PostgreSQL plans both a per-row SubPlan 1 and the hashed SubPlan 2 and keeps the
		// second; drove decorrelates the EXISTS into the hashed one alone (compileSemiJoin).
		{"SELECT id, EXISTS (SELECT 1 FROM c WHERE c.g = a.v) FROM a", `
Seq Scan on a
  SubPlan 1
    ->  Seq Scan on c`},
		// PostgreSQL 15:
		//   Seq Scan on a
		//     Filter: ((b_id)::numeric > $2)
		//     InitPlan 2 (returns $2)
		//       ->  Aggregate
		//             ->  Seq Scan on c c_1
		//     SubPlan 1
		//       ->  Aggregate
		//             ->  Index Scan using c_pkey on c
		//                   Index Cond: (id = a.b_id)
		// PostgreSQL plans the select list first, drove binds WHERE first, so the numbers go
		// the other way round; PostgreSQL's $n also count the parameter SubPlan 1 passes
		// down (a.b_id), drove's count the InitPlans alone.
		{"SELECT id, (SELECT max(k) FROM c WHERE c.id = a.b_id) FROM a WHERE b_id > (SELECT avg(k) FROM c)", `
Seq Scan on a
  Filter: (b_id > $0)
  InitPlan 1 (returns $0)
    ->  Aggregate
          ->  Seq Scan on c
  SubPlan 2
    ->  Aggregate
          ->  Index Scan using c_pkey on c
                Index Cond: (id = a.b_id)`},
		{"SELECT * FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.id = a.b_id)", `
Seq Scan on a
  Filter: (SubPlan 1)
  SubPlan 1
    ->  Index Scan using b_pkey on b
          Index Cond: (id = a.b_id)`},
		// PostgreSQL 15:
		//   Seq Scan on a
		//     Filter: (v ~~ 'x%'::text)
		{"SELECT * FROM a WHERE v LIKE 'x%'", `
Seq Scan on a
  Filter: (v ~~ 'x%')`},
		// PostgreSQL 15:
		//   WindowAgg
		//     ->  Index Scan using a_pkey on a
		{"SELECT v, row_number() OVER (ORDER BY id) FROM a", `
WindowAgg
  ->  Seq Scan on a`},
		// PostgreSQL 15: the same.
		{"SELECT * FROM a FOR UPDATE", `
LockRows
  ->  Seq Scan on a`},
		// PostgreSQL 15:
		//   Bitmap Heap Scan on a
		//     Recheck Cond: (id = ANY ('{1,2,3}'::integer[]))
		//     ->  Bitmap Index Scan on a_pkey
		//           Index Cond: (id = ANY ('{1,2,3}'::integer[]))
		{"SELECT * FROM a WHERE id IN (1, 2, 3)", `
Index Scan using a_pkey on a
  Index Cond: (id = ANY ('{1,2,3}'))`},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			out := &textOutput{}
			if err := s.Exec(ctx, "EXPLAIN (COSTS OFF) "+c.query, out); err != nil {
				t.Fatal(err)
			}
			got := strings.Join(out.lines[:len(out.lines)-1], "\n")
			if want := strings.TrimPrefix(c.plan, "\n"); got != want {
				t.Fatalf("plan:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
