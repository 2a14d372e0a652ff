package sql

import "testing"

// TestStoredExprText: a DEFAULT's text in the catalogs keeps the grouping the user wrote
// under || (vitess's tree drops the parentheses of 'v' || (1 + 2), its + binding tighter):
// pretty text as pgString prints it, non-pretty as PostgreSQL's pg_get_expr does but for
// the constants' types ('v'::text), which need binding.
func TestStoredExprText(t *testing.T) {
	for _, c := range []struct{ sql, pretty, plain string }{
		{"'v' || (1 + 2)", "('v' || (1 + 2))", "('v' || (1 + 2))"},
		{"('x' || 'y') || (2 * 3)", "(('x' || 'y') || (2 * 3))", "(('x' || 'y') || (2 * 3))"},
		{"a * 2 + b", "a * 2 + b", "((a * 2) + b)"},
		{"-b + abs(b) * 2", "-b + abs(b) * 2", "((- b) + (abs(b) * 2))"},
	} {
		e, err := parsePGExpr(c.sql)
		if err != nil {
			t.Fatal(err)
		}
		stored := storedExpr(e)
		if got := defaultText(stored); got != c.pretty {
			t.Errorf("%s: pretty %q, want %q", c.sql, got, c.pretty)
		}
		if got := catalogExprText(stored); got != c.plain {
			t.Errorf("%s: plain %q, want %q", c.sql, got, c.plain)
		}
	}
}
