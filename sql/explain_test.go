package sql

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

// EXPLAIN shows the plan the planner chose: where conditions went (point lookups inside
// joins, hash keys, filters kept above outer joins) and which operators run. Conditions are
// deparsed as PostgreSQL 15's EXPLAIN shows them (sql/ast's Explain style); where the plan's
// shape is PostgreSQL's too the lines match its output but for the types it gives constants
// ('x'::text, '{1,2,3}'::integer[]), which are known only after binding.
func TestExplainPlans(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, `CREATE TABLE a (id int PRIMARY KEY, b_id int, v text);
		CREATE TABLE b (id int PRIMARY KEY, w text);
		CREATE TABLE c (id int PRIMARY KEY, k int, g text, h text NOT NULL);
		CREATE INDEX c_k ON c (k); CREATE UNIQUE INDEX c_gh ON c (g, h); CREATE INDEX c_h ON c USING hash (h);
		CREATE TABLE ev (id int PRIMARY KEY, k1 int NOT NULL, k2 int NOT NULL, v text); CREATE INDEX ev_k ON ev (k1, k2)`, &textOutput{}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		query string
		plan  string
	}{
		{"SELECT * FROM a WHERE id = 1", `
Index Scan using a_pkey on a
  Index Cond: (id = 1)`},
		{"SELECT * FROM a WHERE id IN (1, 2, 3)", `
Index Scan using a_pkey on a
  Index Cond: (id = ANY ('{1,2,3}'))`},
		{"SELECT * FROM a WHERE id = ANY ('{1,2}') AND v <> 'x'", `
Index Scan using a_pkey on a
  Index Cond: (id = ANY ('{1,2}'::integer[]))
  Filter: (v <> 'x')`},
		{"SELECT * FROM a WHERE id IN (1, b_id)", `
Seq Scan on a
  Filter: ((id = 1) OR (id = b_id))`},
		{"SELECT * FROM c WHERE k = 5", `
Index Scan using c_k on c
  Index Cond: (k = 5)`},
		{"SELECT * FROM c WHERE k BETWEEN 1 AND 7", `
Index Scan using c_k on c
  Index Cond: ((k >= 1) AND (k <= 7))`},
		{"SELECT * FROM a WHERE id BETWEEN ASYMMETRIC 2 AND 4", `
Index Scan using a_pkey on a
  Index Cond: ((id >= 2) AND (id <= 4))`},
		// SYMMETRIC bounds the column either way round: no one range of the key or index.
		{"SELECT * FROM a WHERE id BETWEEN SYMMETRIC 4 AND 2", `
Seq Scan on a
  Filter: (((id >= 4) AND (id <= 2)) OR ((id >= 2) AND (id <= 4)))`},
		{"SELECT * FROM c WHERE k BETWEEN ASYMMETRIC 1 AND 7", `
Index Scan using c_k on c
  Index Cond: ((k >= 1) AND (k <= 7))`},
		{"SELECT * FROM c WHERE k BETWEEN SYMMETRIC 7 AND 1", `
Seq Scan on c
  Filter: (((k >= 7) AND (k <= 1)) OR ((k >= 1) AND (k <= 7)))`},
		{"SELECT * FROM c WHERE g = 'x' AND h = 'y'", `
Index Scan using c_gh on c
  Index Cond: ((g = 'x') AND (h = 'y'))`},
		{"SELECT * FROM c WHERE g = 'x'", `
Index Scan using c_gh on c
  Index Cond: (g = 'x')`},
		{"SELECT * FROM c WHERE h = 'y'", `
Index Scan using c_h on c
  Index Cond: (h = 'y')`},
		{"SELECT * FROM c WHERE h > 'y'", `
Seq Scan on c
  Filter: (h > 'y')`},
		{"SELECT * FROM c WHERE id = 1 AND k = 2", `
Index Scan using c_pkey on c
  Index Cond: (id = 1)
  Filter: (k = 2)`},
		// Keyset pagination: the row bound starts the index range, the index gives the
		// order, and LIMIT stops the scan (keyset.go).
		{"SELECT * FROM ev WHERE (k1, k2) > (5, 7) ORDER BY k1, k2 LIMIT 20", `
Limit
  ->  Index Scan using ev_k on ev
        Index Cond: (ROW(k1, k2) > ROW(5, 7))
        Filter: ((ROW(k1, k2) > ROW(5, 7)) AND (k1 >= 5))`},
		{"SELECT v FROM ev WHERE k1 = 3 AND k2 > 4 ORDER BY k2 LIMIT 5", `
Limit
  ->  Index Scan using ev_k on ev
        Index Cond: ((k1 = 3) AND (k2 > 4))`},
		{"SELECT v FROM ev ORDER BY k1, k2 LIMIT 5", `
Limit
  ->  Index Scan using ev_k on ev`},
		{"SELECT v FROM ev ORDER BY k1 DESC LIMIT 5", `
Limit
  ->  Index Scan Backward using ev_k on ev`},
		{"SELECT * FROM ev WHERE (k1, k2) < (5, 7) ORDER BY k1 DESC, k2 DESC LIMIT 20", `
Limit
  ->  Index Scan Backward using ev_k on ev
        Index Cond: (ROW(k1, k2) < ROW(5, 7))
        Filter: ((ROW(k1, k2) < ROW(5, 7)) AND (k1 <= 5))`},
		{"SELECT v FROM ev ORDER BY k1 DESC, k2 LIMIT 5", `
Limit
  ->  Sort
        Sort Key: k1 DESC, k2
        ->  Seq Scan on ev`},
		{"SELECT v FROM ev ORDER BY k1", `
Sort
  Sort Key: k1
  ->  Seq Scan on ev`},
		{"SELECT v FROM ev ORDER BY k2, k1 LIMIT 5", `
Limit
  ->  Sort
        Sort Key: k2, k1
        ->  Seq Scan on ev`},
		{"SELECT * FROM c ORDER BY k LIMIT 5", `
Limit
  ->  Sort
        Sort Key: k
        ->  Seq Scan on c`},
		{"SELECT * FROM a JOIN b ON a.b_id = b.id WHERE b.id = 3 AND a.v = 'x'", `
Hash Join
  Hash Cond: (a.b_id = b.id)
  ->  Seq Scan on a
        Filter: (v = 'x')
  ->  Hash
        ->  Index Scan using b_pkey on b
              Index Cond: (id = 3)`},
		{"SELECT * FROM a LEFT JOIN b ON a.b_id = b.id AND b.w = 'x' WHERE b.w IS NULL", `
Filter
  Filter: (b.w IS NULL)
  ->  Hash Left Join
        Hash Cond: (a.b_id = b.id)
        ->  Seq Scan on a
        ->  Hash
              ->  Seq Scan on b
                    Filter: (w = 'x')`},
		{"SELECT * FROM a, b WHERE a.id < b.id", `
Nested Loop
  Join Filter: (a.id < b.id)
  ->  Seq Scan on a
  ->  Materialize
        ->  Seq Scan on b`},
		// PostgreSQL 15: Filter: ((v ~~ 'x%'::text) OR (v IS DISTINCT FROM 'y'::text) OR ((- id) > '-5'::integer))
		{"SELECT * FROM a WHERE v LIKE 'x%' OR v IS DISTINCT FROM 'y' OR -id > -5", `
Seq Scan on a
  Filter: ((v ~~ 'x%') OR (v IS DISTINCT FROM 'y') OR ((- id) > '-5'::integer))`},
		// PostgreSQL 15: Hash Cond: ((a.b_id = b.id) AND (a.v = b.w)), the same plan.
		{"SELECT * FROM a JOIN b ON a.b_id = b.id AND a.v = b.w", `
Hash Join
  Hash Cond: ((a.b_id = b.id) AND (a.v = b.w))
  ->  Seq Scan on a
  ->  Hash
        ->  Seq Scan on b`},
		{"SELECT v, count(*) FROM a GROUP BY v HAVING count(*) > 1 ORDER BY 2 DESC LIMIT 3", `
Limit
  ->  Sort
        Sort Key: count(*) DESC
        ->  HashAggregate
              Group Key: v
              Filter: (count(*) > 1)
              ->  Seq Scan on a`},
		// The group keys and HAVING print from the tree the binder bound (sql/ast's Explain
		// style): a key named by alias or position is the select list's expression; a
		// subquery, x = ANY (array) and CASE row WHEN row show as PostgreSQL 15 shows them
		// (its Filter: CASE ROW(v, 1) WHEN '(x,1)'::record ...; it hashes grouping sets).
		{"SELECT v, count(*) FROM a GROUP BY ROLLUP (v, b_id % 2), ()", `
MixedAggregate
  Group Key: (v, (b_id % 2))
  Group Key: (v)
  Group Key: ()
  ->  Seq Scan on a`},
		{"SELECT b_id % 2 AS m, count(*) FROM a GROUP BY m", `
HashAggregate
  Group Key: (b_id % 2)
  ->  Seq Scan on a`},
		{"SELECT b_id % 2 AS m, v FROM a GROUP BY 2, 1", `
HashAggregate
  Group Key: v, (b_id % 2)
  ->  Seq Scan on a`},
		{"SELECT v FROM a GROUP BY v HAVING v = ANY ('{x,y}') AND EXISTS (SELECT 1 FROM b WHERE b.w = a.v) AND CASE (v, 1) WHEN ('x', 1) THEN true END", `
HashAggregate
  Group Key: v
  Filter: ((v = ANY ('{x,y}'::text[])) AND (hashed SubPlan 1) AND CASE ROW(v, 1) WHEN ROW('x', 1) THEN true END)
  ->  Seq Scan on a
  SubPlan 1
    ->  Seq Scan on b`},
		{"SELECT v FROM a GROUP BY v HAVING v NOT IN (SELECT w FROM b) OR max(b_id) > ALL (SELECT id FROM b)", `
HashAggregate
  Group Key: v
  Filter: ((NOT (hashed SubPlan 1)) OR (SubPlan 2))
  ->  Seq Scan on a
  SubPlan 1
    ->  Seq Scan on b
  SubPlan 2
    ->  Materialize
          ->  Seq Scan on b`},
		{"SELECT DISTINCT v FROM a UNION ALL SELECT w FROM b", `
Append
  ->  HashAggregate
        Group Key: v
        ->  Seq Scan on a
  ->  Seq Scan on b`},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			out := &textOutput{}
			if err := s.Exec(ctx, "EXPLAIN (COSTS OFF) "+c.query, out); err != nil {
				t.Fatal(err)
			}
			got := strings.Join(out.lines[:len(out.lines)-1], "\n") // without the tag
			want := strings.TrimPrefix(c.plan, "\n")
			if got != want {
				t.Fatalf("plan:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// A query that needs more memory than its limit fails with 53200 and leaves the session
// usable.
func TestQueryMemoryLimit(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE m (id int PRIMARY KEY, v text)", &textOutput{}); err != nil {
		t.Fatal(err)
	}
	var q strings.Builder
	q.WriteString("INSERT INTO m VALUES (0, 'x')")
	for i := 1; i < 2000; i++ {
		q.WriteString(", (" + strconv.Itoa(i) + ", '" + strings.Repeat("x", 100) + "')")
	}
	if err := s.Exec(ctx, q.String(), &textOutput{}); err != nil {
		t.Fatal(err)
	}
	s.queryMemory = 64 << 10
	for _, query := range []string{
		"SELECT * FROM m ORDER BY v",
		"SELECT v, count(*) FROM m GROUP BY v, id",
		"SELECT count(*) FROM m x JOIN m y ON x.id = y.id",
		"SELECT DISTINCT id, v FROM m",
		// A recursion whose runs grow without end: only the working table is held, yet it
		// outgrows the limit.
		"WITH RECURSIVE t(n, v) AS (SELECT 1, 'x' UNION ALL SELECT n + 1, v FROM t, (VALUES (1), (2)) d(x)) SELECT count(*) FROM t",
		// aggregates that keep their rows (aggregate_calls.go) or build a value of them
		"SELECT string_agg(v, ',' ORDER BY id) FROM m",
		"SELECT array_agg(DISTINCT v) FROM m",
		"SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY v) FROM m",
		"SELECT string_agg(v, ',') FROM m",
		"SELECT array_agg(v) FROM m",
	} {
		err := s.Exec(ctx, query, &textOutput{})
		if e, ok := err.(*Error); !ok || e.Code != "53200" {
			t.Errorf("%s: got %v, want 53200", query, err)
		}
	}
	out := &textOutput{}
	if err := s.Exec(ctx, "SELECT count(*) FROM m", out); err != nil {
		t.Fatal(err)
	}
	if got := out.lines[0]; got != "2000" {
		t.Fatalf("count after failures: %s", got)
	}
}

// Output columns are named as PostgreSQL names them, which clients show as headers.
func TestOutputColumnNames(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE a (id int PRIMARY KEY, v text)", &textOutput{}); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ query, names string }{
		{"SELECT count(*), sum(id), max(v) FROM a", "count,sum,max"},
		{"SELECT id, a.v, id + 1, 1 AS one FROM a", "id,v,?column?,one"},
		{"SELECT 1 AS true, id AS from, v AS Select, 2 AS \"Order\" FROM a", "true,from,select,Order"},
		{"SELECT '1'::int, id::text, CAST(v AS varchar(3)), 2::bigint FROM a", "int4,id,v,int8"},
		{"SELECT CASE WHEN true THEN 1 END, EXISTS (SELECT 1), (SELECT max(id) FROM a)", "case,exists,max"},
		// A scalar subquery takes its query's first column's name: a set operation's leftmost
		// query's, VALUES's column1 (with.sql's (WITH ... VALUES (...)); checked on PG15).
		{"SELECT (VALUES (1)), (SELECT 1 UNION SELECT 2 LIMIT 1), (SELECT 1 AS a UNION SELECT 2 AS b ORDER BY 1 LIMIT 1), (WITH c(foo) AS (VALUES (5)) VALUES ((SELECT foo FROM c))), (VALUES (1))::int, ((SELECT 3 AS z) UNION (SELECT 4) LIMIT 1)",
			"column1,?column?,a,column1,column1,z"},
		{"SELECT substring('a', 1), trim(' a '), position('a' in 'b'), coalesce(1), now()", "substring,btrim,position,coalesce,now"},
		{"SELECT ROW(1, 2), (id, v), count(*) FILTER (WHERE id > 0) OVER (), (id, v) = (SELECT 1, 'x') FROM a", "row,row,count,?column?"},
		// A cast keeps a function's name; a cast of a literal, a cast, CASE or true takes the
		// type's as written (the PostgreSQL regression suite's headers).
		{"SELECT sum(id)::text, 'x'::varchar(3), 'y'::char(2), (1::int)::text, true::text, CASE WHEN true THEN 1 END::text, ARRAY[1]::text, id::text FROM a GROUP BY id",
			"sum,varchar,bpchar,text,text,text,array,id"},
		{"SELECT extract(year from now()), jsonb_agg(id), json_object_agg(v, id), json_agg(id) FROM a", "extract,jsonb_agg,json_object_agg,json_agg"},
		{"SELECT row_number() OVER (), rank() OVER (), dense_rank() OVER (), first_value(id) OVER (), last_value(id) OVER (), lag(id) OVER (), lead(id) OVER (), ntile(2) OVER () FROM a",
			"row_number,rank,dense_rank,first_value,last_value,lag,lead,ntile"},
		{"SELECT now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC')::text, now() AT TIME ZONE 'UTC' AS z", "timezone,timezone,z"},
		// CASE takes its ELSE's name when that is a strong one (PostgreSQL's case.sql, checked on PG15).
		{"SELECT CASE WHEN true THEN ARRAY[2] ELSE ARRAY[1] END, CASE WHEN true THEN 1 ELSE count(*) END, CASE WHEN true THEN 1 ELSE id END, CASE WHEN true THEN 'x' ELSE ROW(1)::text END FROM a GROUP BY id",
			"array,count,id,row"},
		{"SELECT CASE WHEN true THEN 1 ELSE 2::int END, CASE WHEN true THEN 1 ELSE CASE WHEN true THEN 1 ELSE abs(2) END END, CASE WHEN true THEN 1 ELSE (CASE WHEN true THEN 3 END) END, CASE WHEN true THEN 1 ELSE -abs(1) END, CASE 1 WHEN 1 THEN 2 ELSE NULL END",
			"case,abs,case,case,case"},
		{"SELECT id::int8::text, (v::varchar)::text, 1::int::text, CASE WHEN true THEN 1 ELSE id::text::int8 END FROM a", "id,v,text,id"},
		{"SELECT trim(LEADING 'x' FROM 'xa'), trim(TRAILING 'x' FROM 'ax'), trim(BOTH 'x' FROM 'xax'), trim(' a ')", "ltrim,rtrim,btrim,btrim"},
		{"SELECT grouping(id), grouping(id, v) + 1 AS g FROM a GROUP BY ROLLUP (id, v)", "grouping,g"},
		// COLLATE keeps its operand's name, weak or strong (FigureColname; checked on PG15).
		{"SELECT v COLLATE \"C\", CASE WHEN id = 1 THEN 'q' END COLLATE \"C\", ARRAY['x'] COLLATE \"C\", 'x' COLLATE \"C\" FROM a",
			"v,case,array,?column?"},
	}
	for _, c := range cases {
		st, err := s.Prepare(context.Background(), c.query, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		var names []string
		for _, col := range st.Columns() {
			names = append(names, col.Name)
		}
		if got := strings.Join(names, ","); got != c.names {
			t.Errorf("%s: columns %s, want %s", c.query, got, c.names)
		}
	}
}
