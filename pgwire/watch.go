package pgwire

import (
	"crypto/tls"
	"net"
	"time"
)

// A statement runs on the connection's goroutine, which reads nothing from the client until
// it ends, so a client that goes away (a driver timeout, a killed psql) would leave its
// statement running and holding its locks. Like PostgreSQL's client_connection_check_interval,
// the server looks every clientCheckInterval at the sockets of the connections that are
// running a statement and cancels the statement of any whose peer has closed (errClientGone).
// The check asks the kernel (peerClosed) without reading, so bytes a client pipelined behind
// its statement stay where the protocol reads them; statements cost nothing more for it.

// clientCheckInterval is how often running statements' clients are checked.
const clientCheckInterval = 50 * time.Millisecond

// watch starts watchClients once.
func (s *Server) watch() {
	s.watchOnce.Do(func() { go s.watchClients(s.unwatch) })
}

// watchClients cancels the statements of clients that went away, until done is closed.
func (s *Server) watchClients(done <-chan struct{}) {
	t := time.NewTicker(clientCheckInterval)
	defer t.Stop()
	var busy []*conn
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
		busy = busy[:0]
		s.mu.Lock()
		for _, c := range s.keys {
			if c.isBusy() {
				busy = append(busy, c)
			}
		}
		s.mu.Unlock()
		for _, c := range busy {
			if peerClosed(socketOf(c.nc)) {
				c.log.Debug("client went away during a statement; cancelling it")
				c.interrupt(errClientGone)
			}
		}
		clear(busy)
	}
}

// socketOf is the socket under a TLS connection.
func socketOf(c net.Conn) net.Conn {
	if tc, ok := c.(*tls.Conn); ok {
		return tc.NetConn()
	}
	return c
}
