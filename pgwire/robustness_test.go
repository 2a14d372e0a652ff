package pgwire

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// rawConn connects and completes startup by hand, for sending bytes pgconn never would.
func rawConn(t *testing.T, url string) (net.Conn, *pgproto3.Frontend) {
	t.Helper()
	addr := strings.TrimPrefix(url, "postgres://drove@")
	addr = addr[:strings.IndexByte(addr, '/')]
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	nc.SetDeadline(time.Now().Add(10 * time.Second))
	fe := pgproto3.NewFrontend(nc, nc)
	fe.Send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber,
		Parameters: map[string]string{"user": "drove", "database": "drove"}})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	for {
		msg, err := fe.Receive()
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := msg.(*pgproto3.ReadyForQuery); ok {
			return nc, fe
		}
	}
}

// expectFatal reads until an ErrorResponse with code arrives, then expects the server to close.
func expectFatal(t *testing.T, fe *pgproto3.Frontend, code string) {
	t.Helper()
	for {
		msg, err := fe.Receive()
		if err != nil {
			t.Fatalf("connection ended without an error response: %v", err)
		}
		if e, ok := msg.(*pgproto3.ErrorResponse); ok {
			if e.Code != code {
				t.Fatalf("SQLSTATE %s (%s), want %s", e.Code, e.Message, code)
			}
			break
		}
	}
	if _, err := fe.Receive(); !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		t.Fatalf("connection still open after a fatal error: %v", err)
	}
}

func TestProtocolViolations(t *testing.T) {
	_, url := startServer(t, func(c *Config) { c.MaxMessageSize = 1 << 10 })
	cases := []struct {
		name  string
		bytes func() []byte
	}{
		{"oversized message", func() []byte {
			b := []byte{'Q', 0, 0, 0, 0}
			binary.BigEndian.PutUint32(b[1:], 1<<20)
			return append(b, make([]byte, 2048)...)
		}},
		{"unknown message type", func() []byte { return []byte{'!', 0, 0, 0, 4} }},
		{"negative length", func() []byte { return []byte{'Q', 0xff, 0xff, 0xff, 0xff} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nc, fe := rawConn(t, url)
			if _, err := nc.Write(tc.bytes()); err != nil {
				t.Fatal(err)
			}
			expectFatal(t, fe, "08P01")
		})
	}
	// The server is still fine for well-behaved clients.
	c, err := pgconn.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	c.Close(context.Background())
}

func TestPanicInSessionIsContained(t *testing.T) {
	_, url := startServer(t)
	ctx := context.Background()
	other, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)

	_, fe := rawConn(t, url)
	fe.Send(&pgproto3.Query{String: "panic"})
	fe.Flush()
	expectFatal(t, fe, "XX000")

	if _, err := other.Exec(ctx, "insert").ReadAll(); err != nil {
		t.Fatal("another connection broke after a session panicked:", err)
	}
}

func TestTooManyConnections(t *testing.T) {
	_, url := startServer(t, func(c *Config) { c.MaxConnections = 2 })
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		c, err := pgconn.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
	}
	_, err := pgconn.Connect(ctx, url)
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "53300" {
		t.Fatalf("third connection: %v, want 53300", err)
	}
}
