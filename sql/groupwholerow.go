package sql

import "github.com/drovedb/drove/sql/ast"

// A table's whole-row value (SELECT s ... GROUP BY s, row_to_json(t.*), a subquery's
// (SELECT t)) in an aggregated query is read through the group, as PostgreSQL reads its
// whole-row Var: the GROUP BY item that is the same whole-row value (the bare name or t.*),
// else the row of a table whose primary key is grouped (functionally dependent on the group,
// groupdep.go), else 42803 for column "t.*". Compiled over the FROM rows instead, it would
// read the aggregated row's slots as if they were the table's columns.

// groupedWholeRow compiles input table table's whole-row value in the aggregated scope;
// found is false when no input table has the name.
func (ab *aggBinder) groupedWholeRow(table string) (x *expr, found bool, err error) {
	in := ab.input
	if !in.hasTable(table) {
		return nil, false, nil
	}
	first := -1
	for i, col := range in.cols {
		if col.table != table {
			continue
		}
		if col.scalarOut { // a function in FROM returning a scalar: its name is its column
			return ab.resolveColumn(colRef{table: table, name: col.name}, func() string { return table + "." + col.name })
		}
		if first < 0 && !col.rowID {
			first = i
		}
	}
	for g, tree := range ab.trees {
		if ab.groupCols[g] < 0 && isWholeRowOf(tree, table, in) {
			return ab.groupSlot(g), true, nil
		}
	}
	if first < 0 || !ab.dependsOnGroup(first) {
		return nil, true, Errorf("42803", "column %q must appear in the GROUP BY clause or be used in an aggregate function", table+".*")
	}
	row, _, err := in.wholeRow(colRef{name: table})
	if err != nil {
		return nil, true, err
	}
	ab.aggs = append(ab.aggs, &aggSpec{kind: aggAny, arg: row, typ: row.typ})
	ab.aggTrees = append(ab.aggTrees, nil) // matches no call (resolveAggregate)
	slot := ab.aggSlot(len(ab.aggs) - 1)
	slot.shape = row.shape
	return slot, true, nil
}

// isWholeRowOf reports whether GROUP BY expression e is table's whole-row value: t.*, or the
// bare name t where no column of the input has that name.
func isWholeRowOf(e ast.Expr, table string, in *scope) bool {
	c, ok := e.(*ast.ColumnRef)
	if !ok || len(c.Names) != 1 || c.Names[0] != table {
		return false
	}
	if c.Star {
		return true
	}
	i, err := in.lookupRef(colRef{name: table})
	return err == nil && i < 0
}

// outerHasColumn reports whether an enclosing query has a column named as c: a bare name
// is a column of any query level before it is a table's whole-row value, as in PostgreSQL.
func (sc *scope) outerHasColumn(c colRef) bool {
	for o := sc.outer; o != nil; o = o.outer {
		s := o
		if o.agg != nil && len(o.cols) == 0 {
			s = o.agg.input
		}
		if i, err := s.lookupRef(c); err != nil || i >= 0 {
			return true
		}
	}
	return false
}
