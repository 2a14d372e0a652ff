package pgwire

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// addrOf is the host:port of a startServer URL.
func addrOf(url string) string {
	addr := strings.TrimPrefix(url, "postgres://drove@")
	return addr[:strings.IndexByte(addr, '/')]
}

// dial opens a raw connection that the test closes.
func dial(t *testing.T, url string) net.Conn {
	t.Helper()
	nc, err := net.Dial("tcp", addrOf(url))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	return nc
}

// sendStartup sends an SSLRequest-less StartupMessage for user and returns the frontend.
func sendStartup(t *testing.T, nc net.Conn, user string) *pgproto3.Frontend {
	t.Helper()
	fe := pgproto3.NewFrontend(nc, nc)
	fe.Send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber,
		Parameters: map[string]string{"user": user, "database": "drove"}})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	return fe
}

// stalls are clients that begin a connection and never finish it.
var stalls = []struct {
	name  string
	stall func(t *testing.T, url string) net.Conn
}{
	{"two bytes of a startup packet", func(t *testing.T, url string) net.Conn {
		nc := dial(t, url)
		if _, err := nc.Write([]byte{0, 0}); err != nil {
			t.Fatal(err)
		}
		return nc
	}},
	{"TLS handshake left hanging", func(t *testing.T, url string) net.Conn {
		nc := dial(t, url)
		if _, err := nc.Write([]byte{0, 0, 0, 8, 4, 210, 22, 47}); err != nil { // SSLRequest
			t.Fatal(err)
		}
		b := make([]byte, 1)
		nc.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.ReadFull(nc, b); err != nil || b[0] != 'S' {
			t.Fatalf("SSLRequest answered %q, %v; want S", b, err)
		}
		nc.SetReadDeadline(time.Time{})
		return nc // and no ClientHello
	}},
	{"SCRAM exchange left hanging", func(t *testing.T, url string) net.Conn {
		nc := dial(t, url)
		fe := sendStartup(t, nc, "alice")
		nc.SetReadDeadline(time.Now().Add(5 * time.Second))
		msg, err := fe.Receive()
		if _, ok := msg.(*pgproto3.AuthenticationSASL); !ok {
			t.Fatalf("got %T, %v; want AuthenticationSASL", msg, err)
		}
		nc.SetReadDeadline(time.Time{})
		return nc // and no SASLInitialResponse
	}},
}

// TestStalledStartupsDoNotLockOut: clients that never finish startup hold none of
// MaxConnections, and each is closed once AuthenticationTimeout has passed.
func TestStalledStartupsDoNotLockOut(t *testing.T) {
	const timeout = 700 * time.Millisecond
	cert := selfSigned(t)
	for _, tc := range stalls {
		t.Run(tc.name, func(t *testing.T) {
			srv, url := startServer(t, func(c *Config) {
				c.MaxConnections = 2
				c.AuthenticationTimeout = timeout
				c.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
			})
			start := time.Now()
			var stalled []net.Conn
			for i := 0; i < 5; i++ {
				stalled = append(stalled, tc.stall(t, url))
			}
			ctx := context.Background()
			for i := 0; i < 2; i++ { // every one of MaxConnections is still free
				c, err := pgconn.Connect(ctx, url)
				if err != nil {
					t.Fatalf("client %d with %d stalled connections: %v", i, len(stalled), err)
				}
				defer c.Close(ctx)
			}
			if got := srv.Connections(); got != 2 {
				t.Errorf("Connections() = %d, want 2", got)
			}
			for i, nc := range stalled {
				nc.SetReadDeadline(time.Now().Add(10 * time.Second))
				_, err := io.Copy(io.Discard, nc) // until the server closes it
				if err != nil {
					t.Fatalf("stalled connection %d not closed by the server: %v", i, err)
				}
			}
			if took := time.Since(start); took < timeout {
				t.Errorf("stalled connections closed after %v, before the %v timeout", took, timeout)
			}
			deadline := time.Now().Add(5 * time.Second)
			for srv.StartingConnections() != 0 && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if got := srv.StartingConnections(); got != 0 {
				t.Errorf("StartingConnections() = %d after the stalled ones closed", got)
			}
		})
	}
}

