package sql

import (
	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// INSERT INTO t (b[1], b[3]) VALUES (5, 7) and INSERT INTO t (b[1:2]) ...: elements or
// slices of an array column as INSERT targets, as PostgreSQL 15 runs them. Parse analysis
// (transformAssignedExpr) assigns an INSERT's element into a NULL array, never the column's
// DEFAULT, and the rewriter (process_matched_tle) nests the assignments to one column in
// the column list's order, so (b[1], b[3]) VALUES (5, 7) writes {5,NULL,7}. Each assignment
// is arrayassign.go's subscriptAssign. A column may be named by several subscripted targets
// but not also whole (42701, checkInsertTargets), and DEFAULT cannot be an element's value
// (0A000).

// insertTargets are the table columns an INSERT's values go to: its column list's, else
// every visible column in order. A column with subscripts (subs, parallel to cols; nil for
// none) may appear more than once.
func insertTargets(bt *boundTable, cols []string, subs []*ast.Subscript) ([]int, error) {
	schema := bt.schema
	if len(cols) == 0 {
		return visibleColumns(schema), nil
	}
	targets := make([]int, 0, len(cols))
	var partial []int // the columns named with a subscript
	for k, c := range cols {
		i := schema.ColumnIndex(c)
		if i < 0 {
			return nil, Errorf("42703", "column %q of relation %q does not exist", c, bt.name)
		}
		sub := subs != nil && subs[k] != nil
		if slices.Contains(targets, i) && (!sub || !slices.Contains(partial, i)) {
			return nil, Errorf("42701", "column %q specified more than once", c)
		}
		if sub {
			partial = append(partial, i)
		}
		targets = append(targets, i)
	}
	return targets, nil
}

// nullArray is the NULL array an INSERT's first element assignment to column c goes into.
func nullArray(c *types.Column) *expr {
	return constExpr(types.Value{T: c.Type, Null: true}, false)
}

// insertElement compiles an INSERT's VALUES item e assigned at sub of column c into base
// (the NULL array, or the column's earlier assignments in the row).
func insertElement(e ast.Expr, base *expr, sub *ast.Subscript, c *types.Column, sc *scope) (*expr, error) {
	if _, isDefault := e.(*ast.Default); isDefault {
		return nil, Errorf("0A000", "cannot set an array element to DEFAULT")
	}
	if err := defaultNested(e); err != nil {
		return nil, err
	}
	x, err := compileAST(e, sc)
	if err != nil {
		return nil, err
	}
	return subscriptAssign(base, sub, x, c, sc)
}

// firstTargets reports, per target, whether it is the first to name its column: a
// subscripted column's first assignment goes into a NULL array, the later ones into it.
func firstTargets(targets []int) []bool {
	first := make([]bool, len(targets))
	for j, i := range targets {
		first[j] = slices.Index(targets, i) == j
	}
	return first
}

// elementTarget is the value of a column INSERT ... SELECT writes by subscripts: its
// assignments nested, reading the query's row.
type elementTarget struct {
	col int
	x   *expr
}

// elementTargets compiles the columns INSERT ... SELECT writes by subscripts (subs parallel
// to targets, the query's columns cols) and takes them out of targets (-1), which writes
// whole columns.
func elementTargets(targets []int, subs []*ast.Subscript, cols []Column, schema *types.Schema, sc *scope) ([]elementTarget, error) {
	if subs == nil {
		return nil, nil
	}
	var out []elementTarget
	first := firstTargets(targets)
	for j, i := range targets {
		if subs[j] == nil {
			continue
		}
		c := &schema.Columns[i]
		if first[j] {
			out = append(out, elementTarget{col: i, x: nullArray(c)})
		}
		value := columnExpr(j, cols[j].Type)
		value.unknown = cols[j].unknown
		et := &out[slices.IndexFunc(out, func(et elementTarget) bool { return et.col == i })]
		x, err := subscriptAssign(et.x, subs[j], value, c, sc)
		if err != nil {
			return nil, err
		}
		et.x = x
	}
	for j := range targets {
		if subs[j] != nil {
			targets[j] = -1
		}
	}
	return out, nil
}

// subscriptAt is subs[k], or nil when no target has a subscript (subs nil).
func subscriptAt(subs []*ast.Subscript, k int) *ast.Subscript {
	if subs == nil {
		return nil
	}
	return subs[k]
}
