package sql

import (
	"strconv"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// The converter reads vitess's tree of a statement the dialect pass rewrote into sql/ast,
// decoding the pass's stand-ins (pgcheck.go): a COLLATE '\0::t' is a cast, | is ||, REGEXP is
// ILIKE or a regular-expression match, <=> is IS [NOT] DISTINCT FROM, STRAIGHT_JOIN is FULL
// JOIN, the drove_* calls are the syntax they stand for. A construct PostgreSQL does not have
// is 42601; one the tree cannot hold yet is 0A000, never a guess.

// convertQuery converts a query (SELECT, set operation, VALUES).
func astQuery(q sqlparser.TableStatement) (*ast.Select, error) {
	c := &converter{}
	return c.query(q)
}

// converter reads vitess's tree. For the binder it converts only the node kinds compileAST
// compiles (fromTree) and wraps any other in an ast.Foreign, which the binder compiles from
// vitess's node.
type converter struct {
	binder bool
}

func mysqlOnly(what string) error {
	return Errorf("42601", "syntax error: %s is not PostgreSQL", what)
}

func (c *converter) exprs(list []sqlparser.Expr) ([]ast.Expr, error) {
	out := make([]ast.Expr, len(list))
	for i, e := range list {
		x, err := c.expr(e)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

func (c *converter) expr(e sqlparser.Expr) (ast.Expr, error) {
	if !c.binder {
		return c.exprNode(e)
	}
	if !fromTree(e) {
		return &ast.Foreign{Node: e}, nil
	}
	return c.exprNode(e)
}

func (c *converter) exprNode(e sqlparser.Expr) (ast.Expr, error) {
	switch e := e.(type) {
	case *sqlparser.Literal:
		return literalNode(e)
	case *sqlparser.NullVal:
		return &ast.Literal{Type: ast.LitNull}, nil
	case sqlparser.BoolVal:
		return &ast.Literal{Type: ast.LitBool, Val: strconv.FormatBool(bool(e))}, nil
	case *sqlparser.Argument:
		n, err := strconv.Atoi(strings.TrimPrefix(e.Name, "p"))
		if err != nil || n < 1 {
			return nil, Errorf("42P02", "there is no parameter $%s", strings.TrimPrefix(e.Name, "p"))
		}
		return &ast.Param{N: n}, nil
	case *sqlparser.ColName:
		if e.Name.String() == wholeRowMarker { // t.* in an expression (dialect_tokens.go)
			return &ast.ColumnRef{Names: astColumnNames(e.Qualifier, ""), Star: true}, nil
		}
		return &ast.ColumnRef{Names: astColumnNames(e.Qualifier, e.Name.String())}, nil
	case *sqlparser.AndExpr:
		return c.boolOp(ast.And, e.Left, e.Right)
	case *sqlparser.OrExpr:
		return c.boolOp(ast.Or, e.Left, e.Right)
	case *sqlparser.NotExpr:
		x, err := c.expr(e.Expr)
		if err != nil {
			return nil, err
		}
		return &ast.BoolOp{Op: ast.Not, Args: []ast.Expr{x}}, nil
	case *sqlparser.ComparisonExpr:
		return c.comparison(e)
	case *sqlparser.BetweenExpr:
		lo, sym := betweenBounds(e)
		x, err := c.exprs([]sqlparser.Expr{e.Left, lo, e.To})
		if err != nil {
			return nil, err
		}
		return &ast.Between{Expr: x[0], Lo: x[1], Hi: x[2], Not: !e.IsBetween, Symmetric: sym}, nil
	case *sqlparser.IsExpr:
		return c.isExpr(e)
	case *sqlparser.BinaryExpr:
		return c.binary(e)
	case *sqlparser.UnaryExpr:
		return c.unary(e)
	case *sqlparser.FuncExpr:
		return c.funcExpr(e)
	case *sqlparser.CollateExpr:
		return c.collate(e)
	case *sqlparser.CaseExpr:
		return c.caseExpr(e)
	case *sqlparser.Subquery:
		s, err := c.query(e.Select)
		if err != nil {
			return nil, err
		}
		return &ast.SubLink{Kind: ast.ExprSubLink, Select: s}, nil
	case *sqlparser.ExistsExpr:
		s, err := c.query(e.Subquery.Select)
		if err != nil {
			return nil, err
		}
		return &ast.SubLink{Kind: ast.ExistsSubLink, Select: s}, nil
	case sqlparser.ValTuple:
		x, err := c.exprs(e)
		if err != nil {
			return nil, err
		}
		return &ast.Row{Fields: x}, nil
	case *sqlparser.SubstrExpr:
		return c.substr(e)
	case *sqlparser.TrimFuncExpr:
		return c.trim(e)
	case *sqlparser.LocateExpr:
		if e.Pos != nil {
			return nil, mysqlOnly("LOCATE")
		}
		x, err := c.exprs([]sqlparser.Expr{e.Str, e.SubStr})
		if err != nil {
			return nil, err
		}
		return &ast.FuncCall{Name: []string{"position"}, Args: x, Syntax: "position"}, nil
	case *sqlparser.CurTimeFuncExpr:
		return curTime(e)
	case *sqlparser.GroupConcatExpr:
		return c.groupConcat(e)
	case sqlparser.AggrFunc, sqlparser.WindowFunc:
		return c.aggregate(e)
	}
	return nil, refuseExpr(e)
}

// refuseExpr is the error for an expression the converter does not read: 42601 for MySQL's
// constructs, 0A000 for anything else.
func refuseExpr(e sqlparser.Expr) error {
	switch e.(type) {
	case *sqlparser.XorExpr:
		return mysqlOnly("XOR")
	case *sqlparser.AssignmentExpr:
		return mysqlOnly(":=")
	case *sqlparser.Variable:
		return mysqlOnly("a variable")
	case *sqlparser.IntroducerExpr:
		return mysqlOnly("a character set introducer")
	case *sqlparser.MatchExpr:
		return mysqlOnly("MATCH ... AGAINST")
	case *sqlparser.IntervalFuncExpr, *sqlparser.IntervalDateExpr:
		return mysqlOnly("INTERVAL arithmetic")
	case *sqlparser.ConvertExpr, *sqlparser.ConvertUsingExpr, *sqlparser.CastExpr:
		return mysqlOnly("MySQL's CONVERT/CAST")
	}
	return unsupported("expression %s in the syntax tree", pgString(e))
}

// astColumnNames is a qualified name as a list, qualifiers first.
func astColumnNames(q sqlparser.TableName, name string) []string {
	var names []string
	if !q.Qualifier.IsEmpty() {
		names = append(names, q.Qualifier.String())
	}
	if !q.Name.IsEmpty() {
		names = append(names, q.Name.String())
	}
	if name != "" {
		names = append(names, name)
	}
	return names
}

// literalNode is a constant with the type PostgreSQL's grammar gives it.
func literalNode(l *sqlparser.Literal) (ast.Expr, error) {
	switch l.Type {
	case sqlparser.StrVal:
		if strings.HasPrefix(l.Val, markerStart) { // a marker out of place: NULLS FIRST in a select list
			return nil, nearError(unmark(l.Val))
		}
		return &ast.Literal{Type: ast.LitString, Val: l.Val}, nil
	case sqlparser.IntVal, sqlparser.DecimalVal, sqlparser.FloatVal:
		return ast.NumberLiteral(l.Val), nil
	case sqlparser.DateVal, sqlparser.TimestampVal, sqlparser.TimeVal:
		typ := map[sqlparser.ValType]string{sqlparser.DateVal: "date", sqlparser.TimestampVal: "timestamp", sqlparser.TimeVal: "time"}[l.Type]
		return &ast.Cast{Expr: &ast.Literal{Type: ast.LitString, Val: l.Val}, Type: ast.TypeName{Name: typ}}, nil
	}
	return nil, unsupported("literal %s", pgString(l))
}

// boolOp is AND or OR with nested ones of the same kind flattened, as PostgreSQL's parser
// builds them.
func (c *converter) boolOp(op ast.BoolKind, l, r sqlparser.Expr) (ast.Expr, error) {
	out := &ast.BoolOp{Op: op}
	for _, side := range []sqlparser.Expr{l, r} {
		x, err := c.expr(side)
		if err != nil {
			return nil, err
		}
		if b, ok := x.(*ast.BoolOp); ok && b.Op == op {
			out.Args = append(out.Args, b.Args...)
		} else {
			out.Args = append(out.Args, x)
		}
	}
	return out, nil
}

func (c *converter) isExpr(e *sqlparser.IsExpr) (ast.Expr, error) {
	x, err := c.expr(e.Left)
	if err != nil {
		return nil, err
	}
	switch e.Right {
	case sqlparser.IsNullOp, sqlparser.IsNotNullOp:
		return &ast.NullTest{Expr: x, Not: e.Right == sqlparser.IsNotNullOp}, nil
	case sqlparser.IsTrueOp, sqlparser.IsNotTrueOp:
		return &ast.BoolTest{Expr: x, Value: "TRUE", Not: e.Right == sqlparser.IsNotTrueOp}, nil
	case sqlparser.IsFalseOp, sqlparser.IsNotFalseOp:
		return &ast.BoolTest{Expr: x, Value: "FALSE", Not: e.Right == sqlparser.IsNotFalseOp}, nil
	}
	return nil, unsupported("IS test %s", pgString(e))
}

// comparisonOps are vitess's comparison operators by PostgreSQL's names.
var comparisonOps = map[sqlparser.ComparisonExprOperator]string{
	sqlparser.EqualOp: "=", sqlparser.LessThanOp: "<", sqlparser.GreaterThanOp: ">", sqlparser.LessEqualOp: "<=",
	sqlparser.GreaterEqualOp: ">=", sqlparser.NotEqualOp: "<>",
}

func (c *converter) comparison(e *sqlparser.ComparisonExpr) (ast.Expr, error) {
	switch e.Operator {
	case sqlparser.NullSafeEqualOp:
		return c.distinctFrom(e)
	case sqlparser.RegexpOp, sqlparser.NotRegexpOp:
		return c.regexp(e)
	case sqlparser.LikeOp, sqlparser.NotLikeOp:
		return c.like(e)
	case sqlparser.InOp, sqlparser.NotInOp:
		return c.in(e)
	}
	op, ok := comparisonOps[e.Operator]
	if !ok {
		return nil, unsupported("operator %s", e.Operator.ToString())
	}
	left, err := c.expr(e.Left)
	if err != nil {
		return nil, err
	}
	if e.Modifier != 0 {
		return c.quantified(e, op, left)
	}
	right, err := c.expr(e.Right)
	if err != nil {
		return nil, err
	}
	return &ast.BinaryOp{Op: op, Left: left, Right: right}, nil
}

// quantified is x op ANY|ALL (subquery), or (array) as the dialect pass wrote it: a
// subquery over unnest(array).
func (c *converter) quantified(e *sqlparser.ComparisonExpr, op string, left ast.Expr) (ast.Expr, error) {
	sub, ok := e.Right.(*sqlparser.Subquery)
	if !ok {
		return nil, unsupported("%s", pgString(e))
	}
	all := e.Modifier == sqlparser.All
	kind := ast.AnySubLink
	if all {
		kind = ast.AllSubLink
	}
	// The dialect pass's subquery over drove_unnest(array) is x op ANY (array), which the
	// binder compiles over the array's elements (anyall.go); user text cannot call drove_*.
	if arr := unnestedArray(sub); arr != nil {
		a, err := c.expr(arr)
		if err != nil {
			return nil, err
		}
		return &ast.AnyAll{Op: op, All: all, Left: left, Array: a}, nil
	}
	s, err := c.query(sub.Select)
	if err != nil {
		return nil, err
	}
	return &ast.SubLink{Kind: kind, Op: op, Left: left, Select: s}, nil
}

// distinctFrom reads a <=> b (IS NOT DISTINCT FROM) and a <=> marker <=> b (IS DISTINCT FROM).
func (c *converter) distinctFrom(e *sqlparser.ComparisonExpr) (ast.Expr, error) {
	l, not := e.Left, true
	if inner, ok := e.Left.(*sqlparser.ComparisonExpr); ok && inner.Operator == sqlparser.NullSafeEqualOp {
		if lit, ok := inner.Right.(*sqlparser.Literal); ok && lit.Val == distinctMarker {
			l, not = inner.Left, false
		}
	}
	x, err := c.exprs([]sqlparser.Expr{l, e.Right})
	if err != nil {
		return nil, err
	}
	return &ast.DistinctFrom{Left: x[0], Right: x[1], Not: not}, nil
}

// regexp reads REGEXP: a regular-expression match when its pattern carries the regex marker,
// else ILIKE.
func (c *converter) regexp(e *sqlparser.ComparisonExpr) (ast.Expr, error) {
	not := e.Operator == sqlparser.NotRegexpOp
	left, err := c.expr(e.Left)
	if err != nil {
		return nil, err
	}
	if m, ok := e.Right.(*sqlparser.CollateExpr); ok && strings.HasPrefix(m.Collation, regexMarkerPrefix) {
		if f, ok := m.Expr.(*sqlparser.FuncExpr); ok && f.Name.Lowered() == "similar_to_escape" {
			return c.similar(left, f, not) // only SIMILAR TO writes it there (dialect_similar.go)
		}
		pat, err := c.expr(m.Expr)
		if err != nil {
			return nil, err
		}
		op := "~"
		if not {
			op = "!~"
		}
		if strings.HasSuffix(m.Collation, "i") {
			op += "*"
		}
		return &ast.BinaryOp{Op: op, Left: left, Right: pat}, nil
	}
	if q, ok, err := c.likeQuantified(e.Left, e.Right, likeOperatorName(not, true), nil); ok {
		return q, err // like_any.go
	}
	pat, err := c.expr(e.Right)
	if err != nil {
		return nil, err
	}
	return &ast.Like{Kind: ast.ILikeOp, Expr: left, Pattern: pat, Not: not}, nil
}

// similar reads SIMILAR TO: x REGEXP similar_to_escape(p [, e]).
func (c *converter) similar(left ast.Expr, f *sqlparser.FuncExpr, not bool) (ast.Expr, error) {
	x, err := c.exprs(f.Exprs)
	if err != nil {
		return nil, err
	}
	l := &ast.Like{Kind: ast.SimilarOp, Expr: left, Pattern: x[0], Not: not}
	if len(x) > 1 {
		l.Escape = x[1]
	}
	return l, nil
}

// like reads LIKE, and ILIKE with ESCAPE (its escape carries the ilike marker).
func (c *converter) like(e *sqlparser.ComparisonExpr) (ast.Expr, error) {
	if q, ok, err := c.likeQuantified(e.Left, e.Right, likeOperatorName(e.Operator == sqlparser.NotLikeOp, false), e.Escape); ok {
		return q, err // like_any.go
	}
	x, err := c.exprs([]sqlparser.Expr{e.Left, e.Right})
	if err != nil {
		return nil, err
	}
	l := &ast.Like{Kind: ast.LikeOp, Expr: x[0], Pattern: x[1], Not: e.Operator == sqlparser.NotLikeOp}
	if e.Escape != nil {
		esc := e.Escape
		if m, ok := esc.(*sqlparser.CollateExpr); ok && m.Collation == ilikeEscapeMarker {
			l.Kind, esc = ast.ILikeOp, m.Expr
		}
		if l.Escape, err = c.expr(esc); err != nil {
			return nil, err
		}
	}
	return l, nil
}

func (c *converter) in(e *sqlparser.ComparisonExpr) (ast.Expr, error) {
	left, err := c.expr(e.Left)
	if err != nil {
		return nil, err
	}
	not := e.Operator == sqlparser.NotInOp
	switch r := e.Right.(type) {
	case sqlparser.ValTuple:
		list, err := c.exprs(r)
		if err != nil {
			return nil, err
		}
		return &ast.In{Expr: left, List: list, Not: not}, nil
	case *sqlparser.Subquery:
		s, err := c.query(r.Select)
		if err != nil {
			return nil, err
		}
		var x ast.Expr = &ast.SubLink{Kind: ast.AnySubLink, Op: "=", Left: left, Select: s, In: true}
		if not { // PostgreSQL's NOT IN (subquery) is NOT over the ANY sublink
			x = &ast.BoolOp{Op: ast.Not, Args: []ast.Expr{x}}
		}
		return x, nil
	}
	return nil, unsupported("IN %s", pgString(e.Right))
}

// binaryOps are vitess's arithmetic operators by PostgreSQL's names.
var binaryOps = map[sqlparser.BinaryExprOperator]string{
	sqlparser.PlusOp: "+", sqlparser.MinusOp: "-", sqlparser.MultOp: "*", sqlparser.DivOp: "/",
	sqlparser.ModOp: "%", sqlparser.BitAndOp: "&", sqlparser.ShiftLeftOp: "<<", sqlparser.ShiftRightOp: ">>",
}

func (c *converter) binary(e *sqlparser.BinaryExpr) (ast.Expr, error) {
	switch e.Operator {
	case sqlparser.BitOrOp:
		// the dialect pass's || and the operators at its level
		return otherOperatorTree(e, c.expr, func(op string, x ast.Expr) ast.Expr { return &ast.UnaryOp{Op: op, Expr: x} },
			func(op string, l, r ast.Expr) ast.Expr { return &ast.BinaryOp{Op: op, Left: l, Right: r} })
	case sqlparser.BitXorOp:
		x, zone, ok := atTimeZoneOperands(e)
		if !ok {
			return c.binaryOp("^", e)
		}
		xs, err := c.exprs([]sqlparser.Expr{x, zone})
		if err != nil {
			return nil, err
		}
		return &ast.AtTimeZone{Expr: xs[0], Zone: xs[1]}, nil
	case sqlparser.IntDivOp:
		return nil, mysqlOnly("DIV")
	}
	op, ok := binaryOps[e.Operator]
	if !ok {
		return nil, unsupported("operator %s", e.Operator.ToString())
	}
	return c.binaryOp(op, e)
}

// binaryOp converts e's operands under operator op.
func (c *converter) binaryOp(op string, e *sqlparser.BinaryExpr) (ast.Expr, error) {
	x, err := c.exprs([]sqlparser.Expr{e.Left, e.Right})
	if err != nil {
		return nil, err
	}
	return &ast.BinaryOp{Op: op, Left: x[0], Right: x[1]}, nil
}

func (c *converter) unary(e *sqlparser.UnaryExpr) (ast.Expr, error) {
	x, err := c.expr(e.Expr)
	if err != nil {
		return nil, err
	}
	switch e.Operator {
	case sqlparser.UMinusOp:
		// A minus before a number is part of the constant, as PostgreSQL's doNegate makes it.
		if l, ok := x.(*ast.Literal); ok && (l.Type == ast.LitInteger || l.Type == ast.LitBigint || l.Type == ast.LitNumeric) {
			if v, neg := strings.CutPrefix(l.Val, "-"); neg {
				return ast.NumberLiteral(v), nil
			}
			return ast.NumberLiteral("-" + l.Val), nil
		}
		return &ast.UnaryOp{Op: "-", Expr: x}, nil
	case sqlparser.UPlusOp, sqlparser.BangOp:
		// The dialect pass writes PostgreSQL's prefix + as vitess's !, which vitess keeps
		// (it drops a prefix +); a user cannot type a prefix ! (dialect_tokens.go).
		return &ast.UnaryOp{Op: "+", Expr: x}, nil
	case sqlparser.TildaOp:
		return &ast.UnaryOp{Op: "~", Expr: x}, nil
	}
	return nil, unsupported("operator %s", e.Operator.ToString())
}

// collate reads a COLLATE: a cast when it carries the cast marker.
func (c *converter) collate(e *sqlparser.CollateExpr) (ast.Expr, error) {
	x, err := c.expr(e.Expr)
	if err != nil {
		return nil, err
	}
	if name, ok := strings.CutPrefix(e.Collation, castMarker); ok {
		return &ast.Cast{Expr: x, Type: ast.TypeName{Name: name}}, nil
	}
	if strings.HasPrefix(e.Collation, markerStart) {
		return nil, nearError(unmark(e.Collation))
	}
	return &ast.Collate{Expr: x, Collation: e.Collation}, nil
}

func (c *converter) caseExpr(e *sqlparser.CaseExpr) (ast.Expr, error) {
	out := &ast.Case{}
	var err error
	if e.Expr != nil {
		if out.Arg, err = c.expr(e.Expr); err != nil {
			return nil, err
		}
	}
	for _, w := range e.Whens {
		x, err := c.exprs([]sqlparser.Expr{w.Cond, w.Val})
		if err != nil {
			return nil, err
		}
		out.Whens = append(out.Whens, ast.When{Cond: x[0], Result: x[1]})
	}
	if e.Else != nil {
		if out.Else, err = c.expr(e.Else); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c *converter) substr(e *sqlparser.SubstrExpr) (ast.Expr, error) {
	args := []sqlparser.Expr{e.Name, e.From}
	if e.To != nil {
		args = append(args, e.To)
	}
	if e.From == nil {
		return nil, unsupported("SUBSTRING without FROM")
	}
	x, err := c.exprs(args)
	if err != nil {
		return nil, err
	}
	return &ast.FuncCall{Name: []string{"substring"}, Args: x, Syntax: "substring"}, nil
}

func (c *converter) trim(e *sqlparser.TrimFuncExpr) (ast.Expr, error) {
	args := []sqlparser.Expr{e.StringArg}
	if e.TrimArg != nil {
		args = append(args, e.TrimArg)
	}
	x, err := c.exprs(args)
	if err != nil {
		return nil, err
	}
	switch e.TrimFuncType {
	case sqlparser.LTrimType:
		return &ast.FuncCall{Name: []string{"ltrim"}, Args: x}, nil
	case sqlparser.RTrimType:
		return &ast.FuncCall{Name: []string{"rtrim"}, Args: x}, nil
	}
	spec := map[sqlparser.TrimType]string{sqlparser.NoTrimType: "BOTH", sqlparser.BothTrimType: "BOTH",
		sqlparser.LeadingTrimType: "LEADING", sqlparser.TrailingTrimType: "TRAILING"}[e.Type]
	return &ast.FuncCall{Name: []string{"trim"}, Args: x, Syntax: "trim", TrimSpec: spec}, nil
}

// curTime reads vitess's node for CURRENT_TIMESTAMP and its kin, and now().
func curTime(e *sqlparser.CurTimeFuncExpr) (ast.Expr, error) {
	name := e.Name.Lowered()
	switch name {
	case "now":
		return &ast.FuncCall{Name: []string{"now"}}, nil
	case "current_timestamp", "current_time", "localtime", "localtimestamp", "current_date":
		prec := -1
		if e.Fsp > 0 {
			prec = e.Fsp
		}
		return &ast.SQLValue{Name: sqlValueNames[name], Precision: prec}, nil
	}
	return nil, mysqlOnly(strings.ToUpper(name))
}
