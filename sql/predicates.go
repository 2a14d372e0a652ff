package sql

import (
	"strings"
	"unicode/utf8"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// Predicates: IS [NOT] DISTINCT FROM, IN (list), LIKE and ILIKE, IS [NOT] NULL/TRUE/FALSE.

// compileDistinct compiles IS [NOT] DISTINCT FROM: equality where NULL equals NULL and never
// yields NULL.
func compileDistinct(e *ast.DistinctFrom, sc *scope) (*expr, error) {
	if l, ok := e.Left.(*ast.Row); ok {
		if r, ok := e.Right.(*ast.Row); ok && len(l.Fields) > 0 && len(r.Fields) > 0 {
			return compileRowDistinct(l.Fields, r.Fields, e.Not, sc)
		}
	}
	a, b, err := compileOperands(e.Left, e.Right, sc)
	if err != nil {
		return nil, err
	}
	if a, b, err = bindComparison(a, b, "=", sc); err != nil {
		return nil, err
	}
	distinct := !e.Not
	trimA, trimB := charTrims(a, b)
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		x, err := a.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		y, err := b.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		var same bool
		switch {
		case x.IsNull() || y.IsNull():
			same = x.IsNull() && y.IsNull()
		default:
			if trimA {
				x = trimChar(x)
			}
			if trimB {
				y = trimChar(y)
			}
			same = compare(x, y) == 0
		}
		return types.NewBool(same != distinct), nil
	}}, a, b)
}

// compileRowDistinct is (a, b) IS [NOT] DISTINCT FROM (x, y) as PostgreSQL's
// make_row_distinct_op writes it: the OR of the fields' IS DISTINCT FROM (negated), so the
// first distinct pair decides and the later fields are never evaluated.
func compileRowDistinct(l, r []ast.Expr, not bool, sc *scope) (*expr, error) {
	if len(l) != len(r) {
		return nil, Errorf("42601", "unequal number of entries in row expressions")
	}
	var out ast.Expr = &ast.DistinctFrom{Left: l[0], Right: r[0]}
	if len(l) > 1 {
		or := &ast.BoolOp{Op: ast.Or}
		for i := range l {
			or.Args = append(or.Args, &ast.DistinctFrom{Left: l[i], Right: r[i]})
		}
		out = or
	}
	if not {
		out = &ast.BoolOp{Op: ast.Not, Args: []ast.Expr{out}}
	}
	undo, err := precompileFields(sc, false, l, r) // rowcompare.go
	if err != nil {
		return nil, err
	}
	defer undo()
	return compileAST(out, sc)
}

// likeOperatorName is the operator a LIKE predicate is: ~~, !~~, ~~* or !~~*.
func likeOperatorName(negate, ilike bool) string {
	name := "~~"
	if ilike {
		name += "*"
	}
	if negate {
		name = "!" + name
	}
	return name
}

// bindPredicateOperator resolves a pattern-matching operator (LIKE's, the regular
// expressions') in the registry and gives its operands the operator's types.
func bindPredicateOperator(name string, a, b *expr, sc *scope) (*expr, *expr, error) {
	o, resolved, err := resolveOperator(name, a, b)
	if err != nil {
		return nil, nil, err
	}
	if !resolved {
		return nil, nil, noOperatorError(name, a, b)
	}
	return bindOperands(o, a, b, sc)
}

// compileSimilar compiles x [NOT] SIMILAR TO p [ESCAPE e] as PostgreSQL's parser writes it:
// x ~ similar_to_escape(p [, e]) (similar.go translates the pattern).
func compileSimilar(e *ast.Like, sc *scope) (*expr, error) {
	a, err := compileAST(e.Expr, sc)
	if err != nil {
		return nil, err
	}
	args := []ast.Expr{e.Pattern}
	if e.Escape != nil {
		args = append(args, e.Escape)
	}
	xs := make([]*expr, len(args))
	for i, x := range args {
		if xs[i], err = compileAST(x, sc); err != nil {
			return nil, err
		}
	}
	p, err := callFunc("similar_to_escape", xs, len(xs), sc)
	if err != nil {
		return nil, err
	}
	name := "~"
	if e.Not {
		name = "!~"
	}
	return compileRegex(name, a, p, sc)
}

