package sql

import (
	"reflect"
	"strconv"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// projection is one output column.
type projection struct {
	col Column
	x   *expr
	ref int // 1 + the scope column a plain column reference reads; 0 for anything else
	// merge: the reference is unqualified and reads a FULL join's merged USING column (or its
	// conversion to the common type), not the side's value ref names (t1.k is not k)
	merge bool
	// volatile: it calls a volatile function (random(), nextval()), so it is computed after
	// ORDER BY sorts, when not a sort key (see postponeVolatile)
	volatile bool
	// tree is the select-list expression (nil for an item of *), which an equal ORDER BY
	// expression sorts on (orderKeys)
	tree ast.Expr
	// castDecl: col.src is the length or precision of a cast the item ends in
	// (x::numeric(16,4)), which holds for grouped rows too (castDeclaration)
	castDecl bool
}

// castDeclaration is the declaration a select-list item x::t(n) shows: t's length, precision
// and scale (PostgreSQL's exprTypmod of a length-coercion), nil when t has none.
func castDeclaration(e ast.Expr, typ types.Type) *types.Column {
	c, ok := e.(*ast.Cast)
	if !ok {
		return nil
	}
	d, err := castTarget(c.Type.Name)
	if err != nil || d.Length <= 0 || d.Type != typ {
		return nil
	}
	return &d
}

// compileItem compiles select-list item k, e: with grouping sets, the group a GROUP BY item
// naming it made (aggBinder.groupItem).
func compileItem(e ast.Expr, k int, sc *scope) (*expr, error) {
	if sc.agg != nil {
		if g := sc.agg.itemGroup(k); g >= 0 {
			return sc.agg.groupSlot(g), nil
		}
	}
	return compileAST(e, sc)
}

// projections compiles the select list, as the binder converts it (selectTree).
func (s *Session) projections(targets []ast.Target, sc *scope) ([]projection, error) {
	var projs []projection
	for k, t := range targets {
		if c, ok := t.Expr.(*ast.ColumnRef); ok && c.Star {
			ps, err := starProjections(c, sc)
			if err != nil {
				return nil, err
			}
			projs = append(projs, ps...)
			continue
		}
		x, err := compileItem(t.Expr, k, sc)
		if err != nil {
			return nil, err
		}
		literal := x.unknown && x.param == 0
		if x.unknown {
			x.unknown, x.typ = false, types.Text
		}
		name := t.Alias
		if name == "" {
			name = columnName(t.Expr)
		}
		p := projection{col: Column{Name: name, Type: x.typ, unknown: literal}, x: x, volatile: callsVolatileTree(t.Expr), tree: t.Expr}
		if c, ok := t.Expr.(*ast.ColumnRef); ok {
			if i, merge, ok := inputColumn(sc, columnRef(c)); ok {
				p.ref, p.merge = i+1, merge
				p.col.src = sc.cols[i].declared()
			}
		} else if d := castDeclaration(t.Expr, x.typ); d != nil {
			d.Name = name
			p.col.src, p.castDecl = d, true
		}
		projs = append(projs, p)
	}
	return projs, nil
}

// starProjections expands * or t.* (c) over the scope's columns.
func starProjections(c *ast.ColumnRef, sc *scope) ([]projection, error) {
	q := ""
	if len(c.Names) > 0 {
		q = c.Names[len(c.Names)-1]
	}
	if sc.agg != nil {
		return sc.agg.starProjections(q)
	}
	if q != "" && !sc.hasTable(q) {
		if projs, ok, err := outerStarProjections(q, sc); ok || err != nil {
			return projs, err
		}
	}
	if len(sc.cols) == 0 {
		return nil, Errorf("42601", "SELECT * with no tables specified is not valid")
	}
	if q != "" && !sc.hasTable(q) {
		return nil, sc.missingTable(q)
	}
	order := sc.starOrder
	if q != "" || order == nil {
		order = make([]int, len(sc.cols))
		for i := range order {
			order[i] = i
		}
		sc.usingAliasOrder(q, order)
	}
	var projs []projection
	for _, i := range order {
		c := sc.cols[i]
		if c.rowID || c.unseen || (q == "" && c.hidden) || (q != "" && !c.qualifiedBy(q)) {
			continue
		}
		c.markUsed()
		x := c.kinds(columnExpr(i, c.typ))
		if q == "" || c.table != q {
			x = sc.colExpr(i)
		}
		projs = append(projs, projection{col: Column{Name: c.name, Type: x.typ, shape: c.shape, src: c.declared()}, x: x, ref: i + 1,
			merge: c.mergedBy(q)})
	}
	return projs, nil
}

// outerStarProjections expands t.* of an enclosing query's table t (LATERAL (SELECT t.*), a
// subquery's SELECT t.*): each column a correlated reference, as PostgreSQL expands it; ok is
// false when no enclosing query has t.
func outerStarProjections(q string, sc *scope) ([]projection, bool, error) {
	for o := sc.outer; o != nil; o = o.outer {
		in := o
		if o.agg != nil && len(o.cols) == 0 {
			in = o.agg.input
		}
		if !in.hasTable(q) {
			continue
		}
		var projs []projection
		for _, c := range in.cols {
			if c.table != q || c.rowID || c.unseen {
				continue
			}
			x, err := sc.compileColumn(colRef{table: q, name: c.name})
			if err != nil {
				return nil, true, err
			}
			projs = append(projs, projection{col: Column{Name: c.name, Type: c.typ, shape: c.shape, src: c.declared()}, x: x})
		}
		return projs, true, nil
	}
	return nil, false, nil
}

// declared is the declaration a result column reading c shows: none for a USING column of
// an outer join (either side's).
func (c scopeCol) declared() *types.Column {
	if c.isMerge() {
		return nil
	}
	return c.src
}

func columnExpr(i int, t types.Type) *expr {
	return &expr{typ: t, eval: func(row []types.Value) (types.Value, error) { return row[i], nil }}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// columnName is the name PostgreSQL gives an unaliased output column (FigureColname).
func columnName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.ColumnRef:
		if len(e.Names) > 0 { // t.*'s name is t's, as PostgreSQL's FigureColname skips the *
			return e.Names[len(e.Names)-1]
		}
	case *ast.FuncCall:
		return funcColumnName(e)
	case *ast.Literal:
		if e.Type == ast.LitBool {
			return "bool"
		}
	case *ast.Row:
		return "row"
	case *ast.Array:
		return "array"
	case *ast.Case:
		if name, strong := strongName(e); strong {
			return name
		}
		return "case"
	case *ast.SubLink:
		return subLinkColumnName(e)
	case *ast.Cast:
		if name, strong := strongName(e.Expr); strong {
			return name
		}
		return castTypeName(e.Type.Name)
	case *ast.Collate:
		return columnName(e.Expr)
	case *ast.SQLValue:
		return strings.ToLower(e.Name)
	case *ast.AtTimeZone:
		return "timezone" // PostgreSQL's parser makes it a call of timezone(zone, x)
	case *ast.Extract:
		return "extract"
	case *ast.Subscript: // a[i] and the slice a[i:j] are named for a
		return columnName(e.Expr)
	case *ast.Field: // (r).f is named f
		return e.Name
	case *ast.GroupingFunc:
		return "grouping"
	case *ast.Foreign: // an aggregate called by its name quoted
		if f, ok := e.Node.(*sqlparser.FuncExpr); ok {
			return f.Name.Lowered()
		}
	}
	return "?column?"
}

