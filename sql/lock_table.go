package sql

import (
	"context"
	"errors"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"vitess.io/vitess/go/vt/sqlparser"
)

// LOCK [TABLE] [ONLY] name [*] [, ...] [IN mode MODE] [NOWAIT], read by sql/parser
// (command_tree.go), held until the transaction ends (tablespace/lock.go and lockmode.go).
// ACCESS SHARE enters the table's gate, as every read does; ACCESS EXCLUSIVE, the default,
// closes it with the transaction inside, as TRUNCATE does; the modes between conflict as
// PostgreSQL's do with each other and with what reads (ACCESS SHARE), SELECT FOR UPDATE (ROW
// SHARE) and writes (ROW EXCLUSIVE) take: a SHARE lock makes other sessions' writes of the
// table wait for the commit or rollback. Waits end at lock_timeout (55P03). A view is locked
// by locking, in the same mode, the relations its query reads, as PostgreSQL does.
type lockStmt struct {
	tables []sqlparser.TableName
	mode   tablespace.LockMode
	nowait bool
}

// lockModes are LOCK's modes by ast.Lock's Mode ("" the default, ACCESS EXCLUSIVE).
var lockModes = map[string]tablespace.LockMode{
	"ACCESS SHARE": tablespace.AccessShare, "ROW SHARE": tablespace.RowShare,
	"ROW EXCLUSIVE": tablespace.RowExclusive, "SHARE UPDATE EXCLUSIVE": tablespace.ShareUpdateExclusive,
	"SHARE ROW EXCLUSIVE": tablespace.ShareRowExclusive, "SHARE": tablespace.Share,
	"EXCLUSIVE": tablespace.Exclusive, "ACCESS EXCLUSIVE": tablespace.AccessExclusive, "": tablespace.AccessExclusive,
}

// lockOfTree is the lockStmt execLockStmt runs for the LOCK sql/parser read.
func lockOfTree(n *ast.Lock) (*lockStmt, error) {
	mode, ok := lockModes[n.Mode]
	if !ok {
		return nil, Errorf("XX000", "unknown lock mode %q", n.Mode)
	}
	st := &lockStmt{mode: mode, nowait: n.NoWait}
	for _, t := range n.Tables {
		st.tables = append(st.tables, sqlparser.TableName{Qualifier: sqlparser.NewIdentifierCS(t.Schema),
			Name: sqlparser.NewIdentifierCS(t.Name)})
	}
	return st, nil
}

// execLockStmt runs LOCK: 25P01 outside a transaction block (an extended batch's transaction
// is none, as in PostgreSQL), then each table in order.
func (s *Session) execLockStmt(ctx context.Context, st *lockStmt, out Output) error {
	if !s.inTransactionBlock() {
		return Errorf("25P01", "LOCK TABLE can only be used in transaction blocks")
	}
	for _, t := range st.tables {
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
func (s *Session) lockTargets(tn sqlparser.TableName) ([]string, error) {
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
