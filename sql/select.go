package sql

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// projection is one output column.
type projection struct {
	col Column
	x   *expr
	ref int // 1 + the scope column a plain column reference reads; 0 for anything else
	// volatile: it calls a volatile function (random(), nextval()), so it is computed after
	// ORDER BY sorts, when not a sort key (see postponeVolatile)
	volatile bool
}

// compileItem compiles select-list item k, e: with grouping sets, the group a GROUP BY item
// naming it made (aggBinder.groupItem).
func (*Session) compileItem(e sqlparser.Expr, k int, sc *scope) (*expr, error) {
	if sc.agg != nil {
		if g := sc.agg.itemGroup(k); g >= 0 {
			return sc.agg.groupSlot(g), nil
		}
	}
	return compile(e, sc)
}

// projections compiles the select list.
func (s *Session) projections(exprs *sqlparser.SelectExprs, sc *scope) ([]projection, error) {
	var projs []projection
	for k, se := range exprs.Exprs {
		switch se := se.(type) {
		case *sqlparser.StarExpr:
			q := se.TableName.Name.String()
			if sc.agg != nil {
				ps, err := sc.agg.starProjections(q)
				if err != nil {
					return nil, err
				}
				projs = append(projs, ps...)
				continue
			}
			if len(sc.cols) == 0 {
				return nil, Errorf("42601", "SELECT * with no tables specified is not valid")
			}
			if q != "" && !sc.hasTable(q) {
				return nil, Errorf("42P01", "missing FROM-clause entry for table %q", q)
			}
			order := sc.starOrder
			if q != "" || order == nil {
				order = make([]int, len(sc.cols))
				for i := range order {
					order[i] = i
				}
			}
			for _, i := range order {
				c := sc.cols[i]
				if c.rowID || (q == "" && c.hidden) || (q != "" && c.table != q) {
					continue
				}
				c.markUsed()
				x := columnExpr(i, c.typ)
				x.bpchar, x.varchar, x.shape = c.bpchar, c.varchar, c.shape
				if q == "" {
					x = sc.colExpr(i)
				}
				projs = append(projs, projection{col: Column{Name: c.name, Type: c.typ, shape: c.shape, src: c.declared()}, x: x, ref: i + 1})
			}
		case *sqlparser.AliasedExpr:
			x, err := s.compileItem(se.Expr, k, sc)
			if err != nil {
				return nil, err
			}
			literal := x.unknown && x.param == 0
			if x.unknown {
				x.unknown, x.typ = false, types.Text
			}
			name := se.As.String()
			if name == "" {
				name = columnName(se.Expr)
			}
			p := projection{col: Column{Name: name, Type: x.typ, unknown: literal}, x: x, volatile: callsVolatile(se.Expr)}
			if c, ok := se.Expr.(*sqlparser.ColName); ok {
				if i, err := sc.lookup(c); err == nil && i >= 0 {
					p.ref = i + 1
					p.col.src = sc.cols[i].declared()
				}
			}
			projs = append(projs, p)
		default:
			return nil, unsupported("select expression %s", pgString(se))
		}
	}
	return projs, nil
}

