package pgwire

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestForwardAfterPassword: a client that authenticates with SCRAM on a node that forwards
// its session gets the SASL final message before AuthenticationOk (the relay writes to the
// connection directly, so what the handshake queued must go out first).
func TestForwardAfterPassword(t *testing.T) {
	cl := newCluster(t, 2)
	cl.leader.Store(1)
	url := strings.Replace(cl.url, "postgres://drove@", "postgres://alice:wonderland@", 1)
	c, err := pgconn.Connect(context.Background(), url)
	if err != nil {
		t.Fatalf("password login through a forwarding node: %v", err)
	}
	defer c.Close(context.Background())
	mustOne(t, c, "node", "n2")
}
