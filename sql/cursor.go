package sql

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/drovedb/drove/types"
)

// SQL cursors: DECLARE, FETCH, MOVE, CLOSE, with PostgreSQL 15's semantics (portalcmds.c,
// pquery.c). A cursor outside WITH HOLD lives until its transaction ends; a WITH HOLD one is
// run to its end at COMMIT (outside a transaction block, at once) and lives until CLOSE or
// the session's end; ROLLBACK drops the cursors its transaction declared. A cursor's query
// streams (cursor_run.go); a SCROLL cursor keeps the rows it read, so that it can go back,
// and every kept row counts against the query memory limit and the server's budget
// (membudget.go). A cursor declared without SCROLL or NO SCROLL is scrollable when its
// plan can run backward, as in PostgreSQL (cursor_scroll.go).

// cursor is one open cursor of the session.
type cursor struct {
	sess           *Session
	name, text     string
	cols           []Column
	binary, scroll bool
	hold           bool
	at             time.Time
	txn            bool // declared in the open transaction: dropped if it rolls back
	savepoints     int  // savepoints open at DECLARE: ROLLBACK TO one of them drops it
	atStart, atEnd bool // PostgreSQL's portal position (atStart, atEnd, portalPos)
	pos            int64
	run            *cursorRun // the query, while it streams
	rows           [][]types.Value
	base           int64 // rows read and dropped before rows[0] (NO SCROLL)
	e              int64 // the row the cursor is on: 0 before the first, past the last after it
	keep           bool  // keep rows read, to go back (SCROLL)
	keepCap        int64 // >0: bytes of rows kept past which the cursor stops keeping them (cursor_scroll.go)
	err            error // what the query ended with, for the FETCH that reaches it
	failed         bool  // a FETCH or MOVE failed: PostgreSQL's PORTAL_FAILED, it cannot run again
	mem            memAccount
	tables         []string // what its query reads, which it holds while its transaction lasts (inuse.go)
	// WHERE CURRENT OF (cursor_current.go): the table row its query tracks (nil: none), the
	// key of that row for each kept row (keys, beside rows) and for the row it is on (onKey).
	cur   *curRow
	keys  [][]byte
	onKey []byte
}

var errNoScroll = &Error{Code: "55000", Message: "cursor can only scan forward",
	Hint: "Declare it with SCROLL option to enable backward scan."}

func discardRow([]types.Value) error { return nil }

// forward hands the next n rows (fetchAll: all) to sink.
func (c *cursor) forward(ctx context.Context, n int64, sink func([]types.Value) error) (int64, error) {
	var got int64
	for got < n {
		if i := c.e - c.base; i < int64(len(c.rows)) {
			c.onKept(i)
			if err := sink(c.rows[i]); err != nil {
				return got, err
			}
			c.e++
			got++
			continue
		}
		if c.run == nil {
			if err := c.err; err != nil {
				c.err = nil
				return got, err
			}
			c.e = c.base + int64(len(c.rows)) + 1
			break
		}
		c.capKeep()
		k, err := c.pull(ctx, n-got, sink)
		c.e += k
		got += k
		if !c.keep {
			c.base += k
		}
		if err != nil {
			return got, err
		}
	}
	c.capKeep()
	c.dropRead()
	return got, nil
}

// capKeep makes a cursor scrollable only by default (keepCap) that keeps more than its cap
// of rows a NO SCROLL one, between two pulls of its query (cursor_scroll.go).
func (c *cursor) capKeep() {
	if c.keep && c.keepCap > 0 && c.mem.used > c.keepCap {
		c.keep, c.scroll, c.keepCap = false, false, 0
	}
}

// dropRead lets a NO SCROLL cursor forget the kept rows it has read.
func (c *cursor) dropRead() {
	if c.keep {
		return
	}
	d := min(c.e-c.base, int64(len(c.rows)))
	for _, r := range c.rows[:d] {
		c.mem.release(rowBytes(r))
	}
	clear(c.rows[:d])
	c.rows = c.rows[d:]
	if int64(len(c.keys)) >= d {
		for _, k := range c.keys[:d] {
			c.mem.release(int64(24 + len(k)))
		}
		c.keys = c.keys[d:]
	}
	c.base += d
}

