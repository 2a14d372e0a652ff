package drove

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/drovedb/drove/server"
	drovesql "github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// The database/sql driver "drove": sql.Open("drove", "/path/to/dir"). Each connection is a
// SQL session on the default tablespace of the engine that serves the directory (one per
// directory in the process, see Open). A statement is parsed and planned once, when it is
// prepared: a *sql.Stmt runs its plan again with new arguments, and a query with arguments
// run without Prepare finds its plan in the connection's cache. Rows stream from the executor
// as database/sql reads them, so a result is never held in memory whole.

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
	dir, opts, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	db, err := Open(dir, opts...)
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
	ts, ok := c.db.srv.Tablespace(server.DefaultTablespace)
	if !ok || ts.Closed() {
		return nil, drovesql.Errorf("57P01", "drove: the engine of %s is closed", c.db.path)
	}
	s, err := c.db.srv.Session(server.DefaultTablespace)
	if err != nil {
		return nil, err
	}
	return &conn{s: s, ts: ts}, nil
}

func (c *connector) Driver() driver.Driver { return c.d }

// Close is called by sql.DB.Close.
func (c *connector) Close() error { return c.db.Close() }

// maxConnStatements bounds a connection's cache of plans for queries run with arguments.
const maxConnStatements = 256

// conn is one session. database/sql uses it from one goroutine at a time.
type conn struct {
	s      *drovesql.Session
	ts     *tablespace.Tablespace
	active *rows // rows still streaming: the session is in the middle of their statement
	cache  map[string]*drovesql.Statement
	run    *runner // the coroutine queries stream from; nil until the first
	// Reused by every statement (the connection runs one at a time): its rows and arguments.
	rowsBuf rows
	argBuf  []types.Value
	boxes   boxSlab      // backs the values Next hands database/sql (driver_values.go)
	one     oneRowOutput // the result of a query of at most one row (queryOne)
	tag     tagOutput    // the command tag of an Exec (execTag)
	// names are the column names of namesOf, the columns of the statement queried last:
	// a prepared statement's queries share them, as lib/pq's do.
	names   []string
	namesOf *drovesql.Column
	broken  bool // the coroutine died (a panic in the executor)
	closed  bool
}

var (
	_ driver.ConnPrepareContext = (*conn)(nil)
	_ driver.ConnBeginTx        = (*conn)(nil)
	_ driver.ExecerContext      = (*conn)(nil)
	_ driver.QueryerContext     = (*conn)(nil)
	_ driver.NamedValueChecker  = (*conn)(nil)
	_ driver.SessionResetter    = (*conn)(nil)
	_ driver.Validator          = (*conn)(nil)
)

func (c *conn) Close() error {
	c.stopActive()
	c.closed = true
	if c.run != nil {
		c.run.stop()
	}
	c.s.Close()
	return nil
}

// IsValid implements driver.Validator: a connection is kept in the pool while its engine runs.
func (c *conn) IsValid() bool { return !c.closed && !c.broken && !c.ts.Closed() }

// ResetSession implements driver.SessionResetter. It runs before the pool hands the connection
// to a new user: a transaction block left open with a plain "BEGIN" is rolled back rather than
// handed on, and a connection whose engine closed is discarded (driver.ErrBadConn).
func (c *conn) ResetSession(ctx context.Context) error {
	if !c.IsValid() {
		return driver.ErrBadConn
	}
	c.stopActive()
	if c.s.TxStatus() != drovesql.TxIdle {
		if err := c.s.Exec(ctx, "ROLLBACK", discard{}); err != nil {
			return driver.ErrBadConn
		}
	}
	return nil
}

// ready checks that the session can start a statement. A closed engine is driver.ErrBadConn:
// nothing ran, so database/sql may retry on another connection (which reports the closed engine).
func (c *conn) ready() error {
	if !c.IsValid() {
		return driver.ErrBadConn
	}
	if c.active != nil {
		return drovesql.Errorf("55000", "drove: the connection is still reading the rows of a query; close them first")
	}
	return nil
}

