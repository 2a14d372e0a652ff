package sql

import (
	"context"
	"slices"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
)

// ALTER TABLE | SEQUENCE | VIEW | MATERIALIZED VIEW | INDEX name OWNER TO role, which pg_dump
// writes after every object it creates. drove has no per-object owners yet (every user may
// use every table; pg_class.relowner is the superuser's): the statement checks what
// PostgreSQL checks (the relation exists and is of the kind named, the role exists) and
// changes nothing.

// ownerStmt is one ALTER ... OWNER TO.
type ownerStmt struct {
	kind     string // "table", "sequence", "view", "materialized view", "index"
	ifExists bool
	qual     string
	name     string
	role     string // a role name, or "current_user", "session_user", "current_role" as keywords
	roleKW   bool   // role is one of those keywords, not a name
}

// isOwnerStmt matches ALTER <relation kind> ... OWNER TO role (not a column or constraint
// renamed to "owner" and beyond: RENAME [COLUMN] owner TO x ends the same way).
func isOwnerStmt(words []string) bool {
	n := len(words)
	if n < 6 || words[0] != "alter" || words[n-3] != "owner" || words[n-2] != "to" {
		return false
	}
	switch words[n-4] {
	case "rename", "column", "constraint":
		return false
	}
	switch words[1] {
	case "table", "sequence", "view", "index":
		return true
	case "materialized":
		return words[2] == "view"
	}
	return false
}

func parseOwnerStmt(q string) (*ownerStmt, error) {
	toks, err := lexSQL(q)
	if err != nil {
		return nil, err
	}
	p := &conParser{src: q, toks: toks, pos: 1}
	st := &ownerStmt{}
	for _, k := range []string{"table", "sequence", "view", "index", "materialized view"} {
		if p.accept(strings.Fields(k)...) {
			st.kind = k
			break
		}
	}
	if at := p.pos; st.kind != "table" {
		if p.accept("if", "exists"); p.peekAt(0, "only") {
			return nil, p.syntaxError() // ONLY is ALTER TABLE's alone
		}
		p.pos = at
	}
	if st.ifExists, st.qual, st.name, err = p.alterTableTarget(); err != nil {
		return nil, err
	}
	if !p.accept("owner", "to") {
		return nil, p.syntaxError()
	}
	for _, kw := range []string{"current_user", "session_user", "current_role"} {
		if p.peekAt(0, kw) && p.toks[p.pos].Kind != lexer.QuotedIdent {
			st.role, st.roleKW = kw, true
			p.pos++
			break
		}
	}
	if !st.roleKW {
		if st.role, err = p.name(); err != nil {
			return nil, err
		}
	}
	if p.accept(";"); !p.done() {
		return nil, p.syntaxError()
	}
	return st, nil
}

// relKind is what the session's catalog holds under name: "table", "sequence", "view",
// "materialized view", "index", or "" for nothing.
func (s *Session) relKind(name string) string {
	switch {
	case s.isSequence(name):
		return "sequence"
	case s.isView(name):
		return "view"
	case s.isMatview(name):
		return "materialized view"
	}
	for _, schema := range s.ts.Tables() {
		if schema.Name == name {
			return "table"
		}
		if isPKey(schema, name) || schema.IndexNamed(name) != nil {
			return "index"
		}
	}
	if systemTables[name] != nil {
		return "table"
	}
	return ""
}

func (s *Session) execOwnerStmt(_ context.Context, st *ownerStmt, out Output) error {
	tag := "ALTER " + strings.ToUpper(st.kind)
	name, err := s.tableName(sqlparser.TableName{Qualifier: sqlparser.NewIdentifierCS(st.qual), Name: sqlparser.NewIdentifierCS(st.name)})
	if err != nil {
		return err
	}
	kind := s.relKind(name)
	switch {
	case kind == "" && st.ifExists:
		s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", st.name)
		return out.Complete(tag)
	case kind == "":
		return relationMissing(st.name)
	case st.kind != "table" && st.kind != kind:
		article := "a "
		if st.kind == "index" {
			article = "an "
		}
		return Errorf("42809", "%q is not %s%s", st.name, article, st.kind)
	}
	role := st.role
	if st.roleKW {
		role = s.set.user // SESSION_USER too: drove has no SET ROLE
	} else if !slices.Contains(s.userNames(), role) {
		return Errorf("42704", "role %q does not exist", role)
	}
	if kind == "index" && role != s.ownerName() {
		// PostgreSQL warns and changes nothing (old pg_dumps wrote ALTER INDEX ... OWNER TO).
		s.sendNotice(Notice{Severity: "WARNING", Code: "42809", Message: "cannot change owner of index \"" + name + "\"",
			Hint: "Change the ownership of the index's table, instead."})
	}
	return out.Complete(tag)
}
