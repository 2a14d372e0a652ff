package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
	"strings"
)

// A subquery in an expression is planned like any query, with the scope it appears in as its
// enclosing scope. An uncorrelated one runs once per execution of the statement and its
// result is kept; a correlated one runs again for every row of the enclosing scope, which it
// reads through that scope's cell (see scope.compileColumn). The simple decorrelation that
// matters most, a correlated equality on the inner table's primary key, falls out of this:
// the enclosing value is row-free for the inner query, so its scan becomes a point lookup.
// EXISTS correlated by an equality on any other column is rewritten into a hashed IN
// (compileSemiJoin), so it reads the inner table once rather than once per row.

// subplan is a bound subquery.
type subplan struct {
	root       node
	cols       []Column
	correlated bool
	sc         *scope // the scope the subquery appears in
}

func compileSubquery(q *ast.Select, sc *scope) (*subplan, error) {
	ps := sc.params
	if ps == nil || ps.sess == nil {
		return nil, Errorf("0A000", "cannot use subquery here")
	}
	// Every reference from inside the subquery to sc's row, or to any scope enclosing it,
	// passes through bridge (it has no columns) and marks its level correlated.
	bridge := &scope{params: ps, outer: sc, level: &level{}, sublink: true}
	root, cols, err := ps.sess.bindQuery(q, ps, bridge)
	if err != nil {
		return nil, err
	}
	if bridge.level.correlated {
		sc.cost += subplanCost // it runs again for every row (qualcost.go)
	}
	return &subplan{root: root, cols: resolvedColumns(cols), sc: sc, correlated: bridge.level.correlated}, nil
}

// open runs the subquery for the enclosing row.
func (sp *subplan) open(row []types.Value) (rowIter, *execCtx, error) {
	if sp.sc.cell != nil {
		*sp.sc.cell = row
	}
	ec := sp.sc.params.ec
	if err := ec.check(); err != nil { // a correlated subquery runs once per outer row
		return nil, nil, err
	}
	it, err := sp.root.open(ec)
	return it, ec, err
}

// compileScalarSubquery: (SELECT x ...) as a value; NULL when it returns no row.
func compileScalarSubquery(q *ast.Select, sc *scope) (*expr, error) {
	sp, err := compileSubquery(q, sc)
	if err != nil {
		return nil, err
	}
	if len(sp.cols) != 1 {
		return nil, Errorf("42601", "subquery must return only one column")
	}
	t := sp.cols[0].Type
	showSubplan(sc, sp, onceKind(sp))
	site := new(subqSite)
	run := func(row []types.Value) (types.Value, error) {
		it, _, err := sp.open(row)
		if err != nil {
			return types.Value{}, err
		}
		first, err := it.next()
		if err != nil {
			return types.Value{}, err
		}
		v := types.Value{T: t, Null: true}
		if first != nil {
			v = first[0]
			if more, err := it.next(); err != nil {
				return types.Value{}, err
			} else if more != nil {
				return types.Value{}, Errorf("21000", "more than one row returned by a subquery used as an expression")
			}
		}
		return v, nil
	}
	return &expr{typ: t, shape: sp.cols[0].shape, reg: sp.cols[0].reg, rowFree: !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		return subqOnce(sp, site, row, run)
	}}, nil
}

// compileExists: EXISTS (SELECT ...).
func compileExists(q *ast.Select, sc *scope) (*expr, error) {
	if x, _, ok, err := compileSemiJoin(q, sc, false); ok {
		return x, err
	}
	if x, ok, err := compileExistsHoisted(q, sc); ok {
		return x, err
	}
	sp, err := compileSubquery(q, sc)
	if err != nil {
		return nil, err
	}
	// A correlated EXISTS that an index serves runs as one lookup per row; past switchAt rows
	// in one execution, reading the table once into a hash set costs less (the loops of
	// subselect.sql's nested EXISTS ran 100,000 index lookups).
	var hashed *expr
	var switchAt int
	if sp.correlated {
		var rows int
		if hashed, rows, _, _ = compileSemiJoin(q, sc, true); hashed != nil {
			switchAt = 64 + rows/64
		}
	}
	showSubplan(sc, sp, onceKind(sp))
	site, evals := new(subqSite), new(subqSite) // the result; the count of evaluations
	run := func(row []types.Value) (bool, error) {
		it, _, err := sp.open(row)
		if err != nil {
			return false, err
		}
		first, err := it.next()
		return first != nil, err
	}
	return &expr{typ: types.Bool, rowFree: !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		if hashed != nil && subqCount(sp.sc.params.ec, evals) > switchAt {
			return hashed.eval(row)
		}
		found, err := subqOnce(sp, site, row, run)
		if err != nil {
			return types.Value{}, err
		}
		return types.NewBool(found), nil
	}}, nil
}

