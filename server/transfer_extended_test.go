package server

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestTransferExtendedProtocol: a pgx connection (extended protocol) on a node that loses
// leadership between statements. Its next autocommit INSERT, refused there before it did
// anything, runs on the new leader for the client: it succeeds, is applied once, and the
// connection keeps working. Once with pgx's cached (named) statement, once with unnamed ones.
func TestTransferExtendedProtocol(t *testing.T) {
	c, admin, lead := kvOnThreeNodes(t)
	ctx := context.Background()
	for round, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeExec} {
		cfg, err := pgx.ParseConfig("postgres://drove@" + c.nodes[lead].PGAddr().String() + "/r3?sslmode=disable")
		if err != nil {
			t.Fatal(err)
		}
		cfg.DefaultQueryExecMode = mode
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		const ins = "INSERT INTO kv VALUES ($1, $2)"
		k := int64(10 * round)
		if _, err := conn.Exec(ctx, ins, k, 1); err != nil {
			t.Fatal(err)
		}
		to := (lead + 1) % 3
		if _, code := exec(t, admin, fmt.Sprintf("ALTER TABLESPACE 'r3','leader:n%d'", to+1)); code != "" {
			t.Fatal(code)
		}
		waitFor(t, 10*time.Second, fmt.Sprintf("n%d to lead", to+1), func() bool {
			ts, ok := c.nodes[to].Tablespace("r3")
			return ok && ts.IsLeader()
		})
		if _, err := conn.Exec(ctx, ins, k+1, 2); err != nil {
			t.Fatalf("%v: the insert after the transfer: %v", mode, err)
		}
		if _, err := conn.Exec(ctx, ins, k+2, 3); err != nil {
			t.Fatalf("%v: the next insert: %v", mode, err)
		}
		var n, sum int64
		if err := conn.QueryRow(ctx, "SELECT count(*), sum(v) FROM kv WHERE k >= $1 AND k < $2", k, k+10).Scan(&n, &sum); err != nil {
			t.Fatalf("%v: %v", mode, err)
		}
		if n != 3 || sum != 6 {
			t.Fatalf("%v: %d rows with sum %d, want 3 rows, 6", mode, n, sum)
		}
		lead = to
	}
}
