package pgwire

import (
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/drovedb/drove/sql"
	"github.com/jackc/pgx/v5/pgproto3"
)

// Startup packets are read here rather than by pgproto3's Backend, which knows protocol 3.0
// and 3.2 only and fails on any other minor version. PostgreSQL 15 takes any 3.x StartupMessage:
// for a minor version above 0, or `_pq_.` protocol options it does not know (all of them),
// it answers NegotiateProtocolVersion (the newest version it speaks, 3.0, and the options it
// ignored) and goes on with protocol 3.0 (ProcessStartupPacket). Newer libpq and drivers ask
// for 3.2 and fall back so.

// Startup packet codes (PostgreSQL's pqcomm.h): the request codes have major version 1234.
const (
	cancelRequestCode  = 1234<<16 | 5678
	sslRequestCode     = 1234<<16 | 5679
	gssEncRequestCode  = 1234<<16 | 5680
	maxStartupPacket   = 10000 // MAX_STARTUP_PACKET_LENGTH
	protocolMajor      = 3
	protocolPrefixOpts = "_pq_."
)

// startupMessage is a StartupMessage of protocol 3.x as the client sent it: minor is its
// requested minor version (the message itself says 3.0 for the session).
type startupMessage struct {
	pgproto3.StartupMessage
	minor uint32
	keys  []string // the parameters' names in the packet's order
}

// receiveStartup reads one startup packet from the connection (plain or TLS).
func (c *conn) receiveStartup() (pgproto3.FrontendMessage, error) {
	var head [4]byte
	if _, err := io.ReadFull(c.nc, head[:]); err != nil {
		return nil, err
	}
	n := int(int32(binary.BigEndian.Uint32(head[:]))) - 4
	if n < 4 || n > maxStartupPacket {
		return nil, fmt.Errorf("invalid length of startup packet: %d", n+4)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(c.nc, buf); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	code := binary.BigEndian.Uint32(buf)
	var m interface {
		pgproto3.FrontendMessage
		Decode([]byte) error
	}
	switch code {
	case sslRequestCode:
		m = &pgproto3.SSLRequest{}
	case cancelRequestCode:
		m = &pgproto3.CancelRequest{}
	case gssEncRequestCode:
		m = &pgproto3.GSSEncRequest{}
	default:
		if code>>16 != protocolMajor {
			return nil, &sql.Error{Code: "0A000", Message: fmt.Sprintf(
				"unsupported frontend protocol %d.%d: server supports 3.0 to 3.0", code>>16, code&0xFFFF)}
		}
		s := &startupMessage{minor: code & 0xFFFF}
		binary.BigEndian.PutUint32(buf, pgproto3.ProtocolVersion30)
		if err := s.Decode(buf); err != nil {
			return nil, err
		}
		for rest := buf[4:]; len(rest) > 1; {
			k, v, _ := strings.Cut(string(rest), "\x00")
			s.keys = append(s.keys, k)
			_, after, _ := strings.Cut(v, "\x00")
			rest = []byte(after)
		}
		return s, nil
	}
	if err := m.Decode(buf); err != nil {
		return nil, err
	}
	return m, nil
}

// negotiate takes the `_pq_.` protocol options out of a StartupMessage's parameters and,
// when the client asked for a newer minor version or sent any, queues NegotiateProtocolVersion
// (sent with the authentication request that follows).
func (c *conn) negotiate(m *startupMessage) {
	var unknown []string
	for _, k := range m.keys {
		if _, ok := m.Parameters[k]; ok && strings.HasPrefix(k, protocolPrefixOpts) {
			unknown = append(unknown, k)
			delete(m.Parameters, k)
		}
	}
	if m.minor == 0 && len(unknown) == 0 {
		return
	}
	c.be.Send(&pgproto3.NegotiateProtocolVersion{NewestMinorProtocol: pgproto3.ProtocolVersion30, UnrecognizedOptions: unknown})
}