func (c *conn) stopActive() {
	if c.active != nil {
		c.active.Close()
	}
}

func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// PrepareContext parses and plans query once; the statement runs the plan, bound again only
// when a table it uses changes schema.
func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if err := c.ready(); err != nil {
		return nil, err
	}
	ps, err := c.s.Prepare(ctx, query, nil)
	if err != nil {
		return nil, err
	}
	st := ps.(*drovesql.Statement)
	st.Reshapeable() // database/sql reads the columns after each run
	return &stmt{c: c, st: st}, nil
}

// prepared returns the cached plan of query, preparing it on first use.
func (c *conn) prepared(ctx context.Context, query string) (*drovesql.Statement, error) {
	if st, ok := c.cache[query]; ok {
		return st, nil
	}
	ps, err := c.s.Prepare(ctx, query, nil)
	if err != nil {
		return nil, err
	}
	if c.cache == nil || len(c.cache) >= maxConnStatements {
		c.cache = make(map[string]*drovesql.Statement)
	}
	st := ps.(*drovesql.Statement)
	st.Reshapeable()
	c.cache[query] = st
	return st, nil
}

func (c *conn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	if err := c.ready(); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		out := c.execTag()
		if err := c.s.Exec(ctx, q, out); err != nil {
			return nil, err
		}
		return driver.RowsAffected(out.affected()), nil
	}
	st, err := c.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	return c.execPrepared(ctx, st, args)
}

func (c *conn) execPrepared(ctx context.Context, st *drovesql.Statement, args []driver.NamedValue) (driver.Result, error) {
	vals, err := c.bindArgs(st, args)
	if err != nil {
		return nil, err
	}
	out := c.execTag()
	if err := c.s.ExecPrepared(ctx, st, vals, out); err != nil {
		return nil, err
	}
	return driver.RowsAffected(out.affected()), nil
}

// execTag is the connection's tag output, emptied: an Exec's result needs only its count,
// read before the next statement runs, so one per connection saves an allocation a statement.
func (c *conn) execTag() *tagOutput {
	c.tag.tag = ""
	return &c.tag
}

func (c *conn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if err := c.ready(); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return c.queryText(ctx, q)
	}
	st, err := c.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	return c.queryPrepared(ctx, st, args)
}

// bindArgs converts database/sql arguments to values of the statement's parameter types, in
// the connection's argument buffer.
func (c *conn) bindArgs(st *drovesql.Statement, args []driver.NamedValue) ([]types.Value, error) {
	ptypes := st.ParamTypes()
	if len(args) != len(ptypes) {
		return nil, drovesql.Errorf("08P01", "bind message supplies %d parameters, but prepared statement requires %d", len(args), len(ptypes))
	}
	if cap(c.argBuf) < len(args) {
		c.argBuf = make([]types.Value, len(args))
	}
	vals := c.argBuf[:len(args)]
	for i, a := range args {
		if a.Name != "" {
			return nil, drovesql.Errorf("42601", "drove: named argument %q: use $%d", a.Name, a.Ordinal)
		}
		v, err := toValue(a.Value, ptypes[i])
		if err != nil {
			return nil, fmt.Errorf("drove: argument $%d: %w", i+1, err)
		}
		vals[i] = v
	}
	return vals, nil
}