// backward hands the n rows before the current one to sink, nearest first (SCROLL only).
func (c *cursor) backward(n int64, sink func([]types.Value) error) (int64, error) {
	var got int64
	for got < n && c.e > 1 {
		c.e--
		c.onKept(c.e - 1)
		if err := sink(c.rows[c.e-1]); err != nil {
			return got, err
		}
		got++
	}
	if got < n {
		c.e = 0
	}
	return got, nil
}

// runSelect is pquery.c's PortalRunSelect: count rows in a direction (0: none), and the
// portal's position kept as PostgreSQL keeps it, which the tags of FETCH and MOVE show.
func (c *cursor) runSelect(ctx context.Context, forward bool, count int64, sink func([]types.Value) error) (int64, error) {
	if forward {
		if c.atEnd || count <= 0 {
			return 0, nil
		}
		n, err := c.forward(ctx, count, sink)
		if err != nil {
			return n, err
		}
		if n > 0 {
			c.atStart = false
		}
		if count == fetchAll || n < count {
			c.atEnd = true
		}
		c.pos += n
		return n, nil
	}
	if !c.scroll {
		return 0, errNoScroll
	}
	if c.atStart || count <= 0 {
		return 0, nil
	}
	n, err := c.backward(count, sink)
	if err != nil {
		return n, err
	}
	if n > 0 && c.atEnd {
		c.atEnd = false
		c.pos++
	}
	if count == fetchAll || n < count {
		c.atStart, c.pos = true, 0
	} else {
		c.pos -= n
	}
	return n, nil
}

// rewind is pquery.c's DoPortalRewind.
func (c *cursor) rewind() error {
	if c.atStart && !c.atEnd {
		return nil
	}
	if !c.scroll {
		return errNoScroll
	}
	c.e, c.atStart, c.atEnd, c.pos = 0, true, false, 0
	return nil
}

// fetch is pquery.c's DoPortalRunFetch: FETCH (move false: rows to sink) or MOVE; it
// returns the count the command's tag shows.
func (c *cursor) fetch(ctx context.Context, dir fetchDir, count int64, move bool, sink func([]types.Value) error) (int64, error) {
	switch dir {
	case fetchForward, fetchBackward:
		if count < 0 {
			dir, count = fetchForward+fetchBackward-dir, -count
		}
	case fetchAbsolute:
		return c.absolute(ctx, count, sink)
	case fetchRelative:
		switch {
		case count > 0:
			if _, err := c.runSelect(ctx, true, count-1, discardRow); err != nil {
				return 0, err
			}
			return c.runSelect(ctx, true, 1, sink)
		case count < 0:
			if _, err := c.runSelect(ctx, false, -count-1, discardRow); err != nil {
				return 0, err
			}
			return c.runSelect(ctx, false, 1, sink)
		}
		dir = fetchForward
	}
	forward := dir == fetchForward
	if count == 0 { // the current row again, if there is one
		onRow := !c.atStart && !c.atEnd
		if move {
			if onRow {
				return 1, nil
			}
			return 0, nil
		}
		if onRow {
			if _, err := c.runSelect(ctx, false, 1, discardRow); err != nil {
				return 0, err
			}
			count, forward = 1, true
		}
	}
	if !forward && count == fetchAll && move { // MOVE BACKWARD ALL rewinds
		n := c.pos
		if n > 0 && !c.atEnd {
			n--
		}
		return n, c.rewind()
	}
	return c.runSelect(ctx, forward, count, sink)
}

// absolute is FETCH ABSOLUTE count, as DoPortalRunFetch moves to it.
func (c *cursor) absolute(ctx context.Context, count int64, sink func([]types.Value) error) (int64, error) {
	skip := func(forward bool, n int64) error {
		_, err := c.runSelect(ctx, forward, n, discardRow)
		return err
	}
	switch {
	case count > 0:
		var err error
		if count-1 <= c.pos/2 {
			if err = c.rewind(); err == nil && count > 1 {
				err = skip(true, count-1)
			}
		} else {
			pos := c.pos
			if c.atEnd {
				pos++ // one fetch more when off the end
			}
			if count <= pos {
				err = skip(false, pos-count+1)
			} else if count > pos+1 {
				err = skip(true, count-pos-1)
			}
		}
		if err != nil {
			return 0, err
		}
		return c.runSelect(ctx, true, 1, sink)
	case count < 0:
		if err := skip(true, fetchAll); err != nil {
			return 0, err
		}
		if count < -1 {
			if err := skip(false, -count-1); err != nil {
				return 0, err
			}
		}
		return c.runSelect(ctx, false, 1, sink)
	}
	if err := c.rewind(); err != nil {
		return 0, err
	}
	return c.runSelect(ctx, true, 0, sink)
}

