package sql

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// Every phase of a long statement stops soon after its context ends. Each query here runs
// for minutes (or forever) when nothing checks the context in its inner loop.
func TestCancelLongStatements(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t SELECT g, g FROM generate_series(1, 10) g", discard{}); err != nil {
		t.Fatal(err)
	}
	cross := make([]string, 12)
	sum := make([]string, 12)
	for i := range cross {
		cross[i] = fmt.Sprintf("t t%d", i)
		sum[i] = fmt.Sprintf("t%d.v", i)
	}
	parts := make([]string, 20000)
	for i := range parts {
		parts[i] = fmt.Sprintf("SELECT %d", i)
	}
	cases := []struct {
		name, query string
		setup       string // run first, e.g. SET statement_timeout
		cancelled   bool   // the context is cancelled before the statement starts
	}{
		// A many-table join whose condition never holds: the join's inner loop.
		{name: "cross join", query: "SELECT count(*) FROM " + strings.Join(cross, ", ") + " WHERE " + strings.Join(sum, " + ") + " < 0"},
		// A filter over a set-returning function that rejects every row.
		{name: "filter over generate_series", query: "SELECT * FROM generate_series(1, 1000000000000) g WHERE g < 0"},
		// Rows streamed to a client that keeps reading: the result loop.
		{name: "select-list generate_series", query: "SELECT generate_series(1, 1000000000000)"},
		// A window frame per row: quadratic in the partition.
		{name: "window frame", query: "SELECT sum(g) OVER (ORDER BY g ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM generate_series(1, 100000) g"},
		// A correlated subquery re-evaluated for every row, each time finding nothing.
		{name: "correlated subquery", query: "SELECT count(*) FROM generate_series(1, 1000000) a WHERE EXISTS (SELECT 1 FROM generate_series(1, 1000000) b WHERE b = -a)"},
		// DISTINCT dropping duplicates it never returns.
		{name: "distinct", query: "SELECT DISTINCT 1 FROM generate_series(1, 1000000000000) g WHERE g > 0"},
		// statement_timeout, through SET.
		{name: "statement_timeout", setup: "SET statement_timeout = 100", query: "SELECT * FROM generate_series(1, 1000000000000) g WHERE g < 0"},
		// pg_sleep waits on the statement's context, not for its whole time.
		{name: "pg_sleep", query: "SELECT pg_sleep(1000)"},
		{name: "pg_sleep_for statement_timeout", setup: "SET statement_timeout = 100", query: "SELECT pg_sleep_for('1 hour')"},
		{name: "pg_sleep_until", query: "SELECT pg_sleep_until('infinity')"},
		// Binding a long UNION stops when the statement is already cancelled.
		{name: "binding", cancelled: true, query: strings.Join(parts, " UNION ALL ")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.setup != "" {
				if err := s.Exec(ctx, tc.setup, discard{}); err != nil {
					t.Fatal(err)
				}
				defer s.Exec(ctx, "RESET ALL", discard{})
			}
			qctx, cancel := context.WithCancel(ctx)
			defer cancel()
			if tc.cancelled {
				cancel()
			}
			runCancelled(t, qctx, cancel, 500*time.Millisecond, func(ctx context.Context) error {
				return s.Exec(ctx, tc.query, discard{})
			})
		})
	}
}

// A sort stops comparing once the statement is cancelled.
func TestSortStableCancel(t *testing.T) {
	rows := make([]int, 1<<20)
	for i := range rows {
		rows[i] = len(rows) - i
	}
	cases := []struct {
		name      string
		cancelled bool
		maxCmp    int
	}{
		{"running", false, 1 << 30},
		{"cancelled", true, checkEvery},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.cancelled {
				cancel()
			}
			ec := &execCtx{ctx: ctx}
			rs := append([]int(nil), rows...)
			n := 0
			err := sortStable(ec, rs, func(a, b int) int { n++; return a - b })
			if (err != nil) != tc.cancelled || n > tc.maxCmp {
				t.Errorf("err %v after %d comparisons", err, n)
			}
		})
	}
}

