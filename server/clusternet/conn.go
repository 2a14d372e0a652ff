package clusternet

import (
	"net"
	"os"
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
	appends  bool // accepted as kindRaftAppends: binary AppendEntries (appendcodec.go)

	once   sync.Once
	closed chan struct{}

	dlMu    sync.Mutex
	writeDL time.Time // the write deadline, which a stalled or delayed write honours
}

func newConn(m *Mux, c net.Conn, peer string, dialed bool) *conn {
	cc := &conn{Conn: c, m: m, local: m.id, peer: peer, faults: m.cfg.Faults, closed: make(chan struct{})}
	cc.dialer, cc.acceptor = peer, m.id
	if dialed {
		cc.dialer, cc.acceptor = m.id, peer
	}
	return cc
}

// Write waits out a stall and a delay, if fault rules set them, then writes. Close ends the
// wait, and so does the write deadline (with os.ErrDeadlineExceeded, as a real write would).
func (c *conn) Write(p []byte) (int, error) {
	if c.faults != nil {
		if err := c.faultWait(); err != nil {
			return 0, err
		}
	}
	return c.Conn.Write(p)
}

func (c *conn) faultWait() error {
	var deadline <-chan time.Time
	c.dlMu.Lock()
	dl := c.writeDL
	c.dlMu.Unlock()
	if !dl.IsZero() {
		t := time.NewTimer(time.Until(dl))
		defer t.Stop()
		deadline = t.C
	}
	if !c.faults.waitStall(c.local, c.peer, c.closed, deadline) {
		return c.waitErr()
	}
	d := c.faults.writeDelay(c.local, c.peer)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-c.closed:
	case <-deadline:
	}
	return c.waitErr()
}

func (c *conn) waitErr() error {
	select {
	case <-c.closed:
		return net.ErrClosed
	default:
		return os.ErrDeadlineExceeded
	}
}

// SetDeadline records the write deadline for faultWait and sets both on the connection.
func (c *conn) SetDeadline(t time.Time) error {
	c.setWriteDL(t)
	return c.Conn.SetDeadline(t)
}

// SetWriteDeadline records the write deadline for faultWait and sets it on the connection.
func (c *conn) SetWriteDeadline(t time.Time) error {
	c.setWriteDL(t)
	return c.Conn.SetWriteDeadline(t)
}

func (c *conn) setWriteDL(t time.Time) {
	c.dlMu.Lock()
	c.writeDL = t
	c.dlMu.Unlock()
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
