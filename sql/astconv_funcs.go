package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// funcExpr reads a call: the dialect pass's drove_* calls as the syntax they stand for,
// anything else as a function call.
func (c *converter) funcExpr(f *sqlparser.FuncExpr) (ast.Expr, error) {
	if f.Qualifier.IsEmpty() {
		if x, ok, err := c.internalCall(f); ok {
			return x, err
		}
	}
	if internalFunctions[f.Name.Lowered()] {
		// Only the dialect pass writes these, and only in the forms decoded above: another
		// comes from text it misread (SELECT a)FILTER(WHERE 0, SELECT a.(0)[0]), which
		// PostgreSQL refuses.
		return nil, Errorf("42601", "syntax error in %s", unmark(pgString(f)))
	}
	if len(f.Exprs) == 0 && f.Qualifier.IsEmpty() && sqlValueFuncs[f.Name.Lowered()] {
		return &ast.SQLValue{Name: sqlValueNames[f.Name.Lowered()], Precision: -1}, nil
	}
	args, variadic, err := c.variadicArgs(f.Exprs) // dialect_variadic.go
	if err != nil {
		return nil, err
	}
	name := []string{f.Name.String()}
	if !f.Qualifier.IsEmpty() {
		name = []string{f.Qualifier.String(), f.Name.String()}
	}
	return &ast.FuncCall{Name: name, Args: args, Variadic: variadic}, nil
}

// sqlValueFuncs are the functions PostgreSQL's grammar spells without parentheses, which
// vitess reads as calls (the dialect pass refuses them with parentheses).
var sqlValueFuncs = map[string]bool{"current_date": true, "current_user": true, "session_user": true, "user": true,
	"current_role": true, "current_catalog": true, "current_time": true, "current_timestamp": true, "localtime": true,
	"localtimestamp": true}

// sqlValueNames are their names upper case, as ast.SQLValue holds them; sqlValueFuncNames
// the other way.
var sqlValueNames, sqlValueFuncNames = func() (map[string]string, map[string]string) {
	up, down := map[string]string{}, map[string]string{}
	for name := range sqlValueFuncs {
		up[name], down[strings.ToUpper(name)] = strings.ToUpper(name), name
	}
	return up, down
}()

// arraySubLink converts ARRAY(SELECT ...), which the dialect pass writes as drove_array.
func (c *converter) arraySubLink(f *sqlparser.FuncExpr) (ast.Expr, error) {
	sub, ok := f.Exprs[0].(*sqlparser.Subquery)
	if !ok {
		return nil, unsupported("ARRAY %s", pgString(f))
	}
	s, err := c.query(sub.Select)
	if err != nil {
		return nil, err
	}
	return &ast.SubLink{Kind: ast.ArraySubLink, Select: s}, nil
}

// filteredCall converts an aggregate call with FILTER (WHERE ...), which the dialect pass
// writes as a call of aggFilterFunc over the aggregate and the condition.
func (c *converter) filteredCall(f *sqlparser.FuncExpr) (ast.Expr, error) {
	agg, err := c.expr(f.Exprs[0])
	if err != nil {
		return nil, err
	}
	call, ok := agg.(*ast.FuncCall)
	if !ok && c.binder {
		if _, foreign := agg.(*ast.Foreign); !foreign {
			return nil, filterOnNonAggregate(columnName(agg))
		}
	}
	if !ok || call.Filter != nil || call.Over != nil {
		return nil, unsupported("FILTER on %s", pgString(f.Exprs[0]))
	}
	if call.Filter, err = c.expr(f.Exprs[1]); err != nil {
		return nil, err
	}
	return call, nil
}

