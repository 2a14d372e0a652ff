package sql

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/drovedb/drove/types"
)

// Column describes one result column.
type Column struct {
	Name string
	Type types.Type
	// char(n) or varchar (see expr.bpchar): how a derived table's or subquery's column
	// compares with char(n).
	bpchar, varchar bool
	// shape: a record column's fields (expr.shape).
	shape *types.Shape
	// unknown: an untyped quoted literal, whose type a set operation takes from its other
	// branches (SELECT 1 UNION SELECT '2' is of integers).
	unknown bool
	// reg: a literal regclass or regtype (expr.reg), which the statement's result prints as
	// the name it stands for (regColumns).
	reg string
	// src is the table column the result column reads unchanged, where the query shows it
	// (see Declared); nil otherwise.
	src *types.Column
}

// Declared returns the declaration of the table column this result column reads unchanged —
// its declared length (varchar(n), char(n)), numeric precision and scale, and NOT NULL — when
// the query shows it: a plain column of the tables in FROM, outside an outer join, grouping,
// a window and a UNION whose branches differ. ok is false for anything else (an expression,
// an aggregate, a derived table's column), whose declaration is unknown.
func (c Column) Declared() (col types.Column, ok bool) {
	if c.src == nil {
		return types.Column{}, false
	}
	return *c.src, true
}

// Output receives the results of the statements of one query string, in order. For a
// statement that returns rows, Columns is called once, then Row per row, then Complete; for
// others only Complete. Row must not keep the slice past the call.
type Output interface {
	Columns(cols []Column) error
	Row(row []types.Value) error
	Complete(tag string) error
}

// Transaction status bytes, as the PostgreSQL ReadyForQuery message carries them.
const (
	TxIdle   byte = 'I'
	TxActive byte = 'T'
	TxFailed byte = 'E'
)

// Error is an error a client caused, with its PostgreSQL SQLSTATE.
type Error struct {
	Code    string // SQLSTATE, e.g. "42P01"
	Message string
	Detail  string
	Hint    string
	Where   string // context, e.g. "COPY t, line 3, column a"
	// Schema, Table, Column and Constraint name what a violation is of, as PostgreSQL's
	// error fields do (SCHEMA NAME, TABLE NAME, ...): drivers and ORMs read the constraint's
	// name from them to tell which one failed. Empty when not known.
	Schema, Table, Column, Constraint string
	// Position is where in the query string the error is, as PostgreSQL reports it: a
	// 1-based character count; 0 when not known.
	Position int
	// cause is the engine's error this one reports, for errors.Is (a unique key the
	// constraint check finds taken is also tablespace.ErrDuplicateKey, as the apply-time
	// check's is).
	cause error
	// at is where a parser raised the error, 1-based, in bytes of the text it read, until
	// parse maps it to Position (syntaxpos.go); 0 when not known.
	at int
	// seek, when set, names the words a syntax error without a place is at (syntaxpos.go).
	seek *seekWords
}

func (e *Error) Error() string { return e.Message }

// onTable sets the fields naming the table (and the column or constraint) an error is
// about; a temporary table's schema (PostgreSQL's pg_temp_N) is left unnamed.
func (e *Error) onTable(table, column, constraint string) *Error {
	shown := shownTableName(table)
	if !strings.HasPrefix(table, tempTablePrefix) {
		e.Schema = "public"
	} else if hidden := table[:len(table)-len(shown)]; hidden != "" {
		// The session's hidden prefix names its temporary tables and their default
		// constraint names (tc_id_fkey); PostgreSQL's messages show neither.
		e.Message = strings.ReplaceAll(e.Message, hidden, "")
		e.Detail = strings.ReplaceAll(e.Detail, hidden, "")
		constraint = strings.ReplaceAll(constraint, hidden, "")
	}
	e.Table, e.Column, e.Constraint = shown, column, constraint
	return e
}

// Unwrap returns the engine error behind e, if any.
func (e *Error) Unwrap() error { return e.cause }

// SQLState returns the SQLSTATE code; pgwire reads it through this method.
func (e *Error) SQLState() string { return e.Code }

// Errorf builds an *Error with the given SQLSTATE.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// PreparedStatement is what the extended query protocol needs to know of a statement.
type PreparedStatement interface {
	ParamTypes() []types.Type
	Columns() []Column // nil when the statement returns no rows
}

// Batcher is an Executor that runs the extended query protocol's implicit transaction as
// PostgreSQL does: the Executes from one Sync to the next, outside a transaction block, are
// one transaction, committed at Sync, and an error in any of them rolls back all of them.
// pgwire uses it when the session offers it (ExecPrepared autocommits each statement).
type Batcher interface {
	// ExecBatched is ExecPrepared for an Execute. Outside a transaction block it opens the
	// batch's implicit transaction and runs st in it (opened); a statement that cannot run
	// in a transaction block runs there alone, in autocommit, and after other statements of
	// the transaction is refused (25001). In the batch's transaction st runs there, in an
	// explicit one as ExecPrepared runs it. An error rolls the implicit transaction back.
	// held says the caller keeps st's CommandComplete from the client until SyncBatch or
	// ShowBatch when it opened the transaction: a write's reads are then confirmed by the
	// commit, and a commit refused because this node no longer leads is NotLeaderError
	// (25006), nothing of it applied, as for a statement in autocommit.
	ExecBatched(ctx context.Context, st PreparedStatement, args []types.Value, out Output, held bool) (opened bool, err error)
	// ShowBatch comes before a held CommandComplete goes to the client ahead of the Sync
	// (the batch goes on): the reads the statement deferred are confirmed now, and a
	// refused commit is then 40001, as for any transaction. An error rolls it back.
	ShowBatch(ctx context.Context) error
	// SyncBatch commits the batch's implicit transaction, if one is open (the Sync message).
	// Its error is the batch's: nothing of it was kept, or 08007 when that is unknown.
	SyncBatch(ctx context.Context) error
}

// Executor is the contract a session offers to pgwire and to the database/sql driver.
type Executor interface {
	// Exec runs every statement of query in order, writing results to out. It stops at the
	// first failing statement and returns its error (an *Error for client-caused errors).
	Exec(ctx context.Context, query string, out Output) error
	// Prepare parses and plans one statement for the extended query protocol. paramTypes are
	// the types the client declared for $1..$n, types.Null where it left them to the server.
	// ctx ends the work early, as for Exec.
	Prepare(ctx context.Context, query string, paramTypes []types.Type) (PreparedStatement, error)
	// ExecPrepared runs a prepared statement with values of its ParamTypes. It does not call
	// out.Columns: the extended protocol describes results separately.
	ExecPrepared(ctx context.Context, st PreparedStatement, args []types.Value, out Output) error
	// Start applies the connection's startup parameters before the first statement and
	// returns the settings to report to the client. A *Error refuses the connection.
	Start(st Startup) ([]Setting, error)
	// Abort puts an open transaction in the failed state: an error the protocol layer raised
	// itself (a Bind whose parameters do not decode) ends a transaction as any error does.
	Abort()
	// TxStatus is TxIdle, TxActive or TxFailed: TxIdle outside a transaction block, which
	// includes the implicit transaction of an extended-protocol batch (Batcher).
	TxStatus() byte
	// IdleInTransactionTimeout is how long the session may wait for its client's next message
	// inside a transaction (idle_in_transaction_session_timeout; 0: no limit).
	IdleInTransactionTimeout() time.Duration
	// Close rolls back any open transaction.
	Close()
}
