package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// x [NOT] LIKE|ILIKE ANY|SOME|ALL (array) is PostgreSQL's ScalarArrayOpExpr over ~~ and its
// kin (x LIKE ANY (SELECT ...) reads the subquery's rows). vitess has no LIKE ANY, so the
// like-any rule writes the quantifier as a call in LIKE's (or REGEXP's, for ILIKE) pattern:
// x like drove_like_any(array), the subquery as drove_array((SELECT ...)), which the
// converter reads back as an ast.AnyAll whose Op is the LIKE operator's name.

// The pass's calls; user text cannot call drove_* functions (pgcheck.go).
const (
	likeAnyFunc = "drove_like_any"
	likeAllFunc = "drove_like_all"
)

func (r *rewriter) likeAnyNext() bool {
	return r.nextIs("(") && (r.prev.Is("like") || r.prev.Is("ilike"))
}

func emitLikeAny(r *rewriter, w string) error {
	name := likeAnyFunc
	if w == "all" {
		name = likeAllFunc
	}
	r.startOperand()
	r.skip(1) // (
	r.b.WriteString(name + "(")
	p := openParen{start: r.b.Len()}
	if n := r.peek(0); n.Is("select") || n.Is("values") || n.Is("with") {
		r.b.WriteString("drove_array((")
		p.close = "))"
	}
	r.parens = append(r.parens, p)
	r.depth++
	r.lastWord = ""
	return nil
}

// likeQuantified reads x [not] like|regexp drove_like_any(a) back as an AnyAll; ok is false
// for any other pattern.
func (c *converter) likeQuantified(left, right sqlparser.Expr, op string, escape sqlparser.Expr) (ast.Expr, bool, error) {
	f, ok := right.(*sqlparser.FuncExpr)
	if !ok || !f.Qualifier.IsEmpty() || len(f.Exprs) != 1 {
		return nil, false, nil
	}
	name := f.Name.Lowered()
	if name != likeAnyFunc && name != likeAllFunc {
		return nil, false, nil
	}
	if escape != nil {
		return nil, true, Errorf("42601", "syntax error at or near \"ESCAPE\"")
	}
	x, err := c.exprs([]sqlparser.Expr{left, f.Exprs[0]})
	if err != nil {
		return nil, true, err
	}
	return &ast.AnyAll{Op: op, All: name == likeAllFunc, Left: x[0], Array: x[1]}, true, nil
}

// compileLikeAnyAll compiles x op ANY|ALL (array) for LIKE's operators: x matched against each
// element, combined as PostgreSQL's ScalarArrayOpExpr does (a NULL array is NULL; an empty one
// false for ANY and true for ALL, whatever x; a NULL x otherwise NULL; ANY true at the first
// match, else NULL when a match was NULL).
func compileLikeAnyAll(e *ast.AnyAll, sc *scope) (*expr, error) {
	negate, ilike := strings.HasPrefix(e.Op, "!"), strings.HasSuffix(e.Op, "*")
	a, arr, err := compileOperands(e.Left, e.Array, sc)
	if err != nil {
		return nil, err
	}
	if arr.unknown {
		if arr, err = castLiteral(arr, types.TextArray); err != nil {
			return nil, err
		}
	}
	if arr.typ != types.Null && !arr.typ.IsArray() {
		return nil, Errorf("42809", "op ANY/ALL (array) requires array on right side")
	}
	elemType := types.Text
	if arr.typ != types.Null {
		elemType = arr.typ.Elem()
	}
	args := newArgRow(1) // the element being matched, which pat reads (argrow.go)
	el := args.arg(0, &expr{typ: elemType})
	a, pat, err := bindPredicateOperator(likeOperatorName(negate, ilike), a, el, sc)
	if err != nil {
		return nil, err
	}
	m := &likeAnyMatch{pat: pat, args: args, direct: pat == el, negate: negate, ilike: ilike, all: e.All}
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		x, err := a.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		av, err := arr.eval(row)
		if err != nil || av.IsNull() {
			return types.Value{T: types.Bool, Null: true}, err
		}
		elems, err := arrayElems(av)
		if err != nil {
			return types.Value{}, err
		}
		if len(elems) == 0 {
			return types.NewBool(m.all), nil
		}
		if x.IsNull() {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		if m.direct {
			return m.over(x.S, elems, nil)
		}
		p := m.args.get()
		v, err := m.over(x.S, elems, *p)
		m.args.put(p)
		return v, err
	}}, a, arr)
}

// likeAnyMatch is x LIKE ANY|ALL's match of x against each element, whose pattern is pat
// over the element (a conversion to text) unless direct (the element is the pattern).
type likeAnyMatch struct {
	pat                        *expr
	args                       *argRow
	direct, negate, ilike, all bool
}

// over combines s's matches against elems; row is pat's row unless direct.
func (m *likeAnyMatch) over(s string, elems, row []types.Value) (types.Value, error) {
	if m.ilike {
		s = strings.ToLower(s)
	}
	sawNull := false
	for _, p := range elems {
		if !m.direct {
			row[0] = p
			var err error
			if p, err = m.pat.eval(row); err != nil {
				return types.Value{}, err
			}
		}
		if p.IsNull() {
			sawNull = true
			continue
		}
		ps := p.S
		if m.ilike {
			ps = strings.ToLower(ps)
		}
		match, badEnd := likeMatch(s, ps)
		if badEnd {
			return types.Value{}, Errorf("22025", "LIKE pattern must not end with escape character")
		}
		if (match != m.negate) != m.all {
			return types.NewBool(!m.all), nil // ANY's first match, ALL's first miss
		}
	}
	if sawNull {
		return types.Value{T: types.Bool, Null: true}, nil
	}
	return types.NewBool(m.all), nil
}
