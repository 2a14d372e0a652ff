package pgwire

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestSessionGoneEndsConnection: a session whose tablespace was closed under it answers
// 57P01; the connection then ends with that FATAL, as PostgreSQL's does, in the simple and
// the extended protocol, rather than refusing every later statement with an ERROR.
func TestSessionGoneEndsConnection(t *testing.T) {
	_, url := startServer(t)
	ctx := context.Background()
	for _, extended := range []bool{false, true} {
		c, err := pgconn.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		if extended {
			err = c.ExecParams(ctx, "gone", nil, nil, nil, nil).Read().Err
		} else {
			_, err = c.Exec(ctx, "gone").ReadAll()
		}
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "57P01" || pgErr.Severity != "FATAL" {
			t.Fatalf("extended %v: got %v, want FATAL 57P01", extended, err)
		}
		if _, err := c.Exec(ctx, "insert").ReadAll(); err == nil || !c.IsClosed() {
			t.Fatalf("extended %v: the connection is still open (%v)", extended, err)
		}
		c.Close(ctx)
	}
}
