package clusternet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The connection header, written once by the dialer right after the TCP (or TLS) handshake:
//
//	magic   4 bytes  "DRVC"
//	version 1 byte   1
//	kind    1 byte   1 = Raft group, 2 = internal RPC service, 3 = Raft group's AppendEntries
//	                 pipeline in drove's binary encoding (appendcodec.go)
//	nameLen 2 bytes  big endian, 1..255
//	name    nameLen bytes (group or service name)
//	fromLen 2 bytes  big endian, 1..255
//	from    fromLen bytes (the dialer's node id)
//
// The acceptor answers with an ack:
//
//	status  1 byte   0 = accepted, 1 = no such group or service
//	idLen   1 byte   the acceptor's node id length (0..255)
//	id      idLen bytes
//
// Lengths are two bytes although a name is at most 255 bytes so that an oversized name is a
// distinct, checked error (and a later version may allow longer names without a new layout). The
// parser never allocates more than maxName bytes per field, whatever the peer claims.
const (
	magic       = "DRVC"
	version     = 1
	maxName     = 255
	fixedPrefix = len(magic) + 1 + 1 + 2 // magic, version, kind, nameLen
	maxHeader   = fixedPrefix + maxName + 2 + maxName
)

// kind says what a connection carries.
type kind byte

const (
	kindRaft    kind = 1
	kindService kind = 2
	// kindRaftAppends is a Raft group's connection carrying only AppendEntries, in drove's
	// binary encoding (appendcodec.go). A node older than it closes the connection at the
	// header (errBadKind), so the dial fails and Raft falls back to its msgpack RPCs.
	kindRaftAppends kind = 3
)

// valid reports whether k is a kind this version speaks.
func (k kind) valid() bool { return k == kindRaft || k == kindService || k == kindRaftAppends }

// raft reports whether k routes to a Raft group.
func (k kind) raft() bool { return k == kindRaft || k == kindRaftAppends }

func (k kind) String() string {
	switch k {
	case kindRaft:
		return "raft"
	case kindService:
		return "service"
	case kindRaftAppends:
		return "raft appends"
	}
	return fmt.Sprintf("kind(%d)", byte(k))
}

// Ack statuses.
const (
	ackOK      byte = 0
	ackUnknown byte = 1
)

// Header parse errors. Every one makes the acceptor close the connection.
var (
	errBadMagic   = errors.New("clusternet: bad header magic (not a drove cluster connection)")
	errBadVersion = errors.New("clusternet: unsupported header version")
	errBadKind    = errors.New("clusternet: unknown connection kind")
	errNameLen    = errors.New("clusternet: name empty or longer than 255 bytes")
)

// header is what a dialer says about a connection.
type header struct {
	kind kind
	name string // Raft group or service
	from string // dialer's node id
}

func checkName(what, s string) error {
	if len(s) == 0 || len(s) > maxName {
		return fmt.Errorf("clusternet: %s %q: %w", what, s, errNameLen)
	}
	return nil
}

// encode returns the header's wire form.
func (h header) encode() ([]byte, error) {
	if !h.kind.valid() {
		return nil, errBadKind
	}
	if err := checkName(h.kind.String()+" name", h.name); err != nil {
		return nil, err
	}
	if err := checkName("node id", h.from); err != nil {
		return nil, err
	}
	b := make([]byte, 0, fixedPrefix+len(h.name)+2+len(h.from))
	b = append(b, magic...)
	b = append(b, version, byte(h.kind))
	b = binary.BigEndian.AppendUint16(b, uint16(len(h.name)))
	b = append(b, h.name...)
	b = binary.BigEndian.AppendUint16(b, uint16(len(h.from)))
	b = append(b, h.from...)
	return b, nil
}

// readHeader reads exactly one header from r and nothing after it (r is the raw connection,
// whose next bytes belong to Raft or to a service). The caller bounds the time with a deadline.
func readHeader(r io.Reader) (header, error) {
	var pre [fixedPrefix]byte
	if _, err := io.ReadFull(r, pre[:]); err != nil {
		return header{}, err
	}
	if string(pre[:len(magic)]) != magic {
		return header{}, errBadMagic
	}
	if pre[4] != version {
		return header{}, fmt.Errorf("%w %d", errBadVersion, pre[4])
	}
	h := header{kind: kind(pre[5])}
	if !h.kind.valid() {
		return header{}, errBadKind
	}
	n := int(binary.BigEndian.Uint16(pre[6:8]))
	if n == 0 || n > maxName {
		return header{}, errNameLen
	}
	// name and the from length in one read
	buf := make([]byte, n+2)
	if _, err := io.ReadFull(r, buf); err != nil {
		return header{}, err
	}
	h.name = string(buf[:n])
	m := int(binary.BigEndian.Uint16(buf[n:]))
	if m == 0 || m > maxName {
		return header{}, errNameLen
	}
	from := make([]byte, m)
	if _, err := io.ReadFull(r, from); err != nil {
		return header{}, err
	}
	h.from = string(from)
	return h, nil
}

// encodeAck returns the acceptor's answer.
func encodeAck(status byte, nodeID string) []byte {
	if len(nodeID) > maxName {
		nodeID = nodeID[:maxName]
	}
	b := make([]byte, 0, 2+len(nodeID))
	b = append(b, status, byte(len(nodeID)))
	return append(b, nodeID...)
}

// readAck reads the acceptor's answer.
func readAck(r io.Reader) (status byte, nodeID string, err error) {
	var pre [2]byte
	if _, err := io.ReadFull(r, pre[:]); err != nil {
		return 0, "", err
	}
	id := make([]byte, pre[1])
	if _, err := io.ReadFull(r, id); err != nil {
		return 0, "", err
	}
	return pre[0], string(id), nil
}
