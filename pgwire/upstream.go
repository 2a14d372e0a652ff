package pgwire

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// upstream is one connection to the node serving a forwarded session.
type upstream struct {
	nc     net.Conn
	fe     *pgproto3.Frontend
	route  Route
	pid    uint32 // the upstream session's BackendKeyData, for cancel requests
	secret [4]byte
	ack    chan struct{} // run is done with the reader's last message
	stop   chan struct{} // closed when run drops this upstream
	dead   chan struct{} // closed when the writer stops
	wq     chan []byte   // what run queued for the writer
}

// upstreamError is a failure to reach the serving node, or its refusal of the session.
type upstreamError struct {
	node  string
	err   error
	code  string // the SQLSTATE the client gets
	retry bool   // worth routing again and retrying within retryBudget
}

func (e *upstreamError) Error() string {
	return fmt.Sprintf("could not reach the leader (node %s): %v", e.node, e.err)
}

func (e *upstreamError) SQLState() string { return e.code }

func (e *upstreamError) Unwrap() error { return e.err }

var (
	// errOutcomeUnknown answers a statement in flight when its upstream was lost outside a
	// transaction: it may or may not have been applied.
	errOutcomeUnknown = &sql.Error{Code: "08007", Message: "connection to the leader lost while the statement ran; whether it took effect is unknown",
		Hint: "Check whether the statement was applied before repeating it."}
	// errShutdownInFlight ends a forwarded session whose node shuts down while a statement
	// is in flight on the leader, which may still apply it.
	errShutdownInFlight = &sql.Error{Code: "08007", Message: "terminating connection due to administrator command while a statement ran on the leader; whether it took effect is unknown",
		Hint: "Check whether the statement was applied before repeating it."}
	// errLeaderChanged fails a transaction whose upstream was lost: it was pinned there.
	errLeaderChanged = &sql.Error{Code: "40001", Message: "could not complete the transaction: the tablespace leader changed",
		Hint: "The transaction was rolled back; retry it."}
	// errHeldAborted answers statements of a transaction failed by errLeaderChanged.
	errHeldAborted = &sql.Error{Code: "25P02", Message: "current transaction is aborted, commands ignored until end of transaction block"}
)

// connect makes sure there is an upstream, routing again and reconnecting if the last one
// was lost; the upstream's ParameterStatus messages go to the client.
func (p *proxy) connect(ctx context.Context) error {
	if p.up != nil {
		return nil
	}
	up, status, err := p.reach(ctx, nil)
	if err != nil {
		return err
	}
	p.use(up)
	p.report(status)
	return nil
}

// reach opens an upstream session where the Router says (first, when given, is the route
// to try first): a node that cannot be reached, or refuses for a passing reason, is routed
// again and tried again within retryBudget.
func (p *proxy) reach(ctx context.Context, first *Route) (*upstream, []*pgproto3.ParameterStatus, error) {
	deadline := time.Now().Add(retryBudget)
	var route Route
	if first != nil {
		route = *first
	} else {
		r, err := p.router.Route(ctx, p.user, p.database)
		if err != nil {
			return nil, nil, err
		}
		route = r
	}
	for attempt := 0; ; attempt++ {
		up, status, err := p.dial(ctx, route)
		if err == nil {
			return up, status, nil
		}
		var ue *upstreamError
		wait := retryDelay(attempt)
		if !errors.As(err, &ue) || !ue.retry || time.Now().Add(wait).After(deadline) {
			return nil, nil, err
		}
		p.log.Debug("routing the session again", "node", route.Node, "err", err)
		if route, err = p.reroute(ctx, route.Node, time.Now().Add(wait)); err != nil {
			return nil, nil, err
		}
	}
}

// reroutePoll is how often reroute asks the Router while it backs off from a node.
const reroutePoll = 10 * time.Millisecond

