package clusternet

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-msgpack/v2/codec"
	"github.com/hashicorp/raft"
)

// sampleAppend is a request with every field set, nil and empty slices apart.
func sampleAppend() *raft.AppendEntriesRequest {
	at := time.Date(2026, 11, 30, 20, 1, 2, 345678901, time.UTC)
	return &raft.AppendEntriesRequest{
		RPCHeader:    raft.RPCHeader{ProtocolVersion: 3, ID: []byte("n1"), Addr: []byte("127.0.0.1:5434")},
		Term:         7,
		PrevLogEntry: 41, PrevLogTerm: 6, LeaderCommitIndex: 40,
		Entries: []*raft.Log{
			{Index: 42, Term: 7, Type: raft.LogCommand, Data: []byte("row"), AppendedAt: at},
			{Index: 43, Term: 7, Type: raft.LogNoop, Data: []byte{}, Extensions: []byte{1, 2}},
			{Index: 44, Term: 7, Type: raft.LogConfiguration, Data: bytes.Repeat([]byte{0xff}, 300),
				AppendedAt: time.Unix(-5, 999999999)},
		},
	}
}

// sameAppend compares two requests, times by instant.
func sameAppend(t *testing.T, got, want *raft.AppendEntriesRequest) {
	t.Helper()
	g, w := *got, *want
	g.Entries, w.Entries = nil, nil
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("request fields: got %+v, want %+v", g, w)
	}
	if len(got.Entries) != len(want.Entries) || (got.Entries == nil) != (want.Entries == nil) {
		t.Fatalf("entries: got %d (nil %v), want %d (nil %v)", len(got.Entries), got.Entries == nil,
			len(want.Entries), want.Entries == nil)
	}
	for i := range want.Entries {
		ge, we := *got.Entries[i], *want.Entries[i]
		if !ge.AppendedAt.Equal(we.AppendedAt) || ge.AppendedAt.IsZero() != we.AppendedAt.IsZero() {
			t.Fatalf("entry %d AppendedAt: got %v, want %v", i, ge.AppendedAt, we.AppendedAt)
		}
		ge.AppendedAt, we.AppendedAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(ge, we) {
			t.Fatalf("entry %d: got %+v, want %+v", i, ge, we)
		}
	}
}

// readRequestFrame reads and decodes one request frame from b.
func readRequestFrame(b []byte) (*raft.AppendEntriesRequest, error) {
	body, err := readFrame(bufio.NewReader(bytes.NewReader(b)))
	if err != nil {
		return nil, err
	}
	return decodeRequest(body)
}

func TestAppendCodecRoundTrip(t *testing.T) {
	heartbeat := &raft.AppendEntriesRequest{RPCHeader: raft.RPCHeader{ID: []byte("n1"), Addr: []byte("a")}, Term: 3}
	//lint:ignore SA1019 older leaders fill only this field
	legacy := &raft.AppendEntriesRequest{Term: 2, Leader: []byte("old"), Entries: []*raft.Log{}}
	big := sampleAppend()
	big.Entries[0].Data = bytes.Repeat([]byte("x"), 3*frameChunk+17) // a frame read in pieces
	var buf []byte
	for name, req := range map[string]*raft.AppendEntriesRequest{
		"entries": sampleAppend(), "heartbeat": heartbeat, "legacy": legacy, "big": big,
	} {
		t.Run(name, func(t *testing.T) {
			var frame []byte
			frame, buf = encodeRequestFrame(buf, req)
			got, err := readRequestFrame(frame)
			if err != nil {
				t.Fatal(err)
			}
			if name == "legacy" {
				//lint:ignore SA1019 older leaders fill only this field
				req = &raft.AppendEntriesRequest{Term: 2, Leader: []byte("old")} // no entries: nil
			}
			sameAppend(t, got, req)
			if name == "heartbeat" && !isHeartbeat(got) {
				t.Fatal("a heartbeat decodes as something else")
			}
		})
	}
	// A nil entry travels as a zero one, as msgpack sends it.
	got, err := readRequestFrame(first(encodeRequestFrame(nil, &raft.AppendEntriesRequest{Entries: []*raft.Log{nil}})))
	if err != nil || len(got.Entries) != 1 || got.Entries[0].Index != 0 || got.Entries[0].Data != nil {
		t.Fatalf("nil entry: %+v, %v", got, err)
	}
}

func first(a, _ []byte) []byte { return a }

