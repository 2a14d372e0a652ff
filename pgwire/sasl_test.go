package pgwire

import (
	"encoding/binary"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/xdg-go/scram"
)

// saslBody frames a raw 'p' message.
func saslBody(body []byte) []byte {
	b := []byte{'p', 0, 0, 0, 0}
	binary.BigEndian.PutUint32(b[1:], uint32(4+len(body)))
	return append(b, body...)
}

// initialResponse is a SASLInitialResponse body with the given declared data length.
func initialResponse(mechanism string, n int32, data string) []byte {
	b := append([]byte(mechanism), 0, 0, 0, 0, 0)
	binary.BigEndian.PutUint32(b[len(b)-4:], uint32(n))
	return append(b, data...)
}

// scramUntilFinal runs a SCRAM exchange as password up to the client-final-message, which it
// returns unsent.
func scramUntilFinal(t *testing.T, nc net.Conn, fe *pgproto3.Frontend, password string) string {
	t.Helper()
	client, err := scram.SHA256.NewClient("", password, "")
	if err != nil {
		t.Fatal(err)
	}
	conv := client.NewConversation()
	first, err := conv.Step("")
	if err != nil {
		t.Fatal(err)
	}
	nc.Write(saslBody(initialResponse(scramMechanism, int32(len(first)), first)))
	msg, err := fe.Receive()
	cont, ok := msg.(*pgproto3.AuthenticationSASLContinue)
	if !ok {
		t.Fatalf("got %T, %v; want AuthenticationSASLContinue", msg, err)
	}
	final, err := conv.Step(string(cont.Data))
	if err != nil {
		t.Fatal(err)
	}
	return final
}

// TestMalformedSASL: every bad SASL message is answered with an ErrorResponse before the
// connection closes: 08P01 for a protocol violation, 28P01 for a wrong proof.
func TestMalformedSASL(t *testing.T) {
	_, url := startServer(t, func(c *Config) { c.Backend = fakeBackend{passwordsOnly: true} })
	first := "n,,n=,r=abcdefghijklmnop"
	cases := []struct {
		name string
		user string
		send func(t *testing.T, nc net.Conn, fe *pgproto3.Frontend)
		code string
	}{
		{"garbage initial response", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write(saslBody([]byte("garbage")))
		}, "08P01"},
		{"wrong mechanism", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write(saslBody(initialResponse("SCRAM-SHA-1", int32(len(first)), first)))
		}, "08P01"},
		{"data length too long", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write(saslBody(initialResponse(scramMechanism, int32(len(first)+10), first)))
		}, "08P01"},
		{"data length too short", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write(saslBody(initialResponse(scramMechanism, 3, first)))
		}, "08P01"},
		{"negative data length", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write(saslBody(initialResponse(scramMechanism, -7, first)))
		}, "08P01"},
		{"no data length", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write(saslBody([]byte(scramMechanism + "\x00\x00")))
		}, "08P01"},
		{"malformed client-first-message", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write(saslBody(initialResponse(scramMechanism, 5, "hello")))
		}, "08P01"},
		{"malformed client-first-message, unknown user", "mallory", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write(saslBody(initialResponse(scramMechanism, 5, "hello")))
		}, "08P01"},
		{"a query instead of a SASL message", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write([]byte("Q\x00\x00\x00\x0dSELECT 1\x00"))
		}, "08P01"},
		{"unknown message type", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			nc.Write([]byte("!\x00\x00\x00\x04"))
		}, "08P01"},
		{"message over the pre-authentication bound", "alice", func(t *testing.T, nc net.Conn, _ *pgproto3.Frontend) {
			// 70000 bytes declared (under MaxMessageSize, over the 65535 allowed before
			// authentication), never sent: refused from the header, nothing allocated.
			nc.Write([]byte{'p', 0, 1, 0x11, 0x74})
		}, "08P01"},
		{"malformed client-final-message", "alice", func(t *testing.T, nc net.Conn, fe *pgproto3.Frontend) {
			scramUntilFinal(t, nc, fe, "wonderland")
			nc.Write(saslBody([]byte("c=biws,garbage")))
		}, "08P01"},
		{"client-final-message with another nonce", "alice", func(t *testing.T, nc net.Conn, fe *pgproto3.Frontend) {
			final := scramUntilFinal(t, nc, fe, "wonderland")
			// Change the nonce's first character to one it surely is not (a fixed
			// replacement was the same character once in 64 random nonces).
			i := strings.Index(final, ",r=") + 3
			other := "X"
			if final[i] == 'X' {
				other = "Y"
			}
			nc.Write(saslBody([]byte(final[:i] + other + final[i+1:])))
		}, "08P01"},
		{"wrong proof", "alice", func(t *testing.T, nc net.Conn, fe *pgproto3.Frontend) {
			nc.Write(saslBody([]byte(scramUntilFinal(t, nc, fe, "looking-glass"))))
		}, "28P01"},
		{"unknown user", "mallory", func(t *testing.T, nc net.Conn, fe *pgproto3.Frontend) {
			nc.Write(saslBody([]byte(scramUntilFinal(t, nc, fe, "anything"))))
		}, "28P01"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nc := dial(t, url)
			nc.SetDeadline(time.Now().Add(10 * time.Second))
			fe := sendStartup(t, nc, tc.user)
			msg, err := fe.Receive()
			if _, ok := msg.(*pgproto3.AuthenticationSASL); !ok {
				t.Fatalf("got %T, %v; want AuthenticationSASL", msg, err)
			}
			tc.send(t, nc, fe)
			expectFatal(t, fe, tc.code)
		})
	}
}

func TestParseSASLInitialResponse(t *testing.T) {
	cases := []struct {
		name      string
		body      []byte
		mechanism string
		data      string
		ok        bool
	}{
		{"well formed", initialResponse("SCRAM-SHA-256", 3, "abc"), "SCRAM-SHA-256", "abc", true},
		{"empty data", initialResponse("M", 0, ""), "M", "", true},
		{"no NUL", []byte("SCRAM"), "", "", false},
		{"short length", []byte("M\x00\x00\x00"), "", "", false},
		{"length beyond the message", initialResponse("M", 4, "abc"), "", "", false},
		{"bytes beyond the length", initialResponse("M", 2, "abc"), "", "", false},
		{"no initial data (-1)", initialResponse("M", -1, ""), "", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, d, err := parseSASLInitialResponse(tc.body)
			if (err == nil) != tc.ok || m != tc.mechanism || string(d) != tc.data {
				t.Fatalf("got %q, %q, %v", m, d, err)
			}
		})
	}
}
