package sql

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// parser is vitess's, configured once; it is safe for concurrent use.
var parser = func() *sqlparser.Parser {
	p, err := sqlparser.New(sqlparser.Options{MySQLServerVersion: "8.0.40"})
	if err != nil {
		panic(err)
	}
	return p
}()

// parseStatement runs vitess's parser, turning a panic inside it (fuzzing finds inputs that
// crash it) into a syntax error: a client's text must never take down its session.
func parseStatement(text string) (st sqlparser.Statement, err error) {
	defer func() {
		if r := recover(); r != nil {
			st, err = nil, fmt.Errorf("syntax error: the parser failed on this statement (%v)", r)
		}
	}()
	if err := checkNesting(text); err != nil {
		return nil, err
	}
	if st, err = parser.ParseStrictDDL(text); err == nil {
		err = checkDepth(text, st)
	}
	if err == nil && strings.Contains(text, starMarker) {
		unmarkStars(st)
	}
	return st, err
}

// starMarker qualifies an unqualified * that is not first in a select list (see operator).
const starMarker = markerStart + "*"

// unmarkStars makes the stars the dialect pass qualified by starMarker unqualified again.
func unmarkStars(st sqlparser.Statement) {
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		if s, ok := n.(*sqlparser.StarExpr); ok && s.TableName.Qualifier.IsEmpty() && s.TableName.Name.String() == starMarker {
			s.TableName = sqlparser.TableName{}
		}
		return true, nil
	}, st)
}

// Session is one client's SQL session on one tablespace. It is used by one goroutine at a time.
type Session struct {
	ts     *tablespace.Tablespace
	node   Node            // nil: no node-level statements
	tx     *tablespace.Txn // open explicit transaction, or nil
	failed bool            // the explicit transaction hit an error: only ROLLBACK is accepted
	// implicit says tx is the implicit block of a multi-statement query string or of an
	// extended-protocol batch (implicit.go, batch.go), implicitFirst that it is running the
	// string's first statement, or has run only the batch's first, its result held.
	implicit, implicitFirst bool
	// pipeline says the implicit block is an extended batch's: PostgreSQL runs a batch in a
	// transaction that is no transaction block (TBLOCK_STARTED), so what requires one
	// (DECLARE without HOLD, LOCK) is 25P01 there, while a query string's block is one.
	pipeline bool
	// portalsReading reports an open portal of the connection that reads a table (inuse.go).
	portalsReading func(table string) bool
	// batchHeld: the statement running opened a batch's implicit block and its result waits
	// for the commit, so a write's reads are confirmed by the commit, as in autocommit (runIn).
	batchHeld bool
	// sourceText is the simple-protocol query string running (Exec), which PostgreSQL's
	// pg_prepared_statements and pg_cursors show whole for a PREPARE or DECLARE in it.
	sourceText string
	// queryMemory bounds the memory one query's sorts, hash tables and groups may hold.
	queryMemory int64
	budget      *MemoryBudget // the server's, all queries' (membudget.go); nil: none

	// keyDeps, while view_keydep.go binds a view again, collects the tables whose primary
	// key a GROUP BY relied on; nil otherwise.
	keyDeps map[string]bool
	// cancelBackend is Startup.CancelBackend (pg_cancel_backend).
	cancelBackend func(pid uint32) (bool, error)

	exec       execCtx             // the running statement's; reused
	held       completeAfterCommit // an autocommitted statement's held Complete; reused
	set        settings
	txCreated  []string              // tables created in the open transaction, dropped if it rolls back
	txMatviews []string              // materialized views created or dropped in it: their tables dropped at COMMIT if their row is gone
	savepoints []savepoint           // the open transaction's live savepoints, oldest first
	ctes       []cteDef              // WITH queries in scope while a statement binds
	viewStack  []string              // the views being bound, one inside the other (view_bind.go)
	viewTables []map[string][]string // each bound view's tablespace.View.Tables, as viewStack (view_bind.go)
	viewReads  [][]string            // what each of viewStack read when created (tablespace.View.Deps; tempFound)
	storedExpr bool                  // compiling a stored DEFAULT, its names resolved when made (publicSearched)
	pathMemo   struct {
		raw   string
		items []string
	} // search_path's last value and searchPathItems of it
	tempViews   map[string]*tempView  // the session's temporary views (view_temp.go)
	txTempViews []tempUndo            // temporary view changes of the open transaction, undone if it rolls back
	tempEpoch   int                   // counts temporary view changes: a plan bound before one is bound again
	named       map[string]*namedStmt // named prepared statements, PREPARE's and Parse's (prepare_stmt.go)
	cursors     map[string]*cursor    // open cursors (cursor.go)
	live        *cursor               // the cursor whose query streams, suspended (cursor_run.go)
	// noticeOut is the output of the statement running, which its notices go to (noticef).
	noticeOut Output
	// stmtCtx is the context of the statement being parsed and bound (see interrupted).
	stmtCtx context.Context
	blocks  int // query blocks the statement has bound (enterBlock)

	cache        map[string][]*Statement // parsed statements by query text
	seqState     seqSession              // currval and lastval (sequence_funcs.go)
	defaultCache map[*types.Schema][]*expr
	notify       notifyState // LISTEN and NOTIFY (notify.go)
	// txTime and stmtTime are when the transaction and the statement began: now() and
	// statement_timestamp() (datetime_types.go).
	txTime, stmtTime time.Time

	// temporary tables (temp_table.go): by the name the session gave them; the hidden names'
	// prefix; those the open transaction created
	tempTables   map[string]*tempTable
	tempID       string
	txTempTables []string
}

