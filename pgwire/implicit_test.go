package pgwire

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestMultiStatementQueryIsOneTransaction: a simple Query of several statements is one
// implicit transaction, as in PostgreSQL: an error rolls back the string's earlier writes, and
// ReadyForQuery says idle after it. drove used to autocommit each statement, so the INSERT
// stayed.
func TestMultiStatementQueryIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	c := connectSessions(t)
	if _, err := c.Exec(ctx, "CREATE TABLE t (k int PRIMARY KEY)").ReadAll(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); SELECT 1/0",
		"INSERT INTO t VALUES (3); COMMIT; INSERT INTO t VALUES (4); SELECT 1/0",
		"SELECT 1; VACUUM",
	} {
		res, err := c.Exec(ctx, q).ReadAll()
		var pe *pgconn.PgError
		if !errors.As(err, &pe) {
			t.Fatalf("%s: %v (%d results), want an error", q, err, len(res))
		}
		if c.TxStatus() != 'I' {
			t.Fatalf("%s: status %c after it, want I", q, c.TxStatus())
		}
	}
	res, err := c.Exec(ctx, "SELECT string_agg(k::text, ',' ORDER BY k) FROM t").ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := string(res[0].Rows[0][0]); got != "3" {
		t.Fatalf("rows %q, want 3 (only what the COMMIT in a string committed)", got)
	}
}
