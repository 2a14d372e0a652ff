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

// A message framed correctly whose body does not decode is an ERROR (08P01), as in
// PostgreSQL: the stream is still in step, so the connection goes on (an extended-protocol
// message's error skips to Sync) and answers the next query.
func TestMalformedBodyKeepsConnection(t *testing.T) {
	_, url := startServer(t)
	msg := func(typ byte, body ...[]byte) []byte {
		b := []byte{typ, 0, 0, 0, 0}
		for _, p := range body {
			b = append(b, p...)
		}
		binary.BigEndian.PutUint32(b[1:], uint32(len(b)-1))
		return b
	}
	be32 := func(n int32) []byte { return binary.BigEndian.AppendUint32(nil, uint32(n)) }
	sync := msg('S')
	parse := msg('P', []byte("\x00rows\x00\x00\x00"))
	cases := []struct {
		name  string
		bytes []byte
	}{
		{"bind negative parameter length", append(append(parse, msg('B', []byte("\x00\x00\x00\x00\x00\x01"), be32(-5), []byte("\x00\x00"))...), sync...)},
		{"bind parameter length past the message", append(append(parse, msg('B', []byte("\x00\x00\x00\x00\x00\x01"), be32(1<<30), []byte("x\x00\x00"))...), sync...)},
		{"bind truncated", append(msg('B', []byte("\x00\x00\x00\x01")), sync...)},
		{"parse with missing parameter types", append(msg('P', []byte("\x00rows\x00\xff\xff")), sync...)},
		{"execute without portal name end", append(msg('E', []byte("abc")), sync...)},
		{"query without its NUL", msg('Q', []byte("rows"))},
		{"query with two NULs", msg('Q', []byte("rows\x00rows\x00"))},
		// PostgreSQL: bind message has 2 result formats but query has 3 columns (drove took
		// them, reading the first two).
		{"bind with fewer result formats than columns", append(append(parse, msg('B', []byte("\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00"))...), sync...)},
		{"bind with more result formats than columns", append(append(parse, msg('B', []byte("\x00\x00\x00\x00\x00\x00\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00"))...), sync...)},
		// PostgreSQL: invalid CLOSE message subtype 88.
		{"close of an unknown kind", append(msg('C', []byte("Xname\x00")), sync...)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nc, fe := rawConn(t, url)
			if _, err := nc.Write(tc.bytes); err != nil {
				t.Fatal(err)
			}
			var codes []string
			for {
				m, err := fe.Receive()
				if err != nil {
					t.Fatalf("connection ended (errors %v): %v", codes, err)
				}
				if e, ok := m.(*pgproto3.ErrorResponse); ok {
					codes = append(codes, e.Code)
				}
				if _, ok := m.(*pgproto3.ReadyForQuery); ok {
					break
				}
			}
			if len(codes) != 1 || codes[0] != "08P01" {
				t.Fatalf("errors %v, want one 08P01", codes)
			}
			fe.Send(&pgproto3.Query{String: "rows"})
			fe.Flush()
			rows := 0
			for {
				m, err := fe.Receive()
				if err != nil {
					t.Fatalf("connection ended after the error: %v", err)
				}
				switch m := m.(type) {
				case *pgproto3.DataRow:
					rows++
				case *pgproto3.ErrorResponse:
					t.Fatalf("next query: %s %s", m.Code, m.Message)
				}
				if _, ok := m.(*pgproto3.ReadyForQuery); ok {
					break
				}
			}
			if rows == 0 {
				t.Fatal("the next query returned no rows")
			}
		})
	}
}

// A portal read with a row limit keeps its whole result; past portalBufferLimit the Execute
// fails with 53200 and the connection goes on, rather than the server holding every row of a
// query that never ends.
func TestBufferedPortalLimit(t *testing.T) {
	old := portalBufferLimit
	portalBufferLimit = 64 << 10
	defer func() { portalBufferLimit = old }()
	_, url := startServer(t)
	_, fe := rawConn(t, url)
	fe.Send(&pgproto3.Parse{Query: "many"})
	fe.Send(&pgproto3.Bind{})
	fe.Send(&pgproto3.Execute{MaxRows: 10})
	fe.Send(&pgproto3.Sync{})
	fe.Send(&pgproto3.Query{String: "rows"})
	fe.Flush()
	var codes []string
	rows, ready := 0, 0
	for ready < 2 {
		m, err := fe.Receive()
		if err != nil {
			t.Fatalf("connection ended: %v", err)
		}
		switch m := m.(type) {
		case *pgproto3.ErrorResponse:
			codes = append(codes, m.Code)
		case *pgproto3.DataRow:
			rows++
		case *pgproto3.ReadyForQuery:
			ready++
		}
	}
	if len(codes) != 1 || codes[0] != "53200" || rows != 2 {
		t.Fatalf("errors %v and %d rows, want one 53200 and the next query's 2 rows", codes, rows)
	}
}
