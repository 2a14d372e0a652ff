package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// commonTypeOf resolves the result type of CASE, GREATEST/LEAST and the like: untyped
// literals take the type of the typed branches (text when none is typed), numbers widen.
func commonTypeOf(what string, xs []*expr, sc *scope) ([]*expr, types.Type, error) {
	rt := types.Null
	for _, x := range xs {
		switch {
		case x.unknown || x.typ == types.Null:
		case rt == types.Null:
			rt = x.typ
		case familyOf(rt) == famNumeric && familyOf(x.typ) == famNumeric:
			rt = commonNumeric(rt, x.typ)
		case familyOf(rt) == famTime && familyOf(x.typ) == famTime:
			rt = widerTime(rt, x.typ)
		case rt != x.typ:
			return nil, 0, Errorf("42804", "%s types %s and %s cannot be matched", what, rt, x.typ)
		}
	}
	if rt == types.Null {
		rt = types.Text
	}
	out := make([]*expr, len(xs))
	for i, x := range xs {
		var err error
		switch {
		case x.unknown:
			if out[i], err = castLiteral(x, rt); err != nil {
				return nil, 0, err
			}
		case x.typ != rt && x.typ != types.Null:
			out[i] = convertTo(x, rt, sc)
		default:
			out[i] = x
		}
	}
	return out, rt, nil
}

// widerTime is the common type of two of date, timestamp and timestamptz: the one the other
// converts to implicitly (date to timestamp to timestamptz), as PostgreSQL resolves them.
func widerTime(a, b types.Type) types.Type {
	rank := map[types.Type]int{types.Date: 0, types.Timestamp: 1, types.Timestamptz: 2}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// convertTo converts x to the common type t of a CASE, COALESCE, GREATEST or ARRAY: the
// value, not only the type. To timestamptz it reads the session's zone when it runs (never
// folded: a stable cast in PostgreSQL).
func convertTo(x *expr, t types.Type, sc *scope) *expr {
	if familyOf(x.typ) != famTime {
		y, _ := fold(convertExpr(x, t), x)
		return y
	}
	col := &types.Column{Type: t}
	y := &expr{typ: t, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: t, Null: true}, err
		}
		return castValueIn(v, col, sc.location(), sc.now(), sc.dateOrder())
	}}
	if t == types.Timestamptz {
		y, _ = stable(y, x)
	} else {
		y, _ = fold(y, x)
	}
	return y
}

// compileCase compiles CASE [x] WHEN ... THEN ... [ELSE ...] END. Like PostgreSQL it
// simplifies the branches in order: one whose condition is constant true is the result, and
// what follows it, like the result of a condition that is constant false or NULL, is only
// type-checked (compileASTDead), so an error it would raise (1/0) cannot happen.
func compileCase(e *ast.Case, sc *scope) (*expr, error) {
	var conds []*expr
	vals := make([]*expr, 0, len(e.Whens)+1)
	live := make([]bool, 0, len(e.Whens)+1)
	taken := -1 // the branch whose condition is constant true
	if l, ok := e.Arg.(*ast.Literal); ok && (l.Type == ast.LitString || l.Type == ast.LitNull) {
		// An untyped test value is text, as PostgreSQL's transformCaseExpr forces it before
		// comparing: CASE 'a' WHEN 1 is text = integer (42883), not 'a' read as an integer.
		e = &ast.Case{Arg: &ast.Cast{Expr: l, Type: ast.TypeName{Name: "text"}}, Whens: e.Whens, Else: e.Else}
	}
	for _, w := range e.Whens {
		cond := w.Cond
		if e.Arg != nil {
			cond = &ast.BinaryOp{Op: "=", Left: e.Arg, Right: w.Cond}
		}
		if taken >= 0 {
			sc.dead++
		}
		c, err := compileASTBool(cond, sc, "CASE/WHEN")
		if taken >= 0 {
			sc.dead--
		}
		if err != nil {
			return nil, err
		}
		reachable := taken < 0 && !(isConst(c) && !passesConst(c))
		compileVal := compileASTDead
		if reachable {
			compileVal = compileAST
		}
		v, err := compileVal(w.Result, sc)
		if err != nil {
			return nil, err
		}
		if reachable && isConst(c) {
			taken = len(vals)
		}
		conds = append(conds, c)
		vals = append(vals, v)
		live = append(live, reachable)
	}
	hasElse := e.Else != nil
	if hasElse {
		compileVal := compileASTDead
		if taken < 0 {
			compileVal = compileAST
		}
		v, err := compileVal(e.Else, sc)
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
		live = append(live, taken < 0)
	}
	// PostgreSQL resolves the result type with the ELSE first (transformCaseExpr): it decides
	// between char(n) and varchar, real and numeric kept apart, and the error's order.
	vals, rt, kind, err := commonTypeKind("CASE", elseFirst(vals, hasElse), sc)
	if err != nil {
		return nil, err
	}
	vals = elseLast(vals, hasElse)
	// Only the branches that can be taken are kept; one taken always is the ELSE.
	var lconds, lvals []*expr
	for i, c := range conds {
		if live[i] && i != taken {
			lconds, lvals = append(lconds, c), append(lvals, vals[i])
		}
	}
	var elseVal *expr
	switch {
	case taken >= 0:
		elseVal = vals[taken]
	case hasElse:
		elseVal = vals[len(vals)-1]
	}
	if len(lconds) == 0 && elseVal != nil {
		x := *elseVal
		x.typ = rt // CASE WHEN true THEN NULL ELSE 1 END is an integer
		return kind.set(&x), nil
	}
	inputs := append(append([]*expr{}, lconds...), lvals...)
	if elseVal != nil {
		inputs = append(inputs, elseVal)
	}
	x, err := fold(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		for i, c := range lconds {
			ok, err := passes(c, row)
			if err != nil {
				return types.Value{}, err
			}
			if ok {
				return lvals[i].eval(row)
			}
		}
		if elseVal != nil {
			return elseVal.eval(row)
		}
		return types.Value{T: rt, Null: true}, nil
	}}, inputs...)
	return kind.set(x), err
}

