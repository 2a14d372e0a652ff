package pgwire

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"strings"
	"time"

	"github.com/drovedb/drove/sql"
)

// A CancelRequest arrives on a new connection and names the session to interrupt by the
// process id and secret key it was given in BackendKeyData. The server keeps the live
// connections by process id; the secret, compared in constant time, proves the request comes
// from that session's client. Only a statement running at that moment is cancelled (57014),
// as in PostgreSQL.
//
// Two other things end a running statement the same way, through the cause of its context: a
// client that went away (watchClients), and the server shutting down (terminate), which
// tells every client 57P01 and ends its session.

var (
	// errClientGone cancels the statement of a client whose connection closed.
	errClientGone = errors.New("pgwire: the client closed the connection")
	// errAdminShutdown is what every session is told when the server shuts down.
	errAdminShutdown = &sql.Error{Code: "57P01", Message: "terminating connection due to administrator command"}
)

// assignKey gives c a process id no other live connection has, and a random secret.
func (s *Server) assignKey(c *conn) {
	rand.Read(c.secret[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		var b [4]byte
		rand.Read(b[:])
		pid := binary.BigEndian.Uint32(b[:]) >> 1 // positive as a signed int32, like a pid
		if _, taken := s.keys[pid]; !taken && pid != 0 {
			c.pid = pid
			s.keys[pid] = c
			return
		}
	}
}

func (s *Server) forgetKey(c *conn) {
	if c.pid == 0 {
		return
	}
	s.mu.Lock()
	if s.keys[c.pid] == c {
		delete(s.keys, c.pid)
	}
	s.mu.Unlock()
}

// cancel interrupts the statement the connection with this key is running, if any.
func (s *Server) cancel(pid uint32, secret []byte) {
	s.mu.Lock()
	c := s.keys[pid]
	s.mu.Unlock()
	if c == nil || subtle.ConstantTimeCompare(c.secret[:], secret) != 1 {
		return
	}
	c.cancelStatement()
}

// cancelStatement interrupts what the connection runs, here or on its upstream.
func (c *conn) cancelStatement() {
	c.runMu.Lock()
	fwd := c.fwd
	c.runMu.Unlock()
	if fwd != nil {
		// The statement runs on the upstream: cancel it there, with the upstream's key.
		go fwd.cancelUpstream()
		return
	}
	c.interrupt(nil)
}

// cancelBackend is pg_cancel_backend(pid) run by from's session: the connection with that
// process id, of the same user (PostgreSQL: a member of its role), is cancelled as by a
// CancelRequest; false when no connection here has that id.
func (s *Server) cancelBackend(from *conn, pid uint32) (bool, error) {
	s.mu.Lock()
	c := s.keys[pid]
	s.mu.Unlock()
	if c == nil {
		return false, nil
	}
	if c.user != from.user {
		return false, &sql.Error{Code: "42501", Message: "permission denied to cancel query",
			Detail: "Only roles with the privileges of the role whose query is being canceled may cancel it."}
	}
	c.cancelStatement()
	return true, nil
}

// interrupt cancels the running statement, if any, with cause (nil: a cancel request).
func (c *conn) interrupt(cause error) {
	c.runMu.Lock()
	defer c.runMu.Unlock()
	if c.busy && c.runCancel != nil {
		c.runCancel(cause)
		c.runCtx, c.runCancel = nil, nil
	}
}

// running marks a statement as started and returns the context a cancel request ends. The
// context is reused from statement to statement until one is cancelled.
func (c *conn) running(parent context.Context) context.Context {
	c.runMu.Lock()
	defer c.runMu.Unlock()
	if c.runCtx == nil {
		c.runCtx, c.runCancel = context.WithCancelCause(parent)
	}
	if c.srv.stopping.Load() { // terminate has already interrupted the running statements
		c.runCancel(errAdminShutdown)
	}
	c.busy = true
	return c.runCtx
}

// idle marks the statement as over: a cancel request that comes now is ignored.
func (c *conn) idle() {
	c.runMu.Lock()
	c.busy = false
	c.runMu.Unlock()
}

func (c *conn) isBusy() bool {
	c.runMu.Lock()
	defer c.runMu.Unlock()
	return c.busy
}

// shutDown sends the FATAL 57P01 that ends a session when the server is shutting down; false
// means the server is not shutting down. stmtErr is the error of the statement the shutdown
// interrupted, if any: when it says the statement's outcome is unknown (class 08, such as a
// commit whose leadership was lost), the FATAL carries it instead, because 57P01 tells the
// client the statement was aborted, and it may have been applied.
func (c *conn) shutDown(stmtErr error) bool {
	if !c.srv.stopping.Load() {
		return false
	}
	if stmtErr != nil {
		if e := toSQLError(stmtErr); strings.HasPrefix(e.Code, "08") {
			c.fatal(e)
			return true
		}
	}
	c.fatal(errAdminShutdown)
	return true
}

// shutdownGrace bounds how long Close waits for sessions to end once their statements are
// cancelled; after it their connections are closed under them.
const shutdownGrace = 5 * time.Second

// terminate ends every session for Close: running statements are cancelled, idle sessions
// woken from their read, and each tells its client 57P01 as it ends. A session still running
// after shutdownGrace (a statement that does not notice its cancellation) has its connection
// closed and is waited for one more second at most.
func (s *Server) terminate() {
	s.stopping.Store(true)
	s.mu.Lock()
	for _, c := range s.keys {
		c.interrupt(errAdminShutdown)
	}
	now := time.Now()
	for nc := range s.conns {
		nc.SetReadDeadline(now)
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
		return
	case <-time.After(shutdownGrace):
	}
	s.log.Warn("sessions still running after the shutdown grace period; closing their connections", "grace", shutdownGrace)
	s.mu.Lock()
	for nc := range s.conns {
		nc.Close()
	}
	s.mu.Unlock()
	select {
	case <-done:
	case <-time.After(time.Second):
		s.log.Error("sessions did not end after their connections were closed")
	}
}
