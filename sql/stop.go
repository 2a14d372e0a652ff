package sql

import (
	"errors"

	"vitess.io/vitess/go/vt/sqlparser"
)

// ErrStop, returned by an Output's Row, ends a query early: the reader has the rows it wants
// (database/sql's Rows closed before the end). For a statement that only reads (IsQuery) the
// session then returns ErrStop itself and the statement ends as if it had produced its rows so
// far: no error is recorded, an explicit transaction carries on. For any other statement it
// is an error like any other, so a write never ends half done yet committed.
var ErrStop = errors.New("sql: the reader stopped the query")

// IsQuery reports whether the statement is a query (SELECT, VALUES, a UNION of them): it
// reads and returns rows and writes nothing, so its reader may stop it early (ErrStop).
func (st *Statement) IsQuery() bool {
	_, ok := st.ast.(sqlparser.TableStatement)
	return ok
}

// stopped reports whether err is a reader's ErrStop that ends st without error.
func stopped(st *Statement, err error) bool {
	return err != nil && st != nil && st.IsQuery() && errors.Is(err, ErrStop)
}
