package sql

import (
	"slices"
	"strconv"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// An aggregated query (GROUP BY, HAVING, or an aggregate in the select list) computes its
// output over groups: aggNode emits one row per group holding the GROUP BY values followed by
// the aggregates' results, and the select list, HAVING and ORDER BY are compiled against that
// row by aggBinder, which maps each aggregate call and each grouped expression to its slot.

type aggKind uint8

const (
	aggCountStar aggKind = iota
	aggCount
	aggSum
	aggAvg
	aggMin
	aggMax
	aggJSON     // jsonb_agg, json_agg, jsonb_object_agg, json_object_agg (jsonb_agg.go)
	aggCallKind // the other aggregates written as a marker GROUP_CONCAT (aggregate_calls.go)
	aggAny      // a column functionally dependent on the group: its first non-NULL value (groupdep.go)
)

// aggSpec is one aggregate call of the query.
type aggSpec struct {
	kind     aggKind
	arg      *expr // nil for count(*)
	distinct bool
	typ      types.Type
	filter   *expr // FILTER (WHERE ...), or nil (aggfilter.go)
	json     *jsonAgg
	call     *aggCall
}

type aggBinder struct {
	treeMatcher            // over input: the FROM clause's rows, which aggregate arguments read
	trees       []ast.Expr // the GROUP BY expressions as the binder converts them (groupmatch.go)
	groupCols   []int      // for a GROUP BY column reference, its input column; else -1
	groupMerged []bool     // the reference is unqualified and its column a merged USING one
	groups      []*expr
	groupText   []string
	// groupItem: for a GROUP BY item naming a select-list item (by its alias or position),
	// that item's index, else -1. With grouping sets, that item reads this group, not an
	// equal one: GROUP BY a1, ROLLUP(a2) of SELECT g AS a1, g AS a2 nulls a2 alone.
	groupItem []int
	aggs      []*aggSpec
	aggTrees  []*ast.FuncCall // the aggregate calls bound (aggregate_tree.go)
	sets      *groupingSets   // GROUP BY's grouping sets, or nil (grouping_sets.go)
	dependent map[int]int     // input column → its aggAny's index in aggs (groupdep.go)
}

// newAggBinder binds the GROUP BY list (the expanded one, groups): expressions over the
// input rows; an integer constant names an output column by position and an unqualified name
// that is not an input column names one by alias, as in PostgreSQL.
func newAggBinder(t *selectTree, groups []ast.Expr, input *scope) (*aggBinder, error) {
	ab := &aggBinder{treeMatcher: treeMatcher{input}}
	for _, g := range groups {
		tree, item, err := groupItem(t, g, input)
		if err != nil {
			return nil, err
		}
		if hasAggregateTree(tree) {
			return nil, Errorf("42803", "aggregate functions are not allowed in GROUP BY")
		}
		if err := noWindowIn(tree, "GROUP BY"); err != nil {
			return nil, err
		}
		x, err := compileAST(tree, input)
		if err != nil {
			return nil, err
		}
		if x.unknown {
			x.unknown, x.typ = false, types.Text
		}
		if x.typ == types.JSON { // json has no equality operator (jsonb has)
			return nil, Errorf("42883", "could not identify an equality operator for type json")
		}
		col, merged := -1, false
		if c, ok := tree.(*ast.ColumnRef); ok && !c.Star {
			if i, m, found := inputColumn(input, columnRef(c)); found {
				col, merged = i, m
			}
		}
		ab.trees = append(ab.trees, tree)
		ab.groupCols = append(ab.groupCols, col)
		ab.groupMerged = append(ab.groupMerged, merged)
		ab.groups = append(ab.groups, x)
		ab.groupText = append(ab.groupText, treeText(tree))
		ab.groupItem = append(ab.groupItem, item)
	}
	return ab, nil
}

// groupItem is the expression GROUP BY item g groups by, and the select-list entry it names
// by position or alias (else -1).
func groupItem(t *selectTree, g ast.Expr, input *scope) (ast.Expr, int, error) {
	n, isPos, err := positionConstant(g, "GROUP BY")
	if err != nil {
		return nil, -1, err
	}
	if isPos {
		if n < 1 || n > len(t.Targets) {
			return nil, -1, Errorf("42P10", "GROUP BY position %d is not in select list", n)
		}
		if c, ok := t.Targets[n-1].Expr.(*ast.ColumnRef); ok && c.Star {
			return nil, -1, unsupported("GROUP BY position of *")
		}
		return t.Targets[n-1].Expr, n - 1, nil
	}
	c, ok := g.(*ast.ColumnRef)
	if !ok || c.Star || len(c.Names) != 1 {
		return g, -1, nil
	}
	if i, err := input.lookupRef(columnRef(c)); err != nil || i >= 0 {
		return g, -1, nil
	}
	item := -1
	for k, x := range t.Targets {
		if x.Alias == c.Names[0] {
			item = k // the last of the items so named, as before
		}
	}
	if item < 0 {
		return g, -1, nil
	}
	return t.Targets[item].Expr, item, nil
}

// resolve compiles e in the aggregated scope when it is an aggregate call, a grouped
// expression or a column (grouping() is compileBound's) (which must be grouped); ok is false for anything else, which
// compile then builds from its parts.
func (ab *aggBinder) resolve(e sqlparser.Expr, sc *scope) (*expr, bool, error) {
	if c, ok := e.(*sqlparser.ColName); ok {
		return ab.resolveColumn(refOf(c), func() string { return pgString(c) })
	}
	if g := ab.groupOf(&ast.Foreign{Node: e}); g >= 0 {
		return ab.groupSlot(g), true, nil
	}
	return nil, false, nil // an aggregate or window call, or an expression built from its parts
}

// slot reads column i of the aggregated row.
func slot(i int, t types.Type) *expr {
	return &expr{typ: t, eval: func(row []types.Value) (types.Value, error) { return row[i], nil }}
}

// aggSlot reads aggregate i; min and max of char(n) are char(n).
func (ab *aggBinder) aggSlot(i int) *expr {
	x := slot(len(ab.groups)+i, ab.aggs[i].typ)
	if k := ab.aggs[i].kind; k == aggMin || k == aggMax {
		x.bpchar, x.varchar = ab.aggs[i].arg.bpchar, ab.aggs[i].arg.varchar
	}
	return x
}

// groupedRef is the GROUP BY entry that is the column reference c to input column i, or -1: a
// qualified reference to a merged USING column is that side's value, not the merge.
func (ab *aggBinder) groupedRef(i int, c colRef) int {
	merged := ab.input.cols[i].mergedBy(c.table)
	for g, col := range ab.groupCols {
		if col == i && ab.groupMerged[g] == merged {
			return g
		}
	}
	return -1
}

// groupSlot reads grouped value g, which keeps its char(n) or varchar type.
// itemGroup is the group select-list item k reads with grouping sets (groupItem), or -1.
func (ab *aggBinder) itemGroup(k int) int {
	if ab.sets == nil {
		return -1
	}
	return slices.Index(ab.groupItem, k)
}

func (ab *aggBinder) groupSlot(g int) *expr {
	x := slot(g, ab.groups[g].typ)
	x.bpchar, x.varchar, x.shape, x.reg = ab.groups[g].bpchar, ab.groups[g].varchar, ab.groups[g].shape, ab.groups[g].reg
	return x
}

// resolveColumn compiles a column in the aggregated scope: an enclosing query's column, or
// a grouped one (else 42803); name spells it for the error.
func (ab *aggBinder) resolveColumn(c colRef, name func() string) (*expr, bool, error) {
	i, err := ab.input.lookupRef(c)
	if err != nil {
		return nil, true, err
	}
	if i < 0 && c.table == "" && !ab.input.outerHasColumn(c) {
		if x, found, err := ab.groupedWholeRow(c.name); found { // groupwholerow.go
			return x, true, err
		}
	}
	if i < 0 { // an enclosing query's column, or a missing one
		x, err := ab.input.compileColumn(c)
		return x, true, err
	}
	if g := ab.groupedRef(i, c); g >= 0 {
		return ab.groupSlot(g), true, nil
	}
	if ab.input.cols[i].mergedBy(c.table) {
		x, side := ab.mergedColumn(i)
		if x == nil {
			return nil, true, ungroupedColumn(side)
		}
		return x, true, nil
	}
	if x := ab.dependentColumn(i); x != nil {
		return x, true, nil
	}
	if t := ab.input.cols[i].table; t != "" {
		// PostgreSQL names the column by its range table entry: "t.a", even written a
		return nil, true, ungroupedColumn(t + "." + ab.input.cols[i].name)
	}
	return nil, true, ungroupedColumn(name())
}

func ungroupedColumn(name string) error {
	return Errorf("42803", "column %q must appear in the GROUP BY clause or be used in an aggregate function", name)
}

// mergedColumn compiles a FULL JOIN ... USING column that is not grouped itself:
// PostgreSQL reads it as COALESCE of the sides' columns, so it is grouped when each side's
// is (GROUP BY ROLLUP (t1.k), ROLLUP (t2.k)). x is nil when a side is not, side naming the
// first such, as PostgreSQL's error does.
func (ab *aggBinder) mergedColumn(i int) (x *expr, side string) {
	chain := mergedChain(ab.input.cols, i)
	parts := make([]*expr, len(chain))
	for n, k := range chain {
		col := ab.input.cols[k]
		if g := ab.groupedRef(k, colRef{table: col.table, name: col.name}); g >= 0 {
			parts[n] = ab.groupSlot(g)
		} else if parts[n] = ab.dependentColumn(k); parts[n] == nil {
			return nil, col.table + "." + col.name
		}
	}
	col := ab.input.cols[i]
	return mergeExpr(&expr{typ: col.typ, bpchar: col.bpchar, varchar: col.varchar, eval: func(row []types.Value) (types.Value, error) {
		for _, p := range parts {
			v, err := p.eval(row)
			if err != nil || !v.IsNull() {
				return v, err
			}
		}
		return types.NullValue, nil
	}}, col, ab.input), ""
}

// hasAggregate reports whether an aggregate call appears in the expressions, outside any
// subquery (whose aggregates are its own).
func hasAggregate(exprs []sqlparser.SelectExpr) bool {
	found := false
	for _, se := range exprs {
		_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			switch n.(type) {
			case *sqlparser.Subquery:
				return false, nil
			case sqlparser.AggrFunc:
				if wf, ok := n.(sqlparser.WindowFunc); ok && wf.GetOverClause() != nil {
					return true, nil // a window function, whose arguments may aggregate (sum(sum(a)) OVER ())
				}
				found = true
				return false, nil
			}
			return !found, nil
		}, se)
	}
	return found
}

