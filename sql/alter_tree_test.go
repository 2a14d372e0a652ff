package sql

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// alterTableRE finds a golden block that is an ALTER TABLE.
var alterTableRE = regexp.MustCompile(`(?i)^\s*alter\s+table\b`)

// TestAlterTableFromTree: every golden ALTER TABLE (a block of one statement) is read into
// sql/parser's ast.AlterTable, or refused by the parser with the SQLSTATE its block expects;
// none takes the dialect pass, which has no ALTER TABLE left. The golden files check what
// each does.
func TestAlterTableFromTree(t *testing.T) {
	read := goldenFromTree(t, alterTableRE, []string{"alter table"}, func(st *Statement) (bool, string) {
		if st.ddl == nil {
			return false, "not read into the parser's tree"
		}
		if a, ok := st.ddl.(*ast.AlterTable); !ok || a.Kind != ast.ObjTable {
			return true, fmt.Sprintf("read as %T", st.ddl)
		}
		return true, ""
	})
	t.Logf("%d read", read)
	if read < 280 {
		t.Errorf("only %d golden ALTER TABLE statements read into the tree", read)
	}
}
