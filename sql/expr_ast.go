package sql

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// The binder is moving from vitess's tree onto sql/ast one node kind at a time (sql/DESIGN.md,
// "Moving the binder onto the tree"). compile converts a vitess expression with the binder's
// converter, which converts the kinds fromTree names and keeps any other as an ast.Foreign;
// compileAST compiles the tree, and compileExpr's switch the foreign nodes.

// fromTree reports whether the binder compiles e from sql/ast: constants, $n, columns,
// AND/OR/NOT, the comparison, arithmetic, ||, json and prefix operators (through the operator
// registry by name), IS [NOT] NULL/TRUE/FALSE, IS [NOT] DISTINCT FROM, LIKE/ILIKE, the
// regular-expression matches, IN (list), casts, COLLATE, aggregate calls
// (aggregate_tree.go) and window calls (window_bind.go), comparisons over rows
// (rowcompare.go). MySQL's LOCATE with a position is not.
func fromTree(e sqlparser.Expr) bool {
	switch e := e.(type) {
	case *sqlparser.Literal:
		switch e.Type {
		case sqlparser.StrVal, sqlparser.IntVal, sqlparser.DecimalVal, sqlparser.FloatVal, sqlparser.DateVal,
			sqlparser.TimestampVal, sqlparser.TimeVal:
			return true
		}
	case *sqlparser.NullVal, sqlparser.BoolVal, *sqlparser.Argument, *sqlparser.ColName, *sqlparser.AndExpr, *sqlparser.OrExpr,
		*sqlparser.NotExpr, *sqlparser.IsExpr, *sqlparser.CollateExpr, *sqlparser.SubstrExpr, *sqlparser.TrimFuncExpr,
		*sqlparser.CurTimeFuncExpr, *sqlparser.Subquery, *sqlparser.ExistsExpr, sqlparser.ValTuple:
		return true
	case *sqlparser.LocateExpr:
		return e.Pos == nil
	case *sqlparser.BetweenExpr:
		return true
	case *sqlparser.CaseExpr:
		return true
	case *sqlparser.FuncExpr:
		return callFromTree(e)
	case *sqlparser.UnaryExpr:
		_, ok := prefixOperatorNames[e.Operator]
		return ok
	case *sqlparser.BinaryExpr:
		if e.Operator == sqlparser.BitXorOp {
			return true // AT TIME ZONE (the dialect pass's ^) and ^ (power) both convert
		}
		_, ok := arithOperatorNames[e.Operator]
		return ok
	case *sqlparser.ComparisonExpr:
		return comparisonFromTree(e)
	case *sqlparser.GroupConcatExpr:
		return true // an aggregate the marker-agg rule wrote (dialect_aggs.go)
	case sqlparser.AggrFunc, sqlparser.WindowFunc:
		return true
	}
	return false
}

// callFromTree is fromTree for a call: a function's, and the dialect pass's calls for
// subscripts, field selections, ROW(...), ARRAY[...], ARRAY(SELECT ...), EXTRACT, FILTER,
// named arguments and GROUPING; not an aggregate called by its name quoted (vitess's call,
// not its aggregate node: compileInternalCall).
func callFromTree(e *sqlparser.FuncExpr) bool {
	return !e.Qualifier.IsEmpty() || !aggregateNames[e.Name.String()]
}

// compileInternalCall compiles a dialect pass's call in a form the converter refuses (from
// text the pass misread): its error; and an aggregate called by its name quoted, which
// vitess parses as a plain call, as a function (funcs.go refuses it).
func compileInternalCall(e *sqlparser.FuncExpr, sc *scope) (*expr, error) {
	x, err := (&converter{binder: true}).exprNode(e)
	if err != nil {
		return nil, err
	}
	if f, ok := x.(*ast.FuncCall); ok && isAggregate(f) {
		return compileFunc(f, sc)
	}
	return compileASTNode(x, sc)
}

// comparisonFromTree is fromTree for vitess's ComparisonExpr: the comparisons, IS [NOT]
// DISTINCT FROM, LIKE, ILIKE, the regular-expression matches and IN (list), but not ANY/ALL,
// IN (subquery) or anything over rows.
func comparisonFromTree(e *sqlparser.ComparisonExpr) bool {
	if e.Modifier != sqlparser.Missing {
		_, sub := e.Right.(*sqlparser.Subquery)
		_, op := opNames[e.Operator]
		return sub && op
	}
	switch e.Operator {
	case sqlparser.InOp, sqlparser.NotInOp:
		switch e.Right.(type) {
		case sqlparser.ValTuple, *sqlparser.Subquery:
			return true
		}
		return false
	case sqlparser.NullSafeEqualOp, sqlparser.LikeOp, sqlparser.NotLikeOp, sqlparser.RegexpOp, sqlparser.NotRegexpOp:
		return true
	}
	_, ok := opNames[e.Operator]
	return ok
}

