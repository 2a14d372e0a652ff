package sql

import (
	"context"
	"slices"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"
)

// ALTER TABLE | SEQUENCE | VIEW | MATERIALIZED VIEW | INDEX name OWNER TO role, which pg_dump
// writes after every object it creates. drove has no per-object owners yet (every user may
// use every table; pg_class.relowner is the superuser's): the statement checks what
// PostgreSQL checks (the relation exists and is of the kind named, the role exists) and
// changes nothing. It runs from sql/parser's tree (alter_tree.go, alter_object_tree.go).

// ownerStmt is one ALTER ... OWNER TO.
type ownerStmt struct {
	kind     string // "table", "sequence", "view", "materialized view", "index"
	ifExists bool
	qual     string
	name     string
	role     string // a role name, or "current_user", "session_user", "current_role" as keywords
	roleKW   bool   // role is one of those keywords, not a name
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
