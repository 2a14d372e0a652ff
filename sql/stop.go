package sql

import (
	"errors"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
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
	if st.query != nil {
		return true
	}
	_, ok := st.ast.(sqlparser.TableStatement)
	return ok
}

// IsCopy reports whether the statement is a COPY, which an Execute runs to completion
// whatever its row limit, in the COPY sub-protocol (as PostgreSQL runs a utility statement).
func (st *Statement) IsCopy() bool { return st.copy != nil }

// stopped reports whether err is a reader's ErrStop that ends st without error.
func stopped(st *Statement, err error) bool {
	return err != nil && st != nil && st.IsQuery() && errors.Is(err, ErrStop)
}

// CheckReadOnly returns the error PostgreSQL gives a statement a read-only transaction may
// not run (SQLSTATE 25006), nil for one it may: a query without a row-locking clause,
// EXPLAIN (which does not run its statement), SHOW, SET and RESET, VACUUM, ANALYZE,
// CHECKPOINT, COPY TO, transaction control. The session calls it for every statement of a
// read-only transaction (BEGIN READ ONLY, default_transaction_read_only, the embedded
// driver's sql.TxOptions.ReadOnly); nextval and setval check when they run.
func (st *Statement) CheckReadOnly() error {
	if st.Empty() || st.readOnly() {
		return nil
	}
	return Errorf("25006", "cannot execute %s in a read-only transaction", st.commandName())
}

// commandName names st as PostgreSQL's read-only error does (CreateCommandName).
func (st *Statement) commandName() string {
	switch {
	case st.modWith:
		return treeCommandName(st.dml) // a data-modifying WITH is named by its main statement
	case st.IsQuery():
		return "SELECT FOR UPDATE"
	case st.copy != nil:
		return "COPY FROM"
	case st.ddl != nil:
		return ddlCommandName(st.ddl) // ddl_tree.go
	case st.lock != nil:
		return "LOCK TABLE"
	case st.user != nil:
		return st.user.verb + " ROLE"
	case st.tsStmt != nil:
		return st.tsStmt.tag()
	case st.ctas != nil:
		return st.ctas.command()
	}
	cmd := strings.ToUpper(st.first)
	if cmd != "CREATE" && cmd != "DROP" && cmd != "ALTER" {
		return cmd
	}
	for _, w := range st.words[1:] {
		switch w {
		case "unique", "temp", "temporary", "unlogged", "or", "replace", "global", "local":
			continue // CREATE UNIQUE INDEX is CREATE INDEX, CREATE OR REPLACE VIEW CREATE VIEW
		case "user", "group":
			w = "role"
		}
		return cmd + " " + strings.ToUpper(w)
	}
	return cmd
}

// treeCommandName is the command name of a statement sql/parser read.
func treeCommandName(n ast.Stmt) string {
	switch n.(type) {
	case *ast.Insert:
		return "INSERT"
	case *ast.Update:
		return "UPDATE"
	case *ast.Delete:
		return "DELETE"
	}
	return "SELECT"
}

func (st *Statement) readOnly() bool {
	if st.setting != nil {
		return true // SET, SHOW, RESET, BEGIN; VACUUM and ANALYZE, which PostgreSQL allows
	}
	if st.cursor != nil {
		return true // DECLARE's query is checked when it runs
	}
	if st.savepoint != nil || st.notify != nil || st.prep != nil {
		// LISTEN, UNLISTEN and NOTIFY too, as PostgreSQL allows them; PREPARE and DEALLOCATE
		// write nothing, and EXECUTE's statement is checked when it runs.
		return true
	}
	if st.copy != nil {
		return !st.copy.from
	}
	if st.lock != nil {
		return true // every mode: PostgreSQL refuses the strong ones only during recovery
	}
	switch st.first {
	case "commit", "end", "rollback", "abort", "checkpoint": // BEGIN is a settingStmt
		return true
	}
	if st.query != nil {
		return !locksRows(st.query)
	}
	if st.explain != nil {
		return true // EXPLAIN ANALYZE's statement is checked when it runs (explain_dml.go)
	}
	switch ast := st.ast.(type) {
	case sqlparser.TableStatement:
		locks := false
		_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			if sel, ok := n.(*sqlparser.Select); ok && sel.Lock != sqlparser.NoLock {
				locks = true
			}
			return !locks, nil
		}, ast)
		return !locks
	}
	return false
}

// locksRows reports whether a query has a row-locking clause (FOR UPDATE and kin) anywhere.
func locksRows(q *ast.Select) bool {
	locks := false
	ast.Walk(q, func(n ast.Node) bool {
		if s, ok := n.(*ast.Select); ok && len(s.Locking) > 0 {
			locks = true
		}
		return !locks
	})
	return locks
}

// Statements parses query into its statements (from the session's cache), without binding or
// running them and without touching the transaction: a caller can look at them first.
func (s *Session) Statements(query string) ([]*Statement, error) { return s.statements(query) }
