package sql

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestStatementSnapshot: while a writer moves 1 between two rows in transactions, every
// statement that reads both rows — by a self-join on the primary key, an IN list, UNION ALL,
// two scalar subqueries, a secondary index, a join on a computed key, a full scan — sees a
// total of 1000: one committed state per statement (issue 14).
func TestStatementSnapshot(t *testing.T) {
	ts := openTestTablespace(t)
	setup := NewSession(ts, nil)
	execOK(t, setup, "CREATE TABLE pair (id int PRIMARY KEY, bal int, grp int)")
	execOK(t, setup, "CREATE INDEX pair_grp ON pair (grp)")
	execOK(t, setup, "INSERT INTO pair VALUES (0, 500, 7), (1, 500, 7)")
	queries := []struct{ name, q string }{
		{"self-join on pk", "SELECT a.bal + b.bal FROM pair a, pair b WHERE a.id = 0 AND b.id = 1"},
		{"in list", "SELECT sum(bal) FROM pair WHERE id IN (0, 1)"},
		{"union all", "SELECT sum(b) FROM (SELECT bal AS b FROM pair WHERE id = 0 UNION ALL SELECT bal FROM pair WHERE id = 1) u"},
		{"scalar subqueries", "SELECT (SELECT bal FROM pair WHERE id = 0) + (SELECT bal FROM pair WHERE id = 1)"},
		{"secondary index", "SELECT sum(bal) FROM pair WHERE grp = 7"},
		{"join on computed key", "SELECT a.bal + b.bal FROM pair a JOIN pair b ON b.id = a.id + 1 WHERE a.id = 0"},
		{"full scan", "SELECT sum(bal) FROM pair"},
	}
	for _, q := range queries { // each shape answers at all
		if got := execOK(t, setup, q.q).lines; len(got) == 0 || got[0] != "1000" {
			t.Fatalf("%s: %v, want 1000", q.name, got)
		}
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		s := NewSession(ts, nil)
		for i := 0; !stop.Load(); i++ {
			from, to := i%2, 1-i%2 // back and forth, so balances stay near 500
			if err := s.Exec(context.Background(), "BEGIN; UPDATE pair SET bal = bal - 1 WHERE id = "+itoa(from)+
				"; UPDATE pair SET bal = bal + 1 WHERE id = "+itoa(to)+"; COMMIT", &textOutput{}); err != nil {
				t.Error(err)
				return
			}
		}
	})
	bad := make([]atomic.Int64, len(queries))
	var reads atomic.Int64
	for r := range 2 {
		wg.Go(func() {
			s := NewSession(ts, nil)
			for i := r; !stop.Load(); i++ {
				q := i % len(queries)
				out := &textOutput{}
				if err := s.Exec(context.Background(), queries[q].q, out); err != nil {
					t.Error(err)
					return
				}
				if len(out.lines) == 0 || out.lines[0] != "1000" {
					bad[q].Add(1)
				}
				reads.Add(1)
			}
		})
	}
	time.Sleep(2 * time.Second)
	stop.Store(true)
	wg.Wait()
	for i := range queries {
		if n := bad[i].Load(); n > 0 {
			t.Errorf("%s: %d reads saw half a transfer", queries[i].name, n)
		}
	}
	t.Logf("%d reads", reads.Load())
	if n, _ := ts.OldVersions(); n != 0 {
		t.Errorf("%d old row images kept after every statement ended", n)
	}
}

func itoa(i int) string { return string(rune('0' + i)) }