// NewSession starts a session on ts, run by node (nil for a bare tablespace).
func NewSession(ts *tablespace.Tablespace, node Node) *Session {
	sweepTempTables(ts)
	return &Session{ts: ts, node: node, queryMemory: defaultQueryMemory, set: settings{user: "drove", database: ts.Name()}}
}

var _ Executor = (*Session)(nil)

// TxStatus implements Executor.
func (s *Session) TxStatus() byte {
	switch {
	case s.tx == nil || s.implicit: // an implicit block is outside a transaction block
		return TxIdle
	case s.failed:
		return TxFailed
	}
	return TxActive
}

// IdleInTransactionTimeout implements Executor.
func (s *Session) IdleInTransactionTimeout() time.Duration { return s.set.idleInTxTimeout }

// StatementTimeout is the session's statement_timeout, 0 when off.
func (s *Session) StatementTimeout() time.Duration { return s.set.statementTimeout }

// Close implements Executor.
func (s *Session) Close() {
	s.stopLiveCursor()
	s.closeCursors(func(*cursor) bool { return true })
	if s.tx != nil {
		s.tx.Rollback()
		s.tx, s.failed = nil, false
		s.endTxn(false)
	}
	s.closeNotify()
	s.closeTempTables()
}

// Abort implements Executor. An extended batch's implicit block is rolled back at once, as an
// error in one of its statements rolls it back.
func (s *Session) Abort() {
	if s.implicit {
		s.endImplicit(false)
		return
	}
	if s.tx != nil {
		s.markFailed()
	}
}

// markFailed marks the explicit transaction failed. With no savepoint to roll back to it
// can never commit, so its write set and its row and table locks are let go at once, as
// PostgreSQL's AbortTransaction does at the error; the session stays in the failed block
// (25P02) until ROLLBACK or COMMIT ends it (Rollback is idempotent). drove used to hold the
// locks until then: a client that failed a statement and went idle locked every writer of
// its rows out until their lock wait timed out (55P03), the other side of a deadlock (40P01)
// included. Not while a streaming cursor runs on the transaction, which must stop first.
// With a savepoint, what failed is its subtransaction: what it wrote and the locks it took
// since the newest savepoint are let go at the error, as PostgreSQL's
// AbortSubTransaction does; ROLLBACK TO then restores the rest (settings, cursors).
func (s *Session) markFailed() {
	s.failed = true
	if s.implicit || s.live != nil {
		return
	}
	if len(s.savepoints) == 0 {
		s.tx.Rollback()
		return
	}
	_ = s.tx.RollbackTo(len(s.savepoints)) // done already (ErrTxnDone): nothing left to let go
}

// fail marks an explicit transaction failed and maps the error to a SQLSTATE.
func (s *Session) fail(err error) error {
	if s.tx != nil {
		s.markFailed()
		if errors.Is(err, tablespace.ErrNotLeader) && !s.implicitFirst {
			return leaderMovedInTxn()
		}
	}
	return toError(err)
}