// funcColumnName names a call's column: the function's name, trim's the function PostgreSQL's
// parser calls for it.
func funcColumnName(f *ast.FuncCall) string {
	if f.Syntax == "trim" {
		switch f.TrimSpec {
		case "LEADING":
			return "ltrim"
		case "TRAILING":
			return "rtrim"
		}
		return "btrim"
	}
	return f.Name[len(f.Name)-1]
}

// subLinkColumnName names a subquery's column: EXISTS and ARRAY(SELECT ...) by their
// keyword, a scalar subquery by its query's first column, as PostgreSQL's FigureColname.
func subLinkColumnName(e *ast.SubLink) string {
	switch e.Kind {
	case ast.ExistsSubLink:
		return "exists"
	case ast.ArraySubLink:
		return "array"
	case ast.ExprSubLink:
		return firstColumnName(e.Select)
	}
	return "?column?"
}

// firstColumnName is the name of a query's first column where the query's text gives it: a
// set operation's is its leftmost query's, a VALUES list's column1 (with.sql's (WITH ...
// VALUES (...)) is column1). A * is left "?column?" (the names come from binding).
func firstColumnName(q *ast.Select) string {
	for q != nil && q.Op != ast.NoSetOp {
		q = q.Left
	}
	switch {
	case q == nil:
	case q.Values != nil:
		return "column1"
	case len(q.Targets) > 0:
		t := q.Targets[0]
		if c, ok := t.Expr.(*ast.ColumnRef); ok && c.Star {
			break
		}
		return orDefault(t.Alias, columnName(t.Expr))
	}
	return "?column?"
}

