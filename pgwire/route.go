package pgwire

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"sort"
	"strings"
	"time"

	"github.com/drovedb/drove/sql"
)

// Router is an optional interface of a Backend whose databases (tablespaces) may be led by
// another node of a cluster. After a client has authenticated, pgwire asks Route where its
// session is served; a remote route makes the connection a forwarded session (forward.go).
// A Backend that does not implement Router serves every session locally.
type Router interface {
	// Route says where database is served now. An error (a *sql.Error keeps its SQLSTATE,
	// 3D000 for an unknown database) is returned to the client as is; a Router that knows
	// the tablespace has no leader at the moment should wait for one, within ctx.
	Route(ctx context.Context, user, database string) (Route, error)
}

// Route is where a session is served: locally (Dial nil), or by the node Dial reaches.
type Route struct {
	// Dial opens a connection to the leader's Server.ServeForwarded (in a cluster, a
	// clusternet stream to the leader's forwarding service). Every call opens a new one: one
	// per forwarded session, and one per cancel request.
	Dial func(ctx context.Context) (net.Conn, error)
	// Node names the serving node, for logs and error messages.
	Node string
}

// Local reports whether the session is served by this node.
func (r Route) Local() bool { return r.Dial == nil }

// NotLeaderCode and NotLeaderMessage are how a statement refused because this node's replica
// of the tablespace is no longer its leader reaches pgwire: SQLSTATE 25006
// (read_only_sql_transaction, what a PostgreSQL hot standby answers a write with) and a
// message containing NotLeaderMessage. The SQL layer maps tablespace.ErrNotLeader to it;
// a forwarding node recognizes it and retries the statement on the new leader when that is
// safe (forward.go).
const (
	NotLeaderCode    = sql.NotLeaderCode
	NotLeaderMessage = sql.NotLeaderMessage
)

// NotLeaderError is the error the SQL layer should return for tablespace.ErrNotLeader.
func NotLeaderError(node, tablespace string) *sql.Error {
	return &sql.Error{Code: NotLeaderCode, Message: fmt.Sprintf("node %s %s %s", node, NotLeaderMessage, tablespace),
		Hint: "Leadership moved; retry the statement."}
}

func isNotLeader(code, message string) bool {
	return code == NotLeaderCode && strings.Contains(message, NotLeaderMessage)
}

// leaderMoved reports an error that says the session's node no longer leads its tablespace:
// a NotLeaderError, or a transaction's 40001 or 08007 for the leadership it lost. The
// session's next statements would be refused there too, so once it is idle it is routed
// again (relay.go, switch.go).
func leaderMoved(code, message string) bool {
	return isNotLeader(code, message) ||
		(code == "40001" || code == "08007") && strings.Contains(message, sql.LeaderMovedMessage)
}

// The forwarded-session handshake. A node that forwards a session opens a connection to the
// leader's forwarding service and sends one message:
//
//	int32  length of the whole message, itself included (at most maxForwardHandshake)
//	int32  forwardMagic
//	byte   kind: 'S' (a session) or 'C' (a cancel request)
//	'S':   name NUL value NUL pairs, then a NUL: "user", "database" and the client's other
//	       startup parameters (application_name, DateStyle, options, ...)
//	'C':   uint32 process id, 4 bytes of secret: the leader's BackendKeyData of a session
//
// For 'S' the leader then speaks the PostgreSQL protocol as after a StartupMessage whose
// client has authenticated: AuthenticationOk, ParameterStatus, BackendKeyData,
// ReadyForQuery (or an ErrorResponse), and the session goes on as any other. For 'C' it
// cancels the statement running in that session, answers nothing and closes.
//
// The user is not authenticated again: the forwarding node did that, and the connection
// is trusted because the cluster port authenticates the node at its other end (mutual TLS,
// or addresses restricted to the cluster). ServeForwarded must never be reachable from a
// client port.
const (
	forwardMagic        uint32 = 0x44524657 // "DRFW"
	maxForwardHandshake int    = 10000      // as pgproto3 bounds a StartupMessage
	forwardSession      byte   = 'S'
	forwardCancel       byte   = 'C'
)

// forwardHello is a parsed forwarded-session handshake.
type forwardHello struct {
	kind   byte
	params map[string]string // 'S': user, database and the startup parameters
	pid    uint32            // 'C'
	secret [4]byte           // 'C'
}

