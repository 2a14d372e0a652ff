package pgwire

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// A statement whose client goes away is cancelled within a few check intervals; one whose
// client is still there (even with more messages queued behind it) runs on.
func TestClientGoneCancelsStatement(t *testing.T) {
	ended := make(chan error, 1)
	_, url := startServer(t, func(c *Config) { c.Backend = fakeBackend{ended: ended} })
	ctx := context.Background()
	cases := []struct {
		name  string
		leave func(c *pgconn.PgConn, nc net.Conn) // what the client does while "sleep" runs
		gone  bool                                // the statement must be cancelled
	}{
		{"closes the socket", func(_ *pgconn.PgConn, nc net.Conn) { nc.Close() }, true},
		{"sends Terminate and closes", func(_ *pgconn.PgConn, nc net.Conn) {
			nc.Write([]byte{'X', 0, 0, 0, 4})
			nc.Close()
		}, true},
		{"half-closes its side", func(_ *pgconn.PgConn, nc net.Conn) { nc.(*net.TCPConn).CloseWrite() }, true},
		{"pipelines another query and waits", func(_ *pgconn.PgConn, nc net.Conn) {
			b, _ := (&pgproto3.Query{String: "rows"}).Encode(nil)
			nc.Write(b)
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pgconn.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			nc := c.Conn()
			if _, err := nc.Write(mustEncode(t, &pgproto3.Query{String: "sleep"})); err != nil {
				t.Fatal(err)
			}
			time.Sleep(100 * time.Millisecond) // the statement is running
			left := time.Now()
			tc.leave(c, nc)
			select {
			case cause := <-ended:
				if !tc.gone {
					t.Fatalf("statement of a client still connected ended: %v", cause)
				}
				if !errors.Is(cause, errClientGone) {
					t.Fatalf("cause %v, want errClientGone", cause)
				}
				t.Logf("cancelled %v after the client left", time.Since(left))
			case <-time.After(2 * time.Second):
				if tc.gone {
					t.Fatal("statement still running 2s after its client left")
				}
				if err := c.CancelRequest(ctx); err != nil {
					t.Fatal(err)
				}
				if cause := <-ended; !errors.Is(cause, context.Canceled) {
					t.Fatalf("cause %v, want a cancel request", cause)
				}
			}
		})
	}
}

func mustEncode(t *testing.T, m pgproto3.FrontendMessage) []byte {
	t.Helper()
	b, err := m.Encode(nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Close cancels running statements, tells every client 57P01 and returns within a bound,
// even when a statement ignores its cancellation.
func TestCloseEndsSessions(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name  string
		query string // what the busy client runs
		bound time.Duration
		code  string // what the busy client is told
	}{
		{"a statement that stops when cancelled", "sleep", time.Second, "57P01"},
		// 57P01 would say it was aborted: the statement's own 08007 is what the client needs.
		{"a statement whose outcome the shutdown leaves unknown", "unknown", time.Second, "08007"},
		{"a statement that ignores its cancellation", "stuck", shutdownGrace + 2*time.Second, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			release := make(chan struct{})
			defer close(release)
			srv, url := startServer(t, func(c *Config) { c.Backend = fakeBackend{ended: make(chan error, 1), release: release} })
			busy, err := pgconn.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer busy.Close(ctx)
			idle, err := pgconn.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer idle.Close(ctx)
			res := make(chan error, 1)
			go func() { _, err := busy.Exec(ctx, tc.query).ReadAll(); res <- err }()
			time.Sleep(100 * time.Millisecond)
			start := time.Now()
			srv.Close()
			took := time.Since(start)
			t.Logf("Close took %v", took)
			if took > tc.bound {
				t.Errorf("Close took %v, bound %v", took, tc.bound)
			}
			err = <-res
			var pgErr *pgconn.PgError
			if tc.code != "" && (!errors.As(err, &pgErr) || pgErr.Code != tc.code || pgErr.Severity != "FATAL") {
				t.Errorf("busy client got %v, want FATAL %s", err, tc.code)
			}
			if tc.code == "" && err == nil {
				t.Error("busy client's statement succeeded on a closed server")
			}
			// The idle client was told too; its next statement fails.
			if _, err := idle.Exec(ctx, "rows").ReadAll(); err == nil {
				t.Error("idle client still served after Close")
			} else if tc.code != "" && (!errors.As(err, &pgErr) || pgErr.Code != "57P01") {
				t.Errorf("idle client got %v, want 57P01", err)
			}
		})
	}
}
