package sql

import (
	"context"
	"maps"
)

// SAVEPOINT, ROLLBACK TO SAVEPOINT and RELEASE SAVEPOINT, with PostgreSQL's semantics: names
// may repeat and refer to the newest savepoint of the name; ROLLBACK TO undoes what the
// transaction did since the savepoint (its writes, through tablespace.Txn.RollbackTo, and its
// SETs), keeps the savepoint and destroys the later ones, and brings a failed transaction
// back (what psql's ON_ERROR_ROLLBACK relies on); RELEASE destroys the savepoint and the later
// ones and keeps what they did. sql/parser reads them (utility_tree.go).

// savepointStmt is one savepoint statement.
type savepointStmt struct {
	kind string // "savepoint", "rollback" (ROLLBACK TO) or "release"
	name string
}

// savepoint is a live savepoint of the session's transaction; its level in the
// tablespace.Txn is its place in Session.savepoints plus one.
type savepoint struct {
	name string
	// The session's SET and SET LOCAL values when it was taken, which ROLLBACK TO restores.
	session, local map[string]string
}

// execSavepointStmt runs a savepointStmt.
func (s *Session) execSavepointStmt(_ context.Context, st *savepointStmt, out Output) error {
	if s.tx == nil || s.implicit {
		cmd := map[string]string{"savepoint": "SAVEPOINT", "rollback": "ROLLBACK TO SAVEPOINT", "release": "RELEASE SAVEPOINT"}[st.kind]
		return Errorf("25P01", "%s can only be used in transaction blocks", cmd)
	}
	if st.kind == "savepoint" {
		if _, err := s.tx.Savepoint(); err != nil {
			return err
		}
		s.savepoints = append(s.savepoints, savepoint{name: st.name,
			session: maps.Clone(s.set.session), local: maps.Clone(s.set.local)})
		s.savepointNotify(len(s.savepoints))
		return out.Complete("SAVEPOINT")
	}
	i := len(s.savepoints) - 1
	for i >= 0 && s.savepoints[i].name != st.name {
		i--
	}
	if i < 0 {
		return Errorf("3B001", "savepoint %q does not exist", st.name)
	}
	if st.kind == "release" {
		if err := s.tx.Release(i + 1); err != nil {
			return err
		}
		if err := s.releaseReadOnly(s.savepoints[i].local); err != nil {
			return err
		}
		clear(s.savepoints[i:])
		s.savepoints = s.savepoints[:i]
		s.releaseCursors(i)
		return out.Complete("RELEASE")
	}
	if err := s.tx.RollbackTo(i + 1); err != nil {
		return err
	}
	clear(s.savepoints[i+1:])
	s.savepoints = s.savepoints[:i+1]
	s.failed = false
	s.rollbackToNotify(i + 1)
	s.rollbackToCursors(i + 1)
	sp := &s.savepoints[i]
	s.set.session, s.set.local = maps.Clone(sp.session), maps.Clone(sp.local)
	s.set.changed = true
	if err := s.refreshSettings(); err != nil {
		return err
	}
	return out.Complete("ROLLBACK")
}

// releaseReadOnly gives the transaction back, at RELEASE, the read-only mode it had when the
// savepoint was taken (local: its SET LOCAL values then), as PostgreSQL's
// CommitSubTransaction restores XactReadOnly: SET TRANSACTION READ ONLY lasts as long as the
// subtransaction it ran in, while the savepoint's other SETs stay.
func (s *Session) releaseReadOnly(local map[string]string) error {
	const key = "transaction_read_only"
	v, ok := local[key]
	if cur, had := s.set.local[key]; had == ok && cur == v {
		return nil
	}
	if ok {
		s.set.local[key] = v
	} else {
		delete(s.set.local, key)
	}
	s.set.changed = true
	return s.refreshSettings()
}
