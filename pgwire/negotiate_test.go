package pgwire

import (
	"encoding/binary"
	"net"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// startupPacket is a StartupMessage of protocol major.minor with the parameters in order.
func startupPacket(major, minor uint32, params ...string) []byte {
	body := binary.BigEndian.AppendUint32(nil, major<<16|minor)
	for _, p := range params {
		body = append(append(body, p...), 0)
	}
	body = append(body, 0)
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(body)+4)), body...)
}

// TestNegotiateProtocolVersion sends raw StartupMessages: PostgreSQL 15 answers a 3.x
// request for x > 0, or `_pq_.` options, with NegotiateProtocolVersion (3.0 and the options,
// in the packet's order) and goes on with the startup; another major version is FATAL 0A000.
func TestNegotiateProtocolVersion(t *testing.T) {
	_, url := startServer(t)
	cases := []struct {
		name      string
		packet    []byte
		negotiate bool
		options   []string
		code      string // a FATAL error's SQLSTATE instead of a session
	}{
		{"3.0", startupPacket(3, 0, "user", "drove", "database", "drove"), false, nil, ""},
		{"3.2 with options", startupPacket(3, 2, "user", "drove", "_pq_.foo", "1", "database", "drove", "_pq_.bar", "x"), true, []string{"_pq_.foo", "_pq_.bar"}, ""},
		{"3.0 with an option", startupPacket(3, 0, "user", "drove", "_pq_.a", "1"), true, []string{"_pq_.a"}, ""},
		{"3.1", startupPacket(3, 1, "user", "drove"), true, nil, ""},
		{"3.65535", startupPacket(3, 65535, "user", "drove"), true, nil, ""},
		{"4.0", startupPacket(4, 0, "user", "drove"), false, nil, "0A000"},
		{"2.0", startupPacket(2, 0, "user", "drove"), false, nil, "0A000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nc, err := net.Dial("tcp", addrOf(url))
			if err != nil {
				t.Fatal(err)
			}
			defer nc.Close()
			nc.SetDeadline(time.Now().Add(10 * time.Second))
			if _, err := nc.Write(tc.packet); err != nil {
				t.Fatal(err)
			}
			fe := pgproto3.NewFrontend(nc, nc)
			msg, err := fe.Receive()
			if err != nil {
				t.Fatal(err)
			}
			if tc.code != "" {
				if e, ok := msg.(*pgproto3.ErrorResponse); !ok || e.Code != tc.code || e.Severity != "FATAL" {
					t.Fatalf("got %#v, want FATAL %s", msg, tc.code)
				}
				return
			}
			if n, ok := msg.(*pgproto3.NegotiateProtocolVersion); ok != tc.negotiate {
				t.Fatalf("first message %#v, NegotiateProtocolVersion wanted: %v", msg, tc.negotiate)
			} else if ok {
				if n.NewestMinorProtocol != pgproto3.ProtocolVersion30 || !slices.Equal(n.UnrecognizedOptions, tc.options) && len(n.UnrecognizedOptions)+len(tc.options) > 0 {
					t.Fatalf("got %#v, want 3.0 and %v", n, tc.options)
				}
				if msg, err = fe.Receive(); err != nil {
					t.Fatal(err)
				}
			}
			// The startup goes on as for 3.0: authentication, then a ready session.
			for {
				if e, ok := msg.(*pgproto3.ErrorResponse); ok {
					t.Fatalf("startup failed: %s %s", e.Code, e.Message)
				}
				if _, ok := msg.(*pgproto3.ReadyForQuery); ok {
					break
				}
				if msg, err = fe.Receive(); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