// leaderMovedInTxn is what an explicit transaction gets when the replica that held its row
// locks and writes lost the lead under it, its COMMIT included: the transaction is rolled
// back and must be retried whole (a 25006, "retry the statement", would have the client
// retry a lone COMMIT, which commits nothing and succeeds).
func leaderMovedInTxn() *Error {
	return &Error{Code: "40001", Message: "could not serialize access: " + LeaderMovedMessage + " during the transaction",
		Hint: "Retry the transaction."}
}

// NotLeaderCode and NotLeaderMessage mark a statement refused because this node's replica is
// not (or no longer) its tablespace's leader, as a PostgreSQL hot standby refuses a write:
// nothing of it was applied, so pgwire's forwarding may retry it on the new leader.
const (
	NotLeaderCode    = "25006"
	NotLeaderMessage = "is not the leader of tablespace"
	// GoneMessage is in the 57P01 a session answers, before running anything, once its
	// tablespace's local replica is closed (dropped, shut down, or moved off the node):
	// nothing was applied, so a router may send the statement to the tablespace's leader.
	GoneMessage = "is closed on this node (dropped, shut down or moved)"
)

// LeaderMovedMessage is in the message of the errors a transaction gets when this node's
// replica lost leadership under it (40001 before COMMIT, 08007 during it): the session's
// later statements will be refused too, so pgwire moves the connection to the new leader
// once the transaction has ended.
const LeaderMovedMessage = "the tablespace's leadership moved"

// toError maps storage and parser errors to PostgreSQL errors.
func toError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var uv *tablespace.UniqueViolation
	switch {
	case errors.Is(err, tablespace.ErrNoTable):
		return Errorf("42P01", "%v", err)
	case errors.Is(err, tablespace.ErrTableExists):
		return Errorf("42P07", "%v", err)
	case errors.As(err, &uv):
		return Errorf("23505", "duplicate key value violates unique constraint %q", uv.Index).onTable(uv.Table, "", uv.Index)
	case errors.Is(err, tablespace.ErrDuplicateKey):
		return Errorf("23505", "%v", err)
	case errors.Is(err, tablespace.ErrSerialization):
		return &Error{Code: "40001", Message: "could not serialize access due to concurrent update",
			Hint: "The row changed after this REPEATABLE READ transaction's snapshot; retry the transaction."}
	case errors.Is(err, tablespace.ErrDeadlock):
		return &Error{Code: "40P01", Message: "deadlock detected",
			Detail: "The transaction waited for a row lock held by a transaction waiting for it.",
			Hint:   "Retry the transaction; take row locks in the same order everywhere to avoid it."}
	case errors.Is(err, tablespace.ErrLockTimeout):
		return Errorf("55P03", "could not obtain lock on row: lock wait timeout")
	case errors.Is(err, tablespace.ErrTxnMemory):
		return &Error{Code: "53200", Message: "out of memory", Detail: err.Error(),
			Hint: "Split the work into smaller transactions, or raise the server's --max-txn-memory."}
	case errors.Is(err, tablespace.ErrClosed):
		return Errorf("57P01", "terminating connection due to administrator command")
	case errors.Is(err, tablespace.ErrDiskFull):
		return &Error{Code: "53100", Message: err.Error(),
			Hint: "Free disk space; writes resume by themselves, reads are not affected."}
	case errors.Is(err, tablespace.ErrNotLeader):
		return &Error{Code: NotLeaderCode, Message: "this node " + NotLeaderMessage + "; leadership moved",
			Hint: "Retry the statement."}
	case errors.Is(err, tablespace.ErrOutcomeUnknown):
		return &Error{Code: "08007", Message: "transaction resolution unknown: " + LeaderMovedMessage + " while the commit was in flight",
			Hint: "Check whether the transaction's changes are there before retrying it."}
	case errors.Is(err, context.DeadlineExceeded):
		return Errorf("57014", "canceling statement due to statement timeout")
	case errors.Is(err, context.Canceled):
		return Errorf("57014", "canceling statement due to user request")
	}
	return Errorf("XX000", "%v", err)
}