// TestStartupConnectionCap: past MaxStartupConnections a connection is told 53300 at once,
// unread; once the stalled ones time out, clients get in again.
func TestStartupConnectionCap(t *testing.T) {
	srv, url := startServer(t, func(c *Config) {
		c.MaxStartupConnections = 3
		c.AuthenticationTimeout = 500 * time.Millisecond
	})
	for i := 0; i < 3; i++ {
		stalls[0].stall(t, url)
	}
	nc := dial(t, url)
	nc.SetDeadline(time.Now().Add(5 * time.Second))
	fe := pgproto3.NewFrontend(nc, nc)
	expectFatal(t, fe, "53300")

	for deadline := time.Now().Add(10 * time.Second); srv.StartingConnections() > 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	c, err := pgconn.Connect(context.Background(), url)
	if err != nil {
		t.Fatalf("after the stalled connections timed out: %v", err)
	}
	c.Close(context.Background())
}

// TestTooManyClientsAnswersSSLRequestFirst: a full server answers the SSLRequest as usual
// and refuses with 53300 after the StartupMessage, as PostgreSQL does; libpq reports an
// error in answer to an SSLRequest as "server sent an error response during SSL exchange".
func TestTooManyClientsAnswersSSLRequestFirst(t *testing.T) {
	cert := selfSigned(t)
	cases := []struct {
		name   string
		tls    *tls.Config
		answer byte
	}{
		{"without TLS", nil, 'N'},
		{"with TLS", &tls.Config{Certificates: []tls.Certificate{cert}}, 'S'},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, url := startServer(t, func(c *Config) { c.MaxConnections = 1; c.TLS = tc.tls })
			ctx := context.Background()
			held, err := pgconn.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer held.Close(ctx)

			var nc net.Conn = dial(t, url)
			nc.SetDeadline(time.Now().Add(5 * time.Second))
			if _, err := nc.Write([]byte{0, 0, 0, 8, 4, 210, 22, 47}); err != nil {
				t.Fatal(err)
			}
			b := make([]byte, 1)
			if _, err := io.ReadFull(nc, b); err != nil || b[0] != tc.answer {
				t.Fatalf("SSLRequest answered %q, %v; want %q", b, err, tc.answer)
			}
			if tc.answer == 'S' {
				tc := tls.Client(nc, &tls.Config{InsecureSkipVerify: true})
				if err := tc.Handshake(); err != nil {
					t.Fatal(err)
				}
				nc = tc
			}
			expectFatal(t, sendStartup(t, nc, "drove"), "53300")

			_, err = pgconn.Connect(ctx, strings.Replace(url, "disable", "prefer", 1))
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != "53300" || pgErr.Message != "sorry, too many clients already" {
				t.Fatalf("sslmode=prefer: %v, want 53300", err)
			}
		})
	}
}

// TestCancelWhenFull: a CancelRequest never becomes a session, so it is served when
// MaxConnections sessions are open, as PostgreSQL does: a full server can still be told to
// stop a runaway statement.
func TestCancelWhenFull(t *testing.T) {
	srv, url := startServer(t, func(c *Config) { c.MaxConnections = 1 })
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	done := make(chan error, 1)
	go func() { done <- c.Exec(ctx, "sleep").Close() }()
	time.Sleep(50 * time.Millisecond) // let the statement start
	if err := c.CancelRequest(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "57014" {
			t.Fatalf("got %v, want 57014", err)
		}
	case <-time.After(2 * time.Second):
		srv.cancel(c.PID(), c.SecretKey()) // end the statement, so the server can close
		<-done
		t.Fatal("the cancel request was not served by a full server")
	}
	if got := srv.Connections(); got != 1 {
		t.Errorf("Connections() = %d, want 1", got)
	}
}