// aggNode groups its input by hashing the GROUP BY values and folds each group's rows into
// its aggregates' states. Without GROUP BY there is exactly one group, even over no rows.
type aggNode struct {
	in        node
	groups    []*expr
	groupText []string
	aggs      []*aggSpec
	sets      *groupingSets
}

func (n *aggNode) explain(ex *explainer) {
	if n.sets != nil {
		n.explainSets(ex)
		return
	}
	if len(n.groups) == 0 {
		ex.line("Aggregate")
	} else {
		ex.line("HashAggregate")
		ex.detail("Group Key: %s", strings.Join(n.groupText, ", "))
	}
	ex.child(n.in)
}

// aggState is one aggregate's running state within one group.
type aggState struct {
	n    int64
	sum  sumAcc
	v    types.Value
	seen map[string]struct{} // DISTINCT: the argument values already folded in
	// the json aggregates' values, object keys and ORDER BY values so far (jsonb_agg.go)
	vals []types.Value
	keys []string
	ords [][]types.Value
	// the other marker aggregates' state, or their rows kept and direct arguments
	acc    aggAcc
	kept   [][]types.Value
	direct []types.Value
}

type group struct {
	key    []types.Value
	states []aggState
}

func (n *aggNode) open(ec *execCtx) (rowIter, error) {
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	if n.sets != nil {
		return n.openSets(ec, in)
	}
	var groups []*group
	index := make(map[string]*group)
	// One integer grouping expression (the common GROUP BY column) is looked up by its value,
	// without encoding a key; NULL is its own group.
	intKey := len(n.groups) == 1 && n.groups[0].typ.IsInteger()
	byInt := make(map[int64]*group)
	var nullGroup *group
	var key []byte
	vals := make([]types.Value, len(n.groups))
	newGroup := func() *group {
		return &group{key: slices.Clone(vals), states: make([]aggState, len(n.aggs))}
	}
	if len(n.groups) == 0 {
		groups = append(groups, newGroup())
	}
	for count := 0; ; count++ {
		row, err := ec.pull(in)
		if err != nil {
			return nil, err
		}
		if row == nil {
			break
		}
		var g *group
		switch {
		case len(n.groups) == 0:
			g = groups[0]
		case intKey:
			if vals[0], err = n.groups[0].eval(row); err != nil {
				return nil, err
			}
			if vals[0].IsNull() {
				g = nullGroup
			} else {
				g = byInt[vals[0].I]
			}
			if g == nil {
				if err := ec.mem.grow(int64(64 + 64*len(n.aggs))); err != nil {
					return nil, err
				}
				g = newGroup()
				groups = append(groups, g)
				if vals[0].IsNull() {
					nullGroup = g
				} else {
					byInt[vals[0].I] = g
				}
			}
		default:
			key = key[:0]
			for i, x := range n.groups {
				if vals[i], err = x.eval(row); err != nil {
					return nil, err
				}
				v := vals[i]
				if x.bpchar {
					v = trimChar(v) // char(n) values equal but for padding are one group
				}
				key = appendValueKey(key, v)
			}
			if g = index[string(key)]; g == nil {
				if err := ec.mem.grow(rowBytes(vals) + int64(len(key)+64*len(n.aggs))); err != nil {
					return nil, err
				}
				g = newGroup()
				index[string(key)] = g
				groups = append(groups, g)
			}
		}
		for i, a := range n.aggs {
			if err := a.step(ec, &g.states[i], row); err != nil {
				return nil, err
			}
		}
	}
	if err := n.checkRecordGroups(ec, groups); err != nil {
		return nil, err
	}
	return &aggIter{n: n, groups: groups, out: make([]types.Value, len(n.groups)+len(n.aggs))}, nil
}

