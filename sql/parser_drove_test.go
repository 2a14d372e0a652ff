package sql

import (
	"errors"
	"reflect"
	"testing"

	"github.com/drovedb/drove/sql/ast"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// tablespaceStmtOf is what sql makes of sql/parser's TablespaceStmt: the options checked by
// the code tablespace_stmt.go's parser uses, in the order written.
func tablespaceStmtOf(s *ast.TablespaceStmt) (*tablespaceStmt, error) {
	st := &tablespaceStmt{verb: s.Verb, node: s.Node, name: s.Name, ifExists: s.IfExists}
	for _, o := range s.Options {
		if err := st.opts.set(o, s.Verb == "CREATE"); err != nil {
			return nil, err
		}
	}
	if err := st.opts.check(); err != nil {
		return nil, err
	}
	return st, nil
}

// TestParserTablespaceStatements: sql/parser reads CREATE/ALTER/DROP TABLESPACE and DROP NODE
// as tablespace_stmt.go's parser does: the same statement, or the same error.
func TestParserTablespaceStatements(t *testing.T) {
	for _, q := range []string{
		"CREATE TABLESPACE 'ts1'",
		"create tablespace if not exists ts2, 'replica:n1,n2', 'expectedreplicacount:2', 'leader:n1'",
		`CREATE TABLESPACE "My TS", 'wait:1000', 'maxleaderinactivitytime:5000'`,
		"CREATE TABLESPACE 'ts1';",
		"ALTER TABLESPACE 'ts1', 'leader:n2'",
		"ALTER TABLESPACE ts1,'replica:n1', 'leader:n1'",
		"DROP TABLESPACE 'ts1'",
		"DROP TABLESPACE IF EXISTS ts1",
		"DROP NODE 'n2'",
		"drop node if exists n3",
		"DROP NODE select",
		// errors
		"CREATE TABLESPACE",
		"CREATE TABLESPACE IF EXISTS 'a'",
		"DROP TABLESPACE IF NOT EXISTS 'a'",
		"DROP NODE",
		"DROP NODE 1",
		"ALTER TABLESPACE 'ts1'",
		"ALTER TABLESPACE 'ts1';",
		"DROP TABLESPACE 'ts1', 'leader:n1'",
		"DROP NODE 'n1' 'n2'",
		"CREATE TABLESPACE 'a' 'b'",
		"CREATE TABLESPACE 'a', b",
		"CREATE TABLESPACE 'a',",
		"CREATE TABLESPACE 'a', 'leader:n1' x",
		"CREATE TABLESPACE 'a', 'leader'",
		"CREATE TABLESPACE 'a', 'leader:n1', 'leader:n2'",
		"CREATE TABLESPACE 'a', 'bogus:1'",
		"ALTER TABLESPACE 'a', 'wait:10'",
		"CREATE TABLESPACE 'a', 'replica:n1', 'expectedreplicacount:2'",
		"CREATE TABLESPACE 'a', 'replica:n1', 'leader:n2'",
		"CREATE TABLESPACE 'a', 'expectedreplicacount:0'",
	} {
		want, wantErr := parseTablespaceStmt(trimSemicolon(q))
		var got *tablespaceStmt
		list, err := pgparser.Parse(q)
		if err == nil {
			if len(list) != 1 {
				t.Fatalf("%s: %d statements", q, len(list))
			}
			s, ok := list[0].(*ast.TablespaceStmt)
			if !ok {
				t.Errorf("%s: parsed as %T", q, list[0])
				continue
			}
			again, err2 := pgparser.Parse(ast.Print(s, ast.SQL))
			if err2 != nil || len(again) != 1 || !reflect.DeepEqual(again[0], s) {
				t.Errorf("%s: prints as %s, which reads back as %v %v", q, ast.Print(s, ast.SQL), again, err2)
			}
			got, err = tablespaceStmtOf(s)
		}
		switch {
		case wantErr == nil && err == nil:
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s:\nparser:     %+v\ndrove's:    %+v", q, got, want)
			}
		case wantErr != nil && err != nil:
			if parserErrCode(err) != parserErrCode(wantErr) || parserErrMessage(err) != parserErrMessage(wantErr) ||
				errPosition(err, q) != errPosition(wantErr, q) {
				t.Errorf("%s:\nparser:  %s %s at %d\ndrove's: %s %s at %d", q, parserErrCode(err), parserErrMessage(err), errPosition(err, q),
					parserErrCode(wantErr), parserErrMessage(wantErr), errPosition(wantErr, q))
			}
		default:
			t.Errorf("%s: parser %v, drove's parser %v", q, err, wantErr)
		}
	}
}

func trimSemicolon(q string) string {
	for len(q) > 0 && q[len(q)-1] == ';' {
		q = q[:len(q)-1]
	}
	return q
}

