package sql

import (
	"context"
	"testing"
	"time"
)

// A regular-expression match on a long subject stops at statement_timeout: RE2 never looks
// at a context, so a long match runs on a goroutine of its own (matchCancellable). Without
// that, each of these runs for seconds past the timeout.
func TestRegexMatchCancellable(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "SET statement_timeout = 300", discard{}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"SELECT repeat('x', 20000000) ~ '(x+x+)+y'",                                 // folded while binding
		"SELECT s ~ '(x+x+)+y' FROM (SELECT repeat('x', 20000000) s) q",             // per row
		"SELECT regexp_like(s, '(x+x+)+y') FROM (SELECT repeat('x', 20000000) s) q", // the function
	} {
		start := time.Now()
		err := s.Exec(ctx, q, discard{})
		took := time.Since(start)
		if sqlState(err) != "57014" {
			t.Fatalf("%s: got %v after %v, want 57014", q, err, took)
		}
		if took > 2*time.Second {
			t.Errorf("%s: stopped only after %v with a 300ms statement_timeout", q, took)
		}
		t.Logf("%s: 57014 after %v", q, took)
	}
}
