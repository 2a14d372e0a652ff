package sql

import (
	"fmt"
	"regexp"
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
	read := goldenFromTree(t, createTableRE, []string{"table"}, func(st *Statement) (bool, string) {
		switch {
		case st.ddl != nil:
			if _, ok := st.ddl.(*ast.CreateTable); !ok {
				return true, fmt.Sprintf("read as %T", st.ddl)
			}
			return true, ""
		case st.ctas == nil:
			return false, "not read into the parser's tree"
		}
		return false, ""
	})
	if read < 550 {
		t.Errorf("only %d golden CREATE TABLE statements read into the tree", read)
	}
}
