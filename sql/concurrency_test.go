package sql

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

func execOK(t *testing.T, s *Session, q string) *textOutput {
	t.Helper()
	out := &textOutput{}
	if err := s.Exec(context.Background(), q, out); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// twoSessions opens a tablespace and two sessions on it, closed when the test ends.
func twoSessions(t *testing.T) (a, b *Session) {
	ts := openTestTablespace(t)
	a, b = NewSession(ts, nil), NewSession(ts, nil)
	t.Cleanup(a.Close)
	t.Cleanup(b.Close)
	return a, b
}

// queryState runs q on s and returns its rows as text and its SQLSTATE ("" when it succeeds).
func queryState(s *Session, q string) ([]string, string) {
	out := &textOutput{}
	err := s.Exec(context.Background(), q, out)
	return out.lines, sqlState(err)
}

func sqlState(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// Two transactions that each hold a row the other wants: one is told 40P01 at once (not after
// the lock timeout), and the other commits.
func TestDeadlockDetected(t *testing.T) {
	ts := openTestTablespace(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	execOK(t, a, "CREATE TABLE acct (id int PRIMARY KEY, bal int); INSERT INTO acct VALUES (1, 10), (2, 10)")
	execOK(t, a, "BEGIN; UPDATE acct SET bal = bal - 1 WHERE id = 1")
	execOK(t, b, "BEGIN; UPDATE acct SET bal = bal - 1 WHERE id = 2")
	start := time.Now()
	aDone := make(chan error, 1)
	go func() {
		aDone <- a.Exec(context.Background(), "UPDATE acct SET bal = bal + 1 WHERE id = 2", &textOutput{})
	}()
	time.Sleep(50 * time.Millisecond) // let a wait for b's row
	err := b.Exec(context.Background(), "UPDATE acct SET bal = bal + 1 WHERE id = 1", &textOutput{})
	if sqlState(err) != "40P01" {
		t.Fatalf("second waiter: %v, want 40P01", err)
	}
	execOK(t, b, "ROLLBACK")
	if err := <-aDone; err != nil {
		t.Fatalf("first waiter after the victim rolled back: %v", err)
	}
	execOK(t, a, "COMMIT")
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Fatalf("deadlock took %v to resolve: detected by the lock timeout, not the detector", elapsed)
	}
	if got := execOK(t, a, "SELECT bal FROM acct ORDER BY id").lines; fmt.Sprint(got[:2]) != "[9 11]" {
		t.Fatalf("balances %v, want [9 11]", got)
	}
}

// Concurrent read-modify-write through UPDATE ... SET n = n + 1 loses nothing: the row lock
// makes each update start from the previous one's result.
func TestNoLostUpdates(t *testing.T) {
	ts := openTestTablespace(t)
	execOK(t, NewSession(ts, nil), "CREATE TABLE c (id int PRIMARY KEY, n int); INSERT INTO c VALUES (1, 0)")
	const sessions, each = 8, 50
	var wg sync.WaitGroup
	for range sessions {
		wg.Go(func() {
			s := NewSession(ts, nil)
			for range each {
				if err := s.Exec(context.Background(), "UPDATE c SET n = n + 1 WHERE id = 1", &textOutput{}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if got := execOK(t, NewSession(ts, nil), "SELECT n FROM c").lines[0]; got != fmt.Sprint(sessions*each) {
		t.Fatalf("n = %s, want %d", got, sessions*each)
	}
}

// 16 sessions move money between accounts in two-statement transactions, in random order (so
// they deadlock now and then and retry), while a reader checks that the total never changes.
func TestMoneyTransfersKeepTheTotal(t *testing.T) {
	ts := openTestTablespace(t)
	const accounts, start = 10, 1000
	setup := NewSession(ts, nil)
	execOK(t, setup, "CREATE TABLE acct (id int PRIMARY KEY, bal bigint NOT NULL)")
	for i := 1; i <= accounts; i++ {
		execOK(t, setup, fmt.Sprintf("INSERT INTO acct VALUES (%d, %d)", i, start))
	}
	want := fmt.Sprint(accounts * start)
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	deadlocks := 0
	var mu sync.Mutex
	for w := range 16 {
		wg.Go(func() {
			s := NewSession(ts, nil)
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for range 30 {
				from, to := 1+rng.IntN(accounts), 1+rng.IntN(accounts)
				amount := 1 + rng.IntN(50)
				for {
					err := s.Exec(context.Background(), fmt.Sprintf(
						"BEGIN; UPDATE acct SET bal = bal - %d WHERE id = %d; UPDATE acct SET bal = bal + %d WHERE id = %d; COMMIT",
						amount, from, amount, to), &textOutput{})
					if err == nil {
						break
					}
					if sqlState(err) != "40P01" {
						t.Error(err)
						return
					}
					mu.Lock()
					deadlocks++
					mu.Unlock()
					if err := s.Exec(context.Background(), "ROLLBACK", &textOutput{}); err != nil {
						t.Error(err)
						return
					}
					// Back off as a client should: retrying at once lets the victim take its
					// first row again before the winner wakes, and deadlock with it again.
					time.Sleep(time.Duration(rng.IntN(2000)) * time.Microsecond)
				}
			}
		})
	}
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		s := NewSession(ts, nil)
		for ctx.Err() == nil {
			out := &textOutput{}
			if err := s.Exec(context.Background(), "SELECT sum(bal) FROM acct", out); err != nil {
				t.Error(err)
				return
			}
			if out.lines[0] != want {
				t.Errorf("a reader saw a total of %s, want %s", out.lines[0], want)
				return
			}
		}
	}()
	wg.Wait()
	stop()
	<-readerDone
	if got := execOK(t, setup, "SELECT sum(bal), count(*) FROM acct").lines[0]; got != want+"|10" {
		t.Fatalf("total %s, want %s over 10 accounts", got, want)
	}
	t.Logf("%d deadlocks detected and retried", deadlocks)
}

// SELECT ... FOR UPDATE holds the rows it returned: a concurrent UPDATE waits for the commit.
func TestSelectForUpdateLocks(t *testing.T) {
	ts := openTestTablespace(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	execOK(t, a, "CREATE TABLE r (id int PRIMARY KEY, v int); INSERT INTO r VALUES (1, 1), (2, 2)")
	execOK(t, a, "BEGIN")
	if got := execOK(t, a, "SELECT v FROM r WHERE id = 1 FOR UPDATE").lines[0]; got != "1" {
		t.Fatalf("read %s", got)
	}
	done := make(chan error, 1)
	go func() { done <- b.Exec(context.Background(), "UPDATE r SET v = v * 10 WHERE id = 1", &textOutput{}) }()
	select {
	case err := <-done:
		t.Fatalf("UPDATE of a row locked FOR UPDATE finished before the lock holder committed: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	execOK(t, a, "UPDATE r SET v = 5 WHERE id = 1")
	execOK(t, a, "COMMIT")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := execOK(t, a, "SELECT v FROM r WHERE id = 1").lines[0]; got != "50" {
		t.Fatalf("v = %s, want 50 (the waiting UPDATE applied to the committed 5)", got)
	}
}