// encode appends the handshake message to dst.
func (h *forwardHello) encode(dst []byte) []byte {
	start := len(dst)
	dst = binary.BigEndian.AppendUint32(dst, 0)
	dst = binary.BigEndian.AppendUint32(dst, forwardMagic)
	dst = append(dst, h.kind)
	switch h.kind {
	case forwardSession:
		names := make([]string, 0, len(h.params))
		for name := range h.params {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			dst = append(append(dst, name...), 0)
			dst = append(append(dst, h.params[name]...), 0)
		}
		dst = append(dst, 0)
	case forwardCancel:
		dst = binary.BigEndian.AppendUint32(dst, h.pid)
		dst = append(dst, h.secret[:]...)
	}
	binary.BigEndian.PutUint32(dst[start:], uint32(len(dst)-start))
	return dst
}

// parseForwardHandshake parses the message after its length word. It accepts only what
// encode writes: a known kind, non-empty distinct parameter names, no NUL inside a value,
// a user for a session, nothing after the end.
func parseForwardHandshake(body []byte) (*forwardHello, error) {
	if len(body) > maxForwardHandshake-4 {
		return nil, errors.New("forwarded-session handshake too long")
	}
	if len(body) < 5 || binary.BigEndian.Uint32(body) != forwardMagic {
		return nil, errors.New("not a forwarded-session handshake")
	}
	h := &forwardHello{kind: body[4]}
	rest := body[5:]
	switch h.kind {
	case forwardCancel:
		if len(rest) != 8 {
			return nil, fmt.Errorf("cancel handshake of %d bytes, want 8", len(rest))
		}
		h.pid = binary.BigEndian.Uint32(rest)
		copy(h.secret[:], rest[4:])
		return h, nil
	case forwardSession:
		params, err := parseParams(rest)
		if err != nil {
			return nil, err
		}
		if params["user"] == "" {
			return nil, errors.New("no user in the forwarded-session handshake")
		}
		h.params = params
		return h, nil
	}
	return nil, fmt.Errorf("unknown handshake kind %q", h.kind)
}

// parseParams reads name NUL value NUL pairs ending with a lone NUL.
func parseParams(b []byte) (map[string]string, error) {
	params := make(map[string]string)
	for {
		i := bytes.IndexByte(b, 0)
		if i < 0 {
			return nil, errors.New("unterminated parameter list")
		}
		if i == 0 {
			if len(b) != 1 {
				return nil, errors.New("data after the parameter list")
			}
			return params, nil
		}
		name := string(b[:i])
		b = b[i+1:]
		j := bytes.IndexByte(b, 0)
		if j < 0 {
			return nil, fmt.Errorf("parameter %q has no value", name)
		}
		if _, dup := params[name]; dup {
			return nil, fmt.Errorf("parameter %q given twice", name)
		}
		params[name] = string(b[:j])
		b = b[j+1:]
	}
}

// readForwardHandshake reads one handshake message from r.
func readForwardHandshake(r io.Reader) (*forwardHello, error) {
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return nil, err
	}
	size := binary.BigEndian.Uint32(n[:])
	if size < 9 || size > uint32(maxForwardHandshake) {
		return nil, fmt.Errorf("handshake length %d out of range", size)
	}
	body := make([]byte, size-4)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	return parseForwardHandshake(body)
}

// ServeForwarded serves a session another node of the cluster forwards here, or a cancel
// request for one, on an internal connection of the cluster port (see the handshake
// above). The session is opened with Backend.Open, never routed again, so a session can
// not bounce between nodes: if this node is no longer the leader, its statements fail with
// NotLeaderError and the forwarding node routes again. It never panics and returns when
// the session ends.
func (s *Server) ServeForwarded(ctx context.Context, c net.Conn) {
	if e := s.admit(c); e != nil {
		refuse(c, e)
		return
	}
	s.wg.Add(1)
	defer s.wg.Done()
	s.watch() // a leader whose client port is not served still ends statements of closed connections
	s.serveConn(ctx, c, func(cn *conn) bool {
		h, err := readForwardHandshake(c)
		if err != nil {
			cn.readFailed(err, "invalid forwarded-session handshake")
			return false
		}
		if h.kind == forwardCancel {
			s.cancel(h.pid, h.secret[:])
			return false
		}
		cn.forwarded = true
		user, database := h.params["user"], h.params["database"]
		if database == "" {
			database = user
		}
		return cn.takeSlot() && cn.begin(ctx, user, database, h.params)
	})
}

// forwardDialTimeout bounds dialing and the handshake with an upstream.
const forwardDialTimeout = 10 * time.Second
