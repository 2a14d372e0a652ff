package sql

import (
	"slices"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// The FROM clause is bound in three passes over a tree of fromItems (tables, derived tables
// and the joins between them):
//
//  1. shape: the tree, each item's columns and where they start in the joined row;
//  2. placement: every WHERE and ON conjunct goes as low as its meaning allows: into a table's
//     access plan (where an equality on the whole primary key becomes a point lookup), into a
//     join as a hash key or a residual condition, or into a filter above everything;
//  3. build: operators bottom-up.
//
// A WHERE conjunct moves below a join only into a side whose rows that join never
// NULL-extends: on a LEFT JOIN's left side it filters rows that would survive anyway, but on
// the right side it would see the NULL rows the join adds. An ON conjunct is the opposite: it
// may filter a LEFT JOIN's right side (which rows match) but not its left (whose rows all
// survive).

type joinKind uint8

const (
	innerJoin joinKind = iota
	leftJoin
	rightJoin
	fullJoin
)

func (k joinKind) String() string {
	return [...]string{"Inner", "Left", "Right", "Full"}[k]
}

type fromItem struct {
	// a table or derived table
	table  *boundTable
	sub    node
	alias  string
	pushed []ast.Expr
	view   *viewPush // a view, whose query can take pushed conditions (view_push.go)

	// a join
	left, right *fromItem
	kind        joinKind
	on          []ast.Expr

	cols []scopeCol
	// starOrder is the order of cols SELECT * lists, when not theirs: a USING or NATURAL
	// join's merged columns come first, as in PostgreSQL (nil: cols' order).
	starOrder []int
	start     int // first column in the whole FROM row
	// ordered marks a join the join-order search made (joinorder.go): built as it is; lookup
	// makes it a lookup join (lookupjoin.go) into the table lookupOf, its right side.
	ordered, lookup bool
	lookupOf        *fromItem
	// bare: a table named without an alias (from_names.go); usingAlias: a join's
	// USING (...) AS name
	bare       bool
	usingAlias string
	// LATERAL (lateral.go): latReads are the FROM-row columns a derived table reads of the
	// items before it; a dependent join's right side reads its left side through cell.
	latReads  []int
	dependent bool
	cell      *[]types.Value
}

func (f *fromItem) isLeaf() bool { return f.left == nil }

// outerJoined reports whether f has an outer join.
func (f *fromItem) outerJoined() bool {
	return !f.isLeaf() && (f.kind != innerJoin || f.left.outerJoined() || f.right.outerJoined())
}

func (f *fromItem) width() int { return len(f.cols) }

// covers reports whether the FROM-row columns [lo, hi] lie in f.
func (f *fromItem) covers(lo, hi int) bool { return lo >= f.start && hi < f.start+f.width() }

// bindFrom plans FROM and WHERE (the binder's tree of it: whereTree); it returns the root
// operator and the scope of its rows.
func (s *Session) bindFrom(from []ast.FromItem, where ast.Expr, ps *params, outer *scope, lvl *level) (node, *scope, error) {
	if err := checkFromSize(from); err != nil {
		return nil, nil, err
	}
	var root *fromItem
	fc := &fromCtx{}
	var names []*fromItem
	for _, fi := range from {
		item, err := s.shapeFrom(fi, ps, outer, lvl, fc)
		if err != nil {
			return nil, nil, err
		}
		own := item.refNames(nil)
		if err := checkNameConflicts(names, own); err != nil {
			return nil, nil, err
		}
		names = append(names, own...)
		fc.push(item, true)
		if root == nil {
			root = item
		} else {
			root = joinItems(root, item, innerJoin, nil)
		}
	}
	setStarts(root, 0)
	if fc.cell != nil {
		*fc.cell = make([]types.Value, root.width())
		markDependent(root, fc.cell)
	}
	sc := &scope{cols: root.cols, params: ps, outer: outer, level: lvl, starOrder: root.starOrder, outerJoined: root.outerJoined()}

	if err := noAggregateInWhere(where, sc); err != nil {
		return nil, nil, err
	}
	var top []ast.Expr
	if where != nil {
		if b, ok := where.(*ast.BoolOp); ok && b.Op == ast.And && ps != nil && !slices.Contains(ps.splitWheres, where) {
			ps.splitWheres = append(ps.splitWheres, where) // for 42804's message (splitConjunct)
		}
		for _, c := range conjuncts(where, nil) {
			if !root.place(c, sc) {
				top = append(top, c)
			}
		}
	}
	if err := root.placeOn(sc); err != nil {
		return nil, nil, err
	}
	n, err := s.buildFrom(root, sc)
	if err != nil {
		return nil, nil, err
	}
	if len(top) > 0 {
		e := andTree(top)
		x, err := compileASTBool(e, sc, "WHERE")
		if err != nil {
			return nil, nil, err
		}
		n = &filterNode{in: n, pred: x, text: treeText(e), tree: e}
	}
	return n, sc, nil
}

// fromListTree converts a FROM list (UPDATE ... FROM, DELETE ... USING with their target) as the
// binder converts.
func fromListTree(tables []sqlparser.TableExpr) ([]ast.FromItem, error) {
	c := converter{binder: true}
	out := make([]ast.FromItem, 0, len(tables))
	for _, te := range tables {
		fi, err := c.fromItem(te)
		if err != nil {
			return nil, err
		}
		out = append(out, fi)
	}
	return out, nil
}

// whereTree converts WHERE as the binder converts (nil: none).
func whereTree(w *sqlparser.Where) (ast.Expr, error) {
	if w == nil {
		return nil, nil
	}
	return (&converter{binder: true}).expr(w.Expr)
}

// derivedItem is a FROM element whose rows come from a query: a derived table or a WITH query.
// names rename its first columns.
func derivedItem(n node, cols []Column, alias string, names []string) (*fromItem, error) {
	if len(names) > len(cols) {
		return nil, Errorf("42P10", "table %q has %d columns available but %d columns specified", alias, len(cols), len(names))
	}
	item := &fromItem{sub: n, alias: alias}
	for i, c := range cols {
		name, scalar := strings.CutPrefix(c.Name, scalarOutMarker)
		if i < len(names) {
			name = names[i]
		}
		item.cols = append(item.cols, scopeCol{table: alias, name: name, typ: c.Type, bpchar: c.bpchar, varchar: c.varchar, shape: c.shape, reg: c.reg, merged: -1, scalarOut: scalar})
	}
	return item, nil
}

// shapeFrom builds the fromItem tree of one FROM element, read from the converted tree:
// tables, derived tables (their queries converted too) and joins (their ON too) are ast
// nodes.
func (s *Session) shapeFrom(fi ast.FromItem, ps *params, outer *scope, lvl *level, fc *fromCtx) (*fromItem, error) {
	switch f := fi.(type) {
	case *ast.Table:
		if item, ok, err := s.namedQueryItem(f, ps, outer, lvl); ok { // a WITH query or a view
			if item != nil && lvl != nil && usesWholeRow(lvl.query, item.alias) {
				addPresence(item) // a WITH query's or a view's (pushIntoView keeps it)
			}
			return item, err
		}
		bt, err := s.bindTableRef(f, ps)
		if err != nil {
			return nil, err
		}
		bt.scope.outer, bt.scope.level = outer, lvl
		if bt.system == nil {
			ps.deps = append(ps.deps, dep{bt.name, bt.schema, false})
		}
		return &fromItem{table: bt, alias: bt.alias, cols: bt.scope.cols, bare: f.Alias == nil}, nil
	case *ast.SubqueryFrom:
		return s.shapeDerived(f, ps, outer, lvl, fc)
	case *ast.FuncFrom:
		d, err := funcFromQuery(f) // funcfrom.go
		if err != nil {
			return nil, err
		}
		item, err := s.shapeDerived(d, ps, outer, lvl, fc)
		if err == nil {
			markFunctionScan(item.sub, f)
		}
		return item, err
	case *ast.Join:
		return s.shapeJoin(f, ps, outer, lvl, fc)
	}
	return nil, unsupported("FROM item %T", fi)
}

// joinKinds are the executor's joins of the tree's (CROSS JOIN is an inner join without a
// condition).
var joinKinds = [...]joinKind{ast.CrossJoin: innerJoin, ast.InnerJoin: innerJoin, ast.LeftJoin: leftJoin,
	ast.RightJoin: rightJoin, ast.FullJoin: fullJoin}

// shapeJoin builds the item of a join: its sides, the right one with the left in scope when
// LATERAL (only a RIGHT or FULL JOIN hides it), then its condition.
func (s *Session) shapeJoin(j *ast.Join, ps *params, outer *scope, lvl *level, fc *fromCtx) (*fromItem, error) {
	left, err := s.shapeFrom(j.Left, ps, outer, lvl, fc)
	if err != nil {
		return nil, err
	}
	mark := fc.push(left, j.Kind != ast.RightJoin && j.Kind != ast.FullJoin)
	right, err := s.shapeFrom(j.Right, ps, outer, lvl, fc)
	fc.pop(mark)
	if err != nil {
		return nil, err
	}
	if err := checkNameConflicts(left.refNames(nil), right.refNames(nil)); err != nil {
		return nil, err
	}
	kind := joinKinds[j.Kind]
	on := j.On
	if err := noWindowIn(on, "JOIN conditions"); err != nil {
		return nil, err
	}
	using := j.Using
	if j.Natural {
		// NATURAL: USING every column name both sides show.
		for _, lc := range left.cols {
			if lc.hidden || lc.rowID || lc.unseen || slices.Contains(using, lc.name) {
				continue
			}
			for _, rc := range right.cols {
				if rc.name == lc.name && !rc.hidden && !rc.rowID && !rc.unseen {
					using = append(using, lc.name)
					break
				}
			}
		}
		if using == nil {
			if kind == innerJoin {
				return joinItems(left, right, innerJoin, nil), nil
			}
			on = &ast.Literal{Type: ast.LitBool, Val: "true"}
		}
	}
	if on == nil && using == nil && kind != innerJoin {
		return nil, Errorf("42601", "syntax error: %s JOIN needs an ON or USING condition", strings.ToUpper(kind.String()))
	}
	item, err := usingJoin(left, right, kind, on, using, j.UsingAlias)
	if err != nil || j.UsingAlias == "" {
		return item, err
	}
	if err := checkNameConflicts([]*fromItem{item}, append(left.refNames(nil), right.refNames(nil)...)); err != nil {
		return nil, err
	}
	return item, nil
}

// fullJoinCondition decodes the marker ON condition the dialect pass writes for a FULL JOIN's
// USING list or NATURAL (dialect_clauses.go); ok is false for any other condition.
func fullJoinCondition(on sqlparser.Expr) (using []string, natural, ok bool) {
	lit, isLit := on.(*sqlparser.Literal)
	switch {
	case !isLit || lit.Type != sqlparser.StrVal:
		return nil, false, false
	case lit.Val == naturalMarker:
		return nil, true, true
	case strings.HasPrefix(lit.Val, usingMarker):
		return strings.Split(strings.TrimPrefix(lit.Val, usingMarker), ","), false, true
	}
	return nil, false, false
}

// shapeDerived builds the item of a derived table: its query bound with the items before it
// in scope (lateral.go).
func (s *Session) shapeDerived(f *ast.SubqueryFrom, ps *params, outer *scope, lvl *level, fc *fromCtx) (*fromItem, error) {
	if f.Alias == nil {
		return nil, Errorf("42601", "subquery in FROM must have an alias")
	}
	left := fc.leftScope(f.Lateral, ps, outer, lvl)
	n, cols, err := s.bindQuery(f.Select, ps, left)
	if err != nil {
		return nil, err
	}
	item, err := derivedItem(n, resolvedColumns(cols), f.Alias.Name, f.Alias.Columns)
	if item != nil {
		item.latReads = lateralReads(left)
		if lvl != nil && usesWholeRow(lvl.query, item.alias) {
			addPresence(item)
		}
	}
	return item, err
}

// joinItems joins two items; the columns of the result are left's then right's.
func joinItems(left, right *fromItem, kind joinKind, on []ast.Expr) *fromItem {
	j := &fromItem{left: left, right: right, kind: kind, on: on}
	j.cols = append(j.cols, left.cols...)
	for _, c := range right.cols {
		if c.merged >= 0 {
			c.merged += left.width()
		}
		j.cols = append(j.cols, c)
	}
	j.joinedStarOrder()
	return j
}

// usingJoin joins with ON, or with USING (cols): each named column equal on both sides and
// referred to unqualified as one column.
// alias, when not "", is the join's USING alias: alias.col names the merged columns.
func usingJoin(left, right *fromItem, kind joinKind, on ast.Expr, using []string, alias string) (*fromItem, error) {
	var conds []ast.Expr
	if on != nil {
		conds = conjuncts(on, nil)
	}
	j := joinItems(left, right, kind, nil)
	var first []int          // the merged columns, in USING's order
	merged := map[int]bool{} // both sides' columns of them
	for _, name := range using {
		li, ri := -1, -1
		for i, c := range j.cols {
			if c.name != name || c.hidden {
				continue
			}
			if i < left.width() {
				if li >= 0 {
					return nil, Errorf("42702", "common column name %q appears more than once in left table", name)
				}
				li = i
			} else {
				if ri >= 0 {
					return nil, Errorf("42702", "common column name %q appears more than once in right table", name)
				}
				ri = i
			}
		}
		if li < 0 {
			return nil, Errorf("42703", "column %q specified in USING clause does not exist in left table", name)
		}
		if ri < 0 {
			return nil, Errorf("42703", "column %q specified in USING clause does not exist in right table", name)
		}
		conds = append(conds, &ast.BinaryOp{Op: "=", Left: usingOperand(j.cols, li), Right: usingOperand(j.cols, ri)})
		merged[li], merged[ri] = true, true
		common, lconv, rconv, err := usingCommon(usingSideOf(j.cols[li]), usingSideOf(j.cols[ri]))
		if err != nil {
			return nil, err
		}
		switch {
		case kind == rightJoin, kind == innerJoin && lconv && !rconv: // PostgreSQL's inner merge prefers the side not converted
			first = append(first, ri)
			markMerge(&j.cols[ri], common, rconv)
		default:
			first = append(first, li)
			markMerge(&j.cols[li], common, lconv || kind == fullJoin && rconv)
		}
		switch kind {
		case rightJoin:
			j.cols[li].hidden = true
		case innerJoin:
			j.cols[first[len(first)-1]^li^ri].hidden = true // the side not merged
		case fullJoin:
			j.cols[ri].hidden = true
			// The merge's chain grows: after an earlier FULL JOIN ... USING the left value is
			// already a merge, and the new one takes the right value only past all of it.
			e := li
			for j.cols[e].merged >= 0 {
				e = j.cols[e].merged
			}
			j.cols[e].merged = ri
		default:
			j.cols[ri].hidden = true
		}
	}
	j.usingStarOrder(first, merged)
	j.on = conds
	if alias != "" {
		j.usingAlias = alias
		for k, i := range first {
			j.cols[i].usingAliases = append(slices.Clip(j.cols[i].usingAliases), alias)
			j.cols[i].usingPos = append(slices.Clip(j.cols[i].usingPos), k)
		}
	}
	return j, nil
}

func setStarts(f *fromItem, start int) {
	f.start = start
	if !f.isLeaf() {
		setStarts(f.left, start)
		setStarts(f.right, start+f.left.width())
	}
}

// refs returns the range of FROM-row columns e reads (lo > hi: none), and whether it can be
// moved at all: expressions with subqueries stay where they are written (but for the array
// of op ANY (array), which only looks like one).
func refs(e ast.Expr, sc *scope) (lo, hi int, movable bool) {
	lo, hi = 1<<30, -1
	movable = columnRefs(e, func(c *ast.ColumnRef) bool {
		r := refName(c)
		i, err := sc.lookupRef(r)
		if err != nil {
			return false
		}
		if i >= 0 && r.table != "" && sc.cols[i].table != r.table {
			return false // through a join's USING alias, which only the whole FROM's scope knows
		}
		if i >= 0 {
			for _, k := range mergedChain(sc.cols, i) {
				lo, hi = min(lo, k), max(hi, k)
			}
		}
		return true
	})
	return lo, hi, movable
}

// columnRefs calls fn with every column reference of e, and reports whether e can be moved:
// false when it holds a subquery or fn returns false for a reference. A foreign
// node is read as the converter converts it for printing.
func columnRefs(e ast.Expr, fn func(*ast.ColumnRef) bool) bool {
	movable := true
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SubLink:
			movable = false
			return false
		case *ast.Foreign:
			ast.Walk(printable(n), visit)
		case *ast.ColumnRef:
			if !fn(n) {
				movable = false
			}
		}
		return movable
	}
	ast.Walk(e, visit)
	return movable
}

