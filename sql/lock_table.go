package sql

import (
	"context"
	"errors"
	"strings"

	"github.com/drovedb/drove/tablespace"
	"vitess.io/vitess/go/vt/sqlparser"
)

// LOCK [TABLE] [ONLY] name [*] [, ...] [IN mode MODE] [NOWAIT], parsed from sql/lexer's
// tokens, held until the transaction ends (tablespace/lock.go: the table gates). The modes
// that conflict with nothing but ACCESS EXCLUSIVE (ACCESS SHARE, ROW SHARE, ROW EXCLUSIVE)
// enter the table's gate, as every read and write does; ACCESS EXCLUSIVE, the default, closes
// it with the transaction inside, as TRUNCATE does, so other sessions' reads and writes of the
// table wait for the commit or rollback (up to their lock_timeout, 55P03). The modes between
// (SHARE UPDATE EXCLUSIVE, SHARE, SHARE ROW EXCLUSIVE, EXCLUSIVE) conflict with the row
// writes' ROW EXCLUSIVE, which the gates do not tell apart from reads: they are refused
// (0A000) rather than taken too strong (blocking reads) or too weak.
type lockStmt struct {
	names  []string
	mode   string // PostgreSQL's name, upper case: "ACCESS EXCLUSIVE"
	nowait bool
}

// lockModes are LOCK's modes, their words as written.
var lockModes = [][]string{
	{"access", "share"}, {"row", "share"}, {"row", "exclusive"}, {"share", "update", "exclusive"},
	{"share", "row", "exclusive"}, {"share"}, {"exclusive"}, {"access", "exclusive"},
}

func isLockStmt(words []string) bool { return len(words) > 0 && words[0] == "lock" }

func parseLockStmt(text string) (*lockStmt, error) {
	toks, err := lexSetting(text)
	if err != nil {
		return nil, err
	}
	p := &settingParser{toks: toks, pos: 1}
	p.accept("table")
	st := &lockStmt{mode: "ACCESS EXCLUSIVE"}
	for {
		p.accept("only")
		name, err := p.name()
		if err != nil {
			return nil, err
		}
		st.names = append(st.names, name)
		p.accept("*")
		if !p.accept(",") {
			break
		}
	}
	if p.accept("in") {
		found := false
		for _, m := range lockModes {
			if p.accept(m...) {
				st.mode, found = strings.ToUpper(strings.Join(m, " ")), true
				break
			}
		}
		if !found || !p.accept("mode") {
			return nil, p.syntaxError()
		}
	}
	st.nowait = p.accept("nowait")
	if !p.done() {
		return nil, p.syntaxError()
	}
	return st, nil
}

// execLockStmt runs LOCK: 25P01 outside a transaction block (an extended batch's transaction
// is none, as in PostgreSQL), then each table in order.
func (s *Session) execLockStmt(ctx context.Context, st *lockStmt, out Output) error {
	if !s.inTransactionBlock() {
		return Errorf("25P01", "LOCK TABLE can only be used in transaction blocks")
	}
	exclusive := st.mode == "ACCESS EXCLUSIVE"
	switch st.mode {
	case "ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "ACCESS EXCLUSIVE":
	default:
		return unsupported("LOCK TABLE IN %s MODE", st.mode)
	}
	for _, t := range st.names {
		name, err := s.lockTarget(t)
		if err != nil {
			return err
		}
		if err := s.lockTable(ctx, name, exclusive, st.nowait); err != nil {
			return err
		}
	}
	return out.Complete("LOCK TABLE")
}

// lockTarget resolves a LOCK's table name.
func (s *Session) lockTarget(t string) (string, error) {
	tn := sqlparser.TableName{Name: sqlparser.NewIdentifierCS(t)}
	if q, n, ok := strings.Cut(t, "."); ok {
		tn = sqlparser.TableName{Qualifier: sqlparser.NewIdentifierCS(q), Name: sqlparser.NewIdentifierCS(n)}
	}
	name, err := s.tableName(tn)
	if err != nil {
		return "", err
	}
	if _, ok := s.ts.Schema(name); ok {
		return name, nil
	}
	if systemTables[name] != nil || s.isView(name) {
		return "", unsupported("LOCK TABLE of %q, which is not a stored table", name)
	}
	return "", relationMissing(name)
}

// lockTable takes one table's lock in the session's transaction.
func (s *Session) lockTable(ctx context.Context, name string, exclusive, nowait bool) error {
	tx := s.tx
	err := tx.LockShared(ctx, name, nowait)
	if err == nil {
		schema, _ := s.ts.Schema(name)
		err = enterTable(ctx, tx, name, schema)
	}
	if err == nil && exclusive {
		err = tx.LockExclusive(tablespace.WithLockTimeout(ctx, s.set.lockTimeout), name, nowait)
	}
	switch {
	case errors.Is(err, tablespace.ErrLockNotAvailable):
		return Errorf("55P03", "could not obtain lock on relation %q", name)
	case errors.Is(err, tablespace.ErrLockTimeout):
		return Errorf("55P03", "canceling statement due to lock timeout")
	}
	return err
}