// internalCall decodes the dialect pass's calls; ok is false for any other function.
func (c *converter) internalCall(f *sqlparser.FuncExpr) (ast.Expr, bool, error) {
	if x, ok, err := c.groupingConstruct(f); ok {
		return x, ok, err
	}
	switch name := f.Name.Lowered(); {
	case name == "drove_subscript" && (len(f.Exprs) == 2 || len(f.Exprs) == 3):
		x, err := c.exprs(f.Exprs)
		if err != nil {
			return nil, true, err
		}
		s := &ast.Subscript{Expr: x[0], Index: x[1]}
		if len(x) == 3 {
			s.Upper = x[2] // a slice (arrayslice.go)
		}
		return s, true, nil
	case name == "drove_field" && len(f.Exprs) == 2:
		lit, ok := f.Exprs[1].(*sqlparser.Literal)
		if !ok || lit.Type != sqlparser.StrVal {
			return nil, true, unsupported("field selection %s", pgString(f))
		}
		x, err := c.expr(f.Exprs[0])
		if err != nil {
			return nil, true, err
		}
		return &ast.Field{Expr: x, Name: lit.Val}, true, nil
	case name == rowFunc:
		x, err := c.exprs(f.Exprs)
		if err != nil {
			return nil, true, err
		}
		return &ast.Row{Fields: x, Explicit: true}, true, nil
	case name == "drove_array_of":
		x, err := c.exprs(f.Exprs)
		if err != nil {
			return nil, true, err
		}
		return &ast.Array{Elems: x}, true, nil
	case name == "drove_array" && len(f.Exprs) == 1:
		x, err := c.arraySubLink(f)
		return x, true, err
	case name == "drove_extract" && len(f.Exprs) == 2:
		lit, ok := f.Exprs[0].(*sqlparser.Literal)
		if !ok || lit.Type != sqlparser.StrVal {
			return nil, true, unsupported("EXTRACT %s", pgString(f))
		}
		x, err := c.expr(f.Exprs[1])
		if err != nil {
			return nil, true, err
		}
		return &ast.Extract{Field: lit.Val, Expr: x}, true, nil
	case name == aggFilterFunc && len(f.Exprs) == 2:
		x, err := c.filteredCall(f)
		return x, true, err
	case name == namedArgFunc:
		argName, value, ok := namedArgOf(f)
		if !ok {
			return nil, true, Errorf("42601", "syntax error in %s", unmark(pgString(f)))
		}
		x, err := c.expr(value)
		if err != nil {
			return nil, true, err
		}
		return &ast.NamedArg{Name: argName, Value: x}, true, nil
	case name == ordinalityFunc:
		if c.binder { // the registry's function counting a set-returning function's rows
			return &ast.FuncCall{Name: []string{ordinalityFunc}}, true, nil
		}
		return nil, true, unsupported("WITH ORDINALITY in the syntax tree")
	}
	return nil, false, nil
}

// groupConcat reads the aggregates the dialect pass writes as GROUP_CONCAT, its SEPARATOR a
// marker naming the aggregate (dialect_aggs.go).
func (c *converter) groupConcat(g *sqlparser.GroupConcatExpr) (ast.Expr, error) {
	if g.Limit != nil {
		return nil, mysqlOnly("LIMIT in GROUP_CONCAT")
	}
	name, ok := strings.CutPrefix(decodeSQLString(g.Separator), aggCallMarker)
	if !ok {
		return nil, mysqlOnly("GROUP_CONCAT")
	}
	exprs := g.Exprs
	call := &ast.FuncCall{Name: []string{name}, Distinct: g.Distinct}
	if len(exprs) > 0 && isMarkerLiteral(exprs[0], withinMarker) {
		call.WithinGroup, exprs = true, exprs[1:]
	}
	var err error
	if call.Args, err = c.exprs(exprs); err != nil {
		return nil, err
	}
	if call.OrderBy, err = c.orderBy(g.OrderBy); err != nil {
		return nil, err
	}
	return call, nil
}

// isAggCallMarker reports whether e is the marker naming an aggregate.
func isAggCallMarker(e sqlparser.Expr) bool {
	lit, ok := e.(*sqlparser.Literal)
	return ok && lit.Type == sqlparser.StrVal && strings.HasPrefix(lit.Val, aggCallMarker)
}

