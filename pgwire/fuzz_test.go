package pgwire

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

func startupBytes() []byte {
	params := "user\x00drove\x00database\x00drove\x00\x00"
	b := make([]byte, 8, 8+len(params))
	binary.BigEndian.PutUint32(b, uint32(8+len(params)))
	binary.BigEndian.PutUint32(b[4:], 196608)
	return append(b, params...)
}

// FuzzMessageLoop feeds arbitrary bytes to a connection, with and without a valid startup
// first: the connection must end by itself and nothing may panic out of ServeConn.
func FuzzMessageLoop(f *testing.F) {
	f.Add(false, []byte{})
	f.Add(true, []byte("Q\x00\x00\x00\x09rows\x00"))
	f.Add(true, []byte("Q\x00\x00\x00\x0apanic\x00X\x00\x00\x00\x04"))
	f.Add(true, []byte("P\x00\x00\x00\x08\x00\x00\x00\x00S\x00\x00\x00\x04"))
	f.Add(false, []byte{0, 0, 0, 8, 4, 210, 22, 47})
	f.Add(true, []byte{'Q', 0xff, 0xff, 0xff, 0xff})
	s := NewServer(Config{Backend: fakeBackend{}, MaxMessageSize: 1 << 16})
	f.Fuzz(func(t *testing.T, withStartup bool, data []byte) {
		client, server := net.Pipe()
		done := make(chan struct{})
		go func() {
			defer close(done)
			s.ServeConn(context.Background(), server)
		}()
		go io.Copy(io.Discard, client)
		client.SetWriteDeadline(time.Now().Add(time.Second))
		if withStartup {
			client.Write(startupBytes())
		}
		client.Write(data)
		client.Close()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("ServeConn did not return after the client closed")
		}
	})
}

// FuzzSASL sends a user with a password a well-framed SASLInitialResponse and SASLResponse of
// arbitrary content: nobody gets in without the password, and every refusal is an
// ErrorResponse (08P01 or 28P01) before the connection closes.
func FuzzSASL(f *testing.F) {
	f.Add("SCRAM-SHA-256", int32(24), []byte("n,,n=,r=abcdefghijklmnop"), []byte("c=biws,r=abc,p=AAAA"))
	f.Add("SCRAM-SHA-256", int32(-1), []byte{}, []byte{})
	f.Add("SCRAM-SHA-1", int32(3), []byte("abc"), []byte("x"))
	f.Add("SCRAM-SHA-256", int32(10), []byte("y,,n=,r=a"), []byte{0xff})
	f.Add("SCRAM-SHA-256", int32(17), []byte("p=tls-server-end-point,,n=,r=a"), []byte{})
	s := NewServer(Config{Backend: fakeBackend{passwordsOnly: true}})
	f.Fuzz(func(t *testing.T, mechanism string, n int32, first, final []byte) {
		client, server := net.Pipe()
		done := make(chan struct{})
		go func() {
			defer close(done)
			s.ServeConn(context.Background(), server)
		}()
		var last pgproto3.BackendMessage
		read := make(chan error, 1)
		go func() {
			fe := pgproto3.NewFrontend(client, client)
			for {
				msg, err := fe.Receive()
				if err != nil {
					read <- nil
					return
				}
				if _, ok := msg.(*pgproto3.AuthenticationOk); ok {
					read <- errors.New("authenticated without the password")
					return
				}
				if e, ok := msg.(*pgproto3.ErrorResponse); ok {
					c := *e
					last = &c
				} else {
					last = msg
				}
			}
		}()
		client.SetWriteDeadline(time.Now().Add(time.Second))
		params := "user\x00alice\x00database\x00drove\x00\x00"
		startup := binary.BigEndian.AppendUint32(nil, uint32(8+len(params)))
		startup = binary.BigEndian.AppendUint32(startup, 196608)
		client.Write(append(startup, params...))
		client.Write(saslBody(initialResponse(mechanism, n, string(first))))
		client.Write(saslBody(final))
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("ServeConn did not return")
		}
		client.Close()
		if err := <-read; err != nil {
			t.Fatal(err)
		}
		if e, ok := last.(*pgproto3.ErrorResponse); !ok || (e.Code != "08P01" && e.Code != "28P01") {
			t.Fatalf("the connection ended with %#v, want an ErrorResponse 08P01 or 28P01", last)
		}
	})
}
