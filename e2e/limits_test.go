package e2e

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// TestConnectionLimitsPsql: with --max-connections reached, the real psql (libpq, default
// sslmode=prefer) prints PostgreSQL's "too many clients" message, and clients that stall in
// startup hold no slot and are disconnected after --authentication-timeout.
func TestConnectionLimitsPsql(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t, "--max-connections", "1", "--authentication-timeout", "1s")
	n.start()
	addr := fmt.Sprintf("127.0.0.1:%d", n.port)

	var stalled []net.Conn
	for i := 0; i < 3; i++ {
		nc, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		nc.Write([]byte{0, 0}) // two bytes of a startup packet, then nothing
		stalled = append(stalled, nc)
	}
	start := time.Now()
	ctx := context.Background()
	// The slot of start's readiness probe is given back when the server sees it close, which
	// may be a moment after; the stalled connections would hold theirs for the whole
	// --authentication-timeout (1 s), so half of it is long enough to tell them apart.
	held, err := n.connect(ctx)
	for deadline := time.Now().Add(500 * time.Millisecond); err != nil && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		held, err = n.connect(ctx)
	}
	if err != nil {
		t.Fatalf("stalled connections took the only slot: %v", err)
	}
	defer held.Close(ctx)

	_, errOut := psql(t, n, "SELECT 1")
	for _, want := range []string{"FATAL:  sorry, too many clients already"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("psql with the server full printed %q, want %q in it", errOut, want)
		}
	}
	for i, nc := range stalled {
		nc.SetReadDeadline(time.Now().Add(10 * time.Second))
		if _, err := io.Copy(io.Discard, nc); err != nil {
			t.Fatalf("stalled connection %d still open: %v", i, err)
		}
	}
	if took := time.Since(start); took < 900*time.Millisecond {
		t.Errorf("stalled connections closed after %v, before --authentication-timeout", took)
	}
}