// compileSubLink compiles a subquery in an expression, its query bound from the tree. The
// errors of constants that failed to fold inside it are pending on the expression
// (subfold.go), raised unless the expression around it drops it.
func compileSubLink(e *ast.SubLink, sc *scope) (*expr, error) {
	ps := sc.params
	mark := ps.pendingLen()
	outer := beginSubLink(ps)
	x, err := compileSubLinkKind(e, sc)
	endSubLink(ps, e, outer)
	if err != nil {
		return nil, err
	}
	if p := ps.pendingSince(mark); p != nil {
		y := *x
		y.pend = p
		x = &y
	}
	return x, nil
}

func compileSubLinkKind(e *ast.SubLink, sc *scope) (*expr, error) {
	q := e.Select
	switch e.Kind {
	case ast.ExistsSubLink:
		return compileExists(q, sc)
	case ast.ExprSubLink:
		return compileScalarSubquery(q, sc)
	case ast.ArraySubLink:
		return compileArraySubquery(q, sc)
	case ast.AnySubLink, ast.AllSubLink:
		if l, ok := e.Left.(*ast.Row); ok { // rowquantified.go
			return compileRowQuantified(e.Op, e.Kind == ast.AllSubLink, e.In, l.Fields, q, sc)
		}
		if e.In {
			return compileInSubquery(e.Left, false, q, sc)
		}
		if strings.Contains(e.Op, "~~") { // x LIKE ANY (SELECT ...): over ARRAY(SELECT ...), like_any.go
			arr := &ast.SubLink{Kind: ast.ArraySubLink, Select: q}
			return compileLikeAnyAll(&ast.AnyAll{Op: e.Op, All: e.Kind == ast.AllSubLink, Left: e.Left, Array: arr}, sc)
		}
		return compileQuantified(e.Op, e.Kind == ast.AllSubLink, e.Left, q, sc)
	}
	return nil, unsupported("subquery kind %d", e.Kind)
}

// compileAgainstSubquery compiles x and the one-column subquery it is compared with (by op)
// and gives an untyped x the subquery's type.
func compileAgainstSubquery(x ast.Expr, q *ast.Select, op string, sc *scope) (*expr, *subplan, error) {
	left, err := compileAST(x, sc)
	if err != nil {
		return nil, nil, err
	}
	sp, err := compileSubquery(q, sc)
	if err != nil {
		return nil, nil, err
	}
	if len(sp.cols) != 1 {
		return nil, nil, Errorf("42601", "subquery has too many columns")
	}
	rt := sp.cols[0].Type
	if left.unknown {
		if left, err = castLiteral(left, rt); err != nil {
			return nil, nil, err
		}
		left.bpchar, left.varchar = sp.cols[0].bpchar, sp.cols[0].varchar // it takes the column's type
	}
	if !comparable(left.typ, rt) {
		return nil, nil, Errorf("42883", "operator does not exist: %s %s %s", left.typ, op, rt)
	}
	return left, sp, nil
}

// subqueryTrims is charTrims for a value compared with a subquery's column.
func subqueryTrims(left *expr, c Column) (trimLeft, trimCol bool) {
	return charTrims(left, &expr{typ: c.Type, bpchar: c.bpchar, varchar: c.varchar})
}