// execCursorStmt runs DECLARE, FETCH, MOVE or CLOSE; describe says whether a FETCH
// describes its columns (the simple protocol).
func (s *Session) execCursorStmt(ctx context.Context, cs *cursorStmt, out Output, describe bool) error {
	switch cs.verb {
	case "declare":
		return s.declareCursor(ctx, cs, out)
	case "close":
		if cs.name == "" {
			s.closeCursors(func(*cursor) bool { return true })
			return out.Complete("CLOSE CURSOR ALL")
		}
		c, err := s.cursorNamed(cs.name)
		if err != nil {
			return err
		}
		s.dropCursor(c)
		return out.Complete("CLOSE CURSOR")
	}
	c, err := s.cursorNamed(cs.name)
	if err != nil {
		return err
	}
	if c.failed {
		// A cursor whose FETCH or MOVE failed (a division by zero in its query, a backward
		// fetch it cannot do) stays unusable after ROLLBACK TO SAVEPOINT, as PostgreSQL marks
		// the portal failed.
		return Errorf("55000", "portal %q cannot be run", c.name)
	}
	if cs.verb == "move" {
		n, err := c.fetch(ctx, cs.dir, cs.count, true, discardRow)
		if err != nil {
			c.failed = true
			return err
		}
		return out.Complete("MOVE " + strconv.FormatInt(n, 10))
	}
	if describe {
		if err := describeCursor(c, out); err != nil {
			return err
		}
	}
	n, err := c.fetch(ctx, cs.dir, cs.count, false, out.Row)
	if err != nil {
		c.failed = true
		return err
	}
	return out.Complete("FETCH " + strconv.FormatInt(n, 10))
}

// BinaryColumns is an Output that can send a result's columns in binary (pgwire's, in the
// simple protocol), for a BINARY cursor's FETCH.
type BinaryColumns interface {
	BinaryColumns(cols []Column) error
}

func describeCursor(c *cursor, out Output) error {
	if b, ok := out.(BinaryColumns); ok && c.binary {
		return b.BinaryColumns(c.cols)
	}
	return out.Columns(c.cols)
}

func (s *Session) cursorNamed(name string) (*cursor, error) {
	c, ok := s.cursors[name]
	if !ok {
		return nil, Errorf("34000", "cursor %q does not exist", name)
	}
	return c, nil
}

// declareCursor runs DECLARE: errors of its query come first, then 25P01 outside a
// transaction block without WITH HOLD, then 42P03 for a name in use, as in PostgreSQL.
func (s *Session) declareCursor(ctx context.Context, cs *cursorStmt, out Output) error {
	if err := cs.optionConflict(); err != nil {
		return err
	}
	inner, err := cs.inner.statement()
	if err != nil {
		return err
	}
	if inner, err = s.prepareStatement(inner, nil); err != nil {
		return err
	}
	if !inner.IsQuery() {
		if inner.modWith {
			return Errorf("0A000", "DECLARE CURSOR must not contain data-modifying statements in WITH")
		}
		return nearError(cs.inner.first())
	}
	if len(inner.ParamTypes()) > 0 {
		return Errorf("42P02", "there is no parameter $1")
	}
	if !s.inTransactionBlock() && !cs.hold {
		return Errorf("25P01", "DECLARE CURSOR can only be used in transaction blocks")
	}
	if _, exists := s.cursors[cs.name]; exists {
		return Errorf("42P03", "cursor %q already exists", cs.name)
	}
	if s.set.readOnly {
		if err := inner.CheckReadOnly(); err != nil {
			return err
		}
	}
	scroll := cs.scroll || !cs.noScroll && planScansBackward(inner.plan)
	var keepCap int64
	if scroll && !cs.scroll {
		keepCap = defaultScrollKeep
	}
	c := &cursor{sess: s, name: cs.name, text: s.statementText(cs.text), cols: inner.Columns(), binary: cs.binary,
		scroll: scroll, keep: scroll, keepCap: keepCap, hold: cs.hold, at: time.Now(), txn: s.tx != nil,
		savepoints: len(s.savepoints), atStart: true, mem: memAccount{limit: s.queryMemory, budget: s.budget},
		tables: inner.readTables()}
	if s.cursors == nil {
		s.cursors = make(map[string]*cursor)
	}
	s.cursors[cs.name] = c // before its query runs, which pg_cursors shows it to
	if s.tx != nil {
		s.startCursor(ctx, c, inner, inner.plan)
		return out.Complete("DECLARE CURSOR")
	}
	// WITH HOLD outside a transaction block: its own transaction commits at once, so the
	// cursor holds its whole result from now on.
	if err := s.runIn(ctx, inner, inner.plan, nil, cursorFill{c}, false); err != nil {
		s.dropCursor(c)
		return err
	}
	return out.Complete("DECLARE CURSOR")
}

