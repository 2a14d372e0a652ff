package drove

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/drovedb/drove/server"
	drovesql "github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// DB is an open drove data directory.
type DB struct {
	srv  *server.Server
	path string
	refs int // guarded by registry.mu
}

// Option configures Open.
type Option func(*server.Config)

// WithPGAddr also serves the PostgreSQL protocol on addr from this process.
func WithPGAddr(addr string) Option { return func(c *server.Config) { c.PGAddr = addr } }

// WithCheckpointInterval sets the time between periodic checkpoints.
func WithCheckpointInterval(d time.Duration) Option {
	return func(c *server.Config) { c.CheckpointInterval = d }
}

// WithMaxTxnMemory bounds the memory one transaction's writes may hold; a write past it fails
// with SQLSTATE 53200 (tablespace.ErrTxnMemory). Negative: no bound.
func WithMaxTxnMemory(n int64) Option { return func(c *server.Config) { c.MaxTxnMemory = n } }

// registry shares one engine per directory within the process.
var registry = struct {
	mu  sync.Mutex
	dbs map[string]*DB
}{dbs: make(map[string]*DB)}

// Open opens (creating if needed) the data directory dir.
func Open(dir string, opts ...Option) (*DB, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if db, ok := registry.dbs[abs]; ok {
		db.refs++
		return db, nil
	}
	cfg := server.Config{DataDir: abs}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := server.Start(cfg)
	if err != nil {
		return nil, err
	}
	db := &DB{srv: srv, path: abs, refs: 1}
	registry.dbs[abs] = db
	return db, nil
}

// Close releases this handle; the engine stops (with a final checkpoint) when the last handle
// to its directory is closed.
func (db *DB) Close() error {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if db.refs == 0 {
		return nil
	}
	db.refs--
	if db.refs > 0 {
		return nil
	}
	delete(registry.dbs, db.path)
	return db.srv.Close()
}

// Server exposes the node, e.g. for its PostgreSQL address.
func (db *DB) Server() *server.Server { return db.srv }

// Exec runs SQL statements on the default tablespace and returns the last statement's rows as
// text (NULL as nil) together with its command tag. It is a convenience for tools and tests;
// programs should use database/sql.
func (db *DB) Exec(ctx context.Context, query string) (rows [][]*string, tag string, err error) {
	s, err := db.srv.Session(server.DefaultTablespace)
	if err != nil {
		return nil, "", err
	}
	defer s.Close()
	var out collector
	err = s.Exec(ctx, query, &out)
	return out.rows, out.tag, err
}

type collector struct {
	rows [][]*string
	tag  string
}

func (c *collector) Columns([]drovesql.Column) error { c.rows = nil; return nil }
func (c *collector) Row(r []types.Value) error {
	out := make([]*string, len(r))
	for i, v := range r {
		if !v.IsNull() {
			s := v.String()
			out[i] = &s
		}
	}
	c.rows = append(c.rows, out)
	return nil
}
func (c *collector) Complete(tag string) error { c.tag = tag; return nil }

func init() { sql.Register("drove", &sqlDriver{}) }

// sqlDriver is the database/sql driver; the DSN is the data directory.
type sqlDriver struct{}

func (d *sqlDriver) Open(dsn string) (driver.Conn, error) {
	c, err := d.OpenConnector(dsn)
	if err != nil {
		return nil, err
	}
	return c.Connect(context.Background())
}

func (d *sqlDriver) OpenConnector(dsn string) (driver.Connector, error) {
	db, err := Open(dsn)
	if err != nil {
		return nil, err
	}
	return &connector{d: d, db: db}, nil
}

type connector struct {
	d  *sqlDriver
	db *DB
}

func (c *connector) Connect(context.Context) (driver.Conn, error) {
	s, err := c.db.srv.Session(server.DefaultTablespace)
	if err != nil {
		return nil, err
	}
	return &conn{s: s}, nil
}

func (c *connector) Driver() driver.Driver { return c.d }

// Close is called by sql.DB.Close.
func (c *connector) Close() error { return c.db.Close() }

var _ io.Closer = (*connector)(nil)

type conn struct{ s *drovesql.Session }

func (c *conn) Prepare(query string) (driver.Stmt, error) { return &stmt{c: c, q: query}, nil }
func (c *conn) Close() error                              { c.s.Close(); return nil }
func (c *conn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if opts.ReadOnly {
		return nil, errors.New("drove: read-only transactions are not supported yet")
	}
	if _, err := c.run(ctx, "BEGIN"); err != nil {
		return nil, err
	}
	return &tx{c: c}, nil
}

func (c *conn) run(ctx context.Context, q string) (*resultSet, error) {
	rs := &resultSet{}
	if err := c.s.Exec(ctx, q, rs); err != nil {
		return nil, err
	}
	return rs, nil
}