// compileInSubquery: x [NOT] IN (SELECT y ...), with SQL's NULL rules: NULL when x is NULL
// (and the subquery returns rows) or when no y equals x but some y is NULL.
func compileInSubquery(x ast.Expr, negate bool, q *ast.Select, sc *scope) (*expr, error) {
	left, sp, err := compileAgainstSubquery(x, q, "=", sc)
	if err != nil {
		return nil, err
	}
	rt := sp.cols[0].Type
	if sp.correlated {
		showSubplan(sc, sp, subPlanPerRow)
	} else {
		showSubplan(sc, sp, subPlanHashed)
	}
	// Values are compared by their hash keys, in the type the two sides compare as.
	common := types.Null
	if familyOf(rt) == famNumeric && familyOf(left.typ) == famNumeric {
		common = hashType(left.typ, rt)
	}
	timeType := timeCommon(left.typ, rt) // crosstime.go
	trimLeft, trimCol := subqueryTrims(left, sp.cols[0])
	keyOf := func(dst []byte, v types.Value, trim bool) []byte {
		if trim {
			v = trimChar(v)
		}
		switch {
		case timeType != types.Null:
			v = toTimeCommon(v, timeType, sc.location())
		case v.IsNull() || v.T == common:
		case common.IsFloat():
			v = types.NewFloat(types.Float64, num(v))
		case common == types.Numeric:
			if n, err := toNumeric(v); err == nil {
				v = n
			}
		}
		return appendValueKey(dst, v)
	}
	type result struct {
		set     map[string]struct{}
		anyRow  bool
		sawNull bool
	}
	site := new(subqSite)
	run := func(row []types.Value) (result, error) {
		it, ec, err := sp.open(row)
		if err != nil {
			return result{}, err
		}
		r := result{set: make(map[string]struct{})}
		var key []byte
		for {
			y, err := ec.pull(it)
			if err != nil {
				return result{}, err
			}
			if y == nil {
				break
			}
			r.anyRow = true
			if y[0].IsNull() {
				r.sawNull = true
				continue
			}
			key = keyOf(key[:0], y[0], trimCol)
			if _, ok := r.set[string(key)]; !ok {
				if err := ec.mem.grow(int64(len(key) + 48)); err != nil {
					return result{}, err
				}
				r.set[string(key)] = struct{}{}
			}
		}
		return r, nil
	}
	load := func(row []types.Value) (result, error) { return subqOnce(sp, site, row, run) }
	return &expr{typ: types.Bool, rowFree: left.rowFree && !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		x, err := left.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		r, err := load(row)
		if err != nil {
			return types.Value{}, err
		}
		switch {
		case !r.anyRow:
			return types.NewBool(negate), nil
		case x.IsNull():
			return types.Value{T: types.Bool, Null: true}, nil
		}
		if _, ok := r.set[string(keyOf(nil, x, trimLeft))]; ok {
			return types.NewBool(!negate), nil
		}
		if r.sawNull {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		return types.NewBool(negate), nil
	}}, nil
}

// compileArraySubquery: ARRAY(SELECT x ...), an array of x's type.
func compileArraySubquery(q *ast.Select, sc *scope) (*expr, error) {
	sp, err := compileSubquery(q, sc)
	if err != nil {
		return nil, err
	}
	if len(sp.cols) != 1 {
		return nil, Errorf("42601", "subquery must return only one column")
	}
	// An array of a type drove has no array type for is a text[] of the elements' text; but
	// an array of arrays is PostgreSQL's multidimensional array, which drove has not.
	et := sp.cols[0].Type
	if et.IsArray() && et != types.Int2Vector { // int2vector[] is one-dimensional
		return nil, unsupported("multidimensional arrays (ARRAY of a subquery of %s)", et)
	}
	showSubplan(sc, sp, onceKind(sp))
	at := types.ArrayOf(et)
	if at == types.Null {
		at = types.TextArray
	}
	return &expr{typ: at, rowFree: !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		it, ec, err := sp.open(row)
		if err != nil {
			return types.Value{}, err
		}
		var elems []types.Value
		for {
			r, err := ec.pull(it)
			if err != nil {
				return types.Value{}, err
			}
			if r == nil {
				return types.NewArray(at, elems), nil
			}
			v := r[0]
			if !v.IsNull() && v.T != at.Elem() {
				v = types.NewText(v.String())
			}
			// The elements are kept until the array is built: ARRAY(SELECT generate_series(1,
			// 1e8)) would otherwise hold gigabytes.
			if err := ec.mem.grow(rowBytes(r[:1])); err != nil {
				return types.Value{}, err
			}
			if len(elems) >= types.MaxArrayElems {
				return types.Value{}, Errorf("54000", "%v", types.ErrArrayTooLarge)
			}
			elems = append(elems, v)
		}
	}}, nil
}

