package sql

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// TestDropFromTree: every golden DROP TABLE, VIEW, MATERIALIZED VIEW, INDEX, SEQUENCE and
// TRUNCATE (a block of one statement) is read into sql/parser's tree, or refused by the parser
// with the SQLSTATE its block expects; the golden files check what each does. (The dialect
// pass's parsers of these statements are gone; while they lived, TestBindDropFromParser ran
// every one both ways: 107 alike, 38 failing with the same SQLSTATE, 4 refused alike, and
// droptree.sql's 8 differences, PostgreSQL's answer the tree's.)
func TestDropFromTree(t *testing.T) {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?i)^\s*(drop\s+(table|view|materialized|index|sequence)|truncate)\b`)
	none := func() error { return nil }
	read := 0
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.ToLower(string(text)), "drop") && !strings.Contains(strings.ToLower(string(text)), "truncate") {
			continue
		}
		for _, b := range parseGolden(t, file) {
			if (b.kind != "ok" && b.kind != "error") || !re.MatchString(b.sql) || strings.Contains(strings.TrimRight(b.sql, "; \n"), ";") {
				continue
			}
			sts, err := parseStatements(b.sql, none)
			switch {
			case err != nil && b.kind == "error" && sqlstateOf(err) == b.code:
			case err != nil:
				t.Errorf("%s:%d: %s: %v", filepath.Base(file), b.line, b.sql, err)
			case len(sts) != 1 || !isDropTree(sts[0].ddl):
				t.Errorf("%s:%d: %s: not read into the parser's tree", filepath.Base(file), b.line, b.sql)
			default:
				read++
			}
		}
	}
	if read < 140 {
		t.Errorf("only %d golden DROP and TRUNCATE statements read into the tree", read)
	}
}

func isDropTree(n ast.Stmt) bool {
	switch n.(type) {
	case *ast.Drop, *ast.Truncate:
		return true
	}
	return false
}