func TestAppendCodecResponseRoundTrip(t *testing.T) {
	for _, c := range []struct {
		err  string
		resp *raft.AppendEntriesResponse
	}{
		{"", &raft.AppendEntriesResponse{RPCHeader: raft.RPCHeader{ProtocolVersion: 3, ID: []byte("n2"), Addr: []byte("x:1")},
			Term: 9, LastLog: 1 << 40, Success: true}},
		{"", &raft.AppendEntriesResponse{Term: 1, NoRetryBackoff: true}},
		{"log store failed", &raft.AppendEntriesResponse{Term: 2, LastLog: 5}},
	} {
		frame, _ := encodeResponseFrame(nil, c.err, c.resp)
		body, err := readFrame(bufio.NewReader(bytes.NewReader(frame)))
		if err != nil {
			t.Fatal(err)
		}
		var got raft.AppendEntriesResponse
		rpcErr, err := decodeResponse(body, &got)
		if err != nil || rpcErr != c.err || !reflect.DeepEqual(&got, c.resp) {
			t.Fatalf("got %+v %q %v, want %+v %q", got, rpcErr, err, c.resp, c.err)
		}
	}
}

// TestAppendCodecRejects: every truncation of a frame fails, and so do trailing bytes, an
// entry count the body cannot hold, bad nanoseconds and an absurd length; none panics.
func TestAppendCodecRejects(t *testing.T) {
	frame, _ := encodeRequestFrame(nil, sampleAppend())
	for n := range len(frame) {
		if _, err := readRequestFrame(frame[:n]); err == nil {
			t.Fatalf("a frame cut to %d of %d bytes decoded", n, len(frame))
		} else if n > 0 && !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("cut to %d: %v, want unexpected EOF", n, err)
		}
	}
	body, err := readFrame(bufio.NewReader(bytes.NewReader(frame)))
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(body) {
		if _, err := decodeRequest(body[:n]); !errors.Is(err, errBadFrame) {
			t.Fatalf("a body cut to %d of %d bytes: %v", n, len(body), err)
		}
	}
	if _, err := decodeRequest(append(body[:len(body):len(body)], 0)); !errors.Is(err, errBadFrame) {
		t.Fatalf("trailing byte: %v", err)
	}
	// term 1, then 1<<40 entries in a 20-byte body
	claim := []byte{0, 0, 0, 1, 0, 0, 0, 0}
	claim = binary.AppendUvarint(claim, 1<<40)
	if _, err := decodeRequest(append(claim, make([]byte, 12)...)); !errors.Is(err, errBadFrame) {
		t.Fatalf("entry count past the body: %v", err)
	}
	one := append([]byte{0, 0, 0, 1, 0, 0, 0, 1}, 1, 1, 0, 0, 0, 0)
	if _, err := decodeRequest(binary.AppendUvarint(one, 1e9)); !errors.Is(err, errBadFrame) {
		t.Fatalf("nanoseconds 1e9: %v", err)
	}
	huge := binary.AppendUvarint(nil, maxFrame+1)
	if _, err := readFrame(bufio.NewReader(bytes.NewReader(huge))); !errors.Is(err, errBadFrame) {
		t.Fatalf("length past maxFrame: %v", err)
	}
	var r raft.AppendEntriesResponse
	if _, err := decodeResponse([]byte{0, 0, 0, 0, 0, 0, 4}, &r); !errors.Is(err, errBadFrame) {
		t.Fatalf("unknown response flag: %v", err)
	}
}

// TestAppendCodecLargeClaim: a frame that claims far more than it sends costs only what it sent.
func TestAppendCodecLargeClaim(t *testing.T) {
	claim := binary.AppendUvarint(nil, 1<<35)
	claim = append(claim, make([]byte, 100)...)
	var before, after runtimeMem
	before.read()
	_, err := readFrame(bufio.NewReader(bytes.NewReader(claim)))
	after.read()
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("got %v, want unexpected EOF", err)
	}
	if grew := after.total - before.total; grew > 4*frameChunk {
		t.Fatalf("a 32 GiB claim with 100 bytes behind it allocated %d bytes", grew)
	}
}