// syntaxError turns a vitess parse error into PostgreSQL's 42601 message.
func syntaxError(err error) error {
	var se *Error
	if errors.As(err, &se) {
		return se // the parse succeeded but the statement is refused (too deep)
	}
	msg := err.Error()
	if i := strings.Index(msg, " near '"); i >= 0 {
		near := strings.TrimSuffix(msg[i+len(" near '"):], "'")
		if near == "" {
			return Errorf("42601", "syntax error at end of input")
		}
		return nearError(unmark(near))
	}
	if strings.HasPrefix(msg, "syntax error") {
		return Errorf("42601", "%s", msg)
	}
	return Errorf("42601", "syntax error: %s", msg)
}

// isTxnEnd reports whether first begins a statement that ends the transaction block (or
// ROLLBACK TO, which has a savepointStmt).
func isTxnEnd(first string) bool {
	return first == "end" || first == "abort" || first == "commit" || first == "rollback"
}

// withTxn runs fn in the explicit transaction, or in its own autocommitted one.
func (s *Session) withTxn(ctx context.Context, fn func(*tablespace.Txn) error) error {
	if s.tx != nil {
		return fn(s.tx)
	}
	tx := s.begin()
	err := fn(tx)
	if err == nil {
		err = s.notifyRoom()
	}
	if err == nil && s.hasDeleteRows() {
		err = s.emptyTempTables(ctx, tx)
	}
	if err != nil {
		tx.Rollback()
		s.endAutocommitNotify(false)
		return err
	}
	err = tx.Commit(ctx)
	s.endAutocommitNotify(err == nil)
	return err
}

// endTxn applies the end of the explicit transaction to what the session keeps beside it.
func (s *Session) endTxn(committed bool) {
	s.endTxnSettings(committed)
	s.endTxnNotify(committed)
	s.undoCreates(committed)
	s.endTxnTempViews(committed)
	s.endTxnTempTables(committed)
	clear(s.savepoints)
	s.savepoints = s.savepoints[:0]
	s.endTxnCursors(committed)
}

// begin starts a transaction with the session's lock_timeout.
func (s *Session) begin() *tablespace.Txn {
	tx := s.ts.Begin()
	tx.SetLockTimeout(s.txLockTimeout())
	return tx
}

// txLockTimeout is lock_timeout as a transaction's lock timeout: 0, no bound, waits for a
// row lock until it is let go, a deadlock (40P01) or statement_timeout, as in PostgreSQL.
func (s *Session) txLockTimeout() time.Duration {
	if s.set.lockTimeout == 0 {
		return tablespace.WaitForRowLocks
	}
	return s.set.lockTimeout
}

// beginBlock starts the explicit transaction at level ("" for default_transaction_isolation),
// read-only when readOnly is "on" ("" for default_transaction_read_only).
func (s *Session) beginBlock(level, readOnly string) error {
	if level == "" {
		level, _ = s.setting("default_transaction_isolation")
	}
	s.tx = s.begin()
	if err := s.setIsolation(level); err != nil {
		return err
	}
	if readOnly == "" {
		return nil
	}
	return s.setTxnReadOnly(readOnly == "on")
}

// setTxnReadOnly is SET TRANSACTION READ ONLY (on) or READ WRITE in the explicit transaction.
// As in PostgreSQL, a transaction may always become read-only, but read-write only before
// its first query and outside a subtransaction.
func (s *Session) setTxnReadOnly(on bool) error {
	if on == s.set.readOnly {
		return nil
	}
	if !on {
		if s.tx.Savepoints() > 0 {
			return Errorf("25001", "cannot set transaction read-write mode inside a read-only transaction")
		}
		// SetRepeatableRead to the level the transaction has changes nothing; it fails once
		// a statement took a snapshot, which is PostgreSQL's "before any query".
		level, _ := s.setting("transaction_isolation")
		if s.tx.SetRepeatableRead(level == "repeatable read") != nil {
			return Errorf("25001", "transaction read-write mode must be set before any query")
		}
	}
	v := "off"
	if on {
		v = "on"
	}
	return s.changeSetting("transaction_read_only", v, true, false)
}

// setIsolation sets the explicit transaction's isolation level (checkIsolation's names).
func (s *Session) setIsolation(level string) error {
	if s.tx.Savepoints() > 0 {
		if cur, _ := s.setting("transaction_isolation"); cur != level {
			return Errorf("25001", "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction")
		}
	}
	if err := s.tx.SetRepeatableRead(level == "repeatable read"); err != nil {
		return Errorf("25001", "SET TRANSACTION ISOLATION LEVEL must be called before any query")
	}
	if cur, _ := s.setting("transaction_isolation"); cur == level {
		return nil
	}
	return s.changeSetting("transaction_isolation", level, true, false)
}

