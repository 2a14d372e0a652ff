package sql

import (
	"reflect"
	"strings"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// TestLexedStatements checks setting statements read from sql/lexer's tokens of their
// PostgreSQL text (utility_tree.go): dollar-quoted values, comments, quoted names, dotted names.
func TestLexedStatements(t *testing.T) {
	vacuumed := []ast.VacuumRel{{Table: &ast.Table{Name: "T"}}, {Table: &ast.Table{Schema: "s", Name: "u"}}}
	for _, c := range []struct {
		sql  string
		want *settingStmt
	}{
		{`SET application_name TO $x$it's$x$ -- comment`, &settingStmt{kind: "set", name: "application_name", value: "it's", args: 1}},
		{`SET /* c */ myapp.Setting = -1`, &settingStmt{kind: "set", name: "myapp.setting", value: "-1", args: 1}},
		{`SET search_path = "My Schema", public`, &settingStmt{kind: "set", name: "search_path", value: `"My Schema", public`, args: 2}},
		{`VACUUM ANALYZE "T", s.u`, &settingStmt{kind: "maintenance", tag: "VACUUM", rels: vacuumed}},
	} {
		sts, err := parseStatements(c.sql, func() error { return nil })
		if err != nil || len(sts) != 1 {
			t.Fatalf("%s: %v %v", c.sql, sts, err)
		}
		if got := sts[0].setting; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.sql, got, c.want)
		}
	}
	for _, c := range []struct{ sql, code string }{
		{`SET application_name = 'x`, "42601"},
		{`SET application_name = 1x`, "42601"},
		{`SET application_name = E'\xff'`, "22021"},
	} {
		_, err := lexSetting(c.sql)
		if e, ok := err.(*Error); !ok || e.Code != c.code {
			t.Errorf("%s: got %v, want %s", c.sql, err, c.code)
		}
	}
}

// TestNamesFoldAlike checks that a name folds the same way in statements vitess parses and
// in those parsed from sql/lexer's tokens: truncated to 63 bytes.
func TestNamesFoldAlike(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	long := strings.Repeat("Long", 20) // 80 bytes
	execOK(t, s, "CREATE TABLE "+long+" (id int PRIMARY KEY); INSERT INTO "+long+" VALUES (1)")
	execOK(t, s, "TRUNCATE "+long)
	execOK(t, s, `INSERT INTO "`+strings.ToLower(long)[:63]+`" VALUES (2)`)
	if got := execOK(t, s, "SELECT id FROM "+long).lines; len(got) != 2 || got[0] != "2" {
		t.Errorf("after TRUNCATE and INSERT: %v", got)
	}
}