func parserErrCode(err error) string {
	var e *Error
	var pe *pgparser.Error
	switch {
	case errors.As(err, &e):
		return e.Code
	case errors.As(err, &pe):
		return pe.Code
	}
	return "?"
}

func parserErrMessage(err error) string {
	var e *Error
	var pe *pgparser.Error
	switch {
	case errors.As(err, &e):
		return e.Message
	case errors.As(err, &pe):
		return pe.Error()
	}
	return err.Error()
}

// TestParserBackupStatements: sql/parser reads BACKUP and RESTORE as backup.go's parser does.
func TestParserBackupStatements(t *testing.T) {
	for _, q := range []string{
		"BACKUP TABLESPACE 'ts1' TO STDOUT",
		"backup tablespace ts1 to stdout",
		`RESTORE TABLESPACE "TS" FROM STDIN`,
		"BACKUP TABLESPACE",
		"BACKUP TABLESPACE 1 TO STDOUT",
		"BACKUP TABLESPACE 'a' TO STDIN",
		"BACKUP TABLESPACE 'a'",
		"RESTORE TABLESPACE 'a' TO STDOUT",
		"RESTORE TABLESPACE 'a' FROM STDIN x",
		"BACKUP TABLESPACE 'a' TO STDOUT, 'b'",
	} {
		want, wantErr := parseBackupStmt(q)
		list, err := pgparser.Parse(q)
		switch {
		case wantErr == nil && err == nil:
			s, ok := list[0].(*ast.Backup)
			if len(list) != 1 || !ok {
				t.Errorf("%s: parsed as %v", q, list)
				continue
			}
			if got := (&backupStmt{restore: s.Restore, name: s.Name}); *got != *want {
				t.Errorf("%s:\nparser:  %+v\ndrove's: %+v", q, got, want)
			}
			if again, err := pgparser.Parse(ast.Print(s, ast.SQL)); err != nil || !reflect.DeepEqual(again, list) {
				t.Errorf("%s: prints as %s, which reads back as %v %v", q, ast.Print(s, ast.SQL), again, err)
			}
		case wantErr != nil && err != nil:
			if parserErrCode(err) != parserErrCode(wantErr) || parserErrMessage(err) != parserErrMessage(wantErr) ||
				errPosition(err, q) != errPosition(wantErr, q) {
				t.Errorf("%s:\nparser:  %s %s at %d\ndrove's: %s %s at %d", q, parserErrCode(err), parserErrMessage(err), errPosition(err, q),
					parserErrCode(wantErr), parserErrMessage(wantErr), errPosition(wantErr, q))
			}
		default:
			t.Errorf("%s: parser %v, drove's parser %v", q, err, wantErr)
		}
	}
}

// errPosition is an error's position as the client sees it (0: none).
func errPosition(err error, q string) int {
	var e *Error
	var pe *pgparser.Error
	switch {
	case errors.As(err, &pe):
		return pe.Position(q)
	case errors.As(err, &e):
		locateIn(err, q) // where the session places a statement parser's error
		return int(e.Position)
	}
	return 0
}

// TestParserUpsert: sql/parser reads UPSERT INTO where drove's dialect pass and vitess do
// (a statement of its own, INSERT's syntax after it), and refuses it where they do.
func TestParserUpsert(t *testing.T) {
	for _, c := range []struct {
		q  string
		ok bool
	}{
		{"UPSERT INTO t VALUES (1, 2)", true},
		{"UPSERT INTO t AS x (k) SELECT 2 RETURNING x.*", true},
		{"upsert into t values (1) on conflict do nothing", true},
		{"UPSERT INTO t DEFAULT VALUES", true},
		{"WITH w AS (SELECT 1) UPSERT INTO t VALUES (1)", false},
		{"EXPLAIN UPSERT INTO t VALUES (1)", false},
		{"PREPARE p AS UPSERT INTO t VALUES (1)", true},
		{"COPY (UPSERT INTO t VALUES (1) RETURNING k) TO STDOUT", false},
		{"UPSERT INTO t", false},
	} {
		list, err := pgparser.Parse(c.q)
		if (err == nil) != c.ok {
			t.Errorf("%s: parser %v, want accepted %v", c.q, err, c.ok)
			continue
		}
		if err == nil {
			if p, ok := list[0].(*ast.Prepare); ok {
				list[0] = p.Stmt
			}
			if ins, ok := list[0].(*ast.Insert); !ok || !ins.Upsert {
				t.Errorf("%s: parsed as %#v", c.q, list[0])
			}
		}
		if len(c.q) > 8 && c.q[:8] == "PREPARE " {
			continue // PREPARE is sql/parser's alone (command_tree.go)
		}
		_, derr := func() (any, error) {
			pieces, err := splitAndRewrite(c.q)
			if err != nil {
				return nil, err
			}
			return parse(pieces[0])
		}()
		if (derr == nil) != c.ok {
			t.Errorf("%s: dialect pass and vitess %v, want accepted %v", c.q, derr, c.ok)
		}
	}
}
