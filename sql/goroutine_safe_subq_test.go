package sql

import (
	"context"
	"testing"

	pgparser "github.com/drovedb/drove/sql/parser"
	"github.com/drovedb/drove/types"
)

// firstValue keeps the first column of a result's last row.
type firstValue struct{ v string }

func (o *firstValue) Columns([]Column) error    { return nil }
func (o *firstValue) Row(r []types.Value) error { o.v = r[0].S; return nil }
func (o *firstValue) Complete(string) error     { return nil }
func (o *firstValue) run(t *testing.T, s *Session, p *plan) string {
	t.Helper()
	if err := s.runPlan(context.Background(), p, o); err != nil {
		t.Fatal(err)
	}
	return o.v
}

// An uncorrelated subquery's result belongs to one execution, kept in its execCtx
// (subqcache.go), not in the compiled expression: a plan bound in one session and run in
// another (as a plan shared across sessions will be) computes it again there. When the
// expression kept it, tagged with its session's execution count, the second session's first
// execution took the first session's result, read before the table changed.
func TestSharedPlanSubqueryCaches(t *testing.T) {
	ts := openTestTablespace(t)
	s0 := NewSession(ts, nil)
	t.Cleanup(s0.Close)
	mustExec(t, s0, "CREATE TABLE t (a int)")
	mustExec(t, s0, "INSERT INTO t VALUES (1)")
	for _, c := range []struct{ q, before, after string }{
		{"SELECT (SELECT max(a) FROM t)::text", "1", "2"},
		{"SELECT (EXISTS (SELECT 1 FROM t WHERE a > 1))::text", "false", "true"},
		{"SELECT (2 IN (SELECT a FROM t))::text", "false", "true"},
		{"SELECT (2 <= ANY (SELECT a FROM t))::text", "false", "true"},
		{"SELECT ((2, 2) IN (SELECT a, a FROM t))::text", "false", "true"},
		{"SELECT ((2, 2) <= ANY (SELECT a, a FROM t))::text", "false", "true"},
		{"SELECT ((2, 2) = (SELECT max(a), max(a) FROM t))::text", "false", "true"},
		{"SELECT x::text FROM (SELECT (SELECT max(a) FROM t) AS x FROM generate_series(1, 3)) g", "1", "2"},
	} {
		s1, s2 := NewSession(ts, nil), NewSession(ts, nil) // each at its first execution
		st, err := s1.prepare(c.q, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := s1.bind(st)
		if err != nil {
			t.Fatal(err)
		}
		var out firstValue
		if got := out.run(t, s1, p); got != c.before {
			t.Errorf("%s: got %s, want %s", c.q, got, c.before)
		}
		mustExec(t, s0, "INSERT INTO t VALUES (2)")
		if got := out.run(t, s2, p); got != c.after {
			t.Errorf("%s in another session: got %s, want %s", c.q, got, c.after)
		}
		mustExec(t, s0, "DELETE FROM t WHERE a = 2")
		s1.Close()
		s2.Close()
	}
}

// A row compared with each row of a subquery, (s, s || '!') op ANY (SELECT ...), evaluated on
// several goroutines of one execution: each evaluation passes the subquery's fields to the
// comparison in a row of its own (withFields, argrow.go), not a buffer the compiled expression
// holds.
func TestCompiledRowAgainstSubqueryGoroutineSafe(t *testing.T) {
	ts := openTestTablespace(t)
	s := NewSession(ts, nil)
	t.Cleanup(s.Close)
	ps := &params{sess: s}
	sc := &scope{cols: []scopeCol{{name: "s", typ: types.Text, merged: -1}}, params: ps}
	subjects := []string{"a", "b", "c", "d", "zz", "ab"}
	for _, c := range []struct {
		src  string
		want func(s string) string
	}{
		{"((s, s || '!') = ANY (SELECT 'b', 'b!' UNION ALL SELECT 'c', 'c!'))::text",
			func(s string) string { return boolText(s == "b" || s == "c") }},
		{"((s, s || '!') >= ALL (SELECT 'b', 'b!' UNION ALL SELECT 'c', 'c!'))::text",
			func(s string) string { return boolText(s >= "c") }},
		{"((s, s || '!') < ANY (SELECT 'b', 'b!' UNION ALL SELECT 'c', 'c!'))::text",
			func(s string) string { return boolText(s < "c") }},
	} {
		e, err := pgparser.ParseExpr(c.src)
		if err != nil {
			t.Fatal(err)
		}
		x, err := compileAST(e, sc)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		tx := ts.Begin()
		ps.ec = &execCtx{ctx: context.Background(), tx: tx}
		// The first evaluation runs the subquery for the execution; then the goroutines share it.
		if _, err := x.eval([]types.Value{types.NewText("a")}); err != nil {
			t.Fatal(err)
		}
		evalOnGoroutines(t, x, c.src, subjects, c.want)
		tx.Rollback()
	}
}
