package sql

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/drovedb/drove/types"
)

// tenk1Setup builds PostgreSQL's regression table tenk1 (10,000 rows, unique1 a permutation
// of 0..9999) with the regression suite's indexes.
const tenk1Setup = `CREATE TABLE tenk1 (unique1 int4, unique2 int4, two int4, four int4, ten int4, twenty int4,
 hundred int4, thousand int4, twothousand int4, fivethous int4, tenthous int4, odd int4, even int4,
 stringu1 text, stringu2 text, string4 text);
INSERT INTO tenk1 SELECT u, i, u % 2, u % 4, u % 10, u % 20, u % 100, u % 1000, u % 2000, u % 5000, u,
 (u % 100) * 2, (u % 100) * 2 + 1, 'A' || u, 'B' || i, 'C' || (u % 4)
 FROM (SELECT i, (i * 7919) % 10000 AS u FROM generate_series(0, 9999) i) s;
CREATE INDEX tenk1_unique1 ON tenk1 (unique1);
CREATE INDEX tenk1_unique2 ON tenk1 (unique2);
CREATE INDEX tenk1_hundred ON tenk1 (hundred);
CREATE INDEX tenk1_thous_tenthous ON tenk1 (thousand, tenthous)`

// tenk1Queries are regression queries over tenk1 that ran for minutes (issue 16), with
// PostgreSQL 15's answers on tenk1Setup's data. $1 is a boolean parameter where there is one.
var tenk1Queries = []struct{ name, q, want string }{
	{"LeftJoinExistsParam", `select count(*), count(b.unique1) from tenk1 a left join tenk1 b on a.unique2 = b.unique1 and exists (select 1 from tenk1 c where c.thousand = b.unique2 and $1)`, "10000|1000"},
	{"LeftJoinExistsSum", `select count(b.unique1), sum(b.unique2) from tenk1 a left join tenk1 b on a.unique2 = b.unique1 and exists (select 1 from tenk1 c where c.thousand = b.unique2 and c.ten < 5)`, "500|248500"},
	{"LateralValues", `select count(*) from tenk1 a, tenk1 b join lateral (values(a.unique1)) ss(x) on b.unique2 = ss.x`, "10000"},
	{"LateralValues2", `select count(*) from tenk1 a, tenk1 b join lateral (values(a.unique1),(-1)) ss(x) on b.unique2 = ss.x`, "10000"},
	{"ExistsOr", `select count(*) from tenk1 t where (exists(select 1 from tenk1 k where k.unique1 = t.unique2) or ten < 0)`, "10000"},
	{"ExistsOrThousand", `select count(*) from tenk1 t where (exists(select 1 from tenk1 k where k.unique1 = t.unique2) or ten < 0) and thousand = 1`, "10"},
	{"MaxSubquery", `select (select max((select i.unique2 from tenk1 i where i.unique1 = o.unique1))) from tenk1 o`, "9999"},
	{"NestedExists", `select count(*) from (select a.thousand from tenk1 a, tenk1 b where a.thousand = b.thousand and exists ( select 1 from tenk1 c where b.hundred = c.hundred and not exists ( select 1 from tenk1 d where a.thousand = d.thousand ) )) s`, "0"},
	{"NestedExistsTrue", `select count(*) from (select a.thousand from tenk1 a, tenk1 b where a.thousand = b.thousand and a.ten = 3 and exists ( select 1 from tenk1 c where b.hundred = c.hundred and exists ( select 1 from tenk1 d where a.thousand = d.thousand ) )) s`, "10000"},
}

func tenk1Session(tb testing.TB) *Session {
	s := NewSession(openTestTablespace(tb), nil)
	if err := s.Exec(context.Background(), tenk1Setup, discard{}); err != nil {
		tb.Fatal(err)
	}
	return s
}

// runTenk1 runs one of tenk1Queries, prepared, with $1 = true where it has a parameter.
func runTenk1(ctx context.Context, s *Session, q string, out Output) error {
	st, err := s.Prepare(ctx, q, nil)
	if err != nil {
		return err
	}
	var args []types.Value
	if strings.Contains(q, "$1") {
		args = []types.Value{types.NewBool(true)}
	}
	return s.ExecPrepared(ctx, st, args, out)
}

// TestTenk1JoinWork pins the plans of tenk1Queries by the work they do (the execution's
// units of work, cancel.go), which does not depend on the machine: each was 10^8 rows or more
// (a scan per row of a correlated EXISTS, a hash join rebuilt per LATERAL row) and is now
// about a pass or two over the tables per table read.
func TestTenk1JoinWork(t *testing.T) {
	s := tenk1Session(t)
	for _, tc := range tenk1Queries {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		out := &textOutput{}
		start := time.Now()
		err := runTenk1(ctx, s, tc.q, out)
		cancel()
		if err != nil {
			t.Errorf("%s: %v (%v)", tc.name, err, time.Since(start))
			continue
		}
		if len(out.lines) != 2 || out.lines[0] != tc.want {
			t.Errorf("%s: got %q, want %s", tc.name, out.lines, tc.want)
		}
		t.Logf("%s: %d units of work, %v", tc.name, s.exec.ticks, time.Since(start))
		if work := s.exec.ticks; work > 2_000_000 {
			t.Errorf("%s: %d units of work (%v), want at most 2,000,000", tc.name, work, time.Since(start))
		}
	}
}

// TestTenk1LateralHashPlan: under a LATERAL nested loop, the join hashes the table (built
// once, joinNode.keepBuild) and streams the LATERAL VALUES past it.
func TestTenk1LateralHashPlan(t *testing.T) {
	s := tenk1Session(t)
	out := &textOutput{}
	if err := s.Exec(context.Background(), "EXPLAIN (COSTS OFF) "+tenk1Queries[2].q, out); err != nil {
		t.Fatal(err)
	}
	want := `Aggregate
  ->  Nested Loop
        ->  Seq Scan on tenk1 a
        ->  Hash Join
              Hash Cond: (b.unique2 = ss.x)
              ->  Result
              ->  Hash
                    ->  Seq Scan on tenk1 b`
	if got := strings.Join(out.lines[:len(out.lines)-1], "\n"); got != want {
		t.Errorf("plan:\n%s\nwant:\n%s", got, want)
	}
}

// BenchmarkTenk1Joins runs tenk1Queries (issue 16).
func BenchmarkTenk1Joins(b *testing.B) {
	s := tenk1Session(b)
	for _, tc := range tenk1Queries {
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := runTenk1(context.Background(), s, tc.q, discard{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