// A statement that binds too many query blocks fails with 54001 instead of exhausting memory:
// each WITH query here reads the previous one twice, doubling the blocks bound at each step.
func TestStatementTooComplex(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	chain := func(n int) string {
		defs := []string{"c0 AS (SELECT 1 AS x)"}
		for i := 1; i < n; i++ {
			defs = append(defs, fmt.Sprintf("c%d AS (SELECT a.x FROM c%d a, c%d b)", i, i-1, i-1))
		}
		return "WITH " + strings.Join(defs, ", ") + fmt.Sprintf(" SELECT count(*) FROM c%d", n-1)
	}
	cases := []struct {
		query string
		code  string
	}{
		{chain(10), ""},
		{chain(24), "54001"},
		{"WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a", "42712"},
	}
	for _, tc := range cases {
		start := time.Now()
		err := s.Exec(context.Background(), tc.query, discard{})
		if sqlState(err) != tc.code || tc.code == "" && err != nil {
			t.Errorf("%.60s...: got %v, want %q", tc.query, err, tc.code)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%.60s...: took %v", tc.query, d)
		}
	}
}

// UPDATE and DELETE stop while they look for their rows, and while they write them.
func TestCancelLongWrites(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE big (id int PRIMARY KEY, v int); INSERT INTO big SELECT g, g FROM generate_series(1, 200000) g", discard{}); err != nil {
		t.Fatal(err)
	}
	// An expression that is slow for every row (a long IN list whose items read the row, so
	// it is read item by item: a list of constants is a set), in the filter that picks the
	// rows, then in the SET that writes them.
	list := make([]string, 2000)
	for i := range list {
		list[i] = fmt.Sprintf("v - %d", i+1)
	}
	slow := "v + 0 IN (" + strings.Join(list, ", ") + ")"
	cases := []struct{ name, query string }{
		{"update filter", "UPDATE big SET v = v + 1 WHERE " + slow},
		{"delete filter", "DELETE FROM big WHERE " + slow},
		{"update set", "UPDATE big SET v = CASE WHEN " + slow + " THEN 0 ELSE v END"},
		{"delete subquery", "DELETE FROM big WHERE (SELECT count(*) FROM big b WHERE b.v = big.v + 1000000) > 0"},
	}
	for _, tc := range cases {
		q := tc.query
		t.Run(tc.name, func(t *testing.T) {
			qctx, cancel := context.WithCancel(ctx)
			runCancelled(t, qctx, cancel, 300*time.Millisecond, func(ctx context.Context) error {
				return s.Exec(ctx, q, discard{})
			})
		})
	}
}

// copyFeed is a client streaming COPY data: line(i) for i up to limit, then the end.
type copyFeed struct {
	discard
	n, limit int
	line     func(i int) string
	buf      []byte
}

func (f *copyFeed) CopyIn(int, bool) (io.Reader, error)  { return f, nil }
func (f *copyFeed) CopyOut(int, bool) (io.Writer, error) { return io.Discard, nil }
func (f *copyFeed) Read(p []byte) (int, error) {
	for len(f.buf) < len(p) && f.n < f.limit {
		f.n++
		f.buf = append(f.buf, f.line(f.n)...)
	}
	if len(f.buf) == 0 {
		return 0, io.EOF
	}
	k := copy(p, f.buf)
	f.buf = f.buf[k:]
	return k, nil
}