// reroute returns the route to try after one to node failed: the Router's, asked every
// reroutePoll, as soon as it names another node (the new leader, once elected), or when
// the backoff from node ends. A failed leader is so left after the election by one poll, not
// by up to a whole backoff step (retryDelay grows to 320 ms).
func (p *proxy) reroute(ctx context.Context, node string, until time.Time) (Route, error) {
	for {
		select {
		case <-ctx.Done():
			return Route{}, ctx.Err()
		case <-time.After(min(reroutePoll, max(time.Until(until), 0))):
		}
		r, err := p.router.Route(ctx, p.user, p.database)
		if err != nil || r.Node != node || !time.Now().Before(until) {
			return r, err
		}
	}
}

// retryDelay is the pause before the next attempt: 10 ms doubling to 320 ms.
func retryDelay(attempt int) time.Duration {
	return 10 * time.Millisecond << min(attempt, 5)
}

// dial opens an upstream session on route: the handshake, then the session's SET
// statements and named prepared statements again. It returns the ParameterStatus messages
// the upstream sent, for the client.
func (p *proxy) dial(ctx context.Context, route Route) (*upstream, []*pgproto3.ParameterStatus, error) {
	dialFn := route.Dial
	if dialFn == nil {
		dialFn = p.srv.dialLocal
	}
	dctx, cancel := context.WithTimeout(ctx, forwardDialTimeout)
	defer cancel()
	nc, err := dialFn(dctx)
	if err != nil {
		return nil, nil, &upstreamError{node: route.Node, err: err, code: "08001", retry: true}
	}
	up := &upstream{nc: nc, fe: pgproto3.NewFrontend(nc, nc), route: route, ack: make(chan struct{}),
		stop: make(chan struct{}), dead: make(chan struct{}), wq: make(chan []byte, upQueue)}
	status, err := p.open(up)
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	return up, status, nil
}

// open runs the handshake on a new upstream and replays the session state.
func (p *proxy) open(up *upstream) ([]*pgproto3.ParameterStatus, error) {
	up.nc.SetDeadline(time.Now().Add(forwardDialTimeout))
	params := make(map[string]string, len(p.params)+2)
	for k, v := range p.params {
		params[k] = v
	}
	params["user"], params["database"] = p.user, p.database
	hello := &forwardHello{kind: forwardSession, params: params}
	if _, err := up.nc.Write(hello.encode(nil)); err != nil {
		return nil, &upstreamError{node: up.route.Node, err: err, code: "08001", retry: true}
	}
	status, err := up.await(1, true)
	if err != nil {
		return nil, err
	}
	var buf []byte
	n := 0
	for _, q := range p.sets.stmts() {
		buf, _ = (&pgproto3.Query{String: q}).Encode(buf)
		n++
	}
	for _, ps := range p.stmts {
		buf, _ = ps.Encode(buf)
		buf, _ = (&pgproto3.Sync{}).Encode(buf)
		n++
	}
	if n > 0 {
		if _, err := up.nc.Write(buf); err != nil {
			return nil, &upstreamError{node: up.route.Node, err: err, code: "08001", retry: true}
		}
		more, err := up.await(n, false)
		if err != nil {
			return nil, err
		}
		status = append(status, more...)
	}
	up.nc.SetDeadline(time.Time{})
	return status, nil
}

// await reads until n ReadyForQuery, keeping ParameterStatus messages and the key. An
// ErrorResponse refuses the session when refuse is set (the handshake); in the replay it
// is logged: a statement that no longer prepares fails again when the client uses it.
func (up *upstream) await(n int, refuse bool) ([]*pgproto3.ParameterStatus, error) {
	var status []*pgproto3.ParameterStatus
	for n > 0 {
		msg, err := up.fe.Receive()
		if err != nil {
			return nil, &upstreamError{node: up.route.Node, err: err, code: "08001", retry: true}
		}
		switch m := msg.(type) {
		case *pgproto3.ParameterStatus:
			status = append(status, &pgproto3.ParameterStatus{Name: m.Name, Value: m.Value})
		case *pgproto3.BackendKeyData:
			up.pid = m.ProcessID
			copy(up.secret[:], m.SecretKey)
		case *pgproto3.ErrorResponse:
			if refuse {
				// A node shutting down, full, or no longer the leader: worth another route.
				retry := m.Code == "57P03" || m.Code == "53300" || isNotLeader(m.Code, m.Message)
				return nil, &upstreamError{node: up.route.Node, err: errors.New(m.Message), code: m.Code, retry: retry}
			}
		case *pgproto3.ReadyForQuery:
			n--
		}
	}
	return status, nil
}