type aggIter struct {
	n      *aggNode
	groups []*group
	out    []types.Value
}

func (it *aggIter) next() ([]types.Value, error) {
	if len(it.groups) == 0 {
		return nil, nil
	}
	g := it.groups[0]
	it.groups = it.groups[1:]
	copy(it.out, g.key)
	for i, a := range it.n.aggs {
		v, err := a.result(&g.states[i])
		if err != nil {
			return nil, err
		}
		it.out[len(g.key)+i] = v
	}
	return it.out, nil
}

// step folds one input row into an aggregate's state. NULL arguments are skipped.
func (a *aggSpec) step(ec *execCtx, st *aggState, row []types.Value) error {
	if ok, err := a.passes(row); !ok || err != nil {
		return err
	}
	if a.kind == aggCountStar {
		st.n++
		return nil
	}
	switch a.kind {
	case aggJSON:
		return a.json.step(ec, st, row)
	case aggCallKind:
		return a.call.step(ec, st, row)
	}
	v, err := a.arg.eval(row)
	if err != nil || v.IsNull() {
		return err
	}
	if a.distinct {
		k := string(appendValueKey(nil, trimCharIf(v, a.arg.bpchar)))
		if _, dup := st.seen[k]; dup {
			return nil
		}
		if st.seen == nil {
			st.seen = make(map[string]struct{})
		}
		if err := ec.mem.grow(int64(len(k) + 48)); err != nil {
			return err
		}
		st.seen[k] = struct{}{}
	}
	st.n++
	switch a.kind {
	case aggSum, aggAvg:
		return st.sum.add(v, a.typ)
	case aggMin, aggMax, aggAny:
		if st.n == 1 || a.kind == aggAny {
			st.v = v // decoded strings are copies, so keeping v is safe
		} else if c := compareChar(v, st.v, a.arg.bpchar); (a.kind == aggMin && c < 0) || (a.kind == aggMax && c > 0) {
			st.v = v
		}
	}
	return nil
}

