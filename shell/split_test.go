package shell

import (
	"reflect"
	"testing"
)

func TestSplitStatements(t *testing.T) {
	cases := []struct {
		script string
		want   []string
	}{
		{"SELECT 1; SELECT 2;", []string{"SELECT 1", "SELECT 2"}},
		{"SELECT 1", []string{"SELECT 1"}},
		{";;  ;", nil},
		{"SELECT 'a;b'; SELECT 2", []string{"SELECT 'a;b'", "SELECT 2"}},
		{"SELECT 'it''s;'; SELECT 2", []string{"SELECT 'it''s;'", "SELECT 2"}},
		{`SELECT E'\';'; SELECT 2`, []string{`SELECT E'\';'`, "SELECT 2"}},
		{`SELECT "a;b" FROM t; SELECT 2`, []string{`SELECT "a;b" FROM t`, "SELECT 2"}},
		{"SELECT 1 -- not; here\n; SELECT 2", []string{"SELECT 1 -- not; here", "SELECT 2"}},
		{"SELECT /* a; /* nested; */ b; */ 1; SELECT 2", []string{"SELECT /* a; /* nested; */ b; */ 1", "SELECT 2"}},
		{"SELECT 'unterminated; SELECT 2", []string{"SELECT 'unterminated; SELECT 2"}},
		{`SELECT 'back\'; SELECT 2`, []string{`SELECT 'back\'`, "SELECT 2"}}, // standard strings: \ is literal
	}
	for _, c := range cases {
		t.Run(c.script, func(t *testing.T) {
			if got := Split(c.script); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestSplitterKeepsPendingInput(t *testing.T) {
	var s Splitter
	if got := s.Add("SELECT\n"); got != nil {
		t.Fatalf("completed %q early", got)
	}
	if got := s.Add("'x;\n"); got != nil || s.Pending() != "SELECT\n'x;" {
		t.Fatalf("got %q pending %q", got, s.Pending())
	}
	if got := s.Add("y';\n"); !reflect.DeepEqual(got, []string{"SELECT\n'x;\ny'"}) || s.Pending() != "" {
		t.Fatalf("got %q pending %q", got, s.Pending())
	}
}