// refName is the reference a ColumnRef names; t.* (a whole row) names no column.
func refName(c *ast.ColumnRef) colRef {
	if !c.Star {
		return columnRef(c)
	}
	r := colRef{name: wholeRowMarker}
	if len(c.Names) > 0 {
		r.table = c.Names[len(c.Names)-1]
	}
	return r
}

// place puts a WHERE conjunct into the lowest item that can evaluate it; false leaves it to
// the caller.
func (f *fromItem) place(c ast.Expr, sc *scope) bool {
	lo, hi, movable := refs(c, sc)
	if !movable || lo > hi {
		return false
	}
	return f.sink(c, lo, hi)
}

// sink moves c, which reads FROM-row columns [lo, hi] inside f, down into f.
func (f *fromItem) sink(c ast.Expr, lo, hi int) bool {
	if f.isLeaf() {
		f.pushed = append(f.pushed, c)
		return true
	}
	inLeft, inRight := f.left.covers(lo, hi), f.right.covers(lo, hi)
	// A filter may pass below a join into a side whose rows are never NULL-extended by it.
	switch {
	case inLeft && (f.kind == innerJoin || f.kind == leftJoin):
		return f.left.sink(c, lo, hi)
	case inRight && (f.kind == innerJoin || f.kind == rightJoin):
		return f.right.sink(c, lo, hi)
	case f.kind == innerJoin && !inLeft && !inRight:
		f.on = append(f.on, c) // spans both sides: a join condition
		return true
	}
	return false
}

