package drove

import (
	"context"
	"database/sql/driver"
	"io"
	"iter"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"

	drovesql "github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// Rows stream: a connection runs its queries in a coroutine (iter.Pull) that hands each row
// to Next the moment the executor produces it and waits inside the executor for the next
// call, so memory does not grow with the result, and closing the rows early stops the
// statement (sql.ErrStop). The coroutine lives as long as the connection: it runs one
// statement after another, so its stack, grown once to the executor's depth, is not grown
// again for every query. A statement that writes (INSERT ... RETURNING) runs to the end
// first, so closing its rows early never leaves a write half done.

// event is what the running statement hands the reader: a row, the columns of the next
// result set (a query string of several statements has one result set per statement that
// returns rows), or its end.
type event struct {
	row  []types.Value
	cols []drovesql.Column
	end  bool
	err  error // with end: the statement's error
}

// runner is a connection's coroutine.
type runner struct {
	next func() (event, bool)
	stop func()
	s    *drovesql.Session
	// The statement to run when resumed at the end of the last: st with args, or the
	// statements of query.
	ctx      context.Context
	st       *drovesql.Statement
	args     []types.Value
	query    string
	stopping bool // the reader closed its rows: end the statement
}

func newRunner(s *drovesql.Session) *runner {
	r := &runner{s: s}
	r.next, r.stop = iter.Pull(func(yield func(event) bool) {
		out := &streamOutput{r: r, yield: yield} // a pointer: boxing the value cost an allocation per statement
		for {
			var err error
			if r.st != nil {
				err = r.s.ExecPrepared(r.ctx, r.st, r.args, out)
			} else {
				err = r.s.Exec(r.ctx, r.query, out)
			}
			r.ctx, r.st, r.args, r.query = nil, nil, nil, ""
			if !yield(event{end: true, err: err}) {
				return
			}
		}
	})
	return r
}

// streamOutput is the executor's Output inside the coroutine.
type streamOutput struct {
	r     *runner
	yield func(event) bool
}

func (o *streamOutput) Columns(cols []drovesql.Column) error {
	if o.r.stopping || !o.yield(event{cols: slices.Clone(cols)}) || o.r.stopping {
		return drovesql.ErrStop
	}
	return nil
}

func (o *streamOutput) Row(row []types.Value) error {
	if o.r.stopping || !o.yield(event{row: row}) || o.r.stopping {
		return drovesql.ErrStop
	}
	return nil
}

func (*streamOutput) Complete(string) error { return nil }

// bufferOutput keeps a whole result (of a statement that writes).
type bufferOutput struct{ rows [][]types.Value }

func (b *bufferOutput) Columns([]drovesql.Column) error { return nil }
func (b *bufferOutput) Row(r []types.Value) error {
	b.rows = append(b.rows, slices.Clone(r))
	return nil
}
func (b *bufferOutput) Complete(string) error { return nil }

type rows struct {
	c       *conn
	cols    []drovesql.Column
	buf     [][]types.Value // a buffered result's rows; nil when streaming
	err     error           // the statement's, once it ended
	pending event           // read ahead (when hasPend): the first row, or the next result set's columns
	hasPend bool
	done    bool
}

var (
	_ driver.RowsNextResultSet              = (*rows)(nil)
	_ driver.RowsColumnTypeScanType         = (*rows)(nil)
	_ driver.RowsColumnTypeDatabaseTypeName = (*rows)(nil)
	_ driver.RowsColumnTypeLength           = (*rows)(nil)
	_ driver.RowsColumnTypeNullable         = (*rows)(nil)
	_ driver.RowsColumnTypePrecisionScale   = (*rows)(nil)
)

// queryPrepared runs a prepared statement and returns its rows.
func (c *conn) queryPrepared(ctx context.Context, st *drovesql.Statement, args []driver.NamedValue) (driver.Rows, error) {
	vals, err := c.bindArgs(st, args)
	if err != nil {
		return nil, err
	}
	if !st.IsQuery() {
		var out bufferOutput
		if err := c.s.ExecPrepared(ctx, st, vals, &out); err != nil {
			return nil, err
		}
		if out.rows == nil {
			out.rows = [][]types.Value{}
		}
		return bufferedRows(c, st.Columns(), out.rows), nil
	}
	if st.AtMostOneRow() {
		return c.queryOne(ctx, st, vals)
	}
	r := c.stream(ctx, st, vals, "")
	if err := r.prime(); err != nil {
		return nil, err
	}
	r.cols = st.Columns() // after the run: the plan it used, bound again if a schema changed
	return r, nil
}

// queryOne runs a query of at most one row (a primary-key lookup) to its end without the
// coroutine, into the connection's one-row buffer: streaming it cost two switches into the
// coroutine and back per query. Its rows hold the connection as streamed rows do.
func (c *conn) queryOne(ctx context.Context, st *drovesql.Statement, vals []types.Value) (driver.Rows, error) {
	out := &c.one
	out.rows = out.store[:0:1]
	if err := c.s.ExecPrepared(ctx, st, vals, out); err != nil {
		return nil, err
	}
	r := &c.rowsBuf // database/sql is done with the last rows: it closed them
	*r = rows{c: c, cols: st.Columns(), buf: out.rows}
	c.active = r
	return r, nil
}

// oneRowOutput keeps the result of a query of at most one row, in a buffer the connection
// reuses (Next has copied the last query's values out by the time the next one runs).
type oneRowOutput struct {
	rows  [][]types.Value
	first []types.Value
	store [1][]types.Value
}

func (o *oneRowOutput) Columns([]drovesql.Column) error { return nil }
func (o *oneRowOutput) Complete(string) error           { return nil }

func (o *oneRowOutput) Row(r []types.Value) error {
	if len(o.rows) == 0 {
		o.first = append(o.first[:0], r...)
		o.rows = append(o.rows, o.first)
		return nil
	}
	o.rows = append(o.rows, slices.Clone(r)) // more than the plan said (a hint): kept whole
	return nil
}

// queryText runs the statements of a query string; each that returns rows is a result set.
func (c *conn) queryText(ctx context.Context, q string) (driver.Rows, error) {
	r := c.stream(ctx, nil, nil, q)
	if err := r.prime(); err != nil {
		return nil, err
	}
	if r.hasPend && r.pending.cols != nil {
		r.cols, r.hasPend = r.pending.cols, false
	}
	return r, nil
}

// stream starts a statement (st with args, or the statements of query) in the connection's
// coroutine; the returned rows, the connection's own, read its result.
func (c *conn) stream(ctx context.Context, st *drovesql.Statement, args []types.Value, query string) *rows {
	if c.run == nil {
		c.run = newRunner(c.s)
	}
	c.run.ctx, c.run.st, c.run.args, c.run.query = ctx, st, args, query
	r := &c.rowsBuf // database/sql is done with the last rows: it closed them
	*r = rows{c: c}
	c.active = r
	return r
}

// resume runs the statement to its next event. A coroutine that ended without one (the
// executor panicked, and the panic went up through Next) leaves the connection broken.
func (r *rows) resume() event {
	ev, ok := r.c.run.next()
	if !ok {
		r.c.broken = true
		return event{end: true, err: driver.ErrBadConn}
	}
	return ev
}

// prime runs the statement to its first event, so that an error before any row (a missing
// table, a bad argument) is the query's error rather than the rows'.
func (r *rows) prime() error {
	ev := r.resume()
	if !ev.end {
		r.pending, r.hasPend = ev, true
		return nil
	}
	r.end(ev.err)
	if r.err != nil {
		return r.err
	}
	return nil
}

func bufferedRows(c *conn, cols []drovesql.Column, buf [][]types.Value) *rows {
	return &rows{c: c, cols: cols, buf: buf}
}

// end records the statement's end and frees the connection.
func (r *rows) end(err error) {
	r.done, r.hasPend = true, false
	if err != nil && !isStop(err) {
		r.err = err
	}
	if r.c.active == r {
		r.c.active = nil
	}
}

// finish ends the statement, stopping it if it is still running.
func (r *rows) finish() {
	if r.done {
		return
	}
	if r.buf != nil || r.c.active != r {
		r.end(nil)
		return
	}
	r.c.run.stopping = true
	defer func() { r.c.run.stopping = false }()
	for {
		if ev := r.resume(); ev.end {
			r.end(ev.err)
			return
		}
	}
}

func (r *rows) Columns() []string {
	if len(r.cols) > 0 && &r.cols[0] == r.c.namesOf && len(r.c.names) == len(r.cols) {
		return r.c.names
	}
	names := make([]string, len(r.cols))
	for i, c := range r.cols {
		names[i] = c.Name
	}
	if len(r.cols) > 0 {
		r.c.names, r.c.namesOf = names, &r.cols[0]
	}
	return names
}

func (r *rows) Close() error {
	r.finish()
	return r.err
}

func (r *rows) Next(dest []driver.Value) error {
	ev := r.event()
	if ev.end {
		r.end(ev.err)
		if r.err != nil {
			return r.err
		}
		return io.EOF
	}
	if ev.cols != nil { // the end of this result set
		r.pending, r.hasPend = ev, true
		return io.EOF
	}
	b := &r.c.boxes
	for i, v := range ev.row {
		switch {
		case v.IsNull():
			dest[i] = nil
		case v.T == types.Text || v.T == types.Numeric || v.T.IsArray():
			dest[i] = b.str(v.S)
		case v.T == types.Int16 || v.T == types.Int32 || v.T == types.Int64:
			dest[i] = b.num(int64Type, uint64(v.I))
		case v.T == types.Float32 || v.T == types.Float64:
			dest[i] = b.num(float64Type, math.Float64bits(v.F))
		case v.T == types.Timestamptz && !types.IsInfinite(v.I):
			dest[i] = time.UnixMicro(v.I).In(r.c.s.Location()) // the instant, in the session's TimeZone
		default:
			dest[i] = goValue(v)
		}
	}
	return nil
}

func (r *rows) event() event {
	switch {
	case r.hasPend:
		r.hasPend = false
		return r.pending
	case r.done:
		return event{end: true}
	case r.buf != nil:
		if len(r.buf) == 0 {
			return event{end: true}
		}
		row := r.buf[0]
		r.buf = r.buf[1:]
		return event{row: row}
	}
	return r.resume()
}

// HasNextResultSet implements driver.RowsNextResultSet.
func (r *rows) HasNextResultSet() bool {
	for !r.hasPend || r.pending.cols == nil {
		ev := r.event()
		if ev.end {
			r.end(ev.err)
			return false
		}
		if ev.cols != nil {
			r.pending, r.hasPend = ev, true
		}
	}
	return true
}

// NextResultSet implements driver.RowsNextResultSet.
func (r *rows) NextResultSet() error {
	if !r.HasNextResultSet() {
		return io.EOF
	}
	r.cols, r.hasPend = r.pending.cols, false
	return nil
}

var (
	scanInt64  = reflect.TypeFor[int64]()
	scanFloat  = reflect.TypeFor[float64]()
	scanBool   = reflect.TypeFor[bool]()
	scanString = reflect.TypeFor[string]()
	scanBytes  = reflect.TypeFor[[]byte]()
	scanTime   = reflect.TypeFor[time.Time]()
	scanAny    = reflect.TypeFor[any]()
)

// ColumnTypeScanType is the Go type Next stores for the column (a date or timestamp column
// also holds the string "infinity" or "-infinity" for infinite values).
func (r *rows) ColumnTypeScanType(i int) reflect.Type {
	switch t := r.cols[i].Type; {
	case t.IsInteger():
		return scanInt64
	case t.IsFloat():
		return scanFloat
	case t == types.Bool:
		return scanBool
	case t == types.Bytea || t == types.JSON || t == types.JSONB:
		return scanBytes
	case t == types.Timestamp || t == types.Date || t == types.Timestamptz:
		return scanTime
	case t == types.Null:
		return scanAny
	}
	return scanString // text, numeric (exact, as its text), uuid, arrays and records (as their text)
}

// ColumnTypeDatabaseTypeName is PostgreSQL's name of the column's type, upper case, as pgx's
// driver reports it: INT8, TEXT, TIMESTAMP, _INT4 for integer[]...
func (r *rows) ColumnTypeDatabaseTypeName(i int) string {
	return databaseTypeName(r.cols[i].Type)
}

func databaseTypeName(t types.Type) string {
	switch t {
	case types.Int16:
		return "INT2"
	case types.Int32:
		return "INT4"
	case types.Int64:
		return "INT8"
	case types.Float32:
		return "FLOAT4"
	case types.Float64:
		return "FLOAT8"
	case types.Bool:
		return "BOOL"
	case types.Text:
		return "TEXT"
	case types.Timestamp:
		return "TIMESTAMP"
	case types.Timestamptz:
		return "TIMESTAMPTZ"
	case types.Interval:
		return "INTERVAL"
	case types.Time:
		return "TIME"
	case types.TimeTZ:
		return "TIMETZ"
	case types.Bytea:
		return "BYTEA"
	case types.Date:
		return "DATE"
	case types.Numeric:
		return "NUMERIC"
	case types.Int2Vector:
		return "INT2VECTOR"
	case types.UUID, types.JSON, types.JSONB:
		return strings.ToUpper(t.String())
	case types.Null:
		return "UNKNOWN"
	}
	if t.IsArray() {
		return "_" + databaseTypeName(t.Elem())
	}
	if t.IsRecord() {
		return "RECORD"
	}
	return "UNKNOWN"
}

// ColumnTypeLength implements driver.RowsColumnTypeLength: the declared n of a varchar(n) or
// char(n) column; other text and bytea have no bound (as pgx reports them); fixed-size types
// have no length.
func (r *rows) ColumnTypeLength(i int) (int64, bool) {
	switch t := r.cols[i].Type; {
	case t == types.Text:
		if d, ok := r.cols[i].Declared(); ok && d.Length > 0 {
			return int64(d.Length), true
		}
		return math.MaxInt64, true
	case t == types.Bytea:
		return math.MaxInt64, true
	}
	return 0, false
}

// ColumnTypeNullable implements driver.RowsColumnTypeNullable for the columns whose
// declaration the query shows (drovesql.Column.Declared): a NOT NULL or primary key column is
// not nullable, unless an outer join may fill it with NULLs. ok is false for an expression,
// whose nullability is not known.
func (r *rows) ColumnTypeNullable(i int) (nullable, ok bool) {
	d, ok := r.cols[i].Declared()
	if !ok {
		return false, false
	}
	return !d.NotNull, true
}

// ColumnTypePrecisionScale implements driver.RowsColumnTypePrecisionScale: the declared
// precision and scale of a numeric(p, s) column. A numeric without them (or an expression)
// has no fixed precision, and other types have none: ok is false.
func (r *rows) ColumnTypePrecisionScale(i int) (precision, scale int64, ok bool) {
	d, known := r.cols[i].Declared()
	if !known || d.Type != types.Numeric {
		return 0, 0, false
	}
	p, s, ok := types.NumericPrecisionScale(d.Length)
	return int64(p), int64(s), ok
}