// prefixOperatorNames are the prefix operators as vitess parses them: ! is the dialect pass's
// spelling of prefix + (dialect_tokens.go), which vitess would drop.
var prefixOperatorNames = map[sqlparser.UnaryExprOperator]string{
	sqlparser.UMinusOp: "-", sqlparser.UPlusOp: "+", sqlparser.BangOp: "+", sqlparser.TildaOp: "~",
}

// compileVitess converts e and compiles the tree.
func compileVitess(e sqlparser.Expr, sc *scope) (*expr, error) {
	x, err := (&converter{binder: true}).expr(e)
	if err != nil {
		return nil, err
	}
	return compileASTNode(x, sc)
}

// compileAST compiles an expression tree; like compile, it raises the error of a constant
// that failed to fold outside a dead branch.
func compileAST(e ast.Expr, sc *scope) (*expr, error) {
	x, err := compileASTNode(e, sc)
	if err == nil && x.failed {
		return foldFailed(x, sc)
	}
	return x, err
}

func compileASTNode(e ast.Expr, sc *scope) (*expr, error) {
	if f, ok := e.(*ast.Foreign); ok {
		return compile(f.Node.(sqlparser.Expr), sc)
	}
	if x, ok := sc.pre[e]; ok { // a subquery's field in a row comparison (rowsubquery.go)
		return x, nil
	}
	if sc.agg != nil {
		if x, ok, err := sc.agg.resolveTree(e); ok { // a grouped expression (groupmatch.go)
			return x, err
		}
	}
	return compileCosted(e, sc) // qualcost.go
}

// compileASTDispatch compiles a node by its kind.
func compileASTDispatch(e ast.Expr, sc *scope) (*expr, error) {
	switch e := e.(type) {
	case *ast.Literal:
		return compileConstant(e, sc)
	case *ast.Param:
		if e.N < 1 || sc.params == nil || e.N > maxParams {
			return nil, Errorf("42P02", "there is no parameter $%d", e.N)
		}
		return sc.params.ref(e.N), nil
	case *ast.ColumnRef:
		if e.Star {
			return sc.compileStar(e) // f(t.*) is f(t)
		}
		return sc.compileColumn(columnRef(e))
	case *ast.BoolOp:
		if e.Op == ast.Not {
			return compileNot(e.Args[0], sc)
		}
		return compileLogic(e.Args, sc, e.Op == ast.And)
	case *ast.BinaryOp:
		return compileBinary(e, sc)
	case *ast.UnaryOp:
		x, err := compileAST(e.Expr, sc)
		if err != nil {
			return nil, err
		}
		return applyOperator(e.Op, nil, x, sc)
	case *ast.NullTest:
		return compileIs(e.Expr, isNullTest(e.Not), sc)
	case *ast.BoolTest:
		return compileIs(e.Expr, isBoolTest(e), sc)
	case *ast.DistinctFrom:
		return compileDistinct(e, sc)
	case *ast.Like:
		return compileLike(e, sc)
	case *ast.In:
		return compileIn(e, sc)
	case *ast.Cast:
		return compileCast(e, sc)
	case *ast.GroupingFunc:
		return compileGrouping(e, sc)
	case *ast.Collate:
		return compileCollate(e, sc)
	}
	return compileASTComposite(e, sc)
}