// placeOn moves each join's ON conjuncts that concern only one side into that side, where the
// join's meaning allows: for a LEFT JOIN the right side (it filters which rows match), never
// the left (its rows all survive).
func (f *fromItem) placeOn(sc *scope) error {
	if f.isLeaf() {
		return nil
	}
	var keep []ast.Expr
	for _, c := range f.on {
		lo, hi, movable := refs(c, sc)
		moved := false
		if movable && lo <= hi {
			switch {
			case f.left.covers(lo, hi) && (f.kind == innerJoin || f.kind == rightJoin):
				moved = f.left.sink(c, lo, hi)
			case f.right.covers(lo, hi) && (f.kind == innerJoin || f.kind == leftJoin):
				moved = f.right.sink(c, lo, hi)
			}
		}
		if !moved {
			keep = append(keep, c)
		}
	}
	f.on = keep
	if err := f.left.placeOn(sc); err != nil {
		return err
	}
	return f.right.placeOn(sc)
}

// buildFrom creates the operators of an item.
func (s *Session) buildFrom(f *fromItem, sc *scope) (node, error) {
	if f.isLeaf() {
		if f.table != nil {
			var w ast.Expr
			if len(f.pushed) > 0 {
				w = andTree(f.pushed)
			}
			acc, err := planAccess(f.table, w)
			if err != nil {
				return nil, err
			}
			return &scanNode{acc: acc, cols: f.table.scope.cols}, nil
		}
		if len(f.pushed) == 0 {
			return f.sub, nil
		}
		sub, pushed := f.sub, f.pushed
		if f.view != nil {
			n, rest, ok, err := s.pushIntoView(f, sc.params)
			if err != nil {
				return nil, err
			}
			if ok {
				sub, pushed = n, rest
			}
			if len(pushed) == 0 {
				return sub, nil
			}
		}
		e := andTree(pushed)
		x, err := compileASTBool(e, sc.child(f.cols), "WHERE")
		if err != nil {
			return nil, err
		}
		return &filterNode{in: sub, pred: x, text: treeText(e), tree: e}, nil
	}
	if f.lookup {
		return s.buildLookupJoin(f, sc)
	}
	if f.dependent {
		return s.buildLateralJoin(f, sc)
	}
	if r, ok := s.region(f, sc); ok {
		return s.buildRegion(r)
	}
	left, right, err := s.buildSides(f, sc)
	if err != nil {
		return nil, err
	}
	j := &joinNode{left: left, right: right, kind: f.kind, lw: f.left.width(), rw: f.right.width(),
		keepBuild: rerunByLateral(f) && staticItem(f.right, sc)}
	// Condition columns are relative to this join's row, which starts at f.start.
	local := sc.child(f.cols)
	var residual []ast.Expr
	for _, c := range f.on {
		if ok, err := j.addHashKey(c, f, sc, local); err != nil {
			return nil, err
		} else if !ok {
			residual = append(residual, c)
		}
	}
	if len(residual) > 0 {
		e := andTree(residual)
		if j.residual, err = compileASTBool(e, local, "JOIN/ON"); err != nil {
			return nil, err
		}
		j.residualText = treeText(e)
	}
	return j, nil
}