// passesConst reports whether a constant condition holds (NULL does not).
func passesConst(c *expr) bool {
	v := mustConst(c)
	return !v.IsNull() && v.Bool()
}

// compileArgs compiles the arguments of a call written as SQL syntax.
func compileArgs(sc *scope, es ...ast.Expr) ([]*expr, error) {
	args := make([]*expr, 0, len(es))
	for _, a := range es {
		x, err := compileAST(a, sc)
		if err != nil {
			return nil, err
		}
		args = append(args, x)
	}
	return args, nil
}

// evalStrict evaluates every argument of a strict function into dst, as PostgreSQL does before
// it calls one: an error in any of them is raised even when another is NULL. null reports
// whether one is NULL (the function's result then is).
func evalStrict(row []types.Value, args []*expr, dst []types.Value) (null bool, err error) {
	for i, a := range args {
		if dst[i], err = a.eval(row); err != nil {
			return false, err
		}
		null = null || dst[i].IsNull()
	}
	return null, nil
}

// regexOperators are the regular-expression matches, which compileRegex compiles.
var regexOperators = map[string]bool{"~": true, "~*": true, "!~": true, "!~*": true}

// compileRegex compiles the regular-expression match operators (~, ~*, !~, !~*), which the
// dialect pass writes as REGEXP with a marker on the pattern (astconv.go decodes it):
// PostgreSQL's patterns on RE2 (regex.go); a constant pattern is compiled once.
func compileRegex(name string, a, p *expr, sc *scope) (*expr, error) {
	flags, negate := "", strings.HasPrefix(name, "!")
	if strings.HasSuffix(name, "*") {
		flags = "i"
	}
	var err error
	if a, p, err = bindPredicateOperator(name, a, p, sc); err != nil {
		return nil, err
	}
	cache := &regexCache{fn: name}
	return strict2(types.Bool, a, p, func(x, y types.Value) (types.Value, error) {
		re, err := cache.get(y.S, flags)
		if err != nil {
			return types.Value{}, err
		}
		found, err := re.matchString(statementCtx(sc), x.S)
		return types.NewBool(found != negate), err
	})
}

// elseFirst moves a CASE's ELSE value (the last of vals) to the front; elseLast undoes it.
func elseFirst(vals []*expr, hasElse bool) []*expr {
	if !hasElse {
		return vals
	}
	return append([]*expr{vals[len(vals)-1]}, vals[:len(vals)-1]...)
}

// elseLast is the inverse of elseFirst.
func elseLast(vals []*expr, hasElse bool) []*expr {
	if !hasElse {
		return vals
	}
	return append(append([]*expr{}, vals[1:]...), vals[0])
}