// aggregate reads vitess's nodes for aggregates and window functions.
func (c *converter) aggregate(e sqlparser.Expr) (ast.Expr, error) {
	call := &ast.FuncCall{}
	var args []sqlparser.Expr
	var over *sqlparser.OverClause
	switch a := e.(type) {
	case *sqlparser.CountStar:
		call.Name, call.Star, over = []string{"count"}, true, a.OverClause
	case *sqlparser.Count:
		call.Name, args, call.Distinct, over = []string{"count"}, a.Args, a.Distinct, a.OverClause
		if len(args) > 0 && isAggCallMarker(args[0]) { // a marker aggregate before OVER
			call.Name, args = []string{strings.TrimPrefix(args[0].(*sqlparser.Literal).Val, aggCallMarker)}, args[1:]
		}
	case *sqlparser.Sum:
		call.Name, args, call.Distinct, over = []string{"sum"}, []sqlparser.Expr{a.Arg}, a.Distinct, a.OverClause
	case *sqlparser.Avg:
		call.Name, args, call.Distinct, over = []string{"avg"}, []sqlparser.Expr{a.Arg}, a.Distinct, a.OverClause
	case *sqlparser.Min:
		call.Name, args, call.Distinct, over = []string{"min"}, []sqlparser.Expr{a.Arg}, a.Distinct, a.OverClause
	case *sqlparser.Max:
		call.Name, args, call.Distinct, over = []string{"max"}, []sqlparser.Expr{a.Arg}, a.Distinct, a.OverClause
	case *sqlparser.BitAnd:
		call.Name, args, over = []string{"bit_and"}, []sqlparser.Expr{a.Arg}, a.OverClause
	case *sqlparser.BitOr:
		call.Name, args, over = []string{"bit_or"}, []sqlparser.Expr{a.Arg}, a.OverClause
	case *sqlparser.BitXor:
		call.Name, args, over = []string{"bit_xor"}, []sqlparser.Expr{a.Arg}, a.OverClause
	case *sqlparser.StdDev:
		call.Name, args, over = []string{"stddev"}, []sqlparser.Expr{a.Arg}, a.OverClause
	case *sqlparser.StdPop:
		call.Name, args, over = []string{"stddev_pop"}, []sqlparser.Expr{a.Arg}, a.OverClause
	case *sqlparser.StdSamp:
		call.Name, args, over = []string{"stddev_samp"}, []sqlparser.Expr{a.Arg}, a.OverClause
	case *sqlparser.VarPop:
		call.Name, args, over = []string{"var_pop"}, []sqlparser.Expr{a.Arg}, a.OverClause
	case *sqlparser.VarSamp:
		call.Name, args, over = []string{"var_samp"}, []sqlparser.Expr{a.Arg}, a.OverClause
	case *sqlparser.Variance:
		call.Name, args, over = []string{"variance"}, []sqlparser.Expr{a.Arg}, a.OverClause
	case *sqlparser.ArgumentLessWindowExpr:
		call.Name, over = []string{map[sqlparser.ArgumentLessWindowExprType]string{sqlparser.CumeDistExprType: "cume_dist",
			sqlparser.DenseRankExprType: "dense_rank", sqlparser.PercentRankExprType: "percent_rank",
			sqlparser.RankExprType: "rank", sqlparser.RowNumberExprType: "row_number"}[a.Type]}, a.OverClause
	case *sqlparser.NtileExpr:
		call.Name, args, over = []string{"ntile"}, []sqlparser.Expr{a.N}, a.OverClause
	case *sqlparser.LagLeadExpr:
		if a.NullTreatmentClause != nil {
			return nil, mysqlOnly("RESPECT/IGNORE NULLS")
		}
		call.Name, args, over = []string{"lag"}, []sqlparser.Expr{a.Expr}, a.OverClause
		if a.Type == sqlparser.LeadExprType {
			call.Name = []string{"lead"}
		}
		if a.N != nil {
			args = append(args, a.N)
		}
		if a.Default != nil {
			args = append(args, a.Default)
		}
	case *sqlparser.FirstOrLastValueExpr:
		if a.NullTreatmentClause != nil {
			return nil, mysqlOnly("RESPECT/IGNORE NULLS")
		}
		call.Name, args, over = []string{"first_value"}, []sqlparser.Expr{a.Expr}, a.OverClause
		if a.Type == sqlparser.LastValueExprType {
			call.Name = []string{"last_value"}
		}
	case *sqlparser.NTHValueExpr:
		if a.NullTreatmentClause != nil || a.FromFirstLastClause != nil {
			return nil, Errorf("42601", "syntax error at or near \"%s\"", nthValueClauseWord(a))
		}
		call.Name, args, over = []string{"nth_value"}, []sqlparser.Expr{a.Expr, a.N}, a.OverClause
	default:
		return nil, mysqlOnly("the aggregate " + pgString(e))
	}
	var err error
	if len(args) == 1 && over != nil {
		// A window aggregate's FILTER rides in its argument (aggfilter.go windowFilter).
		if f, ok := args[0].(*sqlparser.FuncExpr); ok {
			if cond, arg, ok := windowFilterCall(f); ok {
				if call.Filter, err = c.expr(cond); err != nil {
					return nil, err
				}
				args = []sqlparser.Expr{arg}
			}
		}
	}
	if call.Args, err = c.exprs(args); err != nil {
		return nil, err
	}
	if over != nil {
		if call.Over, err = c.over(over); err != nil {
			return nil, err
		}
	}
	return call, nil
}

