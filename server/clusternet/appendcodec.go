package clusternet

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/hashicorp/raft"
)

// drove's binary encoding of AppendEntries, spoken on a leader's pipeline connection between
// two drove nodes (header kind kindRaftAppends; DESIGN.md, "Binary appends"). NetworkTransport's
// msgpack goes through reflection field by field; this writes and reads the fields directly:
// the leader encodes a request into one reused buffer, the follower reads a frame into one
// buffer and copies each entry's data out of it into an allocation of its own.
//
// A request is a frame: its body's length (uvarint), then the body:
//
//	varint  protocol version
//	bytes   RPC header ID, RPC header Addr
//	uvarint term
//	bytes   leader (deprecated field, kept as sent)
//	uvarint previous index, previous term, leader commit index
//	uvarint entry count, then per entry:
//	        uvarint index, term; byte type; bytes data, extensions;
//	        varint AppendedAt seconds (Unix), uvarint nanoseconds
//
// where bytes is a uvarint 0 for a nil slice, else its length + 1, then the bytes (nil and
// empty stay apart, as msgpack keeps them). An answer is a frame too: bytes (the error, empty
// for none), then varint protocol version, bytes ID, bytes Addr, uvarint term, uvarint last
// log, and a flags byte (1 success, 2 no retry backoff).

// maxFrame bounds a frame's claimed length. Entries can be large (up to the tablespace's
// 32 MiB entry size, a batch of up to raft's MaxAppendEntries of them), so this only rejects
// nonsense; memory follows the bytes actually received (readFrame).
const maxFrame = 1 << 36

// frameChunk is how much of a large frame is allocated before its bytes arrive.
const frameChunk = 1 << 20

var errBadFrame = errors.New("clusternet: malformed binary AppendEntries frame")

// appendBytes appends b as "bytes" (nil and empty distinct).
func appendBytes(dst, b []byte) []byte {
	if b == nil {
		return append(dst, 0)
	}
	dst = binary.AppendUvarint(dst, uint64(len(b))+1)
	return append(dst, b...)
}

// appendRequestBody appends the body of a's frame to dst.
func appendRequestBody(dst []byte, a *raft.AppendEntriesRequest) []byte {
	dst = binary.AppendVarint(dst, int64(a.ProtocolVersion))
	dst = appendBytes(dst, a.ID)
	dst = appendBytes(dst, a.Addr)
	dst = binary.AppendUvarint(dst, a.Term)
	//lint:ignore SA1019 the deprecated field travels as msgpack carries it
	dst = appendBytes(dst, a.Leader)
	dst = binary.AppendUvarint(dst, a.PrevLogEntry)
	dst = binary.AppendUvarint(dst, a.PrevLogTerm)
	dst = binary.AppendUvarint(dst, a.LeaderCommitIndex)
	dst = binary.AppendUvarint(dst, uint64(len(a.Entries)))
	for _, e := range a.Entries {
		if e == nil {
			e = &raft.Log{} // msgpack sends a nil entry as a zero one too
		}
		dst = binary.AppendUvarint(dst, e.Index)
		dst = binary.AppendUvarint(dst, e.Term)
		dst = append(dst, byte(e.Type))
		dst = appendBytes(dst, e.Data)
		dst = appendBytes(dst, e.Extensions)
		dst = binary.AppendVarint(dst, e.AppendedAt.Unix())
		dst = binary.AppendUvarint(dst, uint64(e.AppendedAt.Nanosecond()))
	}
	return dst
}

// requestSize is an upper bound of a's body length, so a frame is built in one allocation.
func requestSize(a *raft.AppendEntriesRequest) int {
	//lint:ignore SA1019 the deprecated field travels as msgpack carries it
	n := 8*binary.MaxVarintLen64 + len(a.ID) + len(a.Addr) + len(a.Leader)
	for _, e := range a.Entries {
		n += 6*binary.MaxVarintLen64 + 1
		if e != nil {
			n += len(e.Data) + len(e.Extensions)
		}
	}
	return n
}

