package clusternet

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"time"
)

// errOlderPeer is a binary AppendEntries dial the acceptor closed at its header.
var errOlderPeer = errors.New("the node closed a binary AppendEntries connection at its header: " +
	"a drove older than this one, which Raft reaches by its msgpack RPCs instead")

// serve runs an incoming connection's handshake: TLS, header, ack, then hands it to its Raft
// group or service. Everything up to the hand-off happens under one deadline.
func (m *Mux) serve(raw net.Conn) {
	defer m.wg.Done()
	routed := false
	defer func() {
		<-m.sem
		m.untrackPending(raw)
		if !routed {
			raw.Close()
		}
	}()
	deadline := time.Now().Add(m.timeout)
	_ = raw.SetDeadline(deadline)
	c := raw
	if m.serverTLS != nil {
		tc := tls.Server(raw, m.serverTLS)
		if err := tc.Handshake(); err != nil {
			m.log.Debug("cluster connection: TLS handshake failed", "remote", raw.RemoteAddr(), "err", err)
			return
		}
		c = tc
	}
	h, err := readHeader(c)
	if err != nil {
		m.log.Debug("cluster connection: bad header", "remote", raw.RemoteAddr(), "err", err)
		return
	}
	if f := m.cfg.Faults; f != nil {
		if f.Blocked(h.from, m.id) || !f.waitStall(h.from, m.id, m.done, time.After(time.Until(deadline))) {
			m.log.Debug("cluster connection refused by fault injection", "from", h.from)
			return
		}
	}
	sl, handler := m.lookup(h)
	if sl == nil && handler == nil {
		// Raft retries its dials, so a group registered later is reached on a later attempt.
		_, _ = c.Write(encodeAck(ackUnknown, m.id))
		m.log.Debug("cluster connection for unknown "+h.kind.String(), "name", h.name, "from", h.from)
		return
	}
	if _, err := c.Write(encodeAck(ackOK, m.id)); err != nil {
		return
	}
	_ = c.SetDeadline(time.Time{})
	cc := newConn(m, c, h.from, false)
	cc.appends = h.kind == kindRaftAppends
	if err := m.adopt(cc, sl); err != nil {
		return
	}
	routed = true
	if sl != nil {
		sl.deliver(cc, m.timeout, m.done)
		return
	}
	go func() {
		defer cc.Close()
		handler(cc, h.from)
	}()
}

// lookup finds where a header routes to.
func (m *Mux) lookup(h header) (*streamLayer, func(net.Conn, string)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if h.kind.raft() {
		if sl := m.groups[h.name]; sl != nil {
			return sl, nil
		}
		return nil, nil
	}
	return nil, m.services[h.name]
}

// adopt tracks a routed connection in the mux, its group (if any) and the fault rules; it
// closes c and fails when any of them refuses it.
func (m *Mux) adopt(c *conn, sl *streamLayer) error {
	var err error
	switch {
	case !m.track(c):
		err = ErrClosed
	case sl != nil && !sl.track(c):
		err = fmt.Errorf("clusternet: raft group %q closed", sl.group)
	case c.faults != nil && !c.faults.track(c):
		err = fmt.Errorf("clusternet: %s to %s: %w", c.dialer, c.acceptor, ErrPartitioned)
	}
	if err != nil {
		c.Close()
	}
	return err
}

// dial connects to addr and sends h. sl is the Raft group the connection belongs to, or nil.
func (m *Mux) dial(ctx context.Context, addr string, h header, sl *streamLayer) (*conn, error) {
	if m.isClosed() {
		return nil, ErrClosed
	}
	hb, err := h.encode()
	if err != nil {
		return nil, err
	}
	if f := m.cfg.Faults; f != nil {
		if err := f.checkDial(m.id, addr); err != nil {
			return nil, err
		}
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, defaultDialTimeout)
		defer cancel()
	}
	if err := m.waitDialStall(ctx, addr); err != nil {
		return nil, err
	}
	var d net.Dialer
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("clusternet: dial %s: %w", addr, err)
	}
	// The context (which always has a deadline here) bounds the exchange: when it is done the
	// socket's deadline is pulled into the past, so the error seen is always the context's.
	stop := context.AfterFunc(ctx, func() { _ = raw.SetDeadline(time.Unix(1, 0)) })
	c, peer, err := m.handshakeOut(ctx, raw, hb)
	if err != nil && h.kind == kindRaftAppends && (errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET)) {
		err = fmt.Errorf("%w (%w)", err, errOlderPeer)
	}
	if !stop() && err == nil {
		err = ctx.Err() // the deadline was pulled in after the exchange: do not hand out raw
	}
	if err != nil {
		raw.Close()
		if ctx.Err() != nil {
			return nil, fmt.Errorf("clusternet: dial %s %s %q: %w", addr, h.kind, h.name, ctx.Err())
		}
		return nil, fmt.Errorf("clusternet: dial %s %s %q: %w", addr, h.kind, h.name, err)
	}
	_ = c.SetDeadline(time.Time{})
	if peer == "" {
		peer = addr
	}
	cc := newConn(m, c, peer, true)
	cc.sl = sl
	if err := m.adopt(cc, sl); err != nil {
		return nil, err
	}
	return cc, nil
}

// handshakeOut runs the dialer's side: TLS, header, ack. It returns the (TLS) connection and the
// acceptor's node id.
func (m *Mux) handshakeOut(ctx context.Context, raw net.Conn, hb []byte) (net.Conn, string, error) {
	c := raw
	if m.clientTLS != nil {
		tc := tls.Client(raw, m.clientTLS)
		if err := tc.HandshakeContext(ctx); err != nil {
			return nil, "", fmt.Errorf("TLS handshake: %w", err)
		}
		c = tc
	}
	if _, err := c.Write(hb); err != nil {
		return nil, "", err
	}
	status, peer, err := readAck(c)
	if err != nil {
		return nil, "", fmt.Errorf("reading ack: %w", err)
	}
	switch status {
	case ackOK:
		return c, peer, nil
	case ackUnknown:
		return nil, "", fmt.Errorf("node %s: %w", peer, ErrUnknown)
	}
	return nil, "", fmt.Errorf("node %s: bad ack status %d", peer, status)
}

// waitDialStall holds a dial across a stalled network until the stall lifts or ctx ends.
func (m *Mux) waitDialStall(ctx context.Context, addr string) error {
	f := m.cfg.Faults
	if f == nil {
		return nil
	}
	to, stalled := f.stalledAddr(m.id, addr)
	if !stalled {
		return nil
	}
	if !f.waitStall(m.id, to, ctx.Done(), nil) {
		return fmt.Errorf("clusternet: dial %s (%s, stalled by fault injection): %w", addr, to, ctx.Err())
	}
	return nil
}
