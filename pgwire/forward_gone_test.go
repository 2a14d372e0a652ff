package pgwire

import (
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// TestForwardClientGone: the client of a forwarded session goes away while the leader runs
// its statement; the relay drops its upstream connection, and the leader's watcher cancels
// the statement as for a client of its own, rather than letting it run on with its locks.
func TestForwardClientGone(t *testing.T) {
	cl := newCluster(t, 1)
	c := cl.connect(t)
	nc := c.Conn()
	if _, err := nc.Write(mustEncode(t, &pgproto3.Query{String: "sleep"})); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the statement runs on the leader
	nc.Close()
	select {
	case cause := <-cl.nodes[0].ended:
		if !errors.Is(cause, errClientGone) {
			t.Fatalf("the statement on the leader ended with %v, want errClientGone", cause)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the statement on the leader still runs 2s after its client left")
	}
}
