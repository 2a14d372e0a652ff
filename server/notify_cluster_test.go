package server

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestClusterNotify: a tablespace on three nodes. Sessions on every node run on the
// tablespace's leader (the others relay them), so a notification committed through any node
// reaches the idle listeners connected to every node.
func TestClusterNotify(t *testing.T) {
	c := startCluster(t, 3)
	a := connect(t, c.nodes[0], "drove")
	if _, code := exec(t, a, "CREATE TABLESPACE 'r3', 'replica:n1,n2,n3', 'expectedreplicacount:3'"); code != "" {
		t.Fatal(code)
	}
	var conns []*pgconn.PgConn
	var gots []chan string
	for _, s := range c.nodes {
		l, got := listenerConn(t, s.PGAddr().String(), "r3")
		if _, code := exec(t, l, "LISTEN ev"); code != "" {
			t.Fatal(code)
		}
		conns, gots = append(conns, l), append(gots, got)
	}
	for i, s := range c.nodes {
		n := connect(t, s, "r3")
		payload := fmt.Sprintf("from n%d", i+1)
		if _, code := exec(t, n, "BEGIN; NOTIFY ev, '"+payload+"'; COMMIT"); code != "" {
			t.Fatalf("notify through n%d: %s", i+1, code)
		}
		// The PID is the leader's for the notifier's session, which the client does not see
		// when it is relayed; the listeners all see the same one.
		var first string
		for j := range c.nodes {
			got := waitNote(t, conns[j], gots[j])
			if j == 0 {
				first = got
			}
			if got != first || got[:len("ev:"+payload)] != "ev:"+payload {
				t.Fatalf("notified through n%d, listener on n%d got %q (first listener %q)", i+1, j+1, got, first)
			}
		}
	}

	// The leader's node stops. Listeners relayed by the other nodes get their LISTEN again on
	// the new leader at once, without sending anything, and hear what is committed there.
	lead := c.leaderOf("r3")
	c.stop(lead)
	next := c.leaderOf("r3")
	n := connect(t, c.nodes[next], "r3")
	deadline := time.Now().Add(10 * time.Second)
	for j := range c.nodes {
		if j == lead {
			continue
		}
		for {
			// The relay re-LISTENs in the background: NOTIFY until the listener hears one.
			if _, code := exec(t, n, fmt.Sprintf("NOTIFY ev, 'after failover %d'", j)); code != "" {
				t.Fatalf("notify on the new leader: %s", code)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			err := conns[j].WaitForNotification(ctx)
			cancel()
			if err == nil {
				break
			}
			if !pgconn.Timeout(err) || time.Now().After(deadline) {
				t.Fatalf("listener on n%d after the failover: %v", j+1, err)
			}
		}
		for len(gots[j]) > 0 {
			if g := <-gots[j]; !strings.HasPrefix(g, "ev:after failover ") {
				t.Fatalf("listener on n%d after the failover got %q", j+1, g)
			}
		}
	}
}
