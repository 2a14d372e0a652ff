package server

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// listenerConn connects with a handler that collects notifications as "channel:payload".
func listenerConn(t *testing.T, addr, db string) (*pgconn.PgConn, chan string) {
	t.Helper()
	cfg, err := pgconn.ParseConfig("postgres://drove@" + addr + "/" + db + "?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 100)
	cfg.OnNotification = func(_ *pgconn.PgConn, n *pgconn.Notification) {
		got <- fmt.Sprintf("%s:%s:%d", n.Channel, n.Payload, n.PID)
	}
	c, err := pgconn.ConnectConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c, got
}

// waitNote waits, as an idle client does, for the next notification (WaitForNotification
// reads without sending anything) and returns what the handler collected.
func waitNote(t *testing.T, c *pgconn.PgConn, got chan string) string {
	t.Helper()
	select {
	case n := <-got:
		return n
	default:
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.WaitForNotification(ctx); err != nil {
		t.Fatalf("no notification: %v", err)
	}
	return <-got
}

// TestNotifyOverTheWire: an idle pgx listener hears notifications committed by other
// sessions of its tablespace, promptly, with the notifier's process id; rolled-back ones never;
// duplicates within a transaction once; those of another tablespace never; a listener inside
// a transaction hears them when it ends.
func TestNotifyOverTheWire(t *testing.T) {
	s := startedServer(t)
	admin := connect(t, s, "drove")
	if _, code := exec(t, admin, "CREATE TABLESPACE 'other'"); code != "" {
		t.Fatal(code)
	}
	addr := s.PGAddr().String()
	l, got := listenerConn(t, addr, "drove")
	other, otherGot := listenerConn(t, addr, "other")
	n := connect(t, s, "drove")
	pid := n.PID()
	for _, c := range []*pgconn.PgConn{l, other} {
		if _, code := exec(t, c, "LISTEN jobs"); code != "" {
			t.Fatal(code)
		}
	}
	steps := []struct {
		name   string
		notify string
		want   []string // in order, then the marker
	}{
		{"autocommit NOTIFY", "NOTIFY jobs, 'one'", []string{"jobs:one"}},
		{"pg_notify", "SELECT pg_notify('jobs', 'two')", []string{"jobs:two"}},
		{"rolled back", "BEGIN; NOTIFY jobs, 'lost'; ROLLBACK", nil},
		{"deduplicated at commit", "BEGIN; NOTIFY jobs, 'a'; NOTIFY jobs, 'b'; NOTIFY jobs, 'a'; COMMIT", []string{"jobs:a", "jobs:b"}},
		{"other channel", "NOTIFY other, 'x'", nil},
		{"8 kB payload", "NOTIFY jobs, '" + strings.Repeat("p", 7999) + "'", []string{"jobs:" + strings.Repeat("p", 7999)}},
	}
	for _, st := range steps {
		start := time.Now()
		if _, code := exec(t, n, st.notify); code != "" {
			t.Fatalf("%s: %s", st.name, code)
		}
		if _, code := exec(t, n, "NOTIFY jobs, 'marker'"); code != "" {
			t.Fatal(code)
		}
		for _, w := range append(st.want, "jobs:marker") {
			if g := waitNote(t, l, got); g != fmt.Sprintf("%s:%d", w, pid) {
				t.Fatalf("%s: got %.40q, want %.40q", st.name, g, w)
			}
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("%s: delivered after %v", st.name, d)
		}
	}
	if _, code := exec(t, n, "NOTIFY jobs, '"+strings.Repeat("p", 8000)+"'"); code != "22023" {
		t.Fatalf("an 8000-byte payload: %q, want 22023", code)
	}
	// The other tablespace's listener heard nothing.
	if _, code := exec(t, other, "SELECT 1"); code != "" {
		t.Fatal(code)
	}
	select {
	case g := <-otherGot:
		t.Fatalf("a listener of another tablespace got %q", g)
	default:
	}
	// A listener inside a transaction hears them when it ends.
	if _, code := exec(t, l, "BEGIN"); code != "" {
		t.Fatal(code)
	}
	exec(t, n, "NOTIFY jobs, 'later'")
	time.Sleep(200 * time.Millisecond)
	if _, code := exec(t, l, "SELECT 1"); code != "" {
		t.Fatal(code)
	}
	select {
	case g := <-got:
		t.Fatalf("delivered inside the listener's transaction: %q", g)
	default:
	}
	if _, code := exec(t, l, "COMMIT"); code != "" {
		t.Fatal(code)
	}
	select {
	case g := <-got:
		if g != fmt.Sprintf("jobs:later:%d", pid) {
			t.Fatalf("after COMMIT: %q", g)
		}
	default:
		t.Fatal("nothing delivered with the listener's COMMIT")
	}
	// UNLISTEN: nothing more.
	exec(t, l, "UNLISTEN *")
	exec(t, n, "NOTIFY jobs, 'gone'")
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := l.WaitForNotification(ctx); !errors.Is(err, context.DeadlineExceeded) && !pgconn.Timeout(err) {
		t.Fatalf("after UNLISTEN *: %v, %q", err, <-got)
	}
}

// TestNotifyListenerNotReading: a listener whose client reads nothing does not hold up the
// sessions that notify it, once its socket buffers are full: they commit on.
func TestNotifyListenerNotReading(t *testing.T) {
	s := startedServer(t)
	l, _ := listenerConn(t, s.PGAddr().String(), "drove")
	if _, code := exec(t, l, "LISTEN big"); code != "" {
		t.Fatal(code)
	}
	n := connect(t, s, "drove")
	other, got := listenerConn(t, s.PGAddr().String(), "drove")
	if _, code := exec(t, other, "LISTEN small"); code != "" {
		t.Fatal(code)
	}
	payload := strings.Repeat("p", 7999)
	start := time.Now()
	for i := 0; i < 4000; i++ { // 32 MB, more than the socket buffers hold
		if _, code := exec(t, n, "NOTIFY big, '"+payload+"'"); code != "" {
			t.Fatal(code)
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("only %d notifications in 30 s", i)
		}
	}
	exec(t, n, "NOTIFY small, 'still here'")
	if g := waitNote(t, other, got); !strings.HasPrefix(g, "small:still here:") {
		t.Fatalf("the other listener got %q", g)
	}
}