// compileQuantified: x op ANY (SELECT y ...) and x op ALL (SELECT y ...), with SQL's NULL
// rules: ANY is true if some comparison is, else NULL if some is NULL, else false; ALL is
// false if some comparison is, else NULL if some is NULL, else true (so true over no rows).
func compileQuantified(op string, all bool, x ast.Expr, q *ast.Select, sc *scope) (*expr, error) {
	holds, ok := comparisonOutcomes[op]
	if !ok {
		return nil, unsupported("operator %s with ANY/ALL", op)
	}
	left, sp, err := compileAgainstSubquery(x, q, op, sc)
	if err != nil {
		return nil, err
	}
	trimLeft, trimCol := subqueryTrims(left, sp.cols[0])
	showSubplan(sc, sp, subPlanPerRow)
	if !sp.correlated {
		keepSubplanRows(sc.params) // read once, its values kept (subqOnce)
	}
	site := new(subqSite)
	run := func(row []types.Value) ([]types.Value, error) {
		it, ec, err := sp.open(row)
		if err != nil {
			return nil, err
		}
		var vals []types.Value
		for {
			y, err := ec.pull(it)
			if err != nil {
				return nil, err
			}
			if y == nil {
				break
			}
			if err := ec.mem.grow(rowBytes(y[:1])); err != nil {
				return nil, err
			}
			vals = append(vals, y[0])
		}
		return vals, nil
	}
	load := func(row []types.Value) ([]types.Value, error) { return subqOnce(sp, site, row, run) }
	return &expr{typ: types.Bool, rowFree: left.rowFree && !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		x, err := left.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		vals, err := load(row)
		if err != nil {
			return types.Value{}, err
		}
		sawNull := false
		for _, y := range vals {
			if x.IsNull() || y.IsNull() {
				sawNull = true
				continue
			}
			if trimLeft {
				x = trimChar(x)
			}
			if trimCol {
				y = trimChar(y)
			}
			if holds(compareAt(x, y, sc.location)) != all {
				return types.NewBool(!all), nil // ANY found a match; ALL found a miss
			}
		}
		if sawNull {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		return types.NewBool(all), nil
	}}, nil
}

// plainSubquery reports whether q is a plain SELECT without GROUP BY, HAVING, LIMIT, WITH,
// WINDOW or an aggregate: EXISTS over one is decorrelated or has conjuncts hoisted.
func plainSubquery(q *ast.Select) bool {
	return q.Op == ast.NoSetOp && q.Values == nil && q.GroupBy == nil && q.Having == nil && q.Limit == nil &&
		q.Offset == nil && q.With == nil && len(q.Windows) == 0 && !targetsAggregate(q.Targets)
}

// oneTableSubquery reads the subquery q of EXISTS (SELECT ... FROM u [AS alias] WHERE ...):
// a plain SELECT (plainSubquery) with a WHERE, not locking, whose FROM is one table of the
// schema (not a WITH query), its columns not renamed. It returns the table, the name its
// columns are qualified by and its schema; ok is false for any other subquery.
func oneTableSubquery(q *ast.Select, sess *Session) (table, alias string, schema *types.Schema, ok bool) {
	if sess == nil || q.Where == nil || len(q.From) != 1 || !plainSubquery(q) || len(q.Locking) > 0 {
		return "", "", nil, false
	}
	t, isTable := q.From[0].(*ast.Table)
	if !isTable || t.Schema != "" || t.Alias != nil && len(t.Alias.Columns) > 0 { // columns renamed: not the schema's names
		return "", "", nil, false
	}
	table, alias = t.Name, t.Name
	if _, cte := sess.lookupCTE(table); cte {
		return "", "", nil, false
	}
	if schema, ok = sess.ts.Schema(table); !ok {
		return "", "", nil, false
	}
	if t.Alias != nil {
		alias = t.Alias.Name
	}
	return table, alias, schema, true
}

// andTerms splits a condition into its top-level ANDed terms, as written (no row comparison
// split, unlike the planner's conjuncts).
func andTerms(e ast.Expr) []ast.Expr {
	if b, ok := e.(*ast.BoolOp); ok && b.Op == ast.And {
		return b.Args
	}
	return []ast.Expr{e}
}