// addHashKey makes an equality between an expression of the left side and one of the right
// side a hash key of the join.
func (j *joinNode) addHashKey(c ast.Expr, f *fromItem, sc, local *scope) (bool, error) {
	cmp, ok := c.(*ast.BinaryOp)
	if !ok || cmp.Op != "=" {
		return false, nil
	}
	// Check the comparison as a whole first, for its errors.
	if _, err := compileASTBool(c, local, "JOIN/ON"); err != nil {
		return false, err
	}
	a, b := cmp.Left, cmp.Right
	alo, ahi, am := refs(a, sc)
	blo, bhi, bm := refs(b, sc)
	if !am || !bm || alo > ahi || blo > bhi {
		return false, nil
	}
	switch {
	case f.left.covers(alo, ahi) && f.right.covers(blo, bhi):
	case f.right.covers(alo, ahi) && f.left.covers(blo, bhi):
		a, b = b, a
	default:
		return false, nil
	}
	lx, err := compileAST(a, sc.child(f.left.cols))
	if err != nil {
		return false, err
	}
	rx, err := compileAST(b, sc.child(f.right.cols))
	if err != nil {
		return false, err
	}
	if lx.unknown || rx.unknown {
		return false, nil
	}
	if lx.typ != rx.typ && familyOf(lx.typ) == famNumeric {
		// Equal numbers of different types must hash alike: both sides become the type
		// they compare as (integers of any width already hash alike).
		if t := hashType(lx.typ, rx.typ); t != types.Null {
			lx, rx = convertExpr(lx, t), convertExpr(rx, t)
		}
	} else if !comparable(lx.typ, rx.typ) {
		return false, nil
	} else {
		// a date, timestamp or timestamptz of another type: both become the type they
		// compare as (crosstime.go)
		lx, rx = timeCommonExprs(lx, rx, sc)
	}
	if tl, tr := charTrims(lx, rx); tl || tr {
		// The key is what the comparison compares: char(n) without its trailing spaces.
		if tl {
			lx = trimmed(lx)
		}
		if tr {
			rx = trimmed(rx)
		}
	}
	j.lkeys, j.rkeys = append(j.lkeys, lx), append(j.rkeys, rx)
	j.keyText = append(j.keyText, treeText(c))
	return true, nil
}

// buildSides builds a join's two inputs.
func (s *Session) buildSides(f *fromItem, sc *scope) (left, right node, err error) {
	if left, err = s.buildFrom(f.left, sc); err != nil {
		return nil, nil, err
	}
	right, err = s.buildFrom(f.right, sc)
	return left, right, err
}
