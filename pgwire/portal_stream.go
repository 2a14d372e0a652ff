package pgwire

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// A query portal read with a row limit (Execute with max rows: pgjdbc's setFetchSize) runs
// incrementally, as in PostgreSQL: its statement runs on a goroutine of its own, which
// writes up to the Execute's limit of rows to the client and then waits inside the output's
// Row for the next Execute. The statement keeps its snapshot, transaction and memory while
// it waits; nothing is buffered. The session is used by one goroutine at a time: the
// connection's loop waits while the portal runs, and before any message that would use the
// session otherwise (another statement, Parse, Bind, Close) the portal is run to its end
// into a buffer (settle), as every limited portal was before; a Sync outside an explicit
// transaction does the same (the unnamed portal is dropped instead). One portal streams at a
// time.

// portalMode is what the portal's goroutine does with the next rows.
type portalMode int

const (
	portalSend   portalMode = iota // to the client, up to the limit
	portalBuffer                   // into the portal's buffer (settle)
	portalStop                     // end the query (sql.ErrStop): the portal was closed
)

type portalCmd struct {
	mode  portalMode
	limit int // rows to send before suspending; 0: all
}

// portalEvent is what the goroutine hands back: suspended at the limit, or ended.
type portalEvent struct {
	suspended bool
	err       error
	sent      int // rows sent to the client since the last command
}

// portalRun is a streaming portal's goroutine and its channels.
type portalRun struct {
	name   string
	out    *output // the connection's, written only while the loop waits
	resume chan portalCmd
	yield  chan portalEvent
	cancel context.CancelCauseFunc
	buf    bufferedOutput // rows settle kept
	cmd    portalCmd
	sent   int
	tag    string
}

// streamable reports whether a portal's statement may run incrementally: a query, which
// reads only, so that a closed portal may stop it (sql.ErrStop) without failing anything.
// Not under a statement_timeout: sql times a statement from its start to its end, which
// for a streaming portal would take in the client's time between Executes (PostgreSQL
// times each Execute); buffered, the query runs whole within its first.
func streamable(session sql.Executor, st sql.PreparedStatement) bool {
	if t, ok := session.(interface{ StatementTimeout() time.Duration }); ok && t.StatementTimeout() > 0 {
		return false
	}
	q, ok := st.(interface{ IsQuery() bool })
	return ok && q.IsQuery()
}

// startPortal starts p's statement on its own goroutine, waiting for its first command (no
// other portal is live: the loop settled it before this Execute).
func (c *conn) startPortal(ctx context.Context, name string, p *portal) *portalRun {
	pctx, cancel := context.WithCancelCause(ctx)
	r := &portalRun{name: name, out: &c.out, resume: make(chan portalCmd), yield: make(chan portalEvent), cancel: cancel}
	go func() {
		r.cmd = <-r.resume
		err := func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					c.log.Error("panic in a portal", "panic", v, "stack", string(debug.Stack()))
					err = &sql.Error{Code: "XX000", Message: fmt.Sprintf("internal error: %v", v)}
				}
			}()
			return c.runPortal(pctx, p, r)
		}()
		cancel(nil)
		r.yield <- portalEvent{err: err, sent: r.sent}
	}()
	c.live = r
	return r
}

// Columns implements sql.Output: the extended protocol described them at Describe.
func (r *portalRun) Columns([]sql.Column) error { return nil }

// Complete implements sql.Output.
func (r *portalRun) Complete(tag string) error { r.tag = tag; return nil }

// Row implements sql.Output on the portal's goroutine.
func (r *portalRun) Row(row []types.Value) error {
	switch r.cmd.mode {
	case portalStop:
		return sql.ErrStop
	case portalBuffer:
		return r.buf.Row(row)
	}
	if err := r.out.Row(row); err != nil {
		return err
	}
	r.sent++
	if r.cmd.limit > 0 && r.sent == r.cmd.limit {
		r.yield <- portalEvent{suspended: true, sent: r.sent}
		r.cmd, r.sent = <-r.resume, 0
		if r.cmd.mode == portalStop {
			return sql.ErrStop
		}
	}
	return nil
}

// step hands the portal's goroutine a command and waits until it suspends or ends; ctx's
// end (a cancel request, the client gone) cancels the statement.
func (c *conn) step(ctx context.Context, r *portalRun, cmd portalCmd) portalEvent {
	stop := context.AfterFunc(ctx, func() { r.cancel(context.Cause(ctx)) })
	defer stop()
	r.resume <- cmd
	ev := <-r.yield
	if !ev.suspended {
		c.live = nil
		if p := c.portals[r.name]; p != nil && p.run == r {
			p.run = nil
		}
	}
	return ev
}

