package sql

import (
	"slices"

	"github.com/drovedb/drove/types"
)

// PostgreSQL's checkNameSpaceConflicts: two FROM items of one query level that a qualified
// reference could bind to may not share a name (SELECT * FROM t a, u a is 42712), except two
// different tables named without an alias (public.t and pg_temp.t). A join's own name (its
// USING alias) takes part; the items inside an aliased join (a derived table here) do not.

// refNames appends the names of f's items a qualified reference can see.
func (f *fromItem) refNames(out []*fromItem) []*fromItem {
	if f.isLeaf() {
		return append(out, f)
	}
	out = f.left.refNames(out)
	out = f.right.refNames(out)
	if f.usingAlias != "" {
		out = append(out, f)
	}
	return out
}

// refName is the name a qualified reference binds f by.
func (f *fromItem) nsName() string {
	if !f.isLeaf() {
		return f.usingAlias
	}
	return f.alias
}

// checkNameConflicts fails when an item of a has the name of one of b.
func checkNameConflicts(a, b []*fromItem) error {
	for _, x := range a {
		for _, y := range b {
			if x.nsName() != y.nsName() || x.nsName() == "" {
				continue
			}
			if x.bare && y.bare && x.table.schema != y.table.schema {
				continue
			}
			return Errorf("42712", "table name %q specified more than once", x.nsName())
		}
	}
	return nil
}

// usingAliasOrder puts order, the scope's columns, in the order q.* lists them when q is a
// join's USING alias: its USING list's.
func (sc *scope) usingAliasOrder(q string, order []int) {
	pos := func(i int) int {
		if k := slices.Index(sc.cols[i].usingAliases, q); k >= 0 {
			return sc.cols[i].usingPos[k]
		}
		return -1
	}
	slices.SortStableFunc(order, func(a, b int) int { return pos(a) - pos(b) })
}

// usingAliasRow is the whole-row value of q, a join's USING alias: its merged columns.
func (sc *scope) usingAliasRow(q string) *expr {
	var order []int
	for i, c := range sc.cols {
		if slices.Contains(c.usingAliases, q) {
			order = append(order, i)
		}
	}
	sc.usingAliasOrder(q, order)
	xs := make([]*expr, len(order))
	fields := make([]types.Column, len(order))
	for k, i := range order {
		xs[k] = sc.colExpr(i)
		fields[k] = types.Column{Name: sc.cols[i].name, Type: xs[k].typ}
	}
	shape := types.NewShape(fields)
	return &expr{typ: types.Record, shape: shape, eval: func(row []types.Value) (types.Value, error) {
		vals := make([]types.Value, len(xs))
		for k, x := range xs {
			v, err := x.eval(row)
			if err != nil {
				return types.Value{}, err
			}
			vals[k] = v
		}
		return shape.Record(vals), nil
	}}
}

// isUsingAlias reports whether q is the USING alias of a join of the scope.
func (sc *scope) isUsingAlias(q string) bool {
	for _, c := range sc.cols {
		if slices.Contains(c.usingAliases, q) {
			return true
		}
	}
	return false
}
