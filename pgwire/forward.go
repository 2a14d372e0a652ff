package pgwire

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// A forwarded session: the client authenticated here, but its tablespace is led by another
// node, so every message is relayed to an upstream session on that node (its
// ServeForwarded) and every answer back. The relay works on messages, not bytes: it knows
// which sync points (a Query, a Sync) are waiting for their ReadyForQuery and the
// transaction status the client last saw, which is what deciding a failure needs:
//
//   - the upstream is lost with nothing in flight, outside a transaction: the next message
//     routes again and reconnects, replaying the session's SET statements and named
//     prepared statements, and the client sees nothing;
//   - lost with an autocommit statement in flight: its outcome cannot be known, so the
//     client gets 08007 (transaction_resolution_unknown) and the connection stays usable;
//   - lost inside a transaction: 40001, and the relay keeps the client's transaction failed
//     (25P02) until it ends it, as if the transaction had failed on the server;
//   - a statement in autocommit refused with NotLeaderError before any result was sent (a
//     simple Query, or an extended batch without Flush): nothing was applied, so it is
//     routed again and retried, within retryBudget.
//
// One goroutine (run) owns all the state. Two readers feed it messages, one from the client
// and one from the current upstream, each waiting for run to be done with a message before
// reading the next (pgproto3 reuses its message structs); a writer goroutine per upstream
// writes what run queues for it, so run never blocks on the upstream, and run stops taking
// client messages while that queue is full.

// retryBudget bounds how long a not-leader statement is retried, or a lost upstream
// reconnected, before the error goes to the client.
var retryBudget = 5 * time.Second

// upQueue is how many writes may wait for an upstream's writer.
const upQueue = 16

// clientFlushBytes is how much relayed output may wait for more before it is written.
const clientFlushBytes = 64 << 10

// proxy is the state of one forwarded session.
type proxy struct {
	c        *conn
	srv      *Server
	log      *slog.Logger
	router   Router
	user     string
	database string
	params   map[string]string

	done    chan struct{} // closed when run returns
	fromCli chan event
	cliAck  chan struct{}
	fromUp  chan event
	wrote   chan struct{} // an upstream writer took a buffer (wakes a stalled client reader)

	upMu sync.Mutex // guards up for cancelUpstream; run is the only writer
	up   *upstream  // nil after a loss, until the next message reconnects

	pending    []*inflight // sync points sent upstream, oldest first, not yet answered
	batch      bool        // extended-protocol messages sent since the last Sync
	batchRaw   []byte      // those messages, to send again on a new leader (nil: cannot)
	batchNames []string    // statements the batch parses
	batchExec  bool        // the batch has an Execute
	batchEnds  bool        // the batch may end a transaction (mayEndTx): it parses or binds such a statement
	unnamedEnd bool        // the unnamed statement, as last parsed, may end a transaction
	// swallow counts the ParseComplete and BindComplete replies still to drop: a switched
	// session's refused Execute goes upstream with its Parse and Bind again, which the
	// client has had answered already (switch.go). batchSwallow is that count for the batch.
	swallow      int
	batchSwallow int
	tx           byte // the transaction status of the last ReadyForQuery sent
	held         bool // the upstream was lost inside a transaction: it is failed here
	heldTold     bool // the client has been told (40001)
	skipToSync   bool // an extended message failed here: skip to Sync
	copyIn       bool // the upstream is in COPY FROM STDIN
	copyDrain    bool // lost during COPY FROM STDIN: discard to CopyDone, then RFQ
	copyEnded    bool // the client sent CopyDone or CopyFail since its last Query
	stalled      bool // the last client message is not acknowledged: the queue is full
	stale        bool // the upstream said it no longer leads: drop it once idle

	sets    settingLog                 // SET statements to replay on a new upstream
	txSets  []string                   // SETs of the open transaction, kept if it commits
	stmts   map[string]*pgproto3.Parse // named statements to prepare again
	status  map[string]string          // the ParameterStatus values the client has
	portals map[string]string          // while held: portal name -> statement text
	upBuf   []byte                     // messages for the upstream, until a flush point
	out     []byte                     // messages for the client, until flushed
}