// compileASTComposite is compileASTNode for the nodes PostgreSQL's parser builds its own
// kinds of node from (CASE, BETWEEN, AT TIME ZONE, calls, subscripts, rows, subqueries).
func compileASTComposite(e ast.Expr, sc *scope) (*expr, error) {
	switch e := e.(type) {
	case *ast.Between:
		return compileBetween(e, sc)
	case *ast.Case:
		return compileCase(e, sc)
	case *ast.AtTimeZone:
		return compileAtTimeZone(e, sc)
	case *ast.FuncCall:
		if err := refusedCall(e, sc); err != nil { // funcstar.go
			return nil, err
		}
		if e.Star && !isCountStar(e) && e.Over == nil && !isAggregate(e) {
			return compileStarCall(e, sc)
		}
		if isAggregate(e) {
			return compileAggregate(e, sc) // aggregate_tree.go
		}
		if e.Over != nil {
			return compileWindowCall(e, sc) // window_bind.go
		}
		if e.Filter != nil {
			return nil, filterOnNonAggregate(strings.Join(e.Name, "."))
		}
		if e.Star || e.Distinct || e.OrderBy != nil || e.WithinGroup {
			break
		}
		return compileFunc(e, sc)
	case *ast.SQLValue:
		return compileSQLValue(e, sc)
	case *ast.Subscript:
		if e.Upper != nil {
			return compileCallOf("drove_subscript", sc, e.Expr, e.Index, e.Upper) // a slice (arrayslice.go)
		}
		return compileCallOf("drove_subscript", sc, e.Expr, e.Index)
	case *ast.Field:
		return compileCallOf("drove_field", sc, e.Expr, &ast.Literal{Type: ast.LitString, Val: e.Name})
	case *ast.Array:
		return compileCallOf("drove_array_of", sc, e.Elems...)
	case *ast.Extract:
		return compileCallOf("drove_extract", sc, &ast.Literal{Type: ast.LitString, Val: e.Field}, e.Expr)
	case *ast.Row:
		return compileRowValue(e.Fields, sc) // rowsubquery.go
	case *ast.SubLink:
		return compileSubLink(e, sc)
	case *ast.AnyAll:
		return compileAnyAll(e, sc) // anyall.go
	}
	return nil, unsupported("expression %s", ast.Print(e, ast.SQL))
}

// compileBetween compiles x [NOT] BETWEEN lo AND hi as x >= lo AND x <= hi, and x BETWEEN
// SYMMETRIC lo AND hi as (x >= lo AND x <= hi) OR (x >= hi AND x <= lo), as PostgreSQL's
// parser rewrites them (NOT BETWEEN SYMMETRIC is NOT over the OR, which PostgreSQL writes as
// the AND of the two ORs: the same value, NULL included).
func compileBetween(e *ast.Between, sc *scope) (*expr, error) {
	x := betweenAnd(e.Expr, e.Lo, e.Hi)
	if e.Symmetric {
		x = &ast.BoolOp{Op: ast.Or, Args: []ast.Expr{x, betweenAnd(e.Expr, e.Hi, e.Lo)}}
	}
	if e.Not {
		return compileNot(x, sc)
	}
	return compileLogic(x.Args, sc, x.Op == ast.And)
}

// betweenAnd is x >= lo AND x <= hi.
func betweenAnd(x, lo, hi ast.Expr) *ast.BoolOp {
	return &ast.BoolOp{Op: ast.And, Args: []ast.Expr{&ast.BinaryOp{Op: ">=", Left: x, Right: lo}, &ast.BinaryOp{Op: "<=", Left: x, Right: hi}}}
}

// compileSQLValue compiles the functions PostgreSQL spells without parentheses.
func compileSQLValue(e *ast.SQLValue, sc *scope) (*expr, error) {
	name := sqlValueFuncNames[e.Name]
	switch name {
	case "current_timestamp", "current_time", "localtime", "localtimestamp":
		return compileNow(name, e.Precision, sc)
	case "current_catalog": // PostgreSQL's grammar makes them calls of these functions
		name = "current_database"
	case "current_role":
		name = "current_user"
	}
	return callFunc(name, nil, 0, sc)
}

// compileCallOf compiles the syntax the registry's function name implements (a subscript,
// a field selection, ARRAY[...], EXTRACT) as a call of it.
func compileCallOf(name string, sc *scope, es ...ast.Expr) (*expr, error) {
	args, err := compileArgs(sc, es...)
	if err != nil {
		return nil, err
	}
	return callFunc(name, args, len(args), sc)
}