// strongName is the name of e's column when PostgreSQL's FigureColname gives it strongly (a
// column, a call, ...; a cast or a CASE whose operand or ELSE has one), as a cast or a CASE
// around e keeps it.
func strongName(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.Literal:
		return "", false
	case *ast.Cast:
		return strongName(x.Expr)
	case *ast.Collate:
		return strongName(x.Expr)
	case *ast.Case:
		if x.Else == nil {
			return "", false
		}
		return strongName(x.Else)
	}
	name := columnName(e)
	return name, name != "?column?"
}

// castTypeName is the name of a cast's column when its operand has none: the type's.
func castTypeName(name string) string {
	switch {
	case strings.HasPrefix(name, "varchar") || strings.HasPrefix(name, "character varying"):
		return "varchar"
	case strings.HasPrefix(name, "char") || strings.HasPrefix(name, "bpchar"):
		return "bpchar"
	}
	if t, err := castTarget(name); err == nil {
		switch t.Name {
		case "oid", "regclass", "regtype", "regnamespace", "regrole", "regproc": // all int8 here
			return t.Name
		}
		if n, ok := typeNames[t.Type]; ok {
			return n
		}
		if t.Type.IsArray() { // an array's cast is named for its element type, interval[] interval
			return typeNames[t.Type.Elem()]
		}
	}
	return "?column?"
}

// typeNames are PostgreSQL's internal names, which name the column of a cast constant.
var typeNames = map[types.Type]string{
	types.Int16: "int2", types.Int32: "int4", types.Int64: "int8", types.Float32: "float4",
	types.Float64: "float8", types.Bool: "bool", types.Text: "text", types.Timestamp: "timestamp",
	types.Bytea: "bytea", types.Date: "date", types.Numeric: "numeric", types.Int2Vector: "int2vector", types.Int16Array: "int2",
	types.Int32Array: "int4", types.Int64Array: "int8", types.TextArray: "text", types.UUID: "uuid", types.JSON: "json",
	types.JSONB: "jsonb", types.JSONPath: "jsonpath",
	types.Timestamptz: "timestamptz", types.Interval: "interval", types.Time: "time", types.TimeTZ: "timetz", types.TimeTZArray: "timetz",
}