// withTimeout bounds a statement by statement_timeout.
func (s *Session) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if s.set.statementTimeout > 0 {
		return context.WithTimeout(ctx, s.set.statementTimeout)
	}
	return ctx, func() {}
}

func (s *Session) commit(ctx context.Context, out Output) error {
	tx, failed := s.tx, s.failed
	if s.implicit {
		s.warnNoTransaction() // COMMIT in a multi-statement string: it commits, as PostgreSQL's
	}
	s.tx, s.failed, s.implicit = nil, false, false
	if tx == nil {
		s.warnNoTransaction()
		return out.Complete("COMMIT")
	}
	if failed {
		s.stopLiveCursor()
		tx.Rollback()
		s.endTxn(false)
		return out.Complete("ROLLBACK")
	}
	if err := s.commitTx(ctx, tx, false); err != nil {
		return err
	}
	return out.Complete("COMMIT")
}

// commitTx commits the session's transaction block tx, already detached from s.tx, with what
// the session keeps beside it (held cursors, notifications, ON COMMIT DELETE ROWS). A commit
// refused for leadership is 40001, the whole transaction to be retried, unless alone says
// it ran one statement whose result the client has not seen: its ErrNotLeader is then left
// for toError's 25006, as an autocommitted statement's is (SyncBatch).
func (s *Session) commitTx(ctx context.Context, tx *tablespace.Txn, alone bool) error {
	err := s.persistHeldCursors(ctx)
	s.stopLiveCursor()
	if err == nil {
		err = s.notifyRoom()
	}
	if err == nil && s.hasDeleteRows() {
		if err = s.onCommitFKError(nil); err == nil {
			err = s.emptyTempTables(ctx, tx)
		}
	}
	if err != nil {
		tx.Rollback()
		s.endTxn(false)
		return err
	}
	err = tx.Commit(ctx)
	s.endTxn(err == nil)
	if errors.Is(err, tablespace.ErrNotLeader) && !alone {
		return leaderMovedInTxn() // refused, never appended: the transaction rolled back
	}
	return err
}

func (s *Session) rollback(out Output) error {
	s.stopLiveCursor()
	if s.tx == nil || s.implicit {
		s.warnNoTransaction() // a multi-statement string's ROLLBACK still rolls it back
	}
	if s.tx != nil {
		s.tx.Rollback()
		s.endTxn(false)
	}
	s.tx, s.failed, s.implicit = nil, false, false
	return out.Complete("ROLLBACK")
}

// tableName resolves a single unqualified (or tablespace-qualified) table reference.
func (s *Session) tableName(tn sqlparser.TableName) (string, error) {
	return s.tableNameOf(tn.Qualifier.String(), tn.Name.String())
}

// tableNameOf is tableName of a name and its qualifier q ("" for none).
func (s *Session) tableNameOf(q, name string) (string, error) {
	switch {
	case q == "information_schema" || q == "pg_catalog":
		return q + "." + name, nil // only system tables have such names
	case q == "" && strings.HasPrefix(name, "pg_") && systemTables["pg_catalog."+name] != nil:
		// pg_catalog comes first on every search path, as in PostgreSQL.
		return "pg_catalog." + name, nil
	}
	if hidden, ok := s.tempTableName(name); ok && q == "pg_temp" {
		return hidden, nil // temp_table.go
	}
	if q == "" {
		if hidden, ok := s.tempFound(name); ok {
			return hidden, nil
		}
		if !s.publicSearched() {
			return "", relationMissing(name)
		}
	}
	if q == "pg_temp" {
		return "", relationMissing(name)
	}
	if q != "" && q != "public" && q != s.ts.Name() {
		return "", Errorf("0A000", "cross-tablespace reference %s.%s is not supported", q, name)
	}
	return name, nil
}

func relationMissing(name string) error {
	return Errorf("42P01", "relation %q does not exist", name)
}

func unsupported(format string, args ...any) error {
	return Errorf("0A000", "%s is not supported yet", fmt.Sprintf(format, args...))
}
