package sql

import (
	"errors"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// TestAlterObjectsFromTree: ALTER VIEW, MATERIALIZED VIEW, INDEX and SEQUENCE (OWNER TO too),
// REFRESH MATERIALIZED VIEW, drove's tablespace statements, DROP NODE, BACKUP and RESTORE are
// CREATE/ALTER/DROP USER and ROLE are read by sql/parser (a Statement of the tree has no
// dialect-pass words), their options checked as users.go did; GRANT and REVOKE are the
// parser's 0A000 (the dialect pass made them a syntax error).
func TestAlterObjectsFromTree(t *testing.T) {
	for _, c := range []struct {
		q    string
		of   func(st *Statement) bool
		code string
	}{
		{q: "ALTER VIEW v RENAME TO w", of: alterOf(ast.ObjView)},
		{q: "ALTER VIEW IF EXISTS public.v OWNER TO CURRENT_USER", of: alterOf(ast.ObjView)},
		{q: "ALTER MATERIALIZED VIEW m RENAME COLUMN a TO b", of: alterOf(ast.ObjMatView)},
		{q: "ALTER MATERIALIZED VIEW m OWNER TO r", of: alterOf(ast.ObjMatView)},
		{q: "ALTER INDEX i RENAME TO j", of: alterOf(ast.ObjIndex)},
		{q: "ALTER INDEX i OWNER TO SESSION_USER", of: alterOf(ast.ObjIndex)},
		{q: "ALTER SEQUENCE s OWNER TO r", of: alterOf(ast.ObjSequence)},
		{q: "REFRESH MATERIALIZED VIEW CONCURRENTLY m WITH NO DATA", of: func(st *Statement) bool {
			return st.view != nil && st.view.verb == "refresh" && st.view.concurrently && st.view.noData
		}},
		{q: "REFRESH MATERIALIZED VIEW other.m", code: "0A000"},
		{q: "CREATE TABLESPACE 'ts1', 'leader:n1'", of: func(st *Statement) bool { return st.tsStmt != nil }},
		{q: "ALTER TABLESPACE ts1, 'leader:n1'", of: func(st *Statement) bool { return st.tsStmt != nil }},
		{q: "DROP NODE n2", of: func(st *Statement) bool { return st.tsStmt != nil && st.tsStmt.node }},
		{q: "BACKUP TABLESPACE ts1 TO STDOUT", of: func(st *Statement) bool { return st.backup != nil && !st.backup.restore }},
		{q: "RESTORE TABLESPACE ts1 FROM STDIN", of: func(st *Statement) bool { return st.backup != nil && st.backup.restore }},
		{q: "CREATE USER u WITH PASSWORD 'p' SUPERUSER CREATEDB", of: func(st *Statement) bool {
			return st.user != nil && *st.user.opts.Password == "p" && *st.user.opts.Superuser
		}},
		{q: "ALTER ROLE u NOSUPERUSER", of: func(st *Statement) bool { return st.user != nil && !*st.user.opts.Superuser }},
		{q: "DROP USER IF EXISTS a, b", of: func(st *Statement) bool { return st.user != nil && st.user.ifExists && len(st.user.names) == 2 }},
		{q: "CREATE ROLE r foo", code: "42601"},
		{q: "CREATE USER u", code: "0A000"},
		{q: "CREATE USER pg_u PASSWORD 'p'", code: "42939"},
		{q: "CREATE USER u PASSWORD NULL", code: "0A000"},
		{q: "CREATE USER u PASSWORD 'p' CREATEDB", code: "0A000"},
		{q: "CREATE USER u PASSWORD 'p' NOLOGIN", code: "0A000"},
		{q: "CREATE USER u PASSWORD 'p' CONNECTION LIMIT 3", code: "0A000"},
		{q: "ALTER USER u LOGIN", code: "42601"},
		{q: "ALTER USER u RENAME TO v", code: "0A000"},
		{q: "ALTER USER CURRENT_USER PASSWORD 'p'", code: "0A000"},
		{q: "GRANT SELECT ON t TO r", code: "0A000"},
		{q: "REVOKE ALL ON t FROM PUBLIC", code: "0A000"},
	} {
		sts, err := parseStatements(c.q, func() error { return nil })
		if c.code != "" {
			var e *Error
			if !errors.As(err, &e) || e.Code != c.code {
				t.Errorf("%s: got %v, want SQLSTATE %s", c.q, err, c.code)
			}
			continue
		}
		if err != nil || len(sts) != 1 {
			t.Errorf("%s: %v %v", c.q, sts, err)
			continue
		}
		if st := sts[0]; st.words != nil || !c.of(st) {
			t.Errorf("%s: not read from the tree: %+v", c.q, st)
		}
	}
}

func alterOf(kind ast.ObjectKind) func(st *Statement) bool {
	return func(st *Statement) bool {
		a, ok := st.ddl.(*ast.AlterTable)
		return ok && a.Kind == kind
	}
}