// runArgs runs one statement with $n arguments through a prepared statement, so values are
// never spliced into SQL text.
func (c *conn) runArgs(ctx context.Context, q string, args []driver.NamedValue) (*resultSet, error) {
	if len(args) == 0 {
		return c.run(ctx, q)
	}
	st, err := c.s.Prepare(ctx, q, nil)
	if err != nil {
		return nil, err
	}
	ptypes := st.ParamTypes()
	if len(args) != len(ptypes) {
		return nil, fmt.Errorf("drove: %d arguments for %d parameters", len(args), len(ptypes))
	}
	vals := make([]types.Value, len(args))
	for i, a := range args {
		if vals[i], err = toValue(a.Value, ptypes[i]); err != nil {
			return nil, fmt.Errorf("drove: argument $%d: %w", i+1, err)
		}
	}
	rs := &resultSet{cols: st.Columns()}
	if err := c.s.ExecPrepared(ctx, st, vals, rs); err != nil {
		return nil, err
	}
	return rs, nil
}

// toValue converts a database/sql argument to a value of the parameter's type.
func toValue(v driver.Value, t types.Type) (types.Value, error) {
	switch x := v.(type) {
	case nil:
		return types.NullValue, nil
	case int64:
		switch {
		case t.IsInteger():
			return types.NewInt(t, x), nil
		case t.IsFloat():
			return types.NewFloat(t, float64(x)), nil
		}
	case float64:
		if t.IsFloat() {
			return types.NewFloat(t, x), nil
		}
	case bool:
		if t == types.Bool {
			return types.NewBool(x), nil
		}
	case time.Time:
		switch t {
		case types.Timestamp:
			return timestamp(x)
		case types.Date: // the time's UTC calendar day, as a date reads back
			if d := types.NewDate(x); types.DateInRange(d.I) {
				return d, nil
			}
			return types.Value{}, drovesql.Errorf("22008", "date out of range")
		}
	case []byte:
		if t == types.Bytea {
			return types.NewBytea(x), nil
		}
		return drovesql.ParseText(string(x), t)
	case string:
		return drovesql.ParseText(x, t)
	}
	return types.Value{}, fmt.Errorf("cannot use %T as %s", v, t)
}

func (c *conn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	rs, err := c.runArgs(ctx, q, args)
	if err != nil {
		return nil, err
	}
	return driver.RowsAffected(rs.affected()), nil
}

func (c *conn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	rs, err := c.runArgs(ctx, q, args)
	if err != nil {
		return nil, err
	}
	return &rows{rs: rs}, nil
}

type tx struct{ c *conn }

func (t *tx) Commit() error {
	rs, err := t.c.run(context.Background(), "COMMIT")
	if err == nil && rs.tag == "ROLLBACK" {
		return errors.New("drove: transaction was aborted by an earlier error and rolled back")
	}
	return err
}

func (t *tx) Rollback() error {
	_, err := t.c.run(context.Background(), "ROLLBACK")
	return err
}

type stmt struct {
	c *conn
	q string
}

func (s *stmt) Close() error  { return nil }
func (s *stmt) NumInput() int { return -1 }
func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.c.ExecContext(context.Background(), s.q, named(args))
}
func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.c.QueryContext(context.Background(), s.q, named(args))
}

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return out
}

// resultSet buffers the last statement's result of an Exec; rows presents it to database/sql.
type resultSet struct {
	cols []drovesql.Column
	rows [][]types.Value
	tag  string
}

func (r *resultSet) Columns(cols []drovesql.Column) error {
	r.cols, r.rows = append([]drovesql.Column(nil), cols...), nil
	return nil
}

func (r *resultSet) Row(row []types.Value) error {
	r.rows = append(r.rows, append([]types.Value(nil), row...))
	return nil
}

func (r *resultSet) Complete(tag string) error { r.tag = tag; return nil }

// affected is the row count at the end of a tag such as "INSERT 0 3" or "UPDATE 2".
func (r *resultSet) affected() int64 {
	n, _ := strconv.ParseInt(r.tag[strings.LastIndexByte(r.tag, ' ')+1:], 10, 64)
	return n
}

type rows struct {
	rs  *resultSet
	pos int
}

func (r *rows) Columns() []string {
	names := make([]string, len(r.rs.cols))
	for i, c := range r.rs.cols {
		names[i] = c.Name
	}
	return names
}

func (r *rows) Close() error { return nil }

func (r *rows) Next(dest []driver.Value) error {
	if r.pos >= len(r.rs.rows) {
		return io.EOF
	}
	for i, v := range r.rs.rows[r.pos] {
		dest[i] = goValue(v)
	}
	r.pos++
	return nil
}

func goValue(v types.Value) driver.Value {
	if v.IsNull() {
		return nil
	}
	switch v.T {
	case types.Int16, types.Int32, types.Int64:
		return v.I
	case types.Float32, types.Float64:
		return v.F
	case types.Bool:
		return v.Bool()
	case types.Timestamp, types.Date:
		if types.IsInfinite(v.I) {
			return v.String() // "infinity" or "-infinity": no time.Time is infinite
		}
		if v.T == types.Date {
			return time.Unix(v.I*86400, 0).UTC()
		}
		return v.Time()
	case types.Bytea:
		return []byte(v.S)
	}
	return v.S
}

// timestamp converts a Go time to a timestamp value, refusing one outside its range.
func timestamp(t time.Time) (types.Value, error) {
	v, err := types.TimestampFromTime(t)
	if dt, ok := err.(*types.DateTimeError); ok {
		return types.Value{}, &drovesql.Error{Code: dt.Code, Message: dt.Msg}
	}
	return v, err
}
