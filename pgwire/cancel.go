package pgwire

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
)

// A CancelRequest arrives on a new connection and names the session to interrupt by the
// process id and secret key it was given in BackendKeyData. The server keeps the live
// connections by process id; the secret, compared in constant time, proves the request comes
// from that session's client. Only a statement running at that moment is cancelled (57014),
// as in PostgreSQL.

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
	c.runMu.Lock()
	defer c.runMu.Unlock()
	if c.busy && c.runCancel != nil {
		c.runCancel()
		c.runCtx, c.runCancel = nil, nil
	}
}

// running marks a statement as started and returns the context a cancel request ends. The
// context is reused from statement to statement until one is cancelled.
func (c *conn) running(parent context.Context) context.Context {
	c.runMu.Lock()
	defer c.runMu.Unlock()
	if c.runCtx == nil {
		c.runCtx, c.runCancel = context.WithCancel(parent)
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
