package sql

import (
	"context"
	"fmt"

	"github.com/drovedb/drove/types"
)

// Column describes one result column.
type Column struct {
	Name string
	Type types.Type
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
}

func (e *Error) Error() string { return e.Message }

// SQLState returns the SQLSTATE code; pgwire reads it through this method.
func (e *Error) SQLState() string { return e.Code }

// Errorf builds an *Error with the given SQLSTATE.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Executor is the contract a session offers to pgwire and to the database/sql driver.
type Executor interface {
	// Exec runs every statement of query in order, writing results to out. It stops at the
	// first failing statement and returns its error (an *Error for client-caused errors).
	Exec(ctx context.Context, query string, out Output) error
	// TxStatus is TxIdle, TxActive or TxFailed.
	TxStatus() byte
	// Close rolls back any open transaction.
	Close()
}