// COPY FROM stops on a cancel while the client's data is still coming, and a mutation load
// while it applies its records.
func TestCancelCopyFrom(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE c (id int PRIMARY KEY, v int); CREATE TABLE m (id int PRIMARY KEY, v int, logical_commit_time bigint)", discard{}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, query string
		feed        *copyFeed
	}{
		{"rows", "COPY c FROM STDIN", &copyFeed{limit: 5_000_000, line: func(i int) string { return fmt.Sprintf("%d\t%d\n", i, i) }}},
		{"mutations", "COPY m (v) FROM STDIN WITH (MUTATIONS)", &copyFeed{limit: 1_000_000, line: func(i int) string { return fmt.Sprintf("%d\tUPDATE\t%d\t%d\n", i, i, i) }}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			qctx, cancel := context.WithCancel(ctx)
			runCancelled(t, qctx, cancel, 300*time.Millisecond, func(ctx context.Context) error {
				return s.Exec(ctx, tc.query, tc.feed)
			})
		})
	}
}

// A cancelled query string of many statements stops between their parses (the dialect pass
// before them reads the whole string, in linear time).
func TestCancelParse(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	q := strings.Repeat("SELECT 1 + 1 AS x WHERE 1 = 1; ", 1000)
	cases := []struct {
		name      string
		cancelled bool
	}{{"running", false}, {"cancelled", true}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.cancelled {
				cancel()
			}
			s.cache = nil
			defer s.statementContext(ctx)()
			sts, err := s.statements(q)
			if tc.cancelled != (err != nil) || !tc.cancelled && len(sts) != 1000 {
				t.Errorf("got %d statements, err %v", len(sts), err)
			}
		})
	}
}

// runCancelled runs exec(ctx) in the background, cancels it after the given time, and fails
// unless it then ends with 57014 within 10 s (it logs how long it took to stop).
func runCancelled(t *testing.T, ctx context.Context, cancel context.CancelFunc, after time.Duration, exec func(context.Context) error) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- exec(ctx) }()
	time.Sleep(after)
	cancel()
	cancelled := time.Now()
	select {
	case err := <-done:
		if sqlState(err) != "57014" {
			t.Fatalf("got %v, want 57014", err)
		}
		t.Logf("stopped %v after the cancel", time.Since(cancelled))
	case <-time.After(10 * time.Second):
		t.Fatal("still running 10s after the cancel")
	}
}

// statement_timeout set by an earlier statement of the same query string bounds the later
// ones, each separately, as in PostgreSQL 13 and later (psql -c "SET ...; SELECT ...").
func TestStatementTimeoutSetInSameString(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	done := make(chan error, 1)
	go func() {
		done <- s.Exec(context.Background(), "SET statement_timeout = 200; SELECT count(*) FROM generate_series(1, 100000000000)", discard{})
	}()
	select {
	case err := <-done:
		if sqlState(err) != "57014" {
			t.Fatalf("got %v, want 57014", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("still running 20s after a 200ms statement_timeout")
	}
	if err := s.Exec(context.Background(), "SELECT 1", discard{}); err != nil {
		t.Fatalf("session unusable after the timeout: %v", err)
	}
}

// A cancel that arrives while a short COPY FROM waits for its client's data fails the COPY
// (57014), as PostgreSQL's next CHECK_FOR_INTERRUPTS does: drove looked at the context only
// every checkEvery rows, so a COPY of fewer rows committed after the cancel.
func TestCancelShortCopyFrom(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx, cancel := context.WithCancel(context.Background())
	if err := s.Exec(ctx, "CREATE TABLE sc (id int PRIMARY KEY, v int)", discard{}); err != nil {
		t.Fatal(err)
	}
	feed := &copyFeed{limit: 3, line: func(i int) string {
		if i == 3 {
			cancel() // the cancel request, while the client is still sending
		}
		return fmt.Sprintf("%d\t1\n", i)
	}}
	if err := s.Exec(ctx, "COPY sc FROM STDIN", feed); sqlState(err) != "57014" {
		t.Fatalf("COPY after a cancel: %v, want 57014", err)
	}
	out := &textOutput{}
	if err := s.Exec(context.Background(), "SELECT count(*) FROM sc", out); err != nil || len(out.lines) == 0 || out.lines[0] != "0" {
		t.Fatalf("rows after the cancelled COPY: %v (%v), want 0", out.lines, err)
	}
}
