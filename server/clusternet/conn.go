package clusternet

import (
	"net"
	"sync"
	"time"
)

// conn is an established, routed connection: the mux tracks it (Close of the Mux closes it),
// so does its Raft group's stream layer (Close of the transport closes it), and so does Faults
// when one is configured (a partition closes it; a delay slows its writes).
type conn struct {
	net.Conn
	m        *Mux
	sl       *streamLayer // nil for a service connection
	local    string       // this end's node id
	peer     string       // the other end's node id
	dialer   string       // node that dialed (local or peer)
	acceptor string       // node that accepted
	faults   *Faults

	once   sync.Once
	closed chan struct{}
}

func newConn(m *Mux, c net.Conn, peer string, dialed bool) *conn {
	cc := &conn{Conn: c, m: m, local: m.id, peer: peer, faults: m.cfg.Faults, closed: make(chan struct{})}
	cc.dialer, cc.acceptor = peer, m.id
	if dialed {
		cc.dialer, cc.acceptor = m.id, peer
	}
	return cc
}

// Write delays by the fault rule's delay, if any, then writes. A Close during the delay ends it.
func (c *conn) Write(p []byte) (int, error) {
	if c.faults != nil {
		if d := c.faults.writeDelay(c.local, c.peer); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-c.closed:
				t.Stop()
				return 0, net.ErrClosed
			}
		}
	}
	return c.Conn.Write(p)
}

// Close closes the connection and forgets it everywhere it is tracked.
func (c *conn) Close() error {
	err := net.ErrClosed
	c.once.Do(func() {
		close(c.closed)
		err = c.Conn.Close()
		c.m.untrack(c)
		if c.sl != nil {
			c.sl.untrack(c)
		}
		if c.faults != nil {
			c.faults.untrack(c)
		}
	})
	return err
}