// compileLike compiles [NOT] LIKE and ILIKE.
func compileLike(e *ast.Like, sc *scope) (*expr, error) {
	if e.Kind == ast.SimilarOp {
		return compileSimilar(e, sc)
	}
	a, b, err := compileOperands(e.Expr, e.Pattern, sc)
	if err != nil {
		return nil, err
	}
	var esc *expr
	negate, ilike := e.Not, e.Kind == ast.ILikeOp
	if a, b, err = bindPredicateOperator(likeOperatorName(negate, ilike), a, b, sc); err != nil {
		return nil, err
	}
	if e.Escape != nil {
		if esc, err = compileAST(e.Escape, sc); err != nil {
			return nil, err
		}
		if esc.typ != types.Text && esc.typ != types.Null {
			return nil, Errorf("42883", "function like_escape(text, %s) does not exist", esc.typ)
		}
	}
	return foldStrict(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		x, err := a.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		p, err := b.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		if x.IsNull() || p.IsNull() {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		pat := p.S
		if esc != nil {
			ev, err := esc.eval(row)
			if err != nil || ev.IsNull() {
				return types.Value{T: types.Bool, Null: ev.IsNull()}, err
			}
			if pat, err = likeEscape(pat, ev.S); err != nil {
				return types.Value{}, err
			}
		}
		s := x.S
		if ilike {
			s, pat = strings.ToLower(s), strings.ToLower(pat)
		}
		m, badEnd := likeMatch(s, pat)
		if badEnd {
			return types.Value{}, Errorf("22025", "LIKE pattern must not end with escape character")
		}
		return types.NewBool(m != negate), nil
	}}, likeInputs(a, b, esc)...)
}

// like matches s against a LIKE pattern: % any run, _ one character, \ escapes (a pattern
// ending in one matches nothing, as in PostgreSQL). It walks both strings once, going back
// only to just after the last % seen, so no pattern takes more than len(s)·len(p) steps or
// any stack: a pattern comes from data and may be long.
func like(s, p string) bool {
	m, _ := likeMatch(s, p)
	return m
}

// likeMatch is like, and also reports whether the walk reached an escape that ends the
// pattern with text left to match, which PostgreSQL refuses (22025) rather than answering.
func likeMatch(s, p string) (matched, badEnd bool) {
	si, pi := 0, 0
	star, retry := -1, 0 // where the pattern resumes after the last %, and where s then resumes
	for si < len(s) {
		c, n := utf8.DecodeRuneInString(s[si:])
		if pi < len(p) {
			pc, pn := utf8.DecodeRuneInString(p[pi:])
			switch pc {
			case '%':
				star, retry = pi+pn, si
				pi += pn
				continue
			case '_':
				si, pi = si+n, pi+pn
				continue
			case '\\':
				if pi+pn == len(p) {
					return false, true
				}
				pi += pn
				pc, pn = utf8.DecodeRuneInString(p[pi:])
				if pc == c {
					si, pi = si+n, pi+pn
					continue
				}
			default:
				if pc == c {
					si, pi = si+n, pi+pn
					continue
				}
			}
		}
		if star < 0 {
			return false, false
		}
		// Let the last % take one more character and try again from there.
		_, m := utf8.DecodeRuneInString(s[retry:])
		retry += m
		si, pi = retry, star
	}
	for pi < len(p) && p[pi] == '%' {
		pi++
	}
	return pi == len(p), false
}

// isTest is one of IS [NOT] NULL, TRUE, FALSE, UNKNOWN.
type isTest uint8

const (
	isNull isTest = iota
	isNotNull
	isTrue
	isNotTrue
	isFalse
	isNotFalse
	isUnknown
	isNotUnknown
)

// isTestNames name the tests, for 42804 (argument of IS NOT FALSE must be type boolean).
var isTestNames = [...]string{"IS NULL", "IS NOT NULL", "IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE", "IS UNKNOWN", "IS NOT UNKNOWN"}

func isNullTest(not bool) isTest {
	if not {
		return isNotNull
	}
	return isNull
}

func isBoolTest(t *ast.BoolTest) isTest {
	k := map[string]isTest{"TRUE": isTrue, "FALSE": isFalse, "UNKNOWN": isUnknown}[t.Value]
	if t.Not {
		k++
	}
	return k
}

func compileIs(e ast.Expr, op isTest, sc *scope) (*expr, error) {
	x, err := compileAST(e, sc)
	if err != nil {
		return nil, err
	}
	if op != isNull && op != isNotNull {
		if x, err = asBool(x, isTestNames[op]); err != nil {
			return nil, err
		}
	}
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		null := v.IsNull()
		if v.T.IsRecord() && !null && (op == isNull || op == isNotNull) { // a row IS NULL when every field is, IS NOT NULL when none is
			return recordIsNull(v, op == isNull)
		}
		var r bool
		switch op {
		case isNull, isUnknown:
			r = null
		case isNotNull, isNotUnknown:
			r = !null
		case isTrue:
			r = !null && v.Bool()
		case isNotTrue:
			r = null || !v.Bool()
		case isFalse:
			r = !null && !v.Bool()
		case isNotFalse:
			r = null || v.Bool()
		}
		return types.NewBool(r), nil
	}}, x)
}

// recordIsNull is ROW(...) IS NULL (isNull) or IS NOT NULL, as PostgreSQL: true when every
// field is NULL, or every field is not.
func recordIsNull(v types.Value, isNull bool) (types.Value, error) {
	fields, err := v.FieldValues()
	if err != nil {
		return types.Value{}, err
	}
	for _, f := range fields {
		if f.IsNull() != isNull {
			return types.NewBool(false), nil
		}
	}
	return types.NewBool(true), nil
}
