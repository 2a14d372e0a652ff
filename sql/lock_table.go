package sql

import (
	"context"
	"errors"
	"strings"

	"github.com/drovedb/drove/tablespace"
	"vitess.io/vitess/go/vt/sqlparser"
)

// LOCK [TABLE] [ONLY] name [*] [, ...] [IN mode MODE] [NOWAIT], parsed from sql/lexer's
// tokens, held until the transaction ends (tablespace/lock.go and lockmode.go). ACCESS SHARE
// enters the table's gate, as every read does; ACCESS EXCLUSIVE, the default, closes it with
// the transaction inside, as TRUNCATE does; the modes between conflict as PostgreSQL's do with
// each other and with what reads (ACCESS SHARE), SELECT FOR UPDATE (ROW SHARE) and writes (ROW
// EXCLUSIVE) take: a SHARE lock makes other sessions' writes of the table wait for the commit
// or rollback. Waits end at lock_timeout (55P03). A view is locked by locking, in the same
// mode, the relations its query reads, as PostgreSQL does.
type lockStmt struct {
	names  []string
	mode   tablespace.LockMode
	nowait bool
}

// lockModes are LOCK's modes, their words as written.
var lockModes = []struct {
	words []string
	mode  tablespace.LockMode
}{
	{[]string{"access", "share"}, tablespace.AccessShare},
	{[]string{"row", "share"}, tablespace.RowShare},
	{[]string{"row", "exclusive"}, tablespace.RowExclusive},
	{[]string{"share", "update", "exclusive"}, tablespace.ShareUpdateExclusive},
	{[]string{"share", "row", "exclusive"}, tablespace.ShareRowExclusive},
	{[]string{"share"}, tablespace.Share},
	{[]string{"exclusive"}, tablespace.Exclusive},
	{[]string{"access", "exclusive"}, tablespace.AccessExclusive},
}

func isLockStmt(words []string) bool { return len(words) > 0 && words[0] == "lock" }

func parseLockStmt(text string) (*lockStmt, error) {
	toks, err := lexSetting(text)
	if err != nil {
		return nil, err
	}
	p := &settingParser{toks: toks, pos: 1}
	p.accept("table")
	st := &lockStmt{mode: tablespace.AccessExclusive}
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
			if p.accept(m.words...) {
				st.mode, found = m.mode, true
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
	for _, t := range st.names {
		tables, err := s.lockTargets(t)
		if err != nil {
			return err
		}
		for _, name := range tables {
			if err := s.lockTable(ctx, name, st.mode, st.nowait); err != nil {
				return err
			}
		}
	}
	return out.Complete("LOCK TABLE")
}

// lockTargets resolves a LOCK's name to the stored tables it locks: a table itself, a view
// the tables its query reads (through the views it reads).
func (s *Session) lockTargets(t string) ([]string, error) {
	tn := sqlparser.TableName{Name: sqlparser.NewIdentifierCS(t)}
	if q, n, ok := strings.Cut(t, "."); ok {
		tn = sqlparser.TableName{Qualifier: sqlparser.NewIdentifierCS(q), Name: sqlparser.NewIdentifierCS(n)}
	}
	name, err := s.tableName(tn)
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	var add func(name string, depth int) error
	add = func(name string, depth int) error {
		if seen[name] {
			return nil
		}
		seen[name] = true
		if _, ok := s.ts.Schema(name); ok {
			out = append(out, name)
			return nil
		}
		if systemTables[name] != nil && depth > 0 {
			return nil // a catalog a view reads: not locked here
		}
		if _, temp := s.tempViewNamed(name); systemTables[name] != nil || temp {
			return unsupported("LOCK TABLE of %q, which is not a stored table or view", name)
		}
		v, ok, err := s.ts.ViewByNameIn(s.tx, name)
		switch {
		case err != nil:
			return err
		case !ok && depth == 0:
			return relationMissing(name)
		case !ok:
			return nil // a system table or a function the view reads
		}
		for _, d := range v.Deps {
			if err := add(d, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return out, add(name, 0)
}

// lockTable takes one table's lock in the session's transaction.
func (s *Session) lockTable(ctx context.Context, name string, mode tablespace.LockMode, nowait bool) error {
	tx := s.tx
	err := tx.LockShared(ctx, name, nowait)
	if err == nil {
		schema, _ := s.ts.Schema(name)
		err = enterTable(ctx, tx, name, schema)
	}
	if err == nil && mode != tablespace.AccessShare {
		err = tx.LockTable(tablespace.WithLockTimeout(ctx, s.set.lockTimeout), name, mode, nowait)
	}
	return lockError(name, err)
}

// lockError is PostgreSQL's error for a table lock not taken (55P03), err otherwise.
func lockError(name string, err error) error {
	switch {
	case errors.Is(err, tablespace.ErrLockNotAvailable):
		return Errorf("55P03", "could not obtain lock on relation %q", name)
	case errors.Is(err, tablespace.ErrLockTimeout):
		return Errorf("55P03", "canceling statement due to lock timeout")
	}
	return err
}