// optionConflict is PostgreSQL's error for DECLARE's options that contradict each other,
// which its parse analysis raises before it reads the query.
func (cs *cursorStmt) optionConflict() error {
	switch {
	case cs.scroll && cs.noScroll:
		return Errorf("42P11", "cannot specify both SCROLL and NO SCROLL")
	case cs.asensitive && cs.insensitive:
		return Errorf("42P11", "cannot specify both ASENSITIVE and INSENSITIVE")
	}
	return nil
}

// cursorFill keeps every row of a query in a cursor.
type cursorFill struct{ c *cursor }

func (f cursorFill) Columns([]Column) error      { return nil }
func (f cursorFill) Row(row []types.Value) error { return f.c.take(row, nil) }
func (f cursorFill) Complete(string) error       { return nil }

// dropCursor closes a cursor: its query stops, its rows go.
func (s *Session) dropCursor(c *cursor) {
	c.stop()
	delete(s.cursors, c.name)
}

// closeCursors drops the cursors drop picks.
func (s *Session) closeCursors(drop func(*cursor) bool) {
	for _, c := range s.cursors {
		if drop(c) {
			s.dropCursor(c)
		}
	}
}

// persistHeldCursors runs the WITH HOLD cursors the transaction declared to their end before
// it commits, as PostgreSQL's PreCommit_Portals does; an error of one fails the COMMIT.
func (s *Session) persistHeldCursors(ctx context.Context) error {
	for _, c := range s.cursors {
		if c.hold && c.txn {
			c.settle(ctx)
			if c.err != nil {
				return c.err
			}
		}
	}
	return nil
}

// endTxnCursors applies the end of the transaction to the cursors: COMMIT keeps the WITH
// HOLD ones (persistHeldCursors ran them to their end), ROLLBACK only those an earlier
// transaction committed.
func (s *Session) endTxnCursors(committed bool) {
	s.closeCursors(func(c *cursor) bool { return !c.hold || c.txn && !committed })
	for _, c := range s.cursors {
		c.txn = false
	}
}

// rollbackToCursors drops the cursors declared since savepoint level (1 for the oldest).
func (s *Session) rollbackToCursors(level int) {
	s.closeCursors(func(c *cursor) bool { return c.txn && c.savepoints >= level })
}

// releaseCursors keeps the cursors declared under a released savepoint with the
// savepoint that now holds them: the levels from level on are gone.
func (s *Session) releaseCursors(level int) {
	for _, c := range s.cursors {
		c.savepoints = min(c.savepoints, level)
	}
}

// stopLiveCursor stops the streaming cursor's query before its transaction ends, which its
// goroutine must not outlive.
func (s *Session) stopLiveCursor() {
	if c := s.live; c != nil {
		c.stopRun()
	}
}

func init() {
	systemTables["pg_catalog.pg_cursors"] = &systemTable{
		schema: sysSchema("pg_cursors", textCol("name"), textCol("statement"), boolCol("is_holdable"),
			boolCol("is_binary"), boolCol("is_scrollable"), types.Column{Name: "creation_time", Type: types.Timestamptz}),
		rows: func(s *Session) (rows [][]types.Value) {
			names := make([]string, 0, len(s.cursors))
			for name := range s.cursors {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				c := s.cursors[name]
				rows = append(rows, []types.Value{text(name), text(c.text), boolVal(c.hold), boolVal(c.binary),
					boolVal(c.scroll), {T: types.Timestamptz, I: c.at.UnixMicro()}})
			}
			return rows
		},
	}
}
