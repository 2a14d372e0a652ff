package sql

import (
	"regexp"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// TestViewFromTree: every golden CREATE [MATERIALIZED] VIEW (a block of one statement) is read
// into sql/parser's tree with the viewStmt it runs as, or refused by the parser with the
// SQLSTATE its block expects; the golden files check what each does. (While the pass's parser
// lived, every one ran both ways: 115 alike, 35 failing with the same SQLSTATE, 3 refused
// alike at parsing; viewtree.sql records where it differed from PostgreSQL.)
func TestViewFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?i)^\s*create\s+(or\s+replace\s+)?((temp|temporary)\s+)?(recursive\s+)?(materialized\s+)?view\b`)
	read := goldenFromTree(t, re, []string{"view"}, func(st *Statement) (bool, string) {
		if _, ok := st.ddl.(*ast.CreateView); !ok || st.view == nil || st.view.query == "" {
			return false, "not read into the parser's tree"
		}
		return true, ""
	})
	if read < 140 {
		t.Errorf("only %d golden CREATE VIEW statements read into the tree", read)
	}
}
