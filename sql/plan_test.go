package sql

import (
	"context"
	"strings"
	"testing"

	"vitess.io/vitess/go/vt/sqlparser"
)

// The planner must turn primary-key equality into a point lookup, and only that.
func TestPlannerChoosesPointLookup(t *testing.T) {
	ts := openTestTablespace(t)
	s := NewSession(ts, nil)
	ctx := context.Background()
	for _, q := range []string{
		"CREATE TABLE one (id bigint PRIMARY KEY, v text)",
		"CREATE TABLE two (a int, b text, v int, PRIMARY KEY (a, b))",
	} {
		if err := s.Exec(ctx, q, &textOutput{}); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		query string
		plan  string // prefix of access.String()
	}{
		{"SELECT * FROM one WHERE id = 5", "PointLookup(one"},
		{"SELECT * FROM one WHERE 5 = id", "PointLookup(one"},
		{"SELECT * FROM one WHERE id = '5'", "PointLookup(one"},
		{"SELECT * FROM one WHERE id = 5 AND v = 'x'", "PointLookup(one"},
		{"SELECT * FROM one o WHERE o.id = 2 + 3", "PointLookup(one"},
		{"SELECT * FROM one WHERE id = 5 OR id = 6", "FullScan(one)"},
		{"SELECT * FROM one WHERE id > 5", "FullScan(one)"},
		{"SELECT * FROM one WHERE v = 'x'", "FullScan(one)"},
		{"SELECT * FROM one WHERE id = 1.5", "PointLookup(one"}, // finds nothing at run time
		{"SELECT * FROM one WHERE id = $1", "PointLookup(one"},
		{"SELECT * FROM one", "FullScan(one)"},
		{"SELECT * FROM two WHERE a = 1 AND b = 'x'", "PointLookup(two"},
		{"SELECT * FROM two WHERE b = 'x' AND v = 3 AND a = 1", "PointLookup(two"},
		{"SELECT * FROM two WHERE a = 1", "FullScan(two)"},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			pieces, err := splitAndRewrite(c.query)
			if err != nil {
				t.Fatal(err)
			}
			stmt, err := parser.ParseStrictDDL(pieces[0].sql)
			if err != nil {
				t.Fatal(err)
			}
			sel := stmt.(*sqlparser.Select)
			bt, err := s.bindTable(sel.From[0], &params{})
			if err != nil {
				t.Fatal(err)
			}
			where, err := whereTree(sel.Where)
			if err != nil {
				t.Fatal(err)
			}
			acc, err := planAccess(bt, where)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(acc.String(), c.plan) {
				t.Fatalf("plan %s, want %s…", acc, c.plan)
			}
		})
	}
}

// A statement vitess only half-parses must be a syntax error, never run half-understood.
func TestPartialDDLIsRejected(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	for _, q := range []string{
		"CREATE TABLE p (a int PRIMARY KEY) PARTITION BY nonsense here",
		"CREATE TABLE p (a int PRIMARY KEY, b int) WITH garbage",
	} {
		err := s.Exec(context.Background(), q, &textOutput{})
		if e, ok := err.(*Error); !ok || e.Code != "42601" {
			t.Errorf("%s: got %v, want 42601", q, err)
		}
	}
	if _, exists := s.ts.Schema("p"); exists {
		t.Fatal("a half-parsed CREATE TABLE created the table")
	}
}
