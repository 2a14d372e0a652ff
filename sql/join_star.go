package sql

import (
	"slices"

	"github.com/drovedb/drove/sql/ast"
)

// The order SELECT * lists a FROM clause's columns in, as PostgreSQL: a USING or NATURAL
// join's merged columns first (in USING's order), then the left side's others, then the
// right side's; any other join, the left side's then the right side's. A USING column of a
// FULL join is the merge of its sides (usingOperand, mergedChain).

// order is the order of f's columns SELECT * lists.
func (f *fromItem) order() []int {
	if f.starOrder != nil {
		return f.starOrder
	}
	o := make([]int, len(f.cols))
	for i := range o {
		o[i] = i
	}
	return o
}

// joinedStarOrder sets the order of a join's columns from its sides' (nil when both sides
// keep their columns' order).
func (f *fromItem) joinedStarOrder() {
	if f.left.starOrder == nil && f.right.starOrder == nil {
		return
	}
	f.starOrder = f.left.order()
	for _, i := range f.right.order() {
		f.starOrder = append(f.starOrder, f.left.width()+i)
	}
}

// usingStarOrder puts a USING join's merged columns first (the visible side's of each, in
// USING's order), then the others in the join's order; merged holds both sides' columns of
// them.
func (f *fromItem) usingStarOrder(first []int, merged map[int]bool) {
	if len(first) == 0 {
		return
	}
	for _, i := range f.order() {
		if !merged[i] {
			first = append(first, i)
		}
	}
	f.starOrder = first
}

// usingOperand is one side of a USING equality: the side's column, qualified, or, when it
// is itself the merged column of an earlier FULL JOIN ... USING, the merge (COALESCE of its
// chain), as PostgreSQL joins on the merged value (a JOIN b USING (k) after a FULL JOIN of a
// lacking the row compared NULL with k).
func usingOperand(cols []scopeCol, i int) ast.Expr {
	ref := func(c scopeCol) ast.Expr {
		if c.table == "" {
			return &ast.ColumnRef{Names: []string{c.name}}
		}
		return &ast.ColumnRef{Names: []string{c.table, c.name}}
	}
	if cols[i].merged < 0 {
		return ref(cols[i])
	}
	var args []ast.Expr
	for _, k := range mergedChain(cols, i) {
		args = append(args, ref(cols[k]))
	}
	return &ast.FuncCall{Name: []string{"coalesce"}, Args: args}
}

// mergedChain is column i and the columns its merge reads after it, in order (scopeCol.merged).
// Each column is taken once: a merged link back into the chain (a scope built wrong) ends it
// rather than growing the slice until memory runs out.
func mergedChain(cols []scopeCol, i int) []int {
	out := []int{i}
	for next := cols[i].merged; next >= 0 && next < len(cols) && !slices.Contains(out, next); next = cols[next].merged {
		out = append(out, next)
	}
	return out
}