// orderKeys binds ORDER BY. A term naming an output column (by position or, unqualified, by
// name) sorts on it; any other expression becomes a hidden column appended to exprs, which the
// plan drops after sorting. With DISTINCT (or on a UNION) the terms must be output columns.
func orderKeys(ob []ast.SortBy, projs []projection, exprs []*expr, sc *scope, distinct bool) ([]sortKey, []*expr, error) {
	var keys []sortKey
	for _, o := range ob {
		k := sortKey{pos: -1, desc: o.Desc}
		// PostgreSQL's default: NULLs sort as larger than any value
		k.nullsFirst = o.Nulls == ast.NullsFirst || o.Nulls == ast.NullsDefault && k.desc
		n, isPos, err := positionConstant(o.Expr, "ORDER BY")
		if err != nil {
			return nil, nil, err
		}
		if isPos && (n < 1 || n > len(projs)) {
			return nil, nil, Errorf("42P10", "ORDER BY position %d is not in select list", n)
		}
		if isPos {
			k.pos = n - 1
		} else if c, ok := o.Expr.(*ast.ColumnRef); ok && !c.Star && len(c.Names) == 1 {
			// PostgreSQL resolves a bare ORDER BY name against the output columns first.
			for i, p := range projs {
				if p.col.Name == c.Names[0] {
					// Ambiguous only when the columns so named differ, as in PostgreSQL:
					// SELECT id, id ... ORDER BY id orders by the one column both read.
					if k.pos >= 0 && (p.ref == 0 || p.ref != projs[k.pos].ref || p.merge != projs[k.pos].merge) {
						return nil, nil, Errorf("42702", "ORDER BY %q is ambiguous", c.Names[0])
					}
					k.pos = i
				}
			}
		}
		if k.pos < 0 {
			k.pos = sameAsItem(o.Expr, projs, sc)
		}
		if k.pos < 0 {
			x, err := compileAST(o.Expr, sc)
			if err != nil {
				return nil, nil, err
			}
			if x.unknown {
				return nil, nil, Errorf("42601", "non-integer constant in ORDER BY")
			}
			if distinct {
				return nil, nil, Errorf("42P10", "for SELECT DISTINCT, ORDER BY expressions must appear in select list")
			}
			k.pos = len(exprs)
			exprs = append(exprs, x)
		}
		if exprs[k.pos].typ == types.JSON { // json has no ordering operator (jsonb has)
			return nil, nil, Errorf("42883", "could not identify an ordering operator for type json")
		}
		k.trim, k.record = exprs[k.pos].bpchar, exprs[k.pos].typ.IsRecord()
		k.text = sortKeyText(o, projs, k.pos)
		keys = append(keys, k)
	}
	return keys, exprs, nil
}

// sameAsItem is the select-list item an ORDER BY expression is, or -1: as PostgreSQL's
// findTargetlistEntrySQL99, an equal expression (t.a for a, f(x) for f(x)) sorts on the
// item itself, so SELECT DISTINCT f(x) ... ORDER BY f(x) is allowed and ORDER BY random()
// sorts on the random() the row shows.
func sameAsItem(e ast.Expr, projs []projection, sc *scope) int {
	m := treeMatcher{input: sc}
	if c, ok := e.(*ast.ColumnRef); ok && !c.Star {
		// k of a FULL join USING (k) is not t1.k (inputColumn)
		if i, merge, ok := inputColumn(sc, columnRef(c)); ok {
			for k, p := range projs {
				if p.ref == i+1 && p.merge == merge {
					return k
				}
			}
		}
	}
	for k, p := range projs {
		if p.tree != nil && m.sameTree(reflect.ValueOf(e), reflect.ValueOf(p.tree)) {
			return k
		}
	}
	return -1
}

// limitExprs are a statement's LIMIT and OFFSET, evaluated at each execution (they may be
// parameters, or read a row of an enclosing query).
type limitExprs struct {
	limit, offset *expr
	// ties: FETCH FIRST n ROWS WITH TIES, the ORDER BY keys the rows after the n-th that
	// tie with it are compared on; nil: none.
	ties []sortKey
}

