package e2e

import (
	"context"
	"fmt"
	"testing"
)

// TestTruncateSurvivesKill: TRUNCATE of a table far bigger than --max-txn-memory lets a
// transaction delete succeeds, and a server SIGKILLed after it (the truncate only in the log,
// or in a checkpoint too) or stopped cleanly reopens with the table empty, its unique index
// empty, and later inserts there.
func TestTruncateSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	const rows = 20000
	cases := []struct {
		name             string
		checkpointBefore bool
		checkpointAfter  bool
		kill             bool
	}{
		{"kill, log only", false, false, true},
		{"kill, rows in pages, truncate in the log", true, false, true},
		{"kill, truncate checkpointed", true, true, true},
		{"clean stop", true, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := newNode(t, "--max-txn-memory", "1MiB")
			n.start()
			ctx := context.Background()
			conn, err := n.connect(ctx)
			if err != nil {
				t.Fatal(err)
			}
			mustExec(t, conn, "CREATE TABLE big (id int PRIMARY KEY, v text); CREATE UNIQUE INDEX big_v ON big (v)")
			for i := 0; i < rows; i += 2000 {
				mustExec(t, conn, fmt.Sprintf("INSERT INTO big SELECT g, 'v' || g FROM generate_series(%d, %d) g", i+1, i+2000))
			}
			if c.checkpointBefore {
				mustExec(t, conn, "CHECKPOINT")
			}
			mustExec(t, conn, "BEGIN; TRUNCATE big; INSERT INTO big VALUES (1, 'kept'); COMMIT")
			if c.checkpointAfter {
				mustExec(t, conn, "CHECKPOINT")
			}
			conn.Close(ctx)
			if c.kill {
				n.kill()
			} else {
				n.stop()
			}
			n.start()
			if conn, err = n.connect(ctx); err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			if got := fmt.Sprint(mustExec(t, conn, "SELECT count(*), min(v) FROM big")); got != "[[1 kept]]" {
				t.Fatalf("after restart: %s, want one row", got)
			}
			mustExec(t, conn, "INSERT INTO big VALUES (2, 'v2')") // the unique index lost v2
			if got := fmt.Sprint(mustExec(t, conn, "SELECT id FROM big WHERE v = 'v2'")); got != "[[2]]" {
				t.Fatalf("index lookup after restart: %s", got)
			}
		})
	}
}