func (a *aggSpec) result(st *aggState) (types.Value, error) {
	switch a.kind {
	case aggCountStar, aggCount:
		return types.NewInt(types.Int64, st.n), nil
	case aggCallKind:
		return a.call.result(st)
	}
	if st.n == 0 {
		return types.Value{T: a.typ, Null: true}, nil
	}
	switch a.kind {
	case aggSum:
		return st.sum.sum(a.typ)
	case aggAvg:
		return st.sum.avg(a.typ)
	case aggJSON:
		return a.json.result(st)
	}
	return st.v, nil
}

// decodeSQLString reads back the quoted, backslash-escaped form vitess keeps GROUP_CONCAT's
// SEPARATOR in.
func decodeSQLString(s string) string {
	if len(s) < 2 || s[0] != '\'' || s[len(s)-1] != '\'' {
		return s
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case '0':
			b.WriteByte(0)
		case 'b':
			b.WriteByte('\b')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'Z':
			b.WriteByte(26)
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// sameColumns reports whether a and b are the same expression once each of their columns is
// read as the input column it names: GROUP BY t.a % 2 groups a % 2.
func sameColumns(a, b sqlparser.Expr, input *scope) bool {
	resolved := func(e sqlparser.Expr) (sqlparser.Expr, bool) {
		ok := true
		out := sqlparser.Rewrite(sqlparser.CloneExpr(e), nil, func(c *sqlparser.Cursor) bool {
			if col, isCol := c.Node().(*sqlparser.ColName); isCol {
				i, err := input.lookup(col)
				if err != nil || i < 0 {
					ok = false // an outer or missing column: compared as written
					return false
				}
				c.Replace(sqlparser.NewColName("#" + strconv.Itoa(i)))
			}
			return true
		})
		x, _ := out.(sqlparser.Expr)
		return x, ok && x != nil
	}
	x, okA := resolved(a)
	y, okB := resolved(b)
	return okA && okB && sqlparser.Equals.Expr(x, y)
}
