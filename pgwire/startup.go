package pgwire

import (
	"errors"
	"io"
	"net"
	"os"
	"time"

	"github.com/drovedb/drove/sql"
)

// defaultAuthenticationTimeout is PostgreSQL's authentication_timeout default.
const defaultAuthenticationTimeout = 60 * time.Second

// maxAuthMessageSize bounds each message read before authentication ends, so a client that
// has proved nothing cannot make the server allocate much (pgproto3 allocates a message's
// declared length before reading it). It is PostgreSQL's PG_MAX_AUTH_TOKEN_LENGTH; the
// startup packet itself is bounded by pgproto3 at 10000 bytes (MAX_STARTUP_PACKET_LENGTH).
const maxAuthMessageSize = 65535

// refuseWriteTimeout bounds the one write to a connection refused at accept time: the
// accept loop does it, and a fresh socket's send buffer takes it at once.
const refuseWriteTimeout = 100 * time.Millisecond

var (
	errTooManyClients = &sql.Error{Code: "53300", Message: "sorry, too many clients already"}
	errShuttingDown   = &sql.Error{Code: "57P03", Message: "the database system is shutting down"}
)

// admit registers a new connection as starting, or says why it cannot be served:
// MaxStartupConnections are already in startup, or the server is closed.
func (s *Server) admit(c net.Conn) *sql.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return errShuttingDown
	case s.starting >= s.cfg.MaxStartupConnections:
		return errTooManyClients
	}
	s.starting++
	s.conns[c] = struct{}{}
	return nil
}

// refuse tells a connection that could not be admitted why and closes it, without reading
// from it or spending a goroutine on it (PostgreSQL writes the same when it cannot start a
// backend). A client that asked for TLS first sees the error in place of the answer to its
// SSLRequest.
func refuse(c net.Conn, e *sql.Error) {
	if b, err := errorResponse("FATAL", e).Encode(nil); err == nil {
		c.SetWriteDeadline(time.Now().Add(refuseWriteTimeout))
		c.Write(b)
	}
	c.Close()
}

// leave forgets a connection; counted says whether it held one of MaxConnections.
func (s *Server) leave(c net.Conn, counted bool) {
	s.mu.Lock()
	delete(s.conns, c)
	if counted {
		s.sessions--
	} else {
		s.starting--
	}
	s.mu.Unlock()
}

// Connections is the number of authenticated client connections, which MaxConnections
// bounds.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions
}

// StartingConnections is the number of connections still in startup or authentication,
// which MaxStartupConnections bounds.
func (s *Server) StartingConnections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.starting
}

// roomFor tells the client 53300 when MaxConnections sessions are open, before it spends
// time authenticating; false means the connection must close.
func (c *conn) roomFor() bool {
	s := c.srv
	s.mu.Lock()
	full := s.sessions >= s.cfg.MaxConnections
	s.mu.Unlock()
	if full {
		c.fatal(errTooManyClients)
	}
	return !full
}

// takeSlot counts an authenticated connection against MaxConnections, or tells it 53300;
// false means the connection must close.
func (c *conn) takeSlot() bool {
	s := c.srv
	s.mu.Lock()
	ok := s.sessions < s.cfg.MaxConnections
	if ok {
		s.sessions++
		s.starting--
		c.counted = true
	}
	s.mu.Unlock()
	if !ok {
		c.fatal(errTooManyClients)
	}
	return ok
}

// beginStartup bounds the startup phase (TLS handshake and authentication included) in time
// and message size, so clients that prove nothing cannot hold connections or memory.
func (c *conn) beginStartup() {
	c.nc.SetDeadline(time.Now().Add(c.srv.cfg.AuthenticationTimeout))
	c.be.SetMaxBodyLen(c.startupMaxBody())
}

func (c *conn) startupMaxBody() int { return min(maxAuthMessageSize, c.srv.cfg.MaxMessageSize) }

// endStartup lifts the startup bounds once the session is ready.
func (c *conn) endStartup() bool {
	c.be.SetMaxBodyLen(c.srv.cfg.MaxMessageSize)
	return c.nc.SetDeadline(time.Time{}) == nil
}

// readFailed ends a startup read that failed: a malformed message gets FATAL 08P01; a client
// that left, or ran out of authentication_timeout, gets nothing (PostgreSQL closes silently
// then too).
func (c *conn) readFailed(err error, what string) {
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		c.log.Debug("authentication timed out", "timeout", c.srv.cfg.AuthenticationTimeout)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed):
	case errors.As(err, new(*sql.Error)):
		var e *sql.Error
		errors.As(err, &e)
		c.fatal(e)
	default:
		c.fatal(&sql.Error{Code: "08P01", Message: what + ": " + err.Error()})
	}
}
