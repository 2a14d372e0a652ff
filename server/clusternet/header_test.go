package clusternet

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestHeaderRoundTrip(t *testing.T) {
	long := strings.Repeat("x", maxName)
	for _, h := range []header{
		{kindRaft, "drove", "n1"},
		{kindService, "join", "node-with-a-long-name"},
		{kindRaft, long, long},
		{kindService, "é", "\x00"},
	} {
		b, err := h.encode()
		if err != nil {
			t.Fatalf("%+v: %v", h, err)
		}
		if len(b) > maxHeader {
			t.Fatalf("%d bytes > maxHeader %d", len(b), maxHeader)
		}
		got, err := readHeader(bytes.NewReader(b))
		if err != nil || got != h {
			t.Fatalf("round trip %+v: got %+v, %v", h, got, err)
		}
	}
}

func TestHeaderEncodeRefuses(t *testing.T) {
	long := strings.Repeat("x", maxName+1)
	for _, h := range []header{
		{kindRaft, "", "n1"},
		{kindRaft, "g", ""},
		{kindRaft, long, "n1"},
		{kindService, "s", long},
		{kind(9), "s", "n1"},
	} {
		if _, err := h.encode(); err == nil {
			t.Errorf("encode %q/%q kind %d: no error", h.name, h.from, h.kind)
		}
	}
}

func TestReadHeaderErrors(t *testing.T) {
	valid, _ := header{kindRaft, "g", "n1"}.encode()
	tests := []struct {
		name string
		in   string
		want error // nil: any error
	}{
		{"empty", "", io.EOF},
		{"http", "GET / HTTP/1.1\r\n\r\n", errBadMagic},
		{"version", "DRVC\x02\x01\x00\x01g\x00\x01n", errBadVersion},
		{"kind", "DRVC\x01\x07\x00\x01g\x00\x01n", errBadKind},
		{"zero name", "DRVC\x01\x01\x00\x00\x00\x01n", errNameLen},
		{"oversized name", "DRVC\x01\x01\x01\x00", errNameLen},
		{"huge name", "DRVC\x01\x01\xff\xff", errNameLen},
		{"zero from", "DRVC\x01\x01\x00\x01g\x00\x00", errNameLen},
		{"oversized from", "DRVC\x01\x01\x00\x01g\x01\x00", errNameLen},
		{"truncated name", "DRVC\x01\x01\x00\x05ab", io.ErrUnexpectedEOF},
		{"truncated from", string(valid[:len(valid)-1]), io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readHeader(strings.NewReader(tt.in))
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestAckRoundTrip(t *testing.T) {
	for _, id := range []string{"", "n1", strings.Repeat("y", maxName)} {
		st, got, err := readAck(bytes.NewReader(encodeAck(ackUnknown, id)))
		if err != nil || st != ackUnknown || got != id {
			t.Fatalf("ack %q: %d %q %v", id, st, got, err)
		}
	}
}

// FuzzHeader: the parser never panics, never reads past the header, and whatever it accepts
// re-encodes to exactly the bytes it consumed.
func FuzzHeader(f *testing.F) {
	for _, h := range []header{{kindRaft, "drove", "n1"}, {kindService, "forward", "n2"}} {
		b, _ := h.encode()
		f.Add(b)
		f.Add(append(b, "trailing raft bytes"...))
	}
	f.Add([]byte("GET / HTTP/1.1\r\n"))
	f.Add([]byte("DRVC\x01\x01\xff\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(data)
		h, err := readHeader(r)
		if err != nil {
			return
		}
		consumed := len(data) - r.Len()
		enc, err := h.encode()
		if err != nil {
			t.Fatalf("accepted header %+v does not encode: %v", h, err)
		}
		if !bytes.Equal(enc, data[:consumed]) {
			t.Fatalf("re-encoded %q, consumed %q", enc, data[:consumed])
		}
	})
}
