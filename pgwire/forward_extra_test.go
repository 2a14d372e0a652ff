package pgwire

import (
	"context"
	"errors"
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

// TestLocalSessionSwitchesWhenGone: a local session whose tablespace replica closed here (it
// moved to other nodes) switches to the leader elsewhere for an autocommit statement, which
// then runs there; when the tablespace is gone everywhere (the router cannot place it), the
// connection ends with FATAL 57P01.
func TestLocalSessionSwitchesWhenGone(t *testing.T) {
	cl := newCluster(t, 1)
	ctx := context.Background()
	for _, dropped := range []bool{false, true} {
		local := &testNode{name: "entry", ended: make(chan error, 1)}
		local.leading.Store(true)
		_, url := startServer(t, func(c *Config) { c.Backend = leaderRouter{local, cl} })
		if dropped {
			url = strings.Replace(url, "/drove?", "/nope?", 1) // the router cannot place "nope"
		}
		c, err := pgconn.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		mustOne(t, c, "node", "entry")
		local.leading.Store(false)
		local.gone.Store(true)
		before := cl.nodes[0].inserts.Load()
		_, err = one(c, "insert")
		if dropped {
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != "57P01" || pgErr.Severity != "FATAL" || !c.IsClosed() {
				t.Fatalf("dropped: got %v (closed %v), want FATAL 57P01", err, c.IsClosed())
			}
			continue
		}
		if err != nil {
			t.Fatalf("insert after the replica closed here: %v", err)
		}
		if got := cl.nodes[0].inserts.Load() - before; got != 1 {
			t.Fatalf("the leader applied %d inserts, want 1", got)
		}
		mustOne(t, c, "node", "n1")
	}
}
