package sql

import (
	"context"
	"testing"

	"github.com/drovedb/drove/types"
)

// TestExistsRewritesReadTree: the EXISTS rewrites read the subquery's tree (FROM and WHERE
// as ast nodes): EXISTS (SELECT ... FROM u WHERE u.c = outer AND p(u)) on a column no index
// serves is decorrelated (compileSemiJoin), and a conjunct reading nothing of u is hoisted
// (compileExistsHoisted); a subquery of another shape is neither.
func TestExistsRewritesReadTree(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for _, q := range []string{"CREATE TABLE u (k int PRIMARY KEY, c int, d int)", "INSERT INTO u VALUES (1, 10, 1), (2, 20, -1)"} {
		if err := s.Exec(context.Background(), q, &textOutput{}); err != nil {
			t.Fatal(err)
		}
	}
	outer := &scope{params: &params{sess: s}, cols: []scopeCol{{table: "o", name: "x", typ: types.Int32, merged: -1}}}
	for _, c := range []struct {
		q             string
		semi, hoisted bool
	}{
		{"SELECT 1 FROM u WHERE u.c = o.x AND u.d > 0", true, false},
		{"SELECT 1 FROM u AS v WHERE o.x = v.c", true, false},
		{"SELECT 1 FROM u WHERE u.k = o.x", false, false},                     // a lookup per row already
		{"SELECT 1 FROM u WHERE u.k = o.x AND o.x > 0", false, true},          // o.x > 0 hoisted
		{"SELECT 1 FROM u WHERE u.c = o.x AND u.d > o.x", false, false},       // correlated some other way
		{"SELECT 1 FROM u, u AS w WHERE u.c = o.x AND w.d > 0", false, false}, // two FROM items
	} {
		q := converterTree(t, c.q)
		if q == nil {
			t.Fatalf("%s: not converted", c.q)
		}
		_, _, semi, _ := compileSemiJoin(q, outer, false)
		_, hoisted, _ := compileExistsHoisted(q, outer)
		if semi != c.semi || hoisted != c.hoisted {
			t.Errorf("%s: decorrelated %v, hoisted %v; want %v, %v", c.q, semi, hoisted, c.semi, c.hoisted)
		}
	}
}