// TestRepeatableReadSQL: under REPEATABLE READ (by BEGIN, SET TRANSACTION or
// default_transaction_isolation) a transaction reads one snapshot — no non-repeatable read,
// no phantom — and updating a row committed after it is 40001 (no lost update); READ COMMITTED
// sees each commit; the level cannot change after the first query (25001); SERIALIZABLE is
// still refused.
func TestRepeatableReadSQL(t *testing.T) {
	cases := []struct {
		name  string
		begin []string // statements that open the transaction
		other string   // committed by another session after the first read
		read  string   // read again in the transaction
		want  string   // its first line
		write string   // then written in the transaction
		state string   // the write's SQLSTATE ("" for success)
	}{
		{"non-repeatable read", []string{"BEGIN ISOLATION LEVEL REPEATABLE READ"},
			"UPDATE pair SET bal = 600 WHERE id = 0", "SELECT bal FROM pair WHERE id = 0", "500",
			"UPDATE pair SET bal = bal + 1 WHERE id = 0", "40001"},
		{"phantom", []string{"START TRANSACTION ISOLATION LEVEL REPEATABLE READ"},
			"INSERT INTO pair VALUES (5, 1, 7)", "SELECT count(*) FROM pair WHERE grp = 7", "2",
			"UPDATE pair SET bal = bal + 1 WHERE id = 1", ""},
		{"set transaction", []string{"BEGIN", "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"},
			"DELETE FROM pair WHERE id = 1", "SELECT sum(bal) FROM pair", "1000",
			"DELETE FROM pair WHERE id = 1", "40001"},
		{"session default", []string{"SET default_transaction_isolation = 'repeatable read'", "BEGIN"},
			"UPDATE pair SET bal = 600 WHERE id = 0", "SELECT a.bal + b.bal FROM pair a, pair b WHERE a.id = 0 AND b.id = 1", "1000",
			"UPDATE pair SET bal = 0 WHERE id = 0", "40001"},
		{"read committed sees commits", []string{"BEGIN"},
			"UPDATE pair SET bal = 600 WHERE id = 0", "SELECT bal FROM pair WHERE id = 0", "600",
			"UPDATE pair SET bal = bal + 1 WHERE id = 0", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := openTestTablespace(t)
			s, other := NewSession(ts, nil), NewSession(ts, nil)
			execOK(t, s, "CREATE TABLE pair (id int PRIMARY KEY, bal int, grp int)")
			execOK(t, s, "CREATE INDEX pair_grp ON pair (grp)")
			execOK(t, s, "INSERT INTO pair VALUES (0, 500, 7), (1, 500, 7)")
			for _, q := range tc.begin {
				execOK(t, s, q)
			}
			if got := execOK(t, s, tc.read).lines; tc.want != "600" && got[0] != tc.want {
				t.Fatalf("first read %v, want %s", got, tc.want)
			}
			execOK(t, other, tc.other)
			if got := execOK(t, s, tc.read).lines; len(got) == 0 || got[0] != tc.want {
				t.Errorf("second read %v, want %s", got, tc.want)
			}
			err := s.Exec(context.Background(), tc.write, &textOutput{})
			if sqlState(err) != tc.state || (tc.state == "" && err != nil) {
				t.Errorf("%s: %v, want SQLSTATE %q", tc.write, err, tc.state)
			}
			execOK(t, s, "ROLLBACK")
		})
	}
	t.Run("level fixed after the first query", func(t *testing.T) {
		ts := openTestTablespace(t)
		s := NewSession(ts, nil)
		execOK(t, s, "BEGIN ISOLATION LEVEL REPEATABLE READ")
		if got := execOK(t, s, "SHOW transaction_isolation").lines; got[0] != "repeatable read" {
			t.Errorf("SHOW transaction_isolation: %v", got)
		}
		execOK(t, s, "SELECT 1")
		err := s.Exec(context.Background(), "SET TRANSACTION ISOLATION LEVEL READ COMMITTED", &textOutput{})
		if sqlState(err) != "25001" {
			t.Errorf("SET TRANSACTION after a query: %v, want 25001", err)
		}
		execOK(t, s, "ROLLBACK")
		if err := s.Exec(context.Background(), "BEGIN ISOLATION LEVEL SERIALIZABLE", &textOutput{}); sqlState(err) != "0A000" {
			t.Errorf("SERIALIZABLE: %v, want 0A000", err)
		}
	})
}
