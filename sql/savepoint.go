package sql

import (
	"context"
	"maps"
	"strings"
)

// SAVEPOINT, ROLLBACK TO SAVEPOINT and RELEASE SAVEPOINT, with PostgreSQL's semantics: names
// may repeat and refer to the newest savepoint of the name; ROLLBACK TO undoes what the
// transaction did since the savepoint (its writes, through tablespace.Txn.RollbackTo, and its
// SETs), keeps the savepoint and destroys the later ones, and brings a failed transaction
// back (what psql's ON_ERROR_ROLLBACK relies on); RELEASE destroys the savepoint and the later
// ones and keeps what they did. vitess parses MySQL's forms, so the statements are parsed
// from sql/lexer's tokens, like SET and BEGIN.

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

// isSavepointStmt reports whether the statement's words are one parseSavepointStmt parses.
func isSavepointStmt(words []string) bool {
	if len(words) == 0 {
		return false
	}
	switch words[0] {
	case "savepoint", "release":
		return true
	case "rollback":
		w := words[1:]
		if len(w) > 0 && (w[0] == "work" || w[0] == "transaction") {
			w = w[1:]
		}
		return len(w) > 0 && w[0] == "to"
	}
	return false
}

// parseSavepointStmt parses SAVEPOINT name, RELEASE [SAVEPOINT] name and
// ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name.
func parseSavepointStmt(sql string) (*savepointStmt, error) {
	toks, err := lexSetting(sql)
	if err != nil {
		return nil, err
	}
	p := &settingParser{toks: toks, pos: 1}
	st := &savepointStmt{kind: toks[0].text}
	switch st.kind {
	case "release":
		p.accept("savepoint")
	case "rollback":
		if !p.accept("work") {
			p.accept("transaction")
		}
		p.accept("to")
		p.accept("savepoint")
	}
	if !p.done() && !p.toks[p.pos].quoted && strings.Contains(p.toks[p.pos].text, ".") {
		return nil, Errorf("42601", "syntax error at or near %q", ".")
	}
	if st.name, err = p.name(); err != nil {
		return nil, err
	}
	if !p.done() {
		return nil, p.syntaxError()
	}
	return st, nil
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