func (c *converter) over(o *sqlparser.OverClause) (*ast.Window, error) {
	if o.WindowSpec == nil {
		return &ast.Window{Ref: o.WindowName.String(), ByName: true}, nil
	}
	return c.windowSpec(o.WindowSpec)
}

func (c *converter) windowSpec(s *sqlparser.WindowSpecification) (*ast.Window, error) {
	w := &ast.Window{Ref: s.Name.String()}
	var err error
	if w.PartitionBy, err = c.exprs(s.PartitionClause); err != nil {
		return nil, err
	}
	if len(w.PartitionBy) == 0 {
		w.PartitionBy = nil
	}
	order, mode, exclude := s.OrderClause, "", ""
	if n := len(order); n > 0 {
		// The dialect pass's marker of GROUPS and EXCLUDE, after the keys (dialect_window.go).
		if lit, ok := order[n-1].Expr.(*sqlparser.Literal); ok && lit.Type == sqlparser.StrVal {
			var marker bool
			if mode, exclude, marker = frameMarkerKey(lit.Val); marker {
				order = order[:n-1]
			}
		}
	}
	if w.OrderBy, err = c.orderBy(order); err != nil {
		return nil, err
	}
	if f := s.FrameClause; f != nil {
		w.Frame = &ast.Frame{Mode: "ROWS", Exclude: exclude}
		if f.Unit == sqlparser.FrameRangeType {
			w.Frame.Mode = "RANGE"
		}
		if mode == "GROUPS" {
			w.Frame.Mode = mode
		}
		if w.Frame.Start, err = c.frameBound(f.Start); err != nil {
			return nil, err
		}
		if f.End != nil {
			if w.Frame.End, err = c.frameBound(f.End); err != nil {
				return nil, err
			}
		}
	}
	return w, nil
}

func (c *converter) frameBound(p *sqlparser.FramePoint) (*ast.FrameBound, error) {
	b := &ast.FrameBound{Kind: map[sqlparser.FramePointType]string{sqlparser.CurrentRowType: "CURRENT ROW",
		sqlparser.UnboundedPrecedingType: "UNBOUNDED PRECEDING", sqlparser.UnboundedFollowingType: "UNBOUNDED FOLLOWING",
		sqlparser.ExprPrecedingType: "PRECEDING", sqlparser.ExprFollowingType: "FOLLOWING"}[p.Type]}
	if p.Unit != sqlparser.IntervalNone && p.Unit != sqlparser.IntervalMicrosecond {
		return nil, mysqlOnly("an INTERVAL frame offset with a unit")
	}
	// With MICROSECOND, the dialect pass's offset expression (dialect_window.go).
	if p.Expr != nil {
		x, err := c.expr(p.Expr)
		if err != nil {
			return nil, err
		}
		b.Offset = x
	}
	return b, nil
}

// orderBy reads ORDER BY keys, with the dialect pass's NULLS FIRST/LAST terms folded into
// the key before them.
func (c *converter) orderBy(ob sqlparser.OrderBy) ([]ast.SortBy, error) {
	var keys []ast.SortBy
	for _, o := range ob {
		if lit, ok := o.Expr.(*sqlparser.Literal); ok && lit.Type == sqlparser.StrVal && strings.HasPrefix(lit.Val, nullsMarker) {
			if len(keys) == 0 {
				return nil, Errorf("42601", "syntax error at or near \"NULLS\"")
			}
			keys[len(keys)-1].Nulls = ast.NullsLast
			if strings.TrimPrefix(lit.Val, nullsMarker) == "first" {
				keys[len(keys)-1].Nulls = ast.NullsFirst
			}
			continue
		}
		x, err := c.expr(o.Expr)
		if err != nil {
			return nil, err
		}
		keys = append(keys, ast.SortBy{Expr: x, Desc: o.Direction == sqlparser.DescOrder})
	}
	return keys, nil
}

// nthValueClauseWord is the first word of nth_value's FROM FIRST/LAST or RESPECT/IGNORE
// NULLS clause, which PostgreSQL's grammar does not have.
func nthValueClauseWord(c *sqlparser.NTHValueExpr) string {
	if c.FromFirstLastClause != nil {
		return "FROM"
	}
	if c.NullTreatmentClause.Type == sqlparser.IgnoreNullsType {
		return "IGNORE"
	}
	return "RESPECT"
}
