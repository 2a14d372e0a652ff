package sql

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// createTableRE finds a golden block that is a CREATE TABLE.
var createTableRE = regexp.MustCompile(`(?i)^\s*create\s+((local|global)\s+)?((temp|temporary|unlogged)\s+)?table\b`)

// TestCreateTableFromTree: every golden CREATE TABLE of the column-definition form (a block of
// one statement) is read into sql/parser's tree, or refused by the parser with the SQLSTATE its
// block expects; CREATE TABLE AS and LIKE take the dialect pass. The golden files check what
// each does.
func TestCreateTableFromTree(t *testing.T) {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	none := func() error { return nil }
	read := 0
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.ToLower(string(text)), "table") {
			continue
		}
		for _, b := range parseGolden(t, file) {
			if (b.kind != "ok" && b.kind != "error") || !createTableRE.MatchString(b.sql) || strings.Contains(strings.TrimRight(b.sql, "; \n"), ";") {
				continue
			}
			sts, err := parseStatements(b.sql, none)
			switch {
			case err != nil && b.kind == "error" && sqlstateOf(err) == b.code:
			case err != nil:
				t.Errorf("%s:%d: %s: %v", filepath.Base(file), b.line, b.sql, err)
			case len(sts) != 1:
				t.Errorf("%s:%d: %s: %d statements", filepath.Base(file), b.line, b.sql, len(sts))
			case sts[0].ddl != nil:
				if _, ok := sts[0].ddl.(*ast.CreateTable); !ok {
					t.Errorf("%s:%d: %s: read as %T", filepath.Base(file), b.line, b.sql, sts[0].ddl)
				}
				read++
			case sts[0].ctas == nil && sts[0].likeCreate == nil:
				t.Errorf("%s:%d: %s: not read into the parser's tree", filepath.Base(file), b.line, b.sql)
			}
		}
	}
	if read < 550 {
		t.Errorf("only %d golden CREATE TABLE statements read into the tree", read)
	}
}