// innerColumn reports whether a column reference names a column of the table u, known as
// alias, in the query that reads it (unqualified or qualified by alias).
func innerColumn(c *ast.ColumnRef, alias string, u *types.Schema) bool {
	n := c.Names
	switch {
	case c.Star || len(n) == 0 || len(n) > 2:
		return false
	case len(n) == 2 && n[0] != alias:
		return false
	}
	return u.ColumnIndex(n[len(n)-1]) >= 0
}

// compileSemiJoin decorrelates EXISTS (SELECT ... FROM u WHERE u.c = outer AND p(u)), where
// outer reads only enclosing rows and p only u, into outer IN (SELECT u.c FROM u WHERE p(u)):
// the inner query runs once per execution into a hash set, and each enclosing row probes it,
// instead of a scan of u per row. It applies only when that scan is what the correlated plan
// would do: an equality on u's primary key or on the first column of an index that can serve
// it is already a lookup per row, unless indexed (compileExists switches to the hash set
// after many rows); rows is u's row count. ok is false when the subquery does not have this
// shape.
func compileSemiJoin(q *ast.Select, sc *scope, indexed bool) (x *expr, rows int, ok bool, err error) {
	sess := sc.params.sess
	table, alias, schema, ok := oneTableSubquery(q, sess)
	if !ok {
		return nil, 0, false, nil
	}
	// sides reads which tables an expression's columns come from (and whether it holds a
	// subquery, or a node the tree keeps in vitess's form, which it cannot read).
	sides := func(x ast.Expr) (in, out, sub bool) {
		ast.Walk(x, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SubLink, *ast.Foreign:
				sub = true
				return false
			case *ast.ColumnRef:
				if innerColumn(n, alias, schema) {
					in = true
				} else {
					out = true
				}
			}
			return true
		})
		return in, out, sub
	}
	// correlated finds u.c = outer (either way round) in a conjunct.
	correlated := func(c ast.Expr) (*ast.ColumnRef, ast.Expr, bool) {
		cmp, isCmp := c.(*ast.BinaryOp)
		if !isCmp || cmp.Op != "=" {
			return nil, nil, false
		}
		for _, pair := range [][2]ast.Expr{{cmp.Left, cmp.Right}, {cmp.Right, cmp.Left}} {
			col, isCol := pair[0].(*ast.ColumnRef)
			if in, out, sub := sides(pair[1]); isCol && innerColumn(col, alias, schema) && out && !in && !sub {
				return col, pair[1], true
			}
		}
		return nil, nil, false
	}
	var innerCol *ast.ColumnRef
	var outerExpr ast.Expr
	var rest []ast.Expr
	for _, c := range andTerms(q.Where) {
		if innerCol == nil {
			if col, other, found := correlated(c); found {
				innerCol, outerExpr = col, other
				continue
			}
		}
		if _, out, sub := sides(c); out || sub {
			return nil, 0, false, nil // correlated some other way
		}
		rest = append(rest, c)
	}
	if innerCol == nil {
		return nil, 0, false, nil
	}
	col := schema.ColumnIndex(innerCol.Names[len(innerCol.Names)-1])
	if len(schema.PK) == 1 && schema.PK[0] == col && !indexed {
		return nil, 0, false, nil
	}
	for _, ix := range schema.Indexes {
		// A multi-column index serves the equality alone only when its other columns are NOT
		// NULL (indexesEveryMatch); otherwise the correlated plan scans u per row.
		if ix.Columns[0] == col && indexesEveryMatch(schema, ix, 1, false) && !indexed {
			return nil, 0, false, nil
		}
	}
	// The probe is bound from copies: binding it may fail, and then the subquery as written
	// is bound from the same nodes.
	probeTree := &ast.Select{Targets: []ast.Target{{Expr: cloneTree(innerCol)}}, From: []ast.FromItem{cloneFromItem(q.From[0])}}
	if len(rest) > 0 {
		probeTree.Where = cloneTree(andTree(rest))
	}
	in, err := compileInSubquery(cloneTree(outerExpr), false, probeTree, sc)
	if err != nil {
		return nil, 0, false, nil // let the correlated plan report it
	}
	rows, _ = sess.ts.TableRows(table)
	// EXISTS is true exactly when the IN is; it is never NULL.
	return &expr{typ: types.Bool, rowFree: in.rowFree, eval: func(row []types.Value) (types.Value, error) {
		v, err := in.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		return types.NewBool(!v.IsNull() && v.Bool()), nil
	}}, rows, true, nil
}