// declared is the declaration a result column reading c shows: none for a USING column of
// an outer join (either side's).
func (c scopeCol) declared() *types.Column {
	if c.merged >= 0 {
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

// columnName is the name PostgreSQL gives an unaliased output column.
func columnName(e sqlparser.Expr) string {
	switch e := e.(type) {
	case *sqlparser.ColName:
		return e.Name.String()
	case *sqlparser.FuncExpr:
		return funcColumnName(e)
	case sqlparser.BoolVal:
		return "bool"
	case sqlparser.ValTuple:
		return "row"
	case *sqlparser.GroupConcatExpr: // an aggregate the dialect pass wrote with a marker
		name, _ := strings.CutPrefix(decodeSQLString(e.Separator), aggCallMarker)
		return name
	case *sqlparser.Count:
		if len(e.Args) > 0 && isAggCallMarker(e.Args[0]) { // the same, before OVER
			return strings.TrimPrefix(e.Args[0].(*sqlparser.Literal).Val, aggCallMarker)
		}
		return "count"
	case *sqlparser.ArgumentLessWindowExpr:
		return strings.ToLower(e.Type.ToString())
	case *sqlparser.FirstOrLastValueExpr:
		return strings.ToLower(e.Type.ToString())
	case *sqlparser.LagLeadExpr:
		return strings.ToLower(e.Type.ToString())
	case *sqlparser.NtileExpr:
		return "ntile"
	case *sqlparser.NTHValueExpr:
		return "nth_value"
	case sqlparser.AggrFunc:
		return strings.ToLower(e.AggrName())
	case *sqlparser.CaseExpr:
		return caseColumnName(e)
	case *sqlparser.ExistsExpr:
		return "exists"
	case *sqlparser.SubstrExpr:
		return "substring"
	case *sqlparser.LocateExpr:
		return "position"
	case *sqlparser.CurTimeFuncExpr:
		return e.Name.Lowered()
	case *sqlparser.TrimFuncExpr:
		switch { // PostgreSQL's parser makes trim(LEADING ...) a call of ltrim, TRAILING of rtrim
		case e.TrimFuncType == sqlparser.NormalTrimType && e.Type == sqlparser.LeadingTrimType:
			return "ltrim"
		case e.TrimFuncType == sqlparser.NormalTrimType && e.Type == sqlparser.TrailingTrimType:
			return "rtrim"
		}
		return [...]string{"btrim", "ltrim", "rtrim"}[e.TrimFuncType]
	case *sqlparser.Subquery:
		if sel, ok := e.Select.(*sqlparser.Select); ok && len(sel.SelectExprs.Exprs) == 1 {
			if ae, ok := sel.SelectExprs.Exprs[0].(*sqlparser.AliasedExpr); ok {
				return orDefault(ae.As.String(), columnName(ae.Expr))
			}
		}
	case *sqlparser.CollateExpr:
		return castColumnName(e)
	case *sqlparser.BinaryExpr:
		if _, _, ok := atTimeZoneOperands(e); ok {
			return "timezone" // PostgreSQL's parser makes it a call of timezone(zone, x)
		}
	}
	return "?column?"
}

// caseColumnName names a CASE's column as PostgreSQL does: its ELSE's name when that is a
// strong one (a column, a call, ...), else "case".
func caseColumnName(e *sqlparser.CaseExpr) string {
	if name, strong := strongName(e); strong {
		return name
	}
	return "case"
}

// funcColumnName names a call's column: the function's name, or for the dialect pass's
// internal calls the name of what they stand for.
func funcColumnName(e *sqlparser.FuncExpr) string {
	switch name := e.Name.Lowered(); {
	case (name == "drove_subscript" || name == aggFilterFunc) && len(e.Exprs) == 2, // a[i] is named for a
		name == "drove_subscript" && len(e.Exprs) == 3: // and so is the slice a[i:j]
		return columnName(e.Exprs[0])
	case name == "drove_field" && len(e.Exprs) == 2: // (r).f is named f
		if l, ok := e.Exprs[1].(*sqlparser.Literal); ok {
			return l.Val
		}
		return "?column?"
	case name == "drove_array_of" || name == "drove_array":
		return "array"
	case name == rowFunc:
		return "row"
	case name == "drove_extract":
		return "extract"
	case name == groupingFunc:
		return "grouping"
	default:
		return name
	}
}

// castColumnName names a cast's column (a COLLATE carrying the cast marker): what names its
// operand strongly keeps the name, else the type's.
func castColumnName(e *sqlparser.CollateExpr) string {
	if name, strong := strongName(e.Expr); strong {
		return name
	}
	return castTypeName(e)
}

// strongName is the name of e's column when PostgreSQL's FigureColname gives it strongly (a
// column, a call, ...; a cast or a CASE whose operand or ELSE has one), as a cast or a CASE
// around e keeps it.
func strongName(e sqlparser.Expr) (string, bool) {
	switch x := e.(type) {
	case sqlparser.BoolVal:
		return "", false
	case *sqlparser.CollateExpr: // a cast
		return strongName(x.Expr)
	case *sqlparser.CaseExpr:
		if x.Else == nil {
			return "", false
		}
		return strongName(x.Else)
	}
	name := columnName(e)
	return name, name != "?column?"
}

// castTypeName is the name of a cast's column when its operand has none: the type's.
func castTypeName(e *sqlparser.CollateExpr) string {
	switch name := strings.TrimPrefix(e.Collation, castMarker); {
	case strings.HasPrefix(name, "varchar") || strings.HasPrefix(name, "character varying"):
		return "varchar"
	case strings.HasPrefix(name, "char") || strings.HasPrefix(name, "bpchar"):
		return "bpchar"
	}
	if t, err := castTarget(strings.TrimPrefix(e.Collation, castMarker)); err == nil {
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
func orderKeys(ob sqlparser.OrderBy, projs []projection, exprs []*expr, sc *scope, distinct bool) ([]sortKey, []*expr, error) {
	var keys []sortKey
	for _, o := range ob {
		if lit, ok := o.Expr.(*sqlparser.Literal); ok && lit.Type == sqlparser.StrVal && strings.HasPrefix(lit.Val, nullsMarker) {
			if len(keys) == 0 {
				return nil, nil, Errorf("42601", "syntax error at or near \"NULLS\"")
			}
			keys[len(keys)-1].nullsFirst = strings.TrimPrefix(lit.Val, nullsMarker) == "first"
			continue
		}
		k := sortKey{pos: -1, desc: o.Direction == sqlparser.DescOrder}
		k.nullsFirst = k.desc // PostgreSQL's default: NULLs sort as larger than any value
		n, isPos, err := positionConstant(o.Expr, "ORDER BY")
		if err != nil {
			return nil, nil, err
		}
		if isPos && (n < 1 || n > len(projs)) {
			return nil, nil, Errorf("42P10", "ORDER BY position %d is not in select list", n)
		}
		switch e := o.Expr.(type) {
		case *sqlparser.Literal, *sqlparser.UnaryExpr:
			if isPos {
				k.pos = n - 1
			}
		case *sqlparser.ColName:
			if e.Qualifier.IsEmpty() {
				// PostgreSQL resolves a bare ORDER BY name against the output columns first.
				for i, p := range projs {
					if p.col.Name == e.Name.String() {
						// Ambiguous only when the columns so named differ, as in PostgreSQL:
						// SELECT id, id ... ORDER BY id orders by the one column both read.
						if k.pos >= 0 && (p.ref == 0 || p.ref != projs[k.pos].ref) {
							return nil, nil, Errorf("42702", "ORDER BY %q is ambiguous", e.Name.String())
						}
						k.pos = i
					}
				}
			}
		}
		if k.pos < 0 {
			x, err := compile(o.Expr, sc)
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
		keys = append(keys, k)
	}
	return keys, exprs, nil
}

// limitExprs are a statement's LIMIT and OFFSET, evaluated at each execution (they may be
// parameters, or read a row of an enclosing query).
type limitExprs struct {
	limit, offset *expr
}

// bindLimits binds LIMIT and OFFSET of the query whose FROM scope is own: as PostgreSQL, they
// may not read own's columns (42P10) but may read an enclosing query's row (the query is then
// correlated), and a number of another type is converted to bigint as assignment does (LIMIT
// 2.5 is 3).
func bindLimits(l *sqlparser.Limit, ps *params, own *scope) (*limitExprs, error) {
	le := &limitExprs{}
	if l == nil {
		return le, nil
	}
	var err error
	if le.limit, err = bindLimit(l.Rowcount, "LIMIT", ps, own); err != nil {
		return nil, err
	}
	if le.offset, err = bindLimit(l.Offset, "OFFSET", ps, own); err != nil {
		return nil, err
	}
	return le, nil
}

func bindLimit(e sqlparser.Expr, what string, ps *params, own *scope) (*expr, error) {
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
	x, err := compile(e, sc)
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

var errAggregate = errors.New("aggregate")

// ownColumn reports whether e reads a column of own (not of a subquery within e). An
// aggregate call in e is PostgreSQL's first error (42803), which compiling e reports.
func ownColumn(e sqlparser.Expr, own *scope) bool {
	found := false
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		if x, ok := n.(sqlparser.Expr); ok && isAggregateCall(x) {
			found = false
			return false, errAggregate
		}
		switch n := n.(type) {
		case *sqlparser.Subquery:
			return false, nil
		case *sqlparser.ColName:
			if i, err := own.lookup(n); err == nil && i >= 0 {
				found = true
			}
		}
		return !found, nil
	}, e)
	return found
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
// (findTargetlistEntrySQL92): an integer, signed or not, is a select-list position (isPos);
// any other constant — a string, a decimal, NULL, a boolean — is 42601.
func positionConstant(e sqlparser.Expr, clause string) (n int, isPos bool, err error) {
	notInt := Errorf("42601", "non-integer constant in %s", clause)
	sign := 1
	if u, ok := e.(*sqlparser.UnaryExpr); ok && u.Operator == sqlparser.UMinusOp {
		if _, lit := u.Expr.(*sqlparser.Literal); lit {
			sign, e = -1, u.Expr
		}
	}
	switch x := e.(type) {
	case *sqlparser.Literal:
		if x.Type != sqlparser.IntVal {
			return 0, false, notInt
		}
		n, convErr := strconv.Atoi(x.Val)
		if convErr != nil {
			n = math.MaxInt // beyond any select list
		}
		return sign * n, true, nil
	case *sqlparser.NullVal, sqlparser.BoolVal:
		return 0, false, notInt
	}
	return 0, false, nil
}