// bindLimits binds LIMIT and OFFSET (nil: none) of the query whose FROM scope is own: as
// PostgreSQL, they may not read own's columns (42P10) but may read an enclosing query's row
// (the query is then correlated), and a number of another type is converted to bigint as
// assignment does (LIMIT 2.5 is 3).
func bindLimits(limit, offset ast.Expr, ps *params, own *scope) (*limitExprs, error) {
	le := &limitExprs{}
	var err error
	if le.limit, err = bindLimit(limit, "LIMIT", ps, own); err != nil {
		return nil, err
	}
	if le.offset, err = bindLimit(offset, "OFFSET", ps, own); err != nil {
		return nil, err
	}
	return le, nil
}

func bindLimit(e ast.Expr, what string, ps *params, own *scope) (*expr, error) {
	if e == nil {
		return nil, nil
	}
	sc := &scope{params: ps}
	if own != nil {
		if ownColumn(e, own) {
			return nil, Errorf("42P10", "argument of %s must not contain variables", what)
		}
		sc.outer, sc.level = own.outer, own.level
	}
	x, err := compileAST(e, sc)
	if err != nil {
		return nil, err
	}
	if x.unknown {
		return castLiteral(x, types.Int64)
	}
	switch {
	case x.typ.IsInteger() || x.typ == types.Null:
		return x, nil
	case x.typ == types.Numeric || x.typ.IsFloat():
		from, in := x.typ, x.eval
		col := &types.Column{Name: strings.ToLower(what), Type: types.Int64}
		return &expr{typ: types.Int64, rowFree: x.rowFree, eval: func(row []types.Value) (types.Value, error) {
			v, err := in(row)
			if err != nil {
				return v, err
			}
			return assign(v, from, false, col)
		}}, nil
	}
	return nil, Errorf("42804", "argument of %s must be type bigint, not type %s", what, x.typ)
}

// ownColumn reports whether e reads a column of own (not of a subquery within e). An
// aggregate call in e is PostgreSQL's first error (42803), which compiling e reports.
func ownColumn(e ast.Expr, own *scope) bool {
	found, agg := false, false
	ast.Walk(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SubLink:
			return false
		case *ast.FuncCall:
			agg = agg || isAggregate(n)
		case *ast.Foreign:
			agg = agg || hasAggregateTree(n)
			return false
		case *ast.ColumnRef:
			if i, err := own.lookupRef(columnRef(n)); !n.Star && err == nil && i >= 0 {
				found = true
			}
		}
		return !found && !agg
	})
	return found && !agg
}

// eval returns the offset and the limit (-1: none).
func (le *limitExprs) eval() (offset, limit int64, err error) {
	limit = -1
	get := func(x *expr, what, code string) (int64, bool, error) {
		if x == nil {
			return 0, false, nil
		}
		v, err := x.eval(nil)
		if err != nil || v.IsNull() {
			return 0, false, err
		}
		if v.I < 0 {
			return 0, false, Errorf(code, "%s must not be negative", what)
		}
		return v.I, true, nil
	}
	if n, ok, err := get(le.limit, "LIMIT", "2201W"); err != nil {
		return 0, 0, err
	} else if ok {
		limit = n
	}
	// A negative OFFSET is invalid_row_count_in_result_offset_clause, not LIMIT's 2201W.
	if offset, _, err = get(le.offset, "OFFSET", "2201X"); err != nil {
		return 0, 0, err
	}
	return offset, limit, nil
}

// positionConstant reads a GROUP BY or ORDER BY item that PostgreSQL takes for a constant
// (findTargetlistEntrySQL92): an integer (its grammar's: one that fits int4, signed or not) is
// a select-list position (isPos); any other constant — a larger or decimal number, a string,
// NULL, a boolean — is 42601.
func positionConstant(e ast.Expr, clause string) (n int, isPos bool, err error) {
	lit, ok := e.(*ast.Literal)
	if !ok {
		return 0, false, nil
	}
	if lit.Type != ast.LitInteger {
		return 0, false, Errorf("42601", "non-integer constant in %s", clause)
	}
	n, err = strconv.Atoi(lit.Val)
	return n, err == nil, err
}
