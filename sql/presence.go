package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// A derived table's whole-row value (count(s), row_to_json(s.*)) is NULL on an outer join's
// NULL-extended side but a record of NULLs for a row of NULLs the subquery returned, as in
// PostgreSQL. Its columns cannot tell the two apart, so a derived table whose whole-row value
// the query may use gets a hidden presence column, TRUE in each of its rows: NULL only where
// a join NULL-extends it. Queries that never name the table as a value pay nothing.

// presenceColumn declares the hidden column: NOT NULL, as wholeRow looks for.
var presenceColumn = types.Column{Name: markerStart + "present", Type: types.Bool, NotNull: true}

// usesWholeRow reports whether q may read alias's whole-row value: some column reference
// anywhere in it (subqueries too) is the bare name alias or alias.* in an expression. It may
// say yes where the name is a column's; that costs only the hidden column.
func usesWholeRow(q *ast.Select, alias string) bool {
	if q == nil || alias == "" {
		return false
	}
	found := false
	walkBinderTree(q, func(n ast.Node) bool {
		if c, ok := n.(*ast.ColumnRef); ok && len(c.Names) == 1 { // alias, alias.*
			found = c.Names[0] == alias
		}
		return !found
	}, func(v sqlparser.SQLNode) {
		_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			if c, ok := n.(*sqlparser.ColName); ok {
				name := c.Name.String()
				found = found || c.Qualifier.IsEmpty() && name == alias || name == wholeRowMarker && c.Qualifier.Name.String() == alias
			}
			return !found, nil
		}, v)
	})
	return found
}

// addPresence gives item its presence column, appended to the rows of its query.
func addPresence(item *fromItem) {
	item.sub = &presenceNode{in: item.sub}
	item.cols = append(item.cols, scopeCol{table: item.alias, name: presenceColumn.Name, typ: types.Bool,
		hidden: true, rowID: true, merged: -1, src: &presenceColumn})
}

// presenceNode appends TRUE to each row of its input.
type presenceNode struct{ in node }

func (n *presenceNode) explain(ex *explainer) { n.in.explain(ex) } // no plan node of its own

func (n *presenceNode) open(ec *execCtx) (rowIter, error) {
	it, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	return &presenceIter{in: it}, nil
}

type presenceIter struct{ in rowIter }

func (it *presenceIter) next() ([]types.Value, error) {
	row, err := it.in.next()
	if row == nil || err != nil {
		return row, err
	}
	out := make([]types.Value, len(row)+1)
	copy(out, row)
	out[len(row)] = types.NewBool(true)
	return out, nil
}
