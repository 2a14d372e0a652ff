package sql

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

// execWithin runs q on s, failing the test when it does not finish within a second (it
// waited for a lock it should have skipped or refused).
func execWithin(t *testing.T, s *Session, q string) ([]string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	out := &textOutput{}
	start := time.Now()
	err := s.Exec(ctx, q, out)
	if time.Since(start) >= time.Second {
		t.Fatalf("%s waited for a lock: %v", q, err)
	}
	return lockedRows(out.lines), err
}

// lockedRows drops the command tag from a textOutput's lines.
func lockedRows(lines []string) []string {
	return slices.DeleteFunc(slices.Clone(lines), func(l string) bool { return strings.HasPrefix(l, "tag: ") })
}

// Two workers of a job queue each take the first job not done that nobody holds: with
// SKIP LOCKED the second gets the next job at once, and LIMIT 1 locks only the row returned.
func TestSkipLockedQueue(t *testing.T) {
	a, b := twoSessions(t)
	execOK(t, a, "CREATE TABLE jobs (id int PRIMARY KEY, done bool); INSERT INTO jobs VALUES (1, true), (2, false), (3, false), (4, false)")
	const take = "SELECT id FROM jobs WHERE NOT done ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"
	execOK(t, a, "BEGIN")
	execOK(t, b, "BEGIN")
	if got := lockedRows(execOK(t, a, take).lines); !slices.Equal(got, []string{"2"}) {
		t.Fatalf("worker a took %v, want [2]", got)
	}
	got, err := execWithin(t, b, take)
	if err != nil || !slices.Equal(got, []string{"3"}) {
		t.Fatalf("worker b took %v (%v), want [3]", got, err)
	}
	// Row 4 was sorted past but not returned: nobody holds it.
	if got, err := execWithin(t, b, "SELECT id FROM jobs WHERE id = 4 FOR UPDATE NOWAIT"); err != nil || !slices.Equal(got, []string{"4"}) {
		t.Fatalf("row 4: %v (%v)", got, err)
	}
	got, err = execWithin(t, a, "SELECT id FROM jobs ORDER BY id FOR UPDATE SKIP LOCKED")
	if err != nil || !slices.Equal(got, []string{"1", "2"}) {
		t.Fatalf("a skipping b's rows got %v (%v), want [1 2]", got, err)
	}
	execOK(t, b, "COMMIT")
	if got := lockedRows(execOK(t, a, take).lines); !slices.Equal(got, []string{"2"}) {
		t.Fatalf("a again took %v, want its own 2", got)
	}
	execOK(t, a, "COMMIT")
}

// NOWAIT fails at once with 55P03 on a row another transaction holds, whatever the strength
// (FOR SHARE takes the exclusive lock too: docs/sql.md).
func TestNowaitRefusesAtOnce(t *testing.T) {
	a, b := twoSessions(t)
	execOK(t, a, "CREATE TABLE acct (id int PRIMARY KEY, n int); INSERT INTO acct VALUES (1, 10), (2, 20)")
	execOK(t, a, "BEGIN")
	execOK(t, a, "SELECT n FROM acct WHERE id = 1 FOR SHARE")
	for _, q := range []string{
		"SELECT n FROM acct WHERE id = 1 FOR UPDATE NOWAIT",
		"SELECT n FROM acct ORDER BY id FOR KEY SHARE NOWAIT",
		"SELECT n FROM acct x FOR NO KEY UPDATE OF x NOWAIT",
	} {
		_, err := execWithin(t, b, q)
		if e, ok := err.(*Error); !ok || e.Code != "55P03" || e.Message != `could not obtain lock on row in relation "acct"` {
			t.Fatalf("%s: %v, want 55P03 could not obtain lock on row in relation \"acct\"", q, err)
		}
	}
	if got, err := execWithin(t, b, "SELECT n FROM acct WHERE id = 2 FOR UPDATE NOWAIT"); err != nil || !slices.Equal(got, []string{"20"}) {
		t.Fatalf("row 2: %v (%v)", got, err)
	}
	execOK(t, a, "ROLLBACK")
}

// FOR UPDATE OF t locks the rows of t only: the table a subquery reads stays free.
func TestForUpdateOfLocksNamedTable(t *testing.T) {
	a, b := twoSessions(t)
	execOK(t, a, "CREATE TABLE orders (id int PRIMARY KEY, cust int); CREATE TABLE custs (id int PRIMARY KEY); "+
		"INSERT INTO custs VALUES (7); INSERT INTO orders VALUES (1, 7), (2, 8)")
	execOK(t, a, "BEGIN")
	got := execOK(t, a, "SELECT o.id FROM orders o WHERE o.cust IN (SELECT id FROM custs) FOR UPDATE OF o").lines
	got = lockedRows(got)
	if !slices.Equal(got, []string{"1"}) {
		t.Fatalf("got %v, want [1]", got)
	}
	if _, err := execWithin(t, b, "SELECT id FROM custs FOR UPDATE NOWAIT"); err != nil {
		t.Fatalf("custs was locked: %v", err)
	}
	if _, err := execWithin(t, b, "SELECT id FROM orders WHERE id = 1 FOR UPDATE NOWAIT"); sqlState(err) != "55P03" {
		t.Fatalf("orders row 1 not locked: %v", err)
	}
	if _, err := execWithin(t, b, "SELECT id FROM orders WHERE id = 2 FOR UPDATE NOWAIT"); err != nil {
		t.Fatalf("orders row 2 (not returned) was locked: %v", err)
	}
	execOK(t, a, "COMMIT")
}

// PostgreSQL's refusals, with its messages (the golden file checks the SQLSTATEs).
func TestLockingClauseMessages(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	t.Cleanup(s.Close)
	execOK(t, s, "CREATE TABLE lm (id int PRIMARY KEY, v text)")
	for _, c := range []struct{ q, msg string }{
		{"SELECT count(*) FROM lm FOR UPDATE", "FOR UPDATE is not allowed with aggregate functions"},
		{"SELECT DISTINCT v FROM lm FOR SHARE", "FOR SHARE is not allowed with DISTINCT clause"},
		{"SELECT v FROM lm GROUP BY v HAVING true FOR NO KEY UPDATE", "FOR NO KEY UPDATE is not allowed with GROUP BY clause"},
		{"SELECT 1 FROM lm HAVING count(*) > 0 FOR KEY SHARE", "FOR KEY SHARE is not allowed with HAVING clause"},
		{"SELECT row_number() OVER () FROM lm FOR KEY SHARE", "FOR KEY SHARE is not allowed with window functions"},
		{"SELECT generate_series(1, 2) FROM lm FOR UPDATE", "FOR UPDATE is not allowed with set-returning functions in the target list"},
		{"SELECT 1 UNION SELECT 2 FOR NO KEY UPDATE", "FOR NO KEY UPDATE is not allowed with UNION/INTERSECT/EXCEPT"},
		{"SELECT * FROM lm x FOR UPDATE OF lm", `relation "lm" in FOR UPDATE clause not found in FROM clause`},
		{"SELECT * FROM lm FOR UPDATE FOR SHARE OF y", `relation "y" in FOR SHARE clause not found in FROM clause`},
		{"SELECT * FROM lm FOR UPDATE OF public.lm", "FOR UPDATE must specify unqualified relation names"},
	} {
		err := s.Exec(context.Background(), c.q, &textOutput{})
		if e, ok := err.(*Error); !ok || e.Message != c.msg {
			t.Errorf("%s: %v, want %s", c.q, err, c.msg)
		}
	}
}