// compileConstant compiles a constant with the type PostgreSQL's grammar gives it.
func compileConstant(l *ast.Literal, sc *scope) (*expr, error) {
	switch l.Type {
	case ast.LitNull:
		return constExpr(types.NullValue, false), nil
	case ast.LitBool:
		return constExpr(types.NewBool(l.Val == "true"), false), nil
	case ast.LitString:
		x := constExpr(types.NewText(l.Val), true)
		x.params = sc.params // the zone a timestamptz reads it in
		return x, nil
	case ast.LitInteger, ast.LitBigint:
		i, err := strconv.ParseInt(l.Val, 10, 64)
		if err != nil {
			return nil, Errorf("22P02", "invalid input syntax for type integer: %q", l.Val)
		}
		if l.Type == ast.LitInteger {
			return constExpr(types.NewInt(types.Int32, i), false), nil
		}
		return constExpr(types.NewInt(types.Int64, i), false), nil
	case ast.LitNumeric: // 1.5, 1e3 and integers beyond bigint are numeric in PostgreSQL
		v, err := types.ParseNumeric(l.Val)
		if errors.Is(err, types.ErrNumericOverflow) {
			return nil, Errorf("22003", "%v", err)
		}
		if err != nil {
			if !strings.ContainsAny(l.Val, ".eE") {
				return nil, Errorf("22P02", "invalid input syntax for type numeric: %q", l.Val)
			}
			return nil, Errorf("22P02", "%v", err)
		}
		return constExpr(v, false), nil
	}
	return nil, unsupported("literal %s", ast.Print(l, ast.SQL))
}

// compileOperands compiles the two operands of an infix operator or predicate.
func compileOperands(l, r ast.Expr, sc *scope) (a, b *expr, err error) {
	if a, err = compileAST(l, sc); err != nil {
		return nil, nil, err
	}
	if b, err = compileAST(r, sc); err != nil {
		return nil, nil, err
	}
	return a, b, nil
}

// compileBinary compiles an infix operator: a comparison by compileCompare (of two rows,
// or a row and a subquery, element-wise: rowcompare.go), any other through the operator
// registry by its name.
func compileBinary(e *ast.BinaryOp, sc *scope) (*expr, error) {
	if l, ok := e.Left.(*ast.Row); ok && comparisonOutcomes[e.Op] != nil {
		if x, ok, err := compileRowComparison(e.Op, l, e.Right, sc); ok { // rowcompare.go
			return x, err
		}
	}
	a, b, err := compileOperands(e.Left, e.Right, sc)
	if err != nil {
		return nil, err
	}
	if cmp, ok := comparisonOutcomes[e.Op]; ok {
		return compileCompare(e.Op, cmp, a, b, sc)
	}
	if regexOperators[e.Op] {
		return compileRegex(e.Op, a, b, sc)
	}
	return applyOperator(e.Op, a, b, sc)
}

// compileASTBool compiles a tree that must be boolean, the argument of clause (WHERE,
// JOIN/ON, ...: its name in 42804, as PostgreSQL's coerce_to_boolean prints it).
func compileASTBool(e ast.Expr, sc *scope, clause string) (*expr, error) {
	x, err := compileAST(e, sc)
	if err != nil {
		return nil, err
	}
	if clause == "WHERE" && !x.unknown && x.typ != types.Bool && x.typ != types.Null && splitConjunct(e, sc) {
		clause = "AND"
	}
	return asBool(x, clause)
}

// splitConjunct reports whether e is one of the ANDed terms of a WHERE that bindFrom split
// to place them (params.splitWheres): PostgreSQL checks the AND's arguments before WHERE's,
// so a term that is not boolean is an "argument of AND" (WHERE a = 1 AND 1).
func splitConjunct(e ast.Expr, sc *scope) bool {
	if sc.params == nil {
		return false
	}
	for _, w := range sc.params.splitWheres {
		if slices.Contains(conjuncts(w, nil), e) {
			return true
		}
	}
	return false
}

// asBool is x as a boolean argument: an untyped literal or parameter read as boolean.
func asBool(x *expr, clause string) (*expr, error) {
	if x.unknown {
		return castLiteral(x, types.Bool)
	}
	if x.typ != types.Bool && x.typ != types.Null {
		return nil, Errorf("42804", "argument of %s must be type boolean, not type %s", clause, x.typ)
	}
	return x, nil
}

// compileCollate compiles x COLLATE name. drove compares text by bytes, which is the
// collations default, C and POSIX (names are case-sensitive, as in PostgreSQL); the dialect
// pass drops those, any other is 42704. Only a string type (or an array of one, or a
// constant of unknown type) takes a collation.
func compileCollate(e *ast.Collate, sc *scope) (*expr, error) {
	switch e.Collation {
	case "default", "C", "POSIX":
	default:
		return nil, Errorf("42704", "collation %q for encoding \"UTF8\" does not exist", e.Collation)
	}
	x, err := compileAST(e.Expr, sc)
	if err != nil {
		return nil, err
	}
	if t := x.typ; !x.unknown && t != types.Null && t != types.Text && !(t.IsArray() && t.Elem() == types.Text) {
		return nil, Errorf("42804", "collations are not supported by type %s", t)
	}
	return x, nil
}
