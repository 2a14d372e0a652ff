package sql

import (
	"context"
	"errors"
	"fmt"
	"strings"

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

// Session is one client's SQL session on one tablespace. It is used by one goroutine at a time.
type Session struct {
	ts     *tablespace.Tablespace
	tx     *tablespace.Txn // open explicit transaction, or nil
	failed bool            // the explicit transaction hit an error: only ROLLBACK is accepted
	row    rowBuffers

	defaultCache map[*types.Schema][]*expr
}

// NewSession starts a session on ts.
func NewSession(ts *tablespace.Tablespace) *Session { return &Session{ts: ts} }

var _ Executor = (*Session)(nil)

// TxStatus implements Executor.
func (s *Session) TxStatus() byte {
	switch {
	case s.tx == nil:
		return TxIdle
	case s.failed:
		return TxFailed
	}
	return TxActive
}

// Close implements Executor.
func (s *Session) Close() {
	if s.tx != nil {
		s.tx.Rollback()
		s.tx, s.failed = nil, false
	}
}

// Exec implements Executor.
func (s *Session) Exec(ctx context.Context, query string, out Output) error {
	pieces, err := splitAndRewrite(query)
	if err != nil {
		return s.fail(err)
	}
	for _, p := range pieces {
		if err := s.execOne(ctx, p, out); err != nil {
			return s.fail(err)
		}
	}
	return nil
}

// fail marks an explicit transaction failed and maps the error to a SQLSTATE.
func (s *Session) fail(err error) error {
	if s.tx != nil {
		s.failed = true
	}
	return toError(err)
}

// toError maps storage and parser errors to PostgreSQL errors.
func toError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	switch {
	case errors.Is(err, tablespace.ErrNoTable):
		return Errorf("42P01", "%v", err)
	case errors.Is(err, tablespace.ErrTableExists):
		return Errorf("42P07", "%v", err)
	case errors.Is(err, tablespace.ErrDuplicateKey):
		return Errorf("23505", "%v", err)
	case errors.Is(err, tablespace.ErrLockTimeout):
		return Errorf("55P03", "could not obtain lock on row: lock wait timeout")
	case errors.Is(err, tablespace.ErrClosed):
		return Errorf("57P01", "terminating connection due to administrator command")
	case errors.Is(err, tablespace.ErrNotLeader):
		return Errorf("40001", "%v", err)
	case errors.Is(err, context.Canceled):
		return Errorf("57014", "canceling statement due to user request")
	}
	return Errorf("XX000", "%v", err)
}

// syntaxError turns a vitess parse error into PostgreSQL's 42601 message.
func syntaxError(err error) error {
	msg := err.Error()
	if i := strings.Index(msg, " near '"); i >= 0 {
		near := strings.TrimSuffix(msg[i+len(" near '"):], "'")
		if near == "" {
			return Errorf("42601", "syntax error at end of input")
		}
		return Errorf("42601", "syntax error at or near %q", near)
	}
	if strings.HasPrefix(msg, "syntax error") {
		return Errorf("42601", "%s", msg)
	}
	return Errorf("42601", "syntax error: %s", msg)
}

func (s *Session) execOne(ctx context.Context, p piece, out Output) error {
	if s.failed {
		switch p.first {
		case "rollback", "abort", "commit", "end":
		default:
			return Errorf("25P02", "current transaction is aborted, commands ignored until end of transaction block")
		}
	}
	// Statements vitess does not know, or knows differently.
	switch {
	case p.first == "checkpoint" && len(p.words) == 1:
		if err := s.ts.Checkpoint(ctx); err != nil {
			return err
		}
		return out.Complete("CHECKPOINT")
	case (p.first == "end" || p.first == "abort") && isTxnTail(p.words[1:]):
		if p.first == "end" {
			return s.commit(ctx, out)
		}
		return s.rollback(out)
	}
	stmt, err := parser.ParseStrictDDL(p.sql)
	if err != nil {
		return syntaxError(err)
	}
	switch st := stmt.(type) {
	case *sqlparser.Begin:
		if len(st.TxAccessModes) > 0 {
			return Errorf("0A000", "transaction access modes are not supported yet")
		}
		if s.tx != nil {
			// PostgreSQL warns and carries on; so do we (without the warning).
			return out.Complete("BEGIN")
		}
		s.tx = s.ts.Begin()
		return out.Complete("BEGIN")
	case *sqlparser.Commit:
		return s.commit(ctx, out)
	case *sqlparser.Rollback:
		return s.rollback(out)
	case *sqlparser.CreateTable:
		if s.tx != nil {
			return Errorf("0A000", "CREATE TABLE inside a transaction block is not supported yet")
		}
		return s.createTable(ctx, st, out)
	case *sqlparser.DropTable:
		if s.tx != nil {
			return Errorf("0A000", "DROP TABLE inside a transaction block is not supported yet")
		}
		return s.dropTable(ctx, st, out)
	case *sqlparser.Select:
		return s.withTxn(ctx, func(tx *tablespace.Txn) error { return s.selectStmt(ctx, tx, st, out) })
	case *sqlparser.Insert:
		return s.withTxn(ctx, func(tx *tablespace.Txn) error { return s.insert(ctx, tx, st, out) })
	case *sqlparser.Update:
		return s.withTxn(ctx, func(tx *tablespace.Txn) error { return s.update(ctx, tx, st, out) })
	case *sqlparser.Delete:
		return s.withTxn(ctx, func(tx *tablespace.Txn) error { return s.delete(ctx, tx, st, out) })
	}
	return Errorf("0A000", "statement not supported: %s", firstWords(p.words, 3))
}

func isTxnTail(words []string) bool {
	return len(words) == 0 || len(words) == 1 && (words[0] == "transaction" || words[0] == "work")
}

func firstWords(w []string, n int) string {
	return strings.ToUpper(strings.Join(w[:min(n, len(w))], " "))
}

// withTxn runs fn in the explicit transaction, or in its own autocommitted one.
func (s *Session) withTxn(ctx context.Context, fn func(*tablespace.Txn) error) error {
	if s.tx != nil {
		return fn(s.tx)
	}
	tx := s.ts.Begin()
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit(ctx)
}

func (s *Session) commit(ctx context.Context, out Output) error {
	tx, failed := s.tx, s.failed
	s.tx, s.failed = nil, false
	if tx == nil {
		return out.Complete("COMMIT") // PostgreSQL warns "there is no transaction in progress"
	}
	if failed {
		tx.Rollback()
		return out.Complete("ROLLBACK")
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	return out.Complete("COMMIT")
}

func (s *Session) rollback(out Output) error {
	if s.tx != nil {
		s.tx.Rollback()
	}
	s.tx, s.failed = nil, false
	return out.Complete("ROLLBACK")
}

// tableName resolves a single unqualified (or tablespace-qualified) table reference.
func (s *Session) tableName(tn sqlparser.TableName) (string, error) {
	if q := tn.Qualifier.String(); q != "" && q != "public" && q != s.ts.Name() {
		return "", Errorf("0A000", "cross-tablespace reference %s.%s is not supported", q, tn.Name.String())
	}
	return tn.Name.String(), nil
}

func relationMissing(name string) error {
	return Errorf("42P01", "relation %q does not exist", name)
}

func unsupported(format string, args ...any) error {
	return Errorf("0A000", "%s is not supported yet", fmt.Sprintf(format, args...))
}
