package sql

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"

	"github.com/drovedb/drove/types"
)

// A cursor's query runs incrementally, as pgwire's streaming portals do (pgwire/
// portal_stream.go): DECLARE starts it on a goroutine of its own, which stops inside the
// output's Row until a FETCH or MOVE asks for rows, keeping the statement's snapshot,
// transaction and memory; nothing is buffered for a cursor read forward. The session is used
// by one goroutine at a time: the session's goroutine waits while the cursor's runs, and a
// statement other than a FETCH or MOVE of the streaming cursor (or its CLOSE) first runs it
// to its end into the cursor's rows (settleCursor), so no other statement's execution shares
// the session's execution state (Session.exec) with it, and none of its writes reach it: the
// cursor keeps reading the snapshot of its DECLARE. One cursor streams at a time.

// cursorCmd is what the query's goroutine does with its next rows.
type cursorCmd struct {
	want int64                     // rows to hand to sink before stopping again
	sink func([]types.Value) error // takes one row (cloned by it if kept)
	stop bool                      // end the query (ErrStop)
}

// cursorEvent is what the goroutine hands back: stopped with rows left, or ended.
type cursorEvent struct {
	done bool
	err  error
	n    int64 // rows handed to the sink since the last command
}

// cursorRun is a streaming cursor's goroutine and its channels.
type cursorRun struct {
	resume chan cursorCmd
	yield  chan cursorEvent
	cancel context.CancelCauseFunc
	cmd    cursorCmd
	n      int64
	cur    *curRow // the table row the query is on (cursor_current.go); nil: none tracked
}

// startCursor starts st's plan p on its own goroutine and waits until it has pinned its
// snapshot (Started), or ended; an error it ended with is the cursor's to report at its first FETCH, as
// PostgreSQL reports a query's errors when its rows are fetched.
func (s *Session) startCursor(ctx context.Context, c *cursor, st *Statement, p *plan) {
	cctx, cancel := context.WithCancelCause(context.WithoutCancel(ctx))
	r := &cursorRun{resume: make(chan cursorCmd), yield: make(chan cursorEvent), cancel: cancel}
	go func() {
		r.cmd = <-r.resume
		err := func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					err = &Error{Code: "XX000", Message: fmt.Sprintf("internal error: %v", v), Detail: string(debug.Stack())}
				}
			}()
			return s.runIn(cctx, st, p, nil, r, false)
		}()
		cancel(nil)
		r.yield <- cursorEvent{done: true, err: err, n: r.n}
	}()
	c.run = r
	s.live = c
	if _, err := c.pull(ctx, 0, nil); err != nil {
		c.err = err
	}
	c.cur = r.cur // set by Started, before the goroutine parked
}

// Columns implements Output: FETCH describes the cursor's columns itself.
func (r *cursorRun) Columns([]Column) error { return nil }

// Complete implements Output.
func (r *cursorRun) Complete(string) error { return nil }

// Started implements planStarter: the query has its snapshot pinned and has read no row
// yet, where DECLARE leaves it. The execution notes the table row each result row comes
// from, for WHERE CURRENT OF (cursor_current.go).
func (r *cursorRun) Started(ec *execCtx, p *plan) error {
	r.cur = trackCurrent(p.root)
	ec.cur = r.cur
	return r.wait()
}

// Row implements Output on the cursor's goroutine: it hands the row to the command's sink,
// and once the command has its rows it waits for the next, before the query reads another
// row, so each row is computed by the FETCH that returns it (in the session's settings of
// then, its TimeZone), as PostgreSQL's executor runs.
func (r *cursorRun) Row(row []types.Value) error {
	if err := r.wait(); err != nil {
		return err
	}
	if err := r.cmd.sink(row); err != nil {
		return err
	}
	r.cmd.want--
	r.n++
	return r.wait()
}

// wait parks the goroutine until a command wants rows (ErrStop: end the query).
func (r *cursorRun) wait() error {
	for r.cmd.want == 0 {
		r.yield <- cursorEvent{n: r.n}
		r.cmd, r.n = <-r.resume, 0
		if r.cmd.stop {
			return ErrStop
		}
	}
	return nil
}

// pull has the cursor's query hand up to want rows to sink (each also kept in c.rows when
// keep), and waits until it stops or ends; ctx's end (a cancel request, statement_timeout)
// cancels the query. It returns the rows handed over. An error the query ended with after
// the rows asked for (before it pinned its snapshot, at DECLARE) is kept for the next pull.
func (c *cursor) pull(ctx context.Context, want int64, sink func([]types.Value) error) (int64, error) {
	r := c.run
	stop := context.AfterFunc(ctx, func() { r.cancel(context.Cause(ctx)) })
	defer stop()
	r.resume <- cursorCmd{want: want, sink: func(row []types.Value) error { return c.take(row, sink) }}
	ev := <-r.yield
	if !ev.done {
		return ev.n, nil
	}
	c.endRun()
	if ev.err != nil && ev.n < want {
		return ev.n, ev.err
	}
	c.err = ev.err
	return ev.n, nil
}

// take keeps a row the query handed over, when the cursor keeps its rows, and passes it on.
func (c *cursor) take(row []types.Value, sink func([]types.Value) error) error {
	kept := c.keep || sink == nil
	if kept {
		if err := c.mem.grow(rowBytes(row)); err != nil {
			return err
		}
		c.rows = append(c.rows, slices.Clone(row))
	}
	if err := c.keepCurrent(kept, sink != nil); err != nil {
		return err
	}
	if sink == nil {
		return nil
	}
	return sink(row)
}

// endRun forgets the cursor's ended goroutine.
func (c *cursor) endRun() {
	c.run = nil
	if c.sess.live == c {
		c.sess.live = nil
	}
}

// settle runs the cursor's query to its end into its rows, so that the session is free for
// another statement; an error it ends with is reported by the FETCH that reaches it.
func (c *cursor) settle(ctx context.Context) {
	if c.run == nil {
		return
	}
	if _, err := c.pull(ctx, fetchAll, nil); err != nil {
		c.err = err
	}
}

// stop ends the cursor's query where it is (CLOSE, the end of its transaction).
func (c *cursor) stop() {
	c.stopRun()
	c.rows, c.keys, c.onKey = nil, nil, nil
	c.mem.done()
}

// stopRun ends the cursor's query where it is, keeping the rows it kept.
func (c *cursor) stopRun() {
	if r := c.run; r != nil {
		r.resume <- cursorCmd{stop: true}
		<-r.yield
		c.endRun()
	}
}

// settleCursor frees the session of the streaming cursor before st runs, unless st is a
// FETCH or MOVE of that cursor or a CLOSE (which stops it), or ends the transaction (which
// decides for itself, endTxnCursors).
func (s *Session) settleCursor(ctx context.Context, st *Statement) {
	c := s.live
	if c == nil {
		return
	}
	if cs := st.cursor; cs != nil && cs.verb != "declare" && (cs.name == c.name || cs.verb == "close") {
		return
	}
	if st.savepoint == nil && isTxnEnd(st.first) {
		return
	}
	if st.setting != nil && settingOnly(st.setting.kind) {
		return // SET, RESET and SHOW touch no execution state; later rows see what SET set
	}
	c.settle(ctx)
}

// settingOnly reports whether a settingStmt of kind only reads or changes the session's
// settings.
func settingOnly(kind string) bool {
	switch kind {
	case "set", "reset", "show", "show all", "reset all":
		return true
	}
	return false
}
