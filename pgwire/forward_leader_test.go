package pgwire

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// Forwarding when leadership moves: a COMMIT lost in flight, a session left on a former
// leader, re-routing while the leader is down.

// TestForwardLostDuringCommit: a COMMIT in flight when the leader's connection breaks may
// have committed: 08007, never a 40001 that tells the client its transaction was rolled
// back (a retry would apply it twice). The connection is usable, outside a transaction.
func TestForwardLostDuringCommit(t *testing.T) {
	for _, extended := range []bool{false, true} {
		t.Run(fmt.Sprintf("extended=%v", extended), func(t *testing.T) {
			cl := newCluster(t, 2)
			c := cl.connect(t)
			ctx := context.Background()
			mustOne(t, c, "begin", "")
			mustOne(t, c, "insert", "")
			done := make(chan error, 1)
			if extended {
				fe := c.Frontend()
				for _, q := range []string{"commit", "sleep"} {
					fe.Send(&pgproto3.Parse{Query: q})
					fe.Send(&pgproto3.Bind{})
					fe.Send(&pgproto3.Execute{})
				}
				fe.Send(&pgproto3.Sync{})
				if err := fe.Flush(); err != nil {
					t.Fatal(err)
				}
				go func() { done <- readToReady(ctx, c) }()
			} else {
				// The COMMIT is applied; the statement after it is running.
				go func() { done <- c.Exec(ctx, "commit; sleep").Close() }()
			}
			time.Sleep(50 * time.Millisecond)
			cl.leader.Store(1)
			cl.nodes[0].kill()
			wantCode(t, <-done, "08007")
			if c.TxStatus() != 'I' {
				t.Fatalf("status %c after 08007, want I", c.TxStatus())
			}
			mustOne(t, c, "node", "n2")
		})
	}
}

// readToReady reads replies up to ReadyForQuery and returns the first error among them.
func readToReady(ctx context.Context, c *pgconn.PgConn) error {
	var first error
	for {
		msg, err := c.ReceiveMessage(ctx)
		if err != nil {
			return err
		}
		switch m := msg.(type) {
		case *pgproto3.ErrorResponse:
			if first == nil {
				first = pgconn.ErrorResponseToPgError(m)
			}
		case *pgproto3.ReadyForQuery:
			return first
		}
	}
}

// TestForwardTransactionOnFormerLeader: a forwarded session whose upstream lost leadership
// gets the refusal inside a transaction (nothing is retried there), and once the client
// ended the transaction its next one goes to the new leader, not to the former one again.
func TestForwardTransactionOnFormerLeader(t *testing.T) {
	for _, stmt := range []string{"insert", "moved"} {
		cl := newCluster(t, 2)
		c := cl.connect(t)
		mustOne(t, c, "node", "n1")
		cl.nodes[0].leading.Store(false)
		cl.leader.Store(1)
		mustOne(t, c, "begin", "")
		_, err := one(c, stmt)
		wantCode(t, err, map[string]string{"insert": NotLeaderCode, "moved": "40001"}[stmt])
		mustOne(t, c, "rollback", "")
		mustOne(t, c, "begin", "")
		mustOne(t, c, stmt, "")
		mustOne(t, c, "node", "n2")
		mustOne(t, c, "commit", "")
		if got := cl.nodes[1].inserts.Load(); stmt == "insert" && got != 1 {
			t.Fatalf("the new leader applied %d inserts, want 1", got)
		}
	}
}

func TestMayEndTx(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"commit", true}, {"COMMIT", true}, {"  End;", true}, {"insert into t values (1); commit", true},
		{"commit work", true}, {"select \"end\" from t", true}, // a false positive: safe
		{"insert into t values (1)", false}, {"rollback", false}, {"select committed, ending from t", false},
		{"", false}, {"update t set v = v + 1 where id = $1", false},
	} {
		if got := mayEndTx(c.q); got != c.want {
			t.Errorf("mayEndTx(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}

// TestForwardReroutesPromptly: while the leader is down the relay backs off from it, but
// it asks the Router meanwhile and goes to the new leader as soon as one is named, not at
// the end of its backoff step.
func TestForwardReroutesPromptly(t *testing.T) {
	cl := newCluster(t, 2)
	c := cl.connect(t)
	mustOne(t, c, "node", "n1")
	cl.nodes[0].lis.Close() // down: dials are refused
	cl.nodes[0].kill()
	time.Sleep(50 * time.Millisecond)
	const election = 700 * time.Millisecond
	start := time.Now()
	time.AfterFunc(election, func() { cl.leader.Store(1) })
	mustOne(t, c, "node", "n2")
	if late := time.Since(start) - election; late > 150*time.Millisecond {
		t.Fatalf("served %v after the new leader was named, want within a poll or two", late)
	}
}
