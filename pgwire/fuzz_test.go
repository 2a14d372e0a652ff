package pgwire

import (
	"context"
	"encoding/binary"
	"io"
	"net"
	"testing"
	"time"
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