// inflight is one sync point sent upstream: a simple Query or a Sync.
type inflight struct {
	query    string   // the simple Query's text; "" for a Sync
	batch    []byte   // a Sync's batch, when it may be sent again (see holding)
	parsed   []string // the statements the batch parses
	executes bool     // the batch has an Execute
	mayEnd   bool     // it may commit the transaction it was sent in (mayEndTx)
	heldOut  []byte   // the batch's replies held back until a result shows it ran
	swallow  int      // its first replies the client already has (proxy.swallow), for a retry
	txBefore byte     // the status the client knew when it was sent
	results  int      // messages relayed for it other than notices
	tag      string   // the last CommandComplete
	failed   bool
	notLead  *pgproto3.ErrorResponse // a NotLeaderError held back for a retry
	started  time.Time
	retries  int
}

// event is a message from a reader, or the error that ended it.
type event struct {
	up   *upstream
	msg  any
	more bool // the upstream has more bytes buffered: do not flush the client yet
	err  error
}

// forward makes c a forwarded session to route and tells the client it is ready; false
// means the connection must close (the client has been told why).
func (c *conn) forward(ctx context.Context, router Router, route Route, user, database string, params map[string]string) bool {
	// The proxy writes to the socket itself: what authentication left buffered (the
	// SASLFinal, which the client must see before AuthenticationOk) goes out first.
	if c.be.Flush() != nil {
		return false
	}
	p := newProxy(c, router, user, database, params)
	up, status, err := p.reach(ctx, &route)
	if err != nil {
		c.fatal(toSQLError(err))
		return false
	}
	c.setForward(p)
	c.srv.assignKey(c)
	p.use(up)
	p.write(&pgproto3.AuthenticationOk{})
	p.report(status)
	p.write(&pgproto3.BackendKeyData{ProcessID: c.pid, SecretKey: c.secret[:]})
	p.write(&pgproto3.ReadyForQuery{TxStatus: sql.TxIdle})
	return p.flush() == nil
}

func newProxy(c *conn, router Router, user, database string, params map[string]string) *proxy {
	return &proxy{c: c, srv: c.srv, log: c.log.With("forwarded", database), router: router, user: user,
		database: database, params: params, done: make(chan struct{}), fromCli: make(chan event),
		cliAck: make(chan struct{}), fromUp: make(chan event), wrote: make(chan struct{}, 1),
		tx: sql.TxIdle, stmts: make(map[string]*pgproto3.Parse), status: make(map[string]string)}
}

func (c *conn) setForward(p *proxy) {
	c.runMu.Lock()
	c.fwd = p
	c.runMu.Unlock()
}

// run relays the session until the client leaves or the session must end.
func (p *proxy) run(ctx context.Context) {
	defer close(p.done)
	go p.readClient()
	for {
		var ok, flush bool
		select {
		case ev := <-p.fromUp:
			// The upstream first: a loss it reports must be known before the client's next
			// message is sent into it.
			ok, flush = p.onUpstream(ctx, ev)
		default:
			select {
			case ev := <-p.fromCli:
				ok, flush = p.onClient(ctx, ev)
			case ev := <-p.fromUp:
				ok, flush = p.onUpstream(ctx, ev)
			case <-p.wrote:
				ok, flush = true, false
			}
		}
		if ok && p.stalled && !p.queueFull() {
			p.stalled = false
			p.cliAck <- struct{}{}
		}
		if !flush && ok {
			continue
		}
		if err := p.flush(); err != nil || !ok {
			return
		}
	}
}

// onClient handles a message from the client, or the end of its connection.
func (p *proxy) onClient(ctx context.Context, ev event) (ok, flush bool) {
	if ev.err != nil {
		p.clientReadFailed(ev.err)
		return false, true
	}
	if !p.fromClient(ctx, ev.msg) {
		return false, true
	}
	if p.queueFull() {
		p.stalled = true // acknowledged once the writer catches up
	} else {
		p.cliAck <- struct{}{}
	}
	return true, true
}

// onUpstream handles a message from the current upstream (or drops one from a former).
func (p *proxy) onUpstream(ctx context.Context, ev event) (ok, flush bool) {
	ok = true
	if ev.up == p.up {
		ok = p.fromUpstream(ctx, ev)
	}
	ev.up.release(ev)
	return ok, !ev.more || len(p.out) >= clientFlushBytes
}

