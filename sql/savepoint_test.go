package sql

import (
	"context"
	"strings"
	"testing"
)

// reportingOutput records rows, tags and the settings reported to the client.
type reportingOutput struct {
	textOutput
	reported []string
}

func (o *reportingOutput) ReportSetting(name, value string) error {
	o.reported = append(o.reported, name+"="+value)
	return nil
}

// TestSavepointSession runs statement sequences on one session and checks each statement's
// SQLSTATE, the transaction status ReadyForQuery would carry after it (an aborted transaction
// is 'E' until ROLLBACK TO recovers it: 'T'), and the settings reported to the client.
func TestSavepointSession(t *testing.T) {
	type step struct {
		q      string
		code   string // "" for success
		status byte
		report string // settings reported after it, joined by ","
	}
	cases := []struct {
		name  string
		steps []step
	}{
		{"aborted transaction recovers", []step{
			{"BEGIN", "", TxActive, ""},
			{"SAVEPOINT a", "", TxActive, ""},
			{"INSERT INTO t VALUES (1)", "23505", TxFailed, ""},
			{"SELECT 1", "25P02", TxFailed, ""},
			{"RELEASE a", "25P02", TxFailed, ""},
			{"ROLLBACK TO nosuch", "3B001", TxFailed, ""},
			{"ROLLBACK TO a", "", TxActive, ""},
			{"INSERT INTO t VALUES (2)", "", TxActive, ""},
			{"COMMIT", "", TxIdle, ""},
		}},
		{"outside a transaction block nothing fails", []step{
			{"SAVEPOINT a", "25P01", TxIdle, ""},
			{"RELEASE a", "25P01", TxIdle, ""},
			{"ROLLBACK TRANSACTION TO SAVEPOINT a", "25P01", TxIdle, ""},
			{"SELECT 1", "", TxIdle, ""},
		}},
		{"an unknown release aborts", []step{
			{"BEGIN", "", TxActive, ""},
			{"SAVEPOINT a", "", TxActive, ""},
			{"RELEASE b", "3B001", TxFailed, ""},
			{"ROLLBACK TO a", "", TxActive, ""},
			{"ROLLBACK", "", TxIdle, ""},
		}},
		{"settings are restored and reported", []step{
			{"BEGIN", "", TxActive, ""},
			{"SAVEPOINT a", "", TxActive, ""},
			{"SET TimeZone = 'Europe/Rome'", "", TxActive, "TimeZone=Europe/Rome"},
			{"SET application_name = 'x'", "", TxActive, "application_name=x"},
			{"ROLLBACK TO a", "", TxActive, "application_name=,TimeZone=UTC"},
			{"SET LOCAL TimeZone = 'Asia/Tokyo'", "", TxActive, "TimeZone=Asia/Tokyo"},
			{"RELEASE a", "", TxActive, ""},
			{"COMMIT", "", TxIdle, "TimeZone=UTC"},
		}},
		{"a savepoint name repeated names the newest", []step{
			{"BEGIN", "", TxActive, ""},
			{"INSERT INTO t VALUES (10)", "", TxActive, ""},
			{"SAVEPOINT a", "", TxActive, ""},
			{"INSERT INTO t VALUES (11)", "", TxActive, ""},
			{"SAVEPOINT a", "", TxActive, ""},
			{"INSERT INTO t VALUES (12)", "", TxActive, ""},
			{"RELEASE a", "", TxActive, ""},
			{"INSERT INTO t VALUES (12)", "23505", TxFailed, ""},
			{"ROLLBACK TO a", "", TxActive, ""},
			{"RELEASE a", "", TxActive, ""},
			{"ROLLBACK TO a", "3B001", TxFailed, ""},
			{"ROLLBACK", "", TxIdle, ""},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := NewSession(openTestTablespace(t), nil)
			defer s.Close()
			ctx := context.Background()
			if _, err := s.Start(Startup{User: "drove", Database: "drove"}); err != nil {
				t.Fatal(err)
			}
			execOK(t, s, "CREATE TABLE t (k int PRIMARY KEY); INSERT INTO t VALUES (1)")
			for _, st := range c.steps {
				out := &reportingOutput{}
				err := s.Exec(ctx, st.q, out)
				if sqlState(err) != st.code {
					t.Fatalf("%s: %v, want SQLSTATE %q", st.q, err, st.code)
				}
				if s.TxStatus() != st.status {
					t.Fatalf("%s: status %c, want %c", st.q, s.TxStatus(), st.status)
				}
				if got := strings.Join(out.reported, ","); got != st.report {
					t.Fatalf("%s: reported %q, want %q", st.q, got, st.report)
				}
			}
		})
	}
}

// TestSavepointReleasesRowLocks: a row lock taken after a savepoint is released by ROLLBACK TO
// it, so another session's update of that row goes on at once; one taken before stays.
func TestSavepointReleasesRowLocks(t *testing.T) {
	ts := openTestTablespace(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	execOK(t, a, "CREATE TABLE acct (id int PRIMARY KEY, bal int); INSERT INTO acct VALUES (1, 10), (2, 10)")
	execOK(t, a, "BEGIN; UPDATE acct SET bal = 0 WHERE id = 1; SAVEPOINT s; UPDATE acct SET bal = 0 WHERE id = 2")
	execOK(t, a, "ROLLBACK TO SAVEPOINT s")
	// With the lock still held the update would fail with 55P03 after lock_timeout; no
	// wall-clock bound, which a loaded machine (or -race) can miss.
	execOK(t, b, "SET lock_timeout = '100ms'")
	execOK(t, b, "UPDATE acct SET bal = 20 WHERE id = 2")
	if err := b.Exec(context.Background(), "UPDATE acct SET bal = 20 WHERE id = 1", &textOutput{}); sqlState(err) != "55P03" {
		t.Fatalf("a lock taken before the savepoint: %v, want 55P03", err)
	}
	execOK(t, a, "COMMIT")
	if got := execOK(t, a, "SELECT bal FROM acct ORDER BY id").lines; strings.Join(got[:2], ",") != "0,20" {
		t.Fatalf("balances %v, want [0 20]", got)
	}
}
