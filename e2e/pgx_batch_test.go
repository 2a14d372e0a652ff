package e2e

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestPgxSendBatchIsOneTransaction: a pgx SendBatch (one Sync for all its statements) is one
// transaction, as on PostgreSQL 15, which the test runs it on too: a failing statement in it
// keeps none of the batch's INSERTs, and a batch that succeeds keeps all of them. drove
// used to commit each statement of the batch on its own, so the failed batch kept two rows.
func TestPgxSendBatchIsOneTransaction(t *testing.T) {
	n := newNode(t)
	n.start()
	targets := map[string]string{"drove": n.url(), "postgres": postgresAsDrove(t).String()}
	for name, url := range targets {
		for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeExec} {
			t.Run(name+"/"+mode.String(), func(t *testing.T) {
				checkSendBatch(t, connectPgxMode(t, url, mode))
			})
		}
	}
}

func checkSendBatch(t *testing.T, c *pgx.Conn) {
	ctx := context.Background()
	if _, err := c.Exec(ctx, "DROP TABLE IF EXISTS batched; CREATE TABLE batched (k int PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		if err := c.QueryRow(ctx, "SELECT count(*) FROM batched").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	b := &pgx.Batch{}
	b.Queue("INSERT INTO batched VALUES ($1)", 1)
	b.Queue("INSERT INTO batched VALUES ($1)", 2)
	b.Queue("INSERT INTO batched VALUES ($1)", 1)
	err := c.SendBatch(ctx, b).Close()
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "23505" {
		t.Fatalf("failing batch: %v, want 23505", err)
	}
	if got := count(); got != 0 {
		t.Fatalf("after the failed batch: %d rows, want 0", got)
	}
	b = &pgx.Batch{}
	b.Queue("INSERT INTO batched VALUES ($1)", 1)
	b.Queue("INSERT INTO batched VALUES ($1)", 2)
	b.Queue("SELECT count(*) FROM batched")
	br := c.SendBatch(ctx, b)
	for range 2 {
		if _, err := br.Exec(); err != nil {
			t.Fatal(err)
		}
	}
	var seen int
	if err := br.QueryRow().Scan(&seen); err != nil || seen != 2 {
		t.Fatalf("the batch's own count: %d, %v; want 2", seen, err)
	}
	if err := br.Close(); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != 2 {
		t.Fatalf("after the batch: %d rows, want 2", got)
	}
}