// FuzzAppendCodec decodes bytes as a request frame and an answer frame: nothing panics, and
// whatever decodes encodes back to a frame that decodes to the same request.
func FuzzAppendCodec(f *testing.F) {
	frame, _ := encodeRequestFrame(nil, sampleAppend())
	f.Add(frame)
	hb, _ := encodeRequestFrame(nil, &raft.AppendEntriesRequest{Term: 1, RPCHeader: raft.RPCHeader{Addr: []byte("a")}})
	f.Add(hb)
	resp, _ := encodeResponseFrame(nil, "x", &raft.AppendEntriesResponse{Term: 3, Success: true})
	f.Add(resp)
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		if body, err := readFrame(bufio.NewReader(bytes.NewReader(b))); err == nil {
			var r raft.AppendEntriesResponse
			_, _ = decodeResponse(body, &r)
		}
		req, err := readRequestFrame(b)
		if err != nil {
			if !errors.Is(err, errBadFrame) && !errors.Is(err, io.ErrUnexpectedEOF) && err != io.EOF &&
				!strings.Contains(err.Error(), "overflow") {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		again, err := readRequestFrame(first(encodeRequestFrame(nil, req)))
		if err != nil {
			t.Fatalf("re-encoded request does not decode: %v", err)
		}
		sameAppend(t, again, req)
	})
}

// runtimeMem is the bytes allocated so far (runtime.MemStats.TotalAlloc).
type runtimeMem struct{ total uint64 }

func (m *runtimeMem) read() {
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	m.total = s.TotalAlloc
}

// BenchmarkAppendCodec: encoding and decoding a typical replicated batch (7 entries of 120
// bytes, as the update-by-key load sends) and its answer, msgpack (NetworkTransport's) against
// the binary encoding.
func BenchmarkAppendCodec(b *testing.B) {
	req := &raft.AppendEntriesRequest{RPCHeader: raft.RPCHeader{ProtocolVersion: 3, ID: []byte("n1"),
		Addr: []byte("127.0.0.1:5434")}, Term: 5, PrevLogEntry: 1000, PrevLogTerm: 5, LeaderCommitIndex: 998}
	for i := range 7 {
		req.Entries = append(req.Entries, &raft.Log{Index: 1001 + uint64(i), Term: 5, Type: raft.LogCommand,
			Data: bytes.Repeat([]byte{byte(i)}, 120), AppendedAt: time.Now()})
	}
	resp := &raft.AppendEntriesResponse{RPCHeader: raft.RPCHeader{ProtocolVersion: 3, ID: []byte("n2"),
		Addr: []byte("127.0.0.1:5435")}, Term: 5, LastLog: 1007, Success: true}
	b.Run("msgpack", func(b *testing.B) {
		var buf bytes.Buffer
		h := &codec.MsgpackHandle{}
		h.TimeNotBuiltin = true
		enc := codec.NewEncoder(&buf, h)
		r := bufio.NewReader(&buf)
		dec := codec.NewDecoder(r, &codec.MsgpackHandle{})
		b.ReportAllocs()
		for b.Loop() {
			_ = enc.Encode(req)
			_ = enc.Encode("")
			_ = enc.Encode(resp)
			var got raft.AppendEntriesRequest
			var gotResp raft.AppendEntriesResponse
			var s string
			if err := dec.Decode(&got); err != nil {
				b.Fatal(err)
			}
			_ = dec.Decode(&s)
			if err := dec.Decode(&gotResp); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("binary", func(b *testing.B) {
		var buf bytes.Buffer
		r := bufio.NewReader(&buf)
		var reqBuf, respBuf []byte
		b.ReportAllocs()
		for b.Loop() {
			var frame []byte
			frame, reqBuf = encodeRequestFrame(reqBuf, req)
			buf.Write(frame)
			frame, respBuf = encodeResponseFrame(respBuf, "", resp)
			buf.Write(frame)
			body, err := readFrame(r)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := decodeRequest(body); err != nil {
				b.Fatal(err)
			}
			var gotResp raft.AppendEntriesResponse
			if body, err = readFrame(r); err == nil {
				_, err = decodeResponse(body, &gotResp)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestAppendCodecEntriesOwnTheirData: a decoded entry's data is not part of the frame's buffer
// (the state machine keeps row values pointing into it; a shared buffer would keep the batch).
func TestAppendCodecEntriesOwnTheirData(t *testing.T) {
	frame, _ := encodeRequestFrame(nil, sampleAppend())
	body, err := readFrame(bufio.NewReader(bytes.NewReader(frame)))
	if err != nil {
		t.Fatal(err)
	}
	req, err := decodeRequest(body)
	if err != nil {
		t.Fatal(err)
	}
	clear(body)
	want := sampleAppend()
	for i, e := range req.Entries {
		if !bytes.Equal(e.Data, want.Entries[i].Data) || !bytes.Equal(e.Extensions, want.Entries[i].Extensions) {
			t.Fatalf("entry %d changed with the frame's buffer: %+v", i, e)
		}
	}
}
