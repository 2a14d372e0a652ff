package sql

import (
	"context"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/drovedb/drove/types"
)

// cursorSession is a session with a table big of n rows of about 100 bytes.
func cursorSession(t *testing.T, n int) (*Session, context.Context) {
	t.Helper()
	s := NewSession(openTestTablespace(t), nil)
	t.Cleanup(s.Close)
	ctx := context.Background()
	for _, q := range []string{"CREATE TABLE big (k int PRIMARY KEY, v text)",
		"INSERT INTO big SELECT g, repeat('x', 100) FROM generate_series(1, " + strconv.Itoa(n) + ") g"} {
		if err := s.Exec(ctx, q, discard{}); err != nil {
			t.Fatal(err)
		}
	}
	return s, ctx
}

// cursorCounter counts a result's rows and keeps its tag.
type cursorCounter struct {
	rows int
	tag  string
}

func (r *cursorCounter) Columns([]Column) error    { return nil }
func (r *cursorCounter) Row([]types.Value) error   { r.rows++; return nil }
func (r *cursorCounter) Complete(tag string) error { r.tag = tag; return nil }
func (r *cursorCounter) reset() *cursorCounter     { *r = cursorCounter{}; return r }
func mustExec(t *testing.T, s *Session, q string)  { t.Helper(); mustExecOut(t, s, q, discard{}) }
func mustExecOut(t *testing.T, s *Session, q string, out Output) {
	t.Helper()
	if err := s.Exec(context.Background(), q, out); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// A NO SCROLL cursor read forward keeps no rows: its query streams, FETCH by FETCH.
func TestCursorStreamsForward(t *testing.T) {
	s, _ := cursorSession(t, 20000)
	mustExec(t, s, "BEGIN")
	mustExec(t, s, "DECLARE c NO SCROLL CURSOR FOR SELECT k, v FROM big")
	var out cursorCounter
	total := 0
	for {
		mustExecOut(t, s, "FETCH FORWARD 1000 FROM c", out.reset())
		total += out.rows
		c := s.cursors["c"]
		if len(c.rows) != 0 || c.mem.used != 0 {
			t.Fatalf("after %d rows the cursor keeps %d rows, %d bytes", total, len(c.rows), c.mem.used)
		}
		if out.rows == 0 {
			break
		}
		if c.run == nil && total < 20000 {
			t.Fatalf("the cursor's query ended after %d rows", total)
		}
	}
	if total != 20000 || out.tag != "FETCH 0" {
		t.Fatalf("read %d rows, last tag %q", total, out.tag)
	}
	mustExec(t, s, "COMMIT")
}

// A SCROLL cursor keeps what it read, counted against the query memory limit and the
// server's budget, which CLOSE gives back.
func TestCursorScrollMemory(t *testing.T) {
	s, ctx := cursorSession(t, 20000)
	budget := NewMemoryBudget(1 << 30)
	s.SetMemoryBudget(budget)
	mustExec(t, s, "BEGIN")
	mustExec(t, s, "DECLARE c SCROLL CURSOR FOR SELECT k, v FROM big")
	mustExec(t, s, "MOVE FORWARD 10000 IN c")
	if used := budget.Used(); used < 1<<20 {
		t.Fatalf("a SCROLL cursor holding 10000 rows reserved %d bytes of the budget", used)
	}
	mustExec(t, s, "CLOSE c")
	if used := budget.Used(); used != 0 {
		t.Fatalf("CLOSE left %d bytes of the budget reserved", used)
	}
	mustExec(t, s, "DECLARE d SCROLL CURSOR FOR SELECT k, v FROM big")
	s.queryMemory = 1 << 20
	mustExec(t, s, "DECLARE e SCROLL CURSOR FOR SELECT k, v FROM big")
	err := s.Exec(ctx, "FETCH ALL FROM e", discard{})
	if sqlState(err) != "53200" {
		t.Fatalf("FETCH ALL of 2 MB with a 1 MiB limit: %v", err)
	}
	mustExec(t, s, "ROLLBACK")
	if used := budget.Used(); used != 0 {
		t.Fatalf("ROLLBACK left %d bytes of the budget reserved", used)
	}
}

// A statement other than the streaming cursor's FETCH runs it to its end first; another
// cursor's goroutine never runs beside it; ending the session ends the goroutine.
func TestCursorSettleAndEnd(t *testing.T) {
	s, ctx := cursorSession(t, 3000)
	before := runtime.NumGoroutine()
	mustExec(t, s, "BEGIN")
	mustExec(t, s, "DECLARE a NO SCROLL CURSOR FOR SELECT k FROM big")
	var out cursorCounter
	mustExecOut(t, s, "FETCH 10 FROM a", &out)
	if s.live != s.cursors["a"] {
		t.Fatal("cursor a does not stream")
	}
	mustExec(t, s, "DECLARE b CURSOR FOR SELECT k FROM big")
	if a := s.cursors["a"]; a.run != nil || len(a.rows) != 2990 || s.live != s.cursors["b"] {
		t.Fatalf("DECLARE b left a streaming (%v) with %d rows kept", a.run != nil, len(a.rows))
	}
	mustExec(t, s, "INSERT INTO big VALUES (5000, 'new')")
	mustExecOut(t, s, "FETCH ALL FROM b", out.reset())
	mustExecOut(t, s, "FETCH ALL FROM a", out.reset())
	if out.rows != 2990 {
		t.Fatalf("cursor a read %d more rows, want the 2990 of its DECLARE's snapshot", out.rows)
	}
	mustExec(t, s, "DECLARE c CURSOR FOR SELECT k FROM big")
	mustExecOut(t, s, "FETCH 1 FROM c", out.reset())
	s.Close()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("%d goroutines after the session closed, %d before its cursors", n, before)
	}
	_ = ctx
}

