package sql

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// Queries reserve from the one budget their server shares: what one holds another cannot
// take, and it comes back when the query ends.
func TestMemoryBudgetShared(t *testing.T) {
	b := NewMemoryBudget(3 << 20)
	a := memAccount{limit: 1 << 30, budget: b}
	c := memAccount{limit: 1 << 30, budget: b}
	if err := a.grow(2 << 20); err != nil {
		t.Fatal(err)
	}
	if err := c.grow(512 << 10); err != nil {
		t.Fatalf("the budget's last megabyte: %v", err)
	}
	err := c.grow(1 << 20)
	var e *Error
	if !errors.As(err, &e) || e.Code != "53200" || !strings.Contains(e.Detail, "query memory budget of 3 MiB") {
		t.Fatalf("past the budget: %v, want 53200 naming the budget", err)
	}
	a.done()
	if err := c.grow(1 << 20); err != nil {
		t.Fatalf("after the other query ended: %v", err)
	}
	c.done()
	if b.Used() != 0 {
		t.Fatalf("%d bytes still reserved after every query ended", b.Used())
	}
	if NewMemoryBudget(0) != nil || NewMemoryBudget(-1) != nil {
		t.Fatal("a budget of 0 or -1 bounds nothing")
	}
}

// A session's query that needs more than the server's budget fails with 53200 even under
// its own limit, and gives back what it reserved; the next small query runs.
func TestMemoryBudgetSession(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	b := NewMemoryBudget(8 << 20)
	s.SetMemoryBudget(b)
	err := s.Exec(ctx, "SELECT count(*) FROM (SELECT g FROM generate_series(1, 1000000) g ORDER BY g DESC) s", discard{})
	var e *Error
	if !errors.As(err, &e) || e.Code != "53200" || !strings.Contains(e.Detail, "budget") {
		t.Fatalf("sort of 1M rows in an 8 MiB budget: %v, want 53200", err)
	}
	if b.Used() != 0 {
		t.Fatalf("%d bytes still reserved after the query failed", b.Used())
	}
	if err := s.Exec(ctx, "SELECT count(*) FROM (SELECT g FROM generate_series(1, 10000) g ORDER BY g DESC) s", discard{}); err != nil {
		t.Fatalf("a small sort after: %v", err)
	}
	if b.Used() != 0 {
		t.Fatalf("%d bytes still reserved after the query ended", b.Used())
	}
}