// close drops the upstream when the session ends.
func (p *proxy) close() { p.drop() }

func (p *proxy) readClient() {
	for {
		msg, err := p.c.be.Receive()
		select {
		case p.fromCli <- event{msg: msg, err: err}:
		case <-p.done:
			return
		}
		if err != nil {
			return
		}
		select {
		case <-p.cliAck:
		case <-p.done:
			return
		}
	}
}

// clientReadFailed ends the session after a failed read from the client, telling it why
// when there is something to tell.
func (p *proxy) clientReadFailed(err error) {
	if p.srv.stopping.Load() {
		if len(p.pending) > 0 || p.batch {
			// The leader may apply what is in flight after this node lets go of it: saying
			// 57P01 (the statement was aborted) could turn an applied write into a "failure".
			p.fatal(errShutdownInFlight)
			return
		}
		p.fatal(errAdminShutdown)
		return
	}
	if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, net.ErrClosed) {
		p.fatal(&sql.Error{Code: "08P01", Message: "invalid message: " + err.Error()})
	}
}

// fromClient handles one client message; false ends the session.
func (p *proxy) fromClient(ctx context.Context, msg any) bool {
	switch m := msg.(type) {
	case *pgproto3.Query:
		p.query(ctx, m.String, 0)
	case *pgproto3.Sync:
		p.sync()
	case *pgproto3.Flush:
		p.batchRaw = nil // its replies are wanted before the Sync: they cannot be held
		p.flushUp()
	case *pgproto3.Parse, *pgproto3.Bind, *pgproto3.Describe, *pgproto3.Execute, *pgproto3.Close:
		p.extended(ctx, m.(pgproto3.FrontendMessage))
	case *pgproto3.CopyData, *pgproto3.CopyDone, *pgproto3.CopyFail:
		p.copyData(m.(pgproto3.FrontendMessage))
	case *pgproto3.FunctionCall:
		p.functionCall(ctx, m)
	case *pgproto3.Terminate:
		if p.up != nil {
			p.sendUp(m)
			p.flushUp()
		}
		return false
	default:
		p.fatal(&sql.Error{Code: "08P01", Message: "unexpected message " + typeName(m)})
		return false
	}
	return true
}

// query relays a simple Query, or answers it here while the transaction is held failed.
func (p *proxy) query(ctx context.Context, q string, retries int) {
	if p.held {
		p.heldQuery(q)
		return
	}
	if err := p.connect(ctx); err != nil {
		p.write(errorResponse("ERROR", toSQLError(err)))
		p.write(&pgproto3.ReadyForQuery{TxStatus: p.tx})
		return
	}
	p.copyEnded = false
	p.pending = append(p.pending, &inflight{query: q, txBefore: p.tx, started: time.Now(), retries: retries,
		mayEnd: p.tx != sql.TxIdle && mayEndTx(q)})
	p.sendUp(&pgproto3.Query{String: q})
	p.flushUp()
}

// functionCall relays a FunctionCall: the session's node answers it, with its own
// ReadyForQuery, as a simple Query is answered.
func (p *proxy) functionCall(ctx context.Context, m *pgproto3.FunctionCall) {
	switch {
	case p.skipToSync:
		return // skipped to Sync, as PostgreSQL does
	case p.held:
		p.heldQuery("") // not a ROLLBACK or COMMIT: the held transaction's error
		return
	}
	if err := p.connect(ctx); err != nil {
		p.write(errorResponse("ERROR", toSQLError(err)))
		p.write(&pgproto3.ReadyForQuery{TxStatus: p.tx})
		return
	}
	p.pending = append(p.pending, &inflight{txBefore: p.tx, started: time.Now()})
	p.sendUp(m)
	p.flushUp()
}

// sync relays a Sync, or answers it here after a failure.
func (p *proxy) sync() {
	p.batch = false
	switch {
	case p.skipToSync || p.held || p.up == nil:
		p.skipToSync = false
		p.write(&pgproto3.ReadyForQuery{TxStatus: p.tx})
		clear(p.portals)
	default:
		p.pending = append(p.pending, &inflight{txBefore: p.tx, started: time.Now(), batch: p.batchRaw, parsed: p.batchNames,
			executes: p.batchExec, mayEnd: p.tx != sql.TxIdle && p.batchExec && p.batchEnds, swallow: p.batchSwallow})
		p.sendUp(&pgproto3.Sync{})
		p.flushUp()
	}
	p.batchRaw, p.batchNames, p.batchExec, p.batchEnds, p.batchSwallow = nil, nil, false, false, 0
}