// use makes up the session's upstream and starts its reader and writer.
func (p *proxy) use(up *upstream) {
	p.upMu.Lock()
	p.up = up
	p.upMu.Unlock()
	go p.readUpstream(up)
	go up.write(p.wrote)
}

// drop closes the upstream, if any; its goroutines end.
func (p *proxy) drop() {
	up := p.up
	if up == nil {
		return
	}
	p.upMu.Lock()
	p.up = nil
	p.upMu.Unlock()
	close(up.stop)
	up.nc.Close()
	p.upBuf = p.upBuf[:0]
	p.copyIn = false
	p.swallow = 0
}

func (p *proxy) readUpstream(up *upstream) {
	for {
		msg, err := up.fe.Receive()
		ev := event{up: up, msg: msg, err: err}
		if err == nil {
			ev.more = up.fe.ReadBufferLen() > 0
		}
		select {
		case p.fromUp <- ev:
		case <-up.stop:
			return
		case <-p.done:
			return
		}
		if err != nil {
			return
		}
		select {
		case <-up.ack:
		case <-up.stop:
			return
		case <-p.done:
			return
		}
	}
}

// release lets the reader of ev go on to its next message.
func (up *upstream) release(ev event) {
	if ev.err != nil {
		return
	}
	select {
	case up.ack <- struct{}{}:
	case <-up.stop:
	}
}

// write writes queued buffers to the upstream until it is dropped or a write fails (then
// the connection is closed, and its reader reports the loss).
func (up *upstream) write(wrote chan<- struct{}) {
	defer close(up.dead)
	for {
		select {
		case b := <-up.wq:
			if _, err := up.nc.Write(b); err != nil {
				up.nc.Close()
				return
			}
			select {
			case wrote <- struct{}{}:
			default:
			}
		case <-up.stop:
			return
		}
	}
}

// sendUp queues a message for the upstream until the next flushUp.
func (p *proxy) sendUp(m pgproto3.FrontendMessage) {
	if b, err := m.Encode(p.upBuf); err == nil {
		p.upBuf = b
	}
}

// flushUp hands what sendUp queued to the upstream's writer.
func (p *proxy) flushUp() {
	if p.up == nil || len(p.upBuf) == 0 {
		p.upBuf = p.upBuf[:0]
		return
	}
	select {
	case p.up.wq <- p.upBuf:
	case <-p.up.dead:
	}
	p.upBuf = nil
}

// queueFull says the upstream's writer is behind: take no more client messages for now.
func (p *proxy) queueFull() bool { return p.up != nil && len(p.up.wq) == cap(p.up.wq) }

// cancelUpstream sends a cancel request for the upstream session, with its key, to the
// node serving it. It runs on its own goroutine: a CancelRequest's connection waits for it.
func (p *proxy) cancelUpstream() {
	p.upMu.Lock()
	up := p.up
	p.upMu.Unlock()
	if up == nil {
		return
	}
	dialFn := up.route.Dial
	if dialFn == nil {
		dialFn = p.srv.dialLocal
	}
	ctx, cancel := context.WithTimeout(context.Background(), forwardDialTimeout)
	defer cancel()
	nc, err := dialFn(ctx)
	if err != nil {
		p.log.Warn("cancel request not forwarded", "node", up.route.Node, "err", err)
		return
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(forwardDialTimeout))
	hello := &forwardHello{kind: forwardCancel, pid: up.pid, secret: up.secret}
	if _, err := nc.Write(hello.encode(nil)); err != nil {
		p.log.Warn("cancel request not forwarded", "node", up.route.Node, "err", err)
		return
	}
	// Wait for the node to close: the cancel has been delivered by then.
	var b [1]byte
	nc.Read(b[:])
}

// dialLocal serves a forwarded session in this server over a pipe: a session forwarded
// elsewhere whose tablespace's leadership came here goes on through the same relay.
func (s *Server) dialLocal(context.Context) (net.Conn, error) {
	a, b := net.Pipe()
	go s.ServeForwarded(context.Background(), b)
	return a, nil
}