// finishFrame returns the frame of the body buf[start:], written with binary.MaxVarintLen64
// bytes left free before it: its length goes right before it, in the free bytes.
func finishFrame(buf []byte, start int) []byte {
	body := buf[start:]
	var lb [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(lb[:], uint64(len(body)))
	off := start - n
	copy(buf[off:], lb[:n])
	return buf[off:]
}

// encodeRequestFrame returns a's frame, written in buf's memory when it is large enough, and
// the buffer to reuse for the next one.
func encodeRequestFrame(buf []byte, a *raft.AppendEntriesRequest) (frame, next []byte) {
	need := binary.MaxVarintLen64 + requestSize(a)
	if cap(buf) < need {
		buf = make([]byte, 0, need)
	}
	buf = appendRequestBody(buf[:binary.MaxVarintLen64], a)
	return finishFrame(buf, binary.MaxVarintLen64), buf[:0]
}

// encodeResponseFrame returns the answer frame of (rpcErr, r), written in buf's memory, and the
// buffer to reuse for the next one.
func encodeResponseFrame(buf []byte, rpcErr string, r *raft.AppendEntriesResponse) (frame, next []byte) {
	var free [binary.MaxVarintLen64]byte
	buf = append(buf[:0], free[:]...)
	if rpcErr == "" {
		buf = append(buf, 0)
	} else {
		buf = binary.AppendUvarint(buf, uint64(len(rpcErr))+1)
		buf = append(buf, rpcErr...)
	}
	if r == nil {
		r = &raft.AppendEntriesResponse{}
	}
	buf = binary.AppendVarint(buf, int64(r.ProtocolVersion))
	buf = appendBytes(buf, r.ID)
	buf = appendBytes(buf, r.Addr)
	buf = binary.AppendUvarint(buf, r.Term)
	buf = binary.AppendUvarint(buf, r.LastLog)
	var flags byte
	if r.Success {
		flags |= 1
	}
	if r.NoRetryBackoff {
		flags |= 2
	}
	buf = append(buf, flags)
	return finishFrame(buf, binary.MaxVarintLen64), buf[:0]
}

// readFrame reads one frame's body from r. A large frame's memory grows with the bytes
// received, so a peer claiming a huge length costs only what it sends.
func readFrame(r *bufio.Reader) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > maxFrame {
		return nil, fmt.Errorf("%w: length %d", errBadFrame, n)
	}
	if n <= frameChunk {
		b := make([]byte, n)
		_, err := io.ReadFull(r, b)
		return b, noEOF(err)
	}
	b := make([]byte, 0, frameChunk)
	for uint64(len(b)) < n {
		left := n - uint64(len(b))
		if len(b) == cap(b) {
			b = slices.Grow(b, int(min(left, uint64(len(b)))))
		}
		k, err := io.ReadFull(r, b[len(b):len(b)+int(min(left, uint64(cap(b)-len(b))))])
		b = b[:len(b)+k]
		if err != nil {
			return nil, noEOF(err)
		}
	}
	return b, nil
}

// noEOF turns the end of the stream inside a frame into io.ErrUnexpectedEOF.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// frameReader decodes a frame's body. Byte fields alias the body (each frame has its own).
type frameReader struct {
	b   []byte
	err error
}

func (d *frameReader) fail() {
	if d.err == nil {
		d.err = errBadFrame
	}
	d.b = nil
}

func (d *frameReader) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *frameReader) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *frameReader) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *frameReader) bytes() []byte {
	n := d.uvarint()
	if n == 0 || d.err != nil {
		return nil
	}
	n--
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

// maxUnixSeconds bounds AppendedAt's seconds, far beyond any clock and within what time.Time
// holds.
const maxUnixSeconds = 1 << 62

// minEntryBytes is the fewest bytes an encoded entry takes (index, term, type, two nil byte
// fields, seconds, nanoseconds), which bounds the entry count a body can claim.
const minEntryBytes = 7

// decodeRequest decodes a request frame's body. The RPC header's slices alias body; entries'
// Data and Extensions do not.
func decodeRequest(body []byte) (*raft.AppendEntriesRequest, error) {
	d := frameReader{b: body}
	a := new(raft.AppendEntriesRequest)
	a.ProtocolVersion = raft.ProtocolVersion(d.varint())
	a.ID = d.bytes()
	a.Addr = d.bytes()
	a.Term = d.uvarint()
	//lint:ignore SA1019 the deprecated field travels as msgpack carries it
	a.Leader = d.bytes()
	a.PrevLogEntry = d.uvarint()
	a.PrevLogTerm = d.uvarint()
	a.LeaderCommitIndex = d.uvarint()
	n := d.uvarint()
	if d.err == nil && n > uint64(len(d.b)/minEntryBytes) {
		d.fail()
	}
	if d.err == nil && n > 0 {
		logs := make([]raft.Log, n)
		a.Entries = make([]*raft.Log, n)
		for i := range logs {
			e := &logs[i]
			e.Index = d.uvarint()
			e.Term = d.uvarint()
			e.Type = raft.LogType(d.byte())
			// Each entry's data gets an allocation of its own: the state machine keeps row
			// values pointing into it, and a shared frame buffer would then stay alive, whole,
			// for as long as any one row of its batch is in memory.
			e.Data = bytes.Clone(d.bytes())
			e.Extensions = bytes.Clone(d.bytes())
			sec := d.varint()
			nsec := d.uvarint()
			if nsec >= 1e9 || sec > maxUnixSeconds || sec < -maxUnixSeconds {
				d.fail() // time.Unix would overflow: no clock says that
			}
			if d.err != nil {
				break
			}
			e.AppendedAt = time.Unix(sec, int64(nsec))
			a.Entries[i] = e
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}
	return a, nil
}

// decodeResponse decodes an answer frame's body into r; it returns the RPC's error string.
func decodeResponse(body []byte, r *raft.AppendEntriesResponse) (string, error) {
	d := frameReader{b: body}
	rpcErr := string(d.bytes())
	r.ProtocolVersion = raft.ProtocolVersion(d.varint())
	r.ID = d.bytes()
	r.Addr = d.bytes()
	r.Term = d.uvarint()
	r.LastLog = d.uvarint()
	flags := d.byte()
	if flags&^3 != 0 {
		d.fail()
	}
	r.Success, r.NoRetryBackoff = flags&1 != 0, flags&2 != 0
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	return rpcErr, d.err
}
