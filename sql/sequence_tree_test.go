package sql

import (
	"regexp"
	"strings"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// TestSequenceFromTree: every golden CREATE and ALTER SEQUENCE (a block of one statement) is
// read into sql/parser's tree, or refused by the parser with the SQLSTATE its block expects;
// the golden files check what each does. (While the hand-written parser lived, every one ran
// both ways: 38 alike, 19 failing with the same SQLSTATE, 1 refused alike at parsing;
// seqview.sql records where that parser differed from PostgreSQL.)
func TestSequenceFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?i)^\s*(create\s+((temp|temporary|unlogged)\s+)?sequence|alter\s+sequence)\b`)
	read := goldenFromTree(t, re, []string{"sequence"}, func(st *Statement) (bool, string) {
		switch n := st.ddl.(type) {
		case *ast.CreateSequence, *ast.AlterSequence:
			return true, ""
		case *ast.AlterTable:
			return n.Kind == ast.ObjSequence, ""
		case nil:
			if !strings.Contains(strings.ToLower(st.src[st.srcAt:st.srcEnd]), " owner to ") {
				return false, "not read into the parser's tree"
			}
		}
		return false, ""
	})
	if read < 80 {
		t.Errorf("only %d golden CREATE and ALTER SEQUENCE statements read into the tree", read)
	}
}