func (c *conn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx starts a transaction at READ COMMITTED (sql.LevelDefault, sql.LevelReadCommitted)
// or REPEATABLE READ (sql.LevelRepeatableRead, and sql.LevelSnapshot, which is what drove's
// REPEATABLE READ is: one snapshot for the whole transaction, a write to a row changed since
// fails with SQLSTATE 40001). Other levels are refused (0A000). A ReadOnly transaction refuses
// statements that write, and SELECT ... FOR UPDATE, with 25006 as PostgreSQL does.
func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if err := c.ready(); err != nil {
		return nil, err
	}
	begin := "BEGIN"
	switch sql.IsolationLevel(opts.Isolation) {
	case sql.LevelDefault:
	case sql.LevelReadCommitted:
		begin = "BEGIN ISOLATION LEVEL READ COMMITTED"
	case sql.LevelRepeatableRead, sql.LevelSnapshot:
		begin = "BEGIN ISOLATION LEVEL REPEATABLE READ"
	default:
		return nil, &drovesql.Error{Code: "0A000",
			Message: "drove: transaction isolation level " + strings.ToUpper(sql.IsolationLevel(opts.Isolation).String()) + " is not supported",
			Hint:    "drove runs transactions at READ COMMITTED or REPEATABLE READ (also as sql.LevelSnapshot)."}
	}
	if c.s.TxStatus() != drovesql.TxIdle {
		return nil, drovesql.Errorf("25001", "drove: there is already a transaction in progress")
	}
	if opts.ReadOnly {
		// The session enforces it, as for BEGIN READ ONLY in SQL: one mechanism.
		begin += " READ ONLY"
	}
	if err := c.s.Exec(ctx, begin, discard{}); err != nil {
		return nil, err
	}
	return &tx{c: c}, nil
}

// ErrCommitRollback is Commit's error for a transaction an earlier error had failed: as in
// PostgreSQL, the COMMIT rolled it back (and, as pgx's ErrTxCommitRollback, it has no SQLSTATE
// of its own: the statement that failed had it).
var ErrCommitRollback = errors.New("drove: the transaction was aborted by an earlier error and rolled back")

type tx struct{ c *conn }

func (t *tx) Commit() error {
	t.c.stopActive()
	var out tagOutput
	if err := t.c.s.Exec(context.Background(), "COMMIT", &out); err != nil {
		return err
	}
	if out.tag == "ROLLBACK" {
		return ErrCommitRollback
	}
	return nil
}

func (t *tx) Rollback() error {
	t.c.stopActive()
	return t.c.s.Exec(context.Background(), "ROLLBACK", discard{})
}

// stmt is a prepared statement of one connection (database/sql prepares a *sql.Stmt again on
// each connection it runs on).
type stmt struct {
	c  *conn
	st *drovesql.Statement
}

var (
	_ driver.StmtExecContext  = (*stmt)(nil)
	_ driver.StmtQueryContext = (*stmt)(nil)
)

func (s *stmt) Close() error { return nil }

// NumInput is the number of $n parameters; database/sql checks the arguments against it.
func (s *stmt) NumInput() int { return len(s.st.ParamTypes()) }

func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), named(args))
}

func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), named(args))
}

func (s *stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	if err := s.c.ready(); err != nil {
		return nil, err
	}
	return s.c.execPrepared(ctx, s.st, args)
}

func (s *stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	if err := s.c.ready(); err != nil {
		return nil, err
	}
	return s.c.queryPrepared(ctx, s.st, args)
}

// CheckNamedValue implements driver.NamedValueChecker for the statement's connection.
func (s *stmt) CheckNamedValue(nv *driver.NamedValue) error { return s.c.CheckNamedValue(nv) }

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return out
}

// tagOutput keeps a statement's command tag and drops its rows.
type tagOutput struct{ tag string }

func (o *tagOutput) Columns([]drovesql.Column) error { return nil }
func (o *tagOutput) Row([]types.Value) error         { return nil }
func (o *tagOutput) Complete(tag string) error       { o.tag = tag; return nil }

// affected is the row count at the end of a tag such as "INSERT 0 3" or "UPDATE 2".
func (o *tagOutput) affected() int64 {
	n, _ := strconv.ParseInt(o.tag[strings.LastIndexByte(o.tag, ' ')+1:], 10, 64)
	return n
}

type discard struct{}

func (discard) Columns([]drovesql.Column) error { return nil }
func (discard) Row([]types.Value) error         { return nil }
func (discard) Complete(string) error           { return nil }

// isStop reports whether err is the ErrStop a closed Rows made the session return.
func isStop(err error) bool { return errors.Is(err, drovesql.ErrStop) }
