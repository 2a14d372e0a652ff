package sql

import (
	"context"
	"slices"
	"strconv"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// bindSelect plans a query statement (SELECT, a set operation, VALUES) of the binder's tree.
func (s *Session) bindSelect(st *ast.Select, ps *params) (*plan, error) {
	root, cols, err := s.bindQuery(st, ps, nil)
	if err != nil {
		return nil, err
	}
	if cols == nil {
		cols = []Column{} // a query of no columns (SELECT FROM t UNION ...) still has rows: not nil
	}
	cols, names := s.regColumns(cols)
	p := &plan{cols: cols, oneRow: atMostOneRow(root), root: root}
	p.run = func(_ context.Context, _ *tablespace.Txn, out Output) error {
		it, err := root.open(ps.ec)
		if err != nil {
			return err
		}
		n := int64(0)
		for {
			row, err := ps.ec.pull(it)
			if err != nil {
				return err
			}
			if row == nil {
				break
			}
			if names != nil {
				row = names(row)
			}
			if err := out.Row(row); err != nil {
				return err
			}
			n++
		}
		return out.Complete(selectTag(n))
	}
	return p, nil
}

// selectTag is a SELECT's command tag; those of the common counts are not built per query.
func selectTag(n int64) string {
	switch n {
	case 0:
		return "SELECT 0"
	case 1:
		return "SELECT 1"
	}
	return "SELECT " + strconv.FormatInt(n, 10)
}

// atMostOneRow reports whether the rows of n are at most one: a primary-key lookup of a
// table, or no FROM, under projections, filters and limits.
func atMostOneRow(n node) bool {
	switch n := n.(type) {
	case *projectNode:
		return atMostOneRow(n.in)
	case *filterNode:
		return atMostOneRow(n.in)
	case *limitNode:
		return atMostOneRow(n.in)
	case *scanNode:
		return n.acc.kind == pointLookup && n.acc.table.system == nil
	case oneRowNode:
		return true
	}
	return false
}

// bindQuery plans a query of the binder's tree (queryTree): a SELECT, a set operation or a
// VALUES list, with its WITH clause's queries in scope. outer is the enclosing query's scope
// when this is a subquery.
func (s *Session) bindQuery(q *ast.Select, ps *params, outer *scope) (node, []Column, error) {
	if err := s.enterBlock(); err != nil {
		return nil, nil, err
	}
	if q.With != nil {
		return s.withCTEs(q.With, outer, func() (node, []Column, error) { return s.bindQueryBody(q, ps, outer) })
	}
	return s.bindQueryBody(q, ps, outer)
}

// bindQueryBody plans q without its WITH clause.
func (s *Session) bindQueryBody(q *ast.Select, ps *params, outer *scope) (node, []Column, error) {
	switch {
	case q.Op != ast.NoSetOp:
		if len(q.Locking) > 0 { // PostgreSQL's transformSetOperationStmt
			return nil, nil, Errorf("0A000", "%s is not allowed with UNION/INTERSECT/EXCEPT", q.Locking[0].Strength.String())
		}
		return s.bindSetTree(q, ps, outer) // union.go
	case q.Values != nil:
		return s.bindValuesTree(q, ps, outer) // values.go
	}
	return s.bindSelectBody(q, ps, outer)
}

// resolvedColumns are a subquery's columns as the query around it reads them: one of type
// unknown (a NULL, SELECT NULL UNION SELECT NULL) is text, as PostgreSQL resolves the unknown
// outputs of every SELECT but a set operation's branch and INSERT's source, so
// 1 IN (SELECT NULL) is integer = text (42883) and pg_typeof reads text.
func resolvedColumns(cols []Column) []Column {
	var out []Column // a copy, made only when a column changes
	for i, c := range cols {
		if c.Type == types.Null {
			if out == nil {
				out = slices.Clone(cols)
			}
			out[i].Type = types.Text
		}
	}
	if out == nil {
		return cols
	}
	return out
}

// bindSelectBody plans one SELECT as a pipeline: FROM (scans and joins, with WHERE pushed
// down) → remaining WHERE → GROUP BY/aggregates → HAVING → select list (+ hidden ORDER BY
// columns) → DISTINCT → sort (top-N under a LIMIT) → LIMIT/OFFSET → hidden columns dropped.
func (s *Session) bindSelectBody(q *ast.Select, ps *params, outer *scope) (node, []Column, error) {
	from, where := q.From, whereOf(q, ps)
	var err error
	lvl := &level{query: q}
	var root node
	var sc *scope
	if len(from) == 0 {
		root, sc = oneRowNode{}, &scope{params: ps, outer: outer, level: lvl}
		if err := noAggregateInWhere(where, sc); err != nil {
			return nil, nil, err
		}
		if where != nil {
			x, err := compileASTBool(where, sc, "WHERE")
			if err != nil {
				return nil, nil, err
			}
			root = &filterNode{in: root, pred: x, text: treeText(where), tree: where}
		}
	} else if root, sc, err = s.bindFrom(from, where, ps, outer, lvl); err != nil {
		return nil, nil, err
	}
	tree := &selectTree{Select: q}
	if len(q.Locking) > 0 {
		tree.lockName = q.Locking[0].Strength.String()
		if tree.lock, err = bindLocking(q.Locking, tree, root, sc); err != nil {
			return nil, nil, err
		}
		// A materialized view is stored as a table, but its rows are not the locker's to
		// change: PostgreSQL refuses to lock them.
		if l := tree.lock; l != nil && s.isMatview(l.scan.acc.table.name) {
			return nil, nil, Errorf("42809", "cannot lock rows in materialized view %q", l.scan.acc.table.name)
		}
	}

	return s.bindSelectTree(tree, root, sc)
}

// bindSelectTree plans what follows FROM and WHERE (root, over the rows of scope sc) of the
// SELECT tree: aggregated when it groups, has HAVING or an aggregate of its own, or when a
// subquery turns out to hold one of its aggregates.
func (s *Session) bindSelectTree(tree *selectTree, root node, sc *scope) (node, []Column, error) {
	aggregated := len(tree.GroupBy) > 0 || tree.Having != nil || hasOwnAggregate(tree.outputExprs(), sc)
	n, cols, err := s.bindSelectOutput(tree, sc.params, root, sc, aggregated)
	if !aggregated && restartsAggregated(err, sc.level) { // an aggregate of this query in a subquery
		n, cols, err = s.bindSelectOutput(tree, sc.params, root, sc, true)
	}
	return n, cols, err
}

// selectTree is what the binder reads of a SELECT from sql/ast (sql/DESIGN.md, "Moving the
// binder onto the tree", step 3): the select list, DISTINCT and DISTINCT ON, GROUP BY,
// HAVING, WINDOW, ORDER BY, LIMIT and OFFSET, converted once (in the converter's binder
// mode) and compiled from the tree.
type selectTree struct {
	*ast.Select
	// lockName names the first locking clause ("" for none); lock is what they lock (nil:
	// nothing, rowlock.go).
	lockName string
	lock     *lockPlan
}

// outputExprs lists the select list's (not *), ORDER BY's and DISTINCT ON's expressions.
func (t *selectTree) outputExprs() []ast.Expr {
	exprs := make([]ast.Expr, 0, len(t.Targets)+len(t.DistinctOn)+len(t.OrderBy))
	for _, x := range t.Targets {
		if c, ok := x.Expr.(*ast.ColumnRef); !ok || !c.Star {
			exprs = append(exprs, x.Expr)
		}
	}
	for _, o := range t.OrderBy {
		exprs = append(exprs, o.Expr)
	}
	return append(exprs, t.DistinctOn...)
}

// hasAggregate reports whether an aggregate call is in the select list.
func (t *selectTree) hasAggregate() bool { return targetsAggregate(t.Targets) }

// targetsAggregate reports whether an aggregate call is in a select list.
func targetsAggregate(targets []ast.Target) bool {
	for _, x := range targets {
		if hasAggregateTree(x.Expr) {
			return true
		}
	}
	return false
}

// bindSelectOutput plans what follows FROM and WHERE (whose plan is root, over the rows of
// scope sc): aggregation when aggregated, HAVING, windows, the select list, DISTINCT, ORDER
// BY and LIMIT, from tree.
func (s *Session) bindSelectOutput(tree *selectTree, ps *params, root node, sc *scope, aggregated bool) (node, []Column, error) {
	on, distinct := tree.DistinctOn, tree.Distinct && tree.DistinctOn == nil // DISTINCT ON is a sort and a Unique
	from := root
	out := sc // the scope the select list, HAVING and ORDER BY are compiled in
	var ab *aggBinder
	var err error
	if aggregated {
		if ab, err = newGroupingBinder(tree, sc); err != nil {
			return nil, nil, err
		}
		out = &scope{params: ps, outer: sc.outer, level: sc.level, agg: ab}
	} else {
		sc.level.aggregateHere = true
		defer func() { sc.level.aggregateHere = false }()
	}
	var win *windowNode // over the FROM rows, or over the groups
	defs, err := namedWindows(tree.Windows)
	if err != nil {
		return nil, nil, err
	}
	calls := windowCalls(tree.outputExprs())
	groups := out // HAVING is below the window node
	if len(calls) > 0 {
		if win, out, err = bindWindows(out, calls, defs); err != nil {
			return nil, nil, err
		}
	}

	var srfs []*srfCall
	out.srfs = &srfs
	projs, err := s.projections(tree.Targets, out)
	out.srfs = nil
	if err != nil {
		return nil, nil, err
	}
	if len(srfs) > 0 && tree.lockName != "" {
		return nil, nil, Errorf("0A000", "%s is not allowed with set-returning functions in the target list", tree.lockName)
	}
	having, err := bindHaving(tree.Having, groups)
	if err != nil {
		return nil, nil, err
	}
	exprs := make([]*expr, len(projs))
	cols := make([]Column, len(projs))
	// Declarations hold for the FROM rows as they are: not for grouped or windowed output,
	// nor for the columns an outer join may fill with NULLs.
	declared := out == sc && !sc.outerJoined
	for i, p := range projs {
		exprs[i], cols[i] = p.x, p.col
		cols[i].bpchar, cols[i].varchar, cols[i].shape, cols[i].reg = p.x.bpchar, p.x.varchar, p.x.shape, p.x.reg
		if !declared && !projs[i].castDecl {
			cols[i].src = nil
		}
	}
	keys, exprs, err := orderKeys(tree.OrderBy, projs, exprs, out, distinct)
	if err != nil {
		return nil, nil, err
	}
	var distinctOn []int
	if on != nil {
		if keys, exprs, distinctOn, err = distinctOnKeys(on, tree.OrderBy, keys, projs, exprs, out); err != nil {
			return nil, nil, err
		}
	}
	limits, err := bindLimits(tree.Limit, tree.Offset, ps, sc)
	if err != nil {
		return nil, nil, err
	}
	if err := limits.withTies(tree.WithTies, tree.Limit, keys); err != nil {
		return nil, nil, err
	}

	if ab != nil {
		if len(ab.groups) == 0 && len(ab.aggs) == 0 {
			// Grouped by HAVING alone, with no aggregate: one row, if HAVING holds, whatever
			// FROM and WHERE give (nothing above reads them), so PostgreSQL's planner does
			// not scan them (is_degenerate_grouping): their errors never happen.
			root = oneRowNode{}
		}
		root = &aggNode{in: root, groups: ab.groups, groupText: ab.groupText, aggs: ab.aggs, sets: ab.sets}
		if having != nil {
			root = &filterNode{in: root, pred: having, text: treeText(tree.Having), tree: tree.Having}
		}
	}
	if win != nil {
		win.in, root = root, win
	}
	var late []*expr
	if len(srfs) > 0 {
		root = &projectSetNode{in: root, exprs: exprs, srfs: srfs}
	} else if late = postponeVolatile(projs, exprs, keys, tree.Distinct); late != nil || tree.lock != nil {
		root = &projectNode{in: root, exprs: exprs, keepInput: true, trees: projTrees(projs)} // the lock reads the scan's row
	} else {
		root = &projectNode{in: root, exprs: exprs, trees: projTrees(projs)}
	}
	if distinct {
		if root, err = distinctOutput(root, cols, projs); err != nil {
			return nil, nil, err
		}
	}
	if on != nil {
		return finishDistinctOn(root, cols, keys, distinctOn, exprs, limits), cols, nil
	}
	var presorted *scanNode
	if ab == nil && win == nil && len(srfs) == 0 && !distinct {
		presorted = orderedScan(tree.OrderBy, from, sc, projs, keys, limits)
	}
	if tree.lock == nil {
		return finishQuery(root, cols, keys, limits, presorted, late), cols, nil
	}
	root = finishLocked(root, cols, keys, limits, presorted, &lockRowsNode{lock: tree.lock, exprs: exprs}, late == nil)
	if late != nil {
		root = &projectNode{in: root, exprs: late}
	}
	return root, cols, nil
}

// bindHaving compiles HAVING over the groups' scope (below any window node); nil without one.
func bindHaving(having ast.Expr, groups *scope) (*expr, error) {
	if having == nil {
		return nil, nil
	}
	x, err := compileAST(having, groups)
	if err != nil {
		return nil, err
	}
	return asBool(x, "HAVING")
}

// distinctOutput puts SELECT DISTINCT's node over the projection; the output columns' untyped
// literals and NULLs become text, as PostgreSQL resolves them for DISTINCT's comparison.
func distinctOutput(root node, cols []Column, projs []projection) (node, error) {
	if err := noJSONEquality(cols); err != nil {
		return nil, err
	}
	root = &distinctNode{in: root, trim: charTrimFlags(cols), records: recordKeyPositions(typesOfColumns(cols)), keys: distinctKeyTexts(projs)}
	for i := range cols {
		cols[i].unknown = false
		if cols[i].Type == types.Null {
			cols[i].Type = types.Text
		}
	}
	return root, nil
}

// postponeVolatile: as PostgreSQL's planner (make_sort_input_target), a select-list item
// that calls a volatile function and is not a sort key is computed after ORDER BY sorts and
// LIMIT cuts, so nextval() numbers the rows in their output order and runs only for the rows
// returned. It returns nil when no item is postponed; else it replaces each postponed
// exprs[i] by a NULL placeholder and returns the projection to apply after the sort: the
// first len(projs) columns, the postponed ones computed from the input row the project
// node keeps after its own columns (keepInput).
func postponeVolatile(projs []projection, exprs []*expr, keys []sortKey, distinct bool) []*expr {
	if len(keys) == 0 || distinct {
		return nil
	}
	var late []*expr
	width := len(exprs)
	for i, p := range projs {
		if !p.volatile || slices.ContainsFunc(keys, func(k sortKey) bool { return k.pos == i }) {
			continue
		}
		if late == nil {
			late = make([]*expr, len(projs))
			for j, q := range projs {
				late[j] = columnExpr(j, q.x.typ)
				late[j].bpchar, late[j].varchar, late[j].shape, late[j].reg = q.x.bpchar, q.x.varchar, q.x.shape, q.x.reg
			}
		}
		x := exprs[i]
		late[i] = &expr{typ: x.typ, bpchar: x.bpchar, varchar: x.varchar, shape: x.shape,
			eval: func(row []types.Value) (types.Value, error) { return x.eval(row[width:]) }}
		exprs[i] = constExpr(types.Value{T: x.typ, Null: true}, false)
	}
	return late
}

// finishQuery adds ORDER BY, LIMIT and the removal of hidden sort columns. presorted, when
// not nil, is the scan that reads its rows in the ORDER BY's order (keyset.go). late, when not
// nil, is postponeVolatile's projection: as PostgreSQL's plan (Limit over a projecting Result
// over Sort), it runs between the sort and the limit, so OFFSET's rows are computed too, and
// it leaves out the hidden sort columns itself.
func finishQuery(root node, cols []Column, keys []sortKey, limits *limitExprs, presorted *scanNode, late []*expr) node {
	if limits.ties != nil { // the whole sort, then the limit over the rows' keys (ties.go)
		root = &limitNode{in: &sortNode{in: root, keys: keys, limits: &limitExprs{}, presorted: presorted}, limits: limits}
	}
	if len(keys) > 0 && limits.ties == nil {
		root = &sortNode{in: root, keys: keys, limits: limits, presorted: presorted}
	}
	if late != nil {
		root = &projectNode{in: root, exprs: late}
	}
	if limits.ties == nil && (limits.limit != nil || limits.offset != nil) {
		root = &limitNode{in: root, limits: limits}
	}
	hidden := false
	for _, k := range keys {
		hidden = hidden || late == nil && k.pos >= len(cols)
	}
	if hidden {
		root = trimHidden(root, cols)
	}
	return root
}

// trimHidden drops the hidden columns after cols (ORDER BY's) from root's rows.
func trimHidden(root node, cols []Column) node {
	trim := make([]*expr, len(cols))
	for i, c := range cols {
		trim[i] = columnExpr(i, c.Type)
	}
	return &projectNode{in: root, exprs: trim}
}

// convertExpr widens a numeric expression to type t (integers to numeric or floats, numeric to
// floats, or a wider integer).
func convertExpr(x *expr, t types.Type) *expr {
	if x.typ == t {
		return x
	}
	return &expr{typ: t, rowFree: x.rowFree, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: t, Null: true}, err
		}
		switch {
		case v.T == types.Text && t != types.Text: // an untyped literal (see Column.unknown)
			return parseText(v.S, t)
		case t.IsFloat():
			return types.NewFloat(t, num(v)), nil
		case t == types.Numeric:
			return toNumeric(v)
		}
		v.T = t
		return v, nil
	}}
}