// executeStreaming answers an Execute of a streaming portal: up to limit rows (0: all), then
// PortalSuspended, or the end. As PostgreSQL, a query's tag counts this Execute's rows and a
// portal suspended at its last row ends with the next Execute.
func (c *conn) executeStreaming(ctx context.Context, p *portal, limit int) error {
	r := p.run
	ev := c.step(ctx, r, portalCmd{mode: portalSend, limit: limit})
	if ev.suspended {
		c.be.Send(&pgproto3.PortalSuspended{})
		return nil
	}
	p.tag = rowsTag(r.tag, 0) // what a further Execute answers
	if ev.err != nil {
		return ev.err
	}
	return c.out.Complete(rowsTag(r.tag, ev.sent))
}

// settle runs the live portal to its end into its buffer, so that the session is free for
// another message; its error, if any, is the answer of the portal's next Execute.
func (c *conn) settle(ctx context.Context) {
	r := c.live
	ctx = c.running(ctx)
	defer c.idle()
	ev := c.step(ctx, r, portalCmd{mode: portalBuffer})
	if p := c.portals[r.name]; p != nil {
		p.rows, p.tag, p.err = r.buf.rows, r.tag, ev.err
	}
}

// stopPortal ends the live portal's query where it is: the portal was closed, dropped at Sync
// or the connection ended.
func (c *conn) stopPortal() {
	r := c.live
	c.step(context.Background(), r, portalCmd{mode: portalStop})
	if p := c.portals[r.name]; p != nil {
		p.tag = rowsTag(r.tag, 0)
	}
}

// keepsLive reports whether msg leaves the live portal suspended: its own Execute or Close,
// Sync (which decides for itself), Flush, Terminate.
func (c *conn) keepsLive(msg pgproto3.FrontendMessage) bool {
	switch m := msg.(type) {
	case *pgproto3.Execute:
		return m.Portal == c.live.name
	case *pgproto3.Close:
		return m.ObjectType == 'P' && m.Name == c.live.name
	case *pgproto3.Sync, *pgproto3.Flush, *pgproto3.Terminate:
		return true
	}
	return false
}

// syncPortal ends the portals at a Sync: the unnamed one, which Sync drops, and outside an
// explicit transaction, whose end this is, every one (endPortals).
func (c *conn) syncPortal() {
	if c.live != nil && c.live.name == "" {
		c.stopPortal()
	}
	delete(c.portals, "")
	if c.session.TxStatus() == sql.TxIdle {
		c.endPortals()
	}
}

// endPortals drops every portal as the transaction they belong to ends (a COMMIT or ROLLBACK,
// the Sync of an implicit transaction), as PostgreSQL drops its portals at commit and abort:
// an Execute of one after that is 34000. A live one is stopped where it is.
func (c *conn) endPortals() {
	if c.live != nil {
		c.stopPortal()
	}
	clear(c.portals)
}

// afterTxn drops the portals when the statement just run ended the explicit transaction
// (status was the transaction status before it) or ran outside one (a simple Query, which
// commits the implicit transaction of an unfinished extended batch too, as in PostgreSQL).
func (c *conn) afterTxn(before byte, simple bool) {
	if now := c.session.TxStatus(); now == sql.TxIdle && (before != sql.TxIdle || simple) {
		c.endPortals()
	}
}

// beforeMessage frees the session of the live portal for a message that will use it: a
// Bind that replaces it stops it, anything else runs it to its end into its buffer.
func (c *conn) beforeMessage(ctx context.Context, msg pgproto3.FrontendMessage) {
	if c.live == nil || c.keepsLive(msg) {
		return
	}
	if b, ok := msg.(*pgproto3.Bind); ok && b.DestinationPortal == c.live.name {
		c.stopPortal()
		return
	}
	c.settle(ctx)
}

// endPortal stops the live portal as the connection ends.
func (c *conn) endPortal() {
	if c.live != nil {
		c.live.cancel(errConnEnded)
		c.stopPortal()
	}
}

var errConnEnded = errors.New("connection ended")

// rowsTag is a query's tag ("SELECT n") counting n rows, as PostgreSQL's tag for one Execute
// of a portal; other tags are kept.
func rowsTag(tag string, n int) string {
	if strings.HasPrefix(tag, "SELECT ") {
		return fmt.Sprintf("SELECT %d", n)
	}
	return tag
}
