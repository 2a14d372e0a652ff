package sql

import (
	"fmt"
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// GROUP BY's grouping sets: ROLLUP, CUBE, GROUPING SETS and () (written by the dialect pass
// as drove_rollup, drove_cube, drove_grouping_sets and drove_empty_set calls:
// dialect_grouping.go, which the converter reads as ast.GroupingSet). The GROUP BY list is expanded, as PostgreSQL's
// expand_grouping_sets does, into the distinct grouping expressions and the grouping sets
// over them (the items of the list multiplied out); the aggregate node groups every input
// row once per set, its key the set's number and the values of the set's expressions, the
// others NULL in its output (a rolled-up NULL, which is another group than a NULL value of
// the column). The set's number rides in a hidden last group slot, which grouping() reads.

// maxGroupingSets is PostgreSQL's bound on the sets one GROUP BY expands to.
const maxGroupingSets = 4096

// groupingSets are the sets of an aggregated query, each a list of positions in the aggregate
// binder's groups.
type groupingSets struct {
	sets [][]int
	text []string // each set's expressions, for EXPLAIN
	// nulled is, per set, the input columns GROUP BY names that the set does not group: an
	// ordered-set aggregate's direct arguments read them as NULL there, as PostgreSQL
	// evaluates those arguments over the set's output row.
	nulled [][]int
}

// expandGroupBy multiplies out GROUP BY's items into grouping sets over the distinct
// expressions flat; sets is nil for a plain GROUP BY list. Two items are one grouping
// expression when they read the same input columns (input nil: when written alike), as
// PostgreSQL's planner sees them once it has flattened join alias variables: over
// a LEFT JOIN b USING (k), ROLLUP (k), ROLLUP (a.k) rolls up one expression, not two.
func expandGroupBy(items []ast.Expr, input *scope) (flat []ast.Expr, sets [][]int, err error) {
	items = flattenRows(items)
	if !slices.ContainsFunc(items, isGroupingSet) {
		return items, nil, nil
	}
	exprSets := [][]ast.Expr{nil}
	for _, it := range items {
		of, err := itemSets(it, true)
		if err != nil {
			return nil, nil, err
		}
		if len(exprSets)*len(of) > maxGroupingSets {
			return nil, nil, tooManyGroupingSets()
		}
		var next [][]ast.Expr
		for _, a := range exprSets {
			for _, b := range of {
				next = append(next, append(slices.Clip(a), b...))
			}
		}
		exprSets = next
	}
	same := treeMatcher{input: input}
	for _, es := range exprSets {
		var set []int
		for _, e := range es {
			i := slices.IndexFunc(flat, func(f ast.Expr) bool { return same.sameTree(reflectOf(f), reflectOf(e)) })
			if i < 0 {
				i = len(flat)
				flat = append(flat, e)
			}
			if !slices.Contains(set, i) {
				set = append(set, i)
			}
		}
		sets = append(sets, set)
	}
	return flat, sets, nil
}

// flattenRows replaces each row written without ROW, (a, b), with its fields, as
// PostgreSQL's flatten_grouping_sets does at GROUP BY's top level too: GROUP BY (a, b)
// groups a and b, which grouping(a, b) then names.
func flattenRows(items []ast.Expr) []ast.Expr {
	if !slices.ContainsFunc(items, isImplicitRow) {
		return items
	}
	var out []ast.Expr
	for _, it := range items {
		if isImplicitRow(it) {
			out = append(out, flattenRows(it.(*ast.Row).Fields)...)
		} else {
			out = append(out, it)
		}
	}
	return out
}

func isImplicitRow(e ast.Expr) bool {
	r, ok := e.(*ast.Row)
	return ok && !r.Explicit
}

// distinctSets drops the grouping sets that group what an earlier one groups (GROUP BY
// DISTINCT, as PostgreSQL's expand_grouping_sets compares them: as sets).
func distinctSets(sets [][]int) [][]int {
	var out [][]int
	seen := map[string]bool{}
	for _, s := range sets {
		k := slices.Sorted(slices.Values(s))
		key := fmt.Sprint(k)
		if !seen[key] {
			seen[key] = true
			out = append(out, s)
		}
	}
	return out
}

func isGroupingSet(e ast.Expr) bool {
	_, ok := e.(*ast.GroupingSet)
	return ok
}

func tooManyGroupingSets() error {
	return Errorf("54011", "too many grouping sets present (maximum %d)", maxGroupingSets)
}

// itemSets is the grouping sets one item of GROUP BY (top) or of GROUPING SETS stands for.
func itemSets(e ast.Expr, top bool) ([][]ast.Expr, error) {
	g, ok := e.(*ast.GroupingSet)
	if !ok {
		if r, isRow := e.(*ast.Row); isRow && !top {
			return [][]ast.Expr{r.Fields}, nil // (a, b): one set
		}
		return [][]ast.Expr{{e}}, nil
	}
	switch g.Kind {
	case ast.GroupingEmpty:
		return [][]ast.Expr{nil}, nil
	case ast.GroupingSets:
		var out [][]ast.Expr
		for _, a := range g.Content {
			of, err := itemSets(a, false)
			if err != nil {
				return nil, err
			}
			if len(out)+len(of) > maxGroupingSets {
				return nil, tooManyGroupingSets()
			}
			out = append(out, of...)
		}
		return out, nil
	}
	elems := make([][]ast.Expr, len(g.Content))
	for i, a := range g.Content {
		if n, nested := a.(*ast.GroupingSet); nested {
			// PostgreSQL reads only expressions here: ROLLUP and CUBE are calls
			name := map[ast.GroupingKind]string{ast.GroupingRollup: "rollup", ast.GroupingCube: "cube", ast.GroupingSets: "grouping_sets", ast.GroupingEmpty: "empty_set"}[n.Kind]
			return nil, Errorf("42883", "function %s does not exist", name)
		}
		if r, isRow := a.(*ast.Row); isRow {
			elems[i] = r.Fields
		} else {
			elems[i] = []ast.Expr{a}
		}
	}
	if g.Kind == ast.GroupingRollup { // (a, b, c), (a, b), (a), ()
		var out [][]ast.Expr
		for n := len(elems); n >= 0; n-- {
			out = append(out, slices.Concat(elems[:n]...))
		}
		return out, nil
	}
	return cubeSets(elems)
}

// cubeSets is CUBE's sets: every subset of its elements, the whole first.
func cubeSets(elems [][]ast.Expr) ([][]ast.Expr, error) {
	if len(elems) > 12 { // 2^12 sets is PostgreSQL's limit
		return nil, tooManyGroupingSets()
	}
	var out [][]ast.Expr
	for mask := 1<<len(elems) - 1; mask >= 0; mask-- {
		var set []ast.Expr
		for i, el := range elems {
			if mask&(1<<(len(elems)-1-i)) != 0 {
				set = append(set, el...)
			}
		}
		out = append(out, set)
	}
	return out, nil
}

// newGroupingBinder is newAggBinder over the expanded GROUP BY list of t; with grouping
// sets, the binder's last group is the hidden set number.
func newGroupingBinder(t *selectTree, input *scope) (*aggBinder, error) {
	flat, sets, err := expandGroupBy(t.GroupBy, input)
	if err != nil {
		return nil, err
	}
	if t.GroupDistinct {
		sets = distinctSets(sets)
	}
	ab, err := newAggBinder(t, flat, input)
	if err != nil || sets == nil {
		return ab, err
	}
	gs := &groupingSets{sets: sets}
	for _, set := range sets {
		var names []string
		for _, g := range set {
			names = append(names, ab.groupText[g])
		}
		gs.text = append(gs.text, "("+strings.Join(names, ", ")+")")
		gs.nulled = append(gs.nulled, ab.ungroupedColumns(set))
	}
	ab.sets = gs
	ab.groups = append(ab.groups, &expr{typ: types.Int32}) // filled by openSets, never evaluated
	ab.groupText = append(ab.groupText, "")
	return ab, nil
}

// ungroupedColumns is the input columns that GROUP BY column references name but set does
// not group.
func (ab *aggBinder) ungroupedColumns(set []int) []int {
	var cols []int
	for g, c := range ab.groupCols {
		if c >= 0 && !slices.Contains(set, g) && !slices.Contains(cols, c) &&
			!slices.ContainsFunc(set, func(in int) bool { return ab.groupCols[in] == c }) {
			cols = append(cols, c)
		}
	}
	return cols
}

// directArgs evaluates, on a group's first row, the direct arguments of its ordered-set
// aggregates with the columns set s does not group read as NULL.
func (n *aggNode) directArgs(g *group, s int, row []types.Value) error {
	var masked []types.Value
	for i, a := range n.aggs {
		if a.kind != aggCallKind || len(a.call.direct) == 0 || g.states[i].direct != nil {
			continue
		}
		if masked == nil {
			masked = slices.Clone(row)
			for _, c := range n.sets.nulled[s] {
				masked[c] = types.Value{T: masked[c].T, Null: true}
			}
		}
		if err := a.call.evalDirect(&g.states[i], masked); err != nil {
			return err
		}
	}
	return nil
}

// compileGrouping compiles grouping(a, ...) in scope sc. Like an aggregate call it belongs
// to the query its arguments' innermost column references resolve in, as PostgreSQL's: in
// a subquery, grouping(o.a) reads the enclosing query's GROUP BY (outeragg.go).
func compileGrouping(f *ast.GroupingFunc, sc *scope) (*expr, error) {
	o := &ownerSearch{sc: sc, depth: -1}
	for _, a := range f.Args {
		o.tree(a)
	}
	if owner := o.result(); owner != nil {
		return readOuterAggregate(sc, owner, func() (*expr, error) { return owner.agg.bindGrouping(f) })
	}
	if sc.agg == nil { // no GROUP BY here
		for _, a := range f.Args {
			if _, err := compileAST(a, sc); err != nil {
				return nil, err
			}
		}
		return nil, groupingArgumentError()
	}
	return sc.agg.bindGrouping(f)
}

// bindGrouping compiles grouping(a, b, ...): a bit per argument, the first the most
// significant, set when the row's grouping set does not group by the argument.
func (ab *aggBinder) bindGrouping(f *ast.GroupingFunc) (*expr, error) {
	if len(f.Args) > 31 {
		return nil, Errorf("54023", "GROUPING must have fewer than 32 arguments")
	}
	pos := make([]int, len(f.Args))
	for i, a := range f.Args {
		g, err := ab.groupingArg(a)
		if err != nil {
			return nil, err
		}
		pos[i] = g
	}
	if ab.sets == nil { // a plain GROUP BY groups every row by all its expressions
		return &expr{typ: types.Int32, rowFree: true, eval: func([]types.Value) (types.Value, error) {
			return types.NewInt(types.Int32, 0), nil
		}}, nil
	}
	masks := make([]int64, len(ab.sets.sets))
	for s, set := range ab.sets.sets {
		for _, g := range pos {
			masks[s] <<= 1
			if !slices.Contains(set, g) {
				masks[s] |= 1
			}
		}
	}
	slot := len(ab.groups) - 1
	return &expr{typ: types.Int32, eval: func(row []types.Value) (types.Value, error) {
		return types.NewInt(types.Int32, masks[row[slot].I]), nil
	}}, nil
}

// groupingArg is the GROUP BY expression grouping's argument e is, as resolveTree matches
// them.
func (ab *aggBinder) groupingArg(e ast.Expr) (int, error) {
	if c, ok := e.(*ast.ColumnRef); ok && !c.Star {
		if i, err := ab.input.lookupRef(columnRef(c)); err == nil && i >= 0 {
			if g := ab.groupedRef(i, columnRef(c)); g >= 0 {
				return g, nil
			}
		}
	}
	if g := ab.groupOf(e); g >= 0 {
		return g, nil
	}
	if _, err := compileAST(e, ab.input); err != nil { // a column that is not there, as PostgreSQL
		return 0, err
	}
	return 0, groupingArgumentError()
}

func groupingArgumentError() error {
	return Errorf("42803", "arguments to GROUPING must be grouping expressions of the associated query level")
}

// openSets groups the input once per grouping set.
func (n *aggNode) openSets(ec *execCtx, in rowIter) (rowIter, error) {
	ng := len(n.groups) - 1 // the last slot is the set's number
	var groups []*group
	index := make(map[string]*group)
	all := make([]types.Value, ng)
	vals := make([]types.Value, len(n.groups))
	var key []byte
	// group finds (or makes) set s's group of the values in all.
	group := func(s int) (*group, error) {
		key = appendValueKey(key[:0], types.NewInt(types.Int64, int64(s)))
		for _, g := range n.sets.sets[s] {
			key = appendValueKey(key, trimCharIf(all[g], n.groups[g].bpchar))
		}
		if g := index[string(key)]; g != nil {
			return g, nil
		}
		for i := range ng {
			vals[i] = types.Value{T: n.groups[i].typ, Null: true}
		}
		for _, g := range n.sets.sets[s] {
			vals[g] = all[g]
		}
		vals[ng] = types.NewInt(types.Int32, int64(s))
		if err := ec.mem.grow(rowBytes(vals) + int64(len(key)+64*len(n.aggs))); err != nil {
			return nil, err
		}
		g := &group{key: slices.Clone(vals), states: make([]aggState, len(n.aggs))}
		index[string(key)] = g
		groups = append(groups, g)
		return g, nil
	}
	for s, set := range n.sets.sets {
		if len(set) == 0 { // an empty grouping set has its one group over no rows too
			if _, err := group(s); err != nil {
				return nil, err
			}
		}
	}
	for {
		row, err := ec.pull(in)
		if err != nil {
			return nil, err
		}
		if row == nil {
			break
		}
		for i := range ng {
			if all[i], err = n.groups[i].eval(row); err != nil {
				return nil, err
			}
		}
		for s := range n.sets.sets {
			g, err := group(s)
			if err != nil {
				return nil, err
			}
			if len(n.sets.nulled[s]) > 0 {
				if err := n.directArgs(g, s, row); err != nil {
					return nil, err
				}
			}
			for i, a := range n.aggs {
				if err := a.step(ec, &g.states[i], row); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := n.checkRecordGroups(ec, groups); err != nil {
		return nil, err
	}
	return &aggIter{n: n, groups: groups, out: make([]types.Value, len(n.groups)+len(n.aggs))}, nil
}

func (n *aggNode) explainSets(ex *explainer) {
	ex.line("MixedAggregate")
	for _, t := range n.sets.text {
		ex.detail("Group Key: %s", t)
	}
	ex.child(n.in)
}
