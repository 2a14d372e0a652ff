package server

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// A session idle inside a transaction for longer than idle_in_transaction_session_timeout is
// ended with 25P03, and its row locks go with it; idle outside a transaction, or busy inside
// one, it is left alone.
func TestIdleInTransactionTimeout(t *testing.T) {
	s := startedServer(t)
	admin := connect(t, s, "drove")
	if _, code := exec(t, admin, "CREATE TABLE acct (id int PRIMARY KEY, bal int); INSERT INTO acct VALUES (1, 100)"); code != "" {
		t.Fatal(code)
	}
	cases := []struct {
		name    string
		steps   []string // run, then the session sleeps past the timeout
		survive bool
	}{
		{"idle in a transaction holding a row lock", []string{"BEGIN", "UPDATE acct SET bal = bal + 1 WHERE id = 1"}, false},
		{"idle in a failed transaction", []string{"BEGIN", "SELECT 1/0"}, false},
		{"idle outside a transaction", []string{"SELECT 1"}, true},
		{"setting off", []string{"SET idle_in_transaction_session_timeout = 0", "BEGIN", "SELECT 1"}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := connect(t, s, "drove")
			exec(t, c, "SET idle_in_transaction_session_timeout = 150")
			for _, q := range tc.steps {
				exec(t, c, q)
			}
			time.Sleep(600 * time.Millisecond)
			_, err := c.Exec(context.Background(), "SELECT 1").ReadAll()
			if tc.survive {
				if err != nil {
					t.Fatalf("session ended: %v", err)
				}
				exec(t, c, "ROLLBACK")
				return
			}
			var pgErr *pgconn.PgError
			if err == nil || (errors.As(err, &pgErr) && pgErr.Code != "25P03") {
				t.Fatalf("next statement after the timeout: %v, want the session ended with 25P03", err)
			}
			// The row lock went with the session: another one updates the row at once.
			if _, code := exec(t, admin, "SET lock_timeout = 1000; UPDATE acct SET bal = bal + 10 WHERE id = 1"); code != "" {
				t.Fatalf("update after the timed-out session: %s", code)
			}
		})
	}
	if got, _ := exec(t, admin, "SELECT bal FROM acct"); got != "120" {
		t.Errorf("balance %s, want 120 (the timed-out update rolled back, two later ones applied)", got)
	}
}
