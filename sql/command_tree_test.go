package sql

import (
	"regexp"
	"testing"
)

// TestCommandsFromTree: every golden PREPARE, EXECUTE, DEALLOCATE, DECLARE, FETCH, MOVE and
// CLOSE (a block of one statement) is read into sql/parser's tree, or refused by the parser
// with the SQLSTATE its block expects, and PREPARE's and DECLARE's statement is the tree's. The golden files check what
// each does; the dialect pass's parsers of these statements are gone (while they lived, every
// golden file holding one ran both ways alike, but for curtree.sql's differences).
func TestCommandsFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?i)^\s*(prepare|execute|deallocate|declare|fetch|move|close)\b`)
	words := []string{"prepare", "execute", "deallocate", "declare", "fetch", "move", "close"}
	inner, old := 0, 0
	read := goldenFromTree(t, re, words, func(st *Statement) (bool, string) {
		var in *innerStmt
		switch {
		case st.prep != nil:
			in = st.prep.inner
		case st.cursor != nil:
			in = st.cursor.inner
		default:
			return false, "not read into the parser's tree"
		}
		if in != nil {
			inner++
			if in.st.query == nil && in.st.dml == nil && in.st.ctas == nil { // SELECT INTO is ctas.go's
				old++
			}
		}
		return true, ""
	})
	if read < 180 || inner < 110 {
		t.Errorf("only %d golden commands read into the tree, %d holding a statement", read, inner)
	}
	if old > 0 {
		t.Errorf("%d of %d PREPARE and DECLARE statements hold a statement the dialect pass read", old, inner)
	}
	t.Logf("%d commands, %d holding a statement, %d of them read by the dialect pass", read, inner, old)
}