// A FETCH cancelled mid-read fails with 57014, and the session goes on after ROLLBACK.
func TestCursorFetchCancelled(t *testing.T) {
	s, _ := cursorSession(t, 100)
	mustExec(t, s, "BEGIN")
	mustExec(t, s, "DECLARE c CURSOR FOR SELECT k FROM big CROSS JOIN generate_series(1, 100000000) g")
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err := s.Exec(ctx, "FETCH ALL FROM c", discard{})
	if sqlState(err) != "57014" {
		t.Fatalf("cancelled FETCH: %v", err)
	}
	mustExec(t, s, "ROLLBACK")
	var out cursorCounter
	mustExecOut(t, s, "SELECT * FROM pg_cursors", &out)
	if out.rows != 0 {
		t.Fatalf("after ROLLBACK: %d cursors", out.rows)
	}
}

// A cursor scrollable by default (no SCROLL, a plan that could run backward) goes back over
// the rows it kept, until they pass defaultScrollKeep: then it streams forward only.
func TestCursorDefaultScrollKeepsUpToItsCap(t *testing.T) {
	s, ctx := cursorSession(t, 60000)
	mustExec(t, s, "BEGIN")
	mustExec(t, s, "DECLARE c CURSOR FOR SELECT k, v FROM big")
	var out cursorCounter
	mustExecOut(t, s, "FETCH 100 FROM c", &out)
	mustExecOut(t, s, "FETCH PRIOR FROM c", out.reset())
	if out.rows != 1 || !s.cursors["c"].scroll {
		t.Fatalf("FETCH PRIOR of a scrollable cursor: %d rows", out.rows)
	}
	total, most := 0, int64(0)
	for {
		mustExecOut(t, s, "FETCH FORWARD 1000 FROM c", out.reset())
		total += out.rows
		most = max(most, s.cursors["c"].mem.used)
		if out.rows == 0 {
			break
		}
	}
	c := s.cursors["c"]
	if total != 60000-99 || c.scroll || c.keep || len(c.rows) != 0 {
		t.Fatalf("read %d rows; scroll %v, keep %v, %d rows kept", total, c.scroll, c.keep, len(c.rows))
	}
	if most > defaultScrollKeep+1<<20 {
		t.Fatalf("the cursor kept %d bytes, its cap is %d", most, defaultScrollKeep)
	}
	if err := s.Exec(ctx, "FETCH PRIOR FROM c", discard{}); sqlState(err) != "55000" {
		t.Fatalf("FETCH PRIOR past the cap: %v", err)
	}
	mustExec(t, s, "ROLLBACK")
}
