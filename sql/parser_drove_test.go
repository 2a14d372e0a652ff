package sql

import (
	"reflect"
	"testing"

	"github.com/drovedb/drove/sql/ast"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// TestParserDroveStatements: sql/parser reads drove's own statements into a tree that prints
// back as SQL reading as the same tree; the session runs each from it (tablespace_stmt_test.go
// and backup_test.go check what it makes of them and their errors).
func TestParserDroveStatements(t *testing.T) {
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
		"BACKUP TABLESPACE 'ts1' TO STDOUT",
		"backup tablespace ts1 to stdout",
		`RESTORE TABLESPACE "TS" FROM STDIN`,
	} {
		list, err := pgparser.Parse(q)
		if err != nil || len(list) != 1 {
			t.Errorf("%s: %v %v", q, list, err)
			continue
		}
		again, err := pgparser.Parse(ast.Print(list[0], ast.SQL))
		if err != nil || !reflect.DeepEqual(again, list) {
			t.Errorf("%s: prints as %s, which reads back as %v %v", q, ast.Print(list[0], ast.SQL), again, err)
		}
	}
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