// extended relays Parse, Bind, Describe, Execute and Close, keeping the named statements
// to prepare again on a new upstream.
func (p *proxy) extended(ctx context.Context, m pgproto3.FrontendMessage) {
	switch {
	case p.skipToSync:
		return
	case p.held:
		p.heldExtended(m)
		return
	}
	if !p.batch {
		if err := p.connect(ctx); err != nil {
			p.failBatch(toSQLError(err))
			return
		}
		// In autocommit, a batch the former leader refuses may go to the new one.
		p.batchRaw, p.batchNames, p.batchExec = nil, nil, false
		if p.tx == sql.TxIdle {
			p.batchRaw = make([]byte, 0, 256)
		}
	}
	p.batch = true
	if p.batchRaw != nil {
		p.batchRaw, _ = m.Encode(p.batchRaw)
	}
	switch m := m.(type) {
	case *pgproto3.Execute:
		p.batchExec = true
	case *pgproto3.Parse:
		if m.Name != "" {
			p.stmts[m.Name] = &pgproto3.Parse{Name: m.Name, Query: m.Query, ParameterOIDs: slices.Clone(m.ParameterOIDs)}
			p.batchNames = append(p.batchNames, m.Name)
		} else {
			p.unnamedEnd = mayEndTx(m.Query)
		}
	case *pgproto3.Bind:
		if m.PreparedStatement == "" {
			p.batchEnds = p.batchEnds || p.unnamedEnd
		} else if ps, ok := p.stmts[m.PreparedStatement]; !ok || mayEndTx(ps.Query) {
			p.batchEnds = true // not known here (prepared before a switch, say): assume it may
		}
	case *pgproto3.Close:
		if m.ObjectType == 'S' {
			delete(p.stmts, m.Name)
		}
	}
	p.sendUp(m)
}

// failBatch answers an extended message with an error here and skips to Sync.
func (p *proxy) failBatch(e *sql.Error) {
	p.write(errorResponse("ERROR", e))
	p.skipToSync = true
	p.batch = false
	p.batchRaw, p.batchNames, p.batchExec, p.batchEnds, p.batchSwallow = nil, nil, false, false, 0
}

// copyData relays the client's COPY data, or discards it after the upstream was lost.
func (p *proxy) copyData(m pgproto3.FrontendMessage) {
	end := false
	switch m.(type) {
	case *pgproto3.CopyDone, *pgproto3.CopyFail:
		end = true
		p.copyEnded = true // pgx may end its data before CopyInResponse arrives
	}
	switch {
	case p.copyDrain:
		if end {
			p.copyDrain = false
			p.write(&pgproto3.ReadyForQuery{TxStatus: p.tx})
		}
	case p.up != nil:
		// Relayed even before CopyInResponse: pgx streams its data without waiting for it;
		// outside a COPY the upstream ignores it, as PostgreSQL does.
		if end {
			p.copyIn = false
		}
		p.sendUp(m)
		p.flushUp()
	}
}

// report sends the client the ParameterStatus values it does not have yet.
func (p *proxy) report(status []*pgproto3.ParameterStatus) {
	for _, m := range status {
		if v, ok := p.status[m.Name]; !ok || v != m.Value {
			p.status[m.Name] = m.Value
			p.write(m)
		}
	}
}

// write queues a message for the client.
func (p *proxy) write(m pgproto3.BackendMessage) {
	if b, err := m.Encode(p.out); err == nil {
		p.out = b
	}
}

// flush writes what is queued for the client.
func (p *proxy) flush() error {
	if len(p.out) == 0 {
		return nil
	}
	_, err := p.c.nc.Write(p.out)
	if cap(p.out) > 4*clientFlushBytes {
		p.out = nil
	} else {
		p.out = p.out[:0]
	}
	return err
}

func (p *proxy) fatal(e *sql.Error) {
	p.write(errorResponse("FATAL", e))
	p.flush()
}

func typeName(m any) string { return fmt.Sprintf("%T", m) }
