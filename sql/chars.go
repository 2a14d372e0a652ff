package sql

import (
	"strings"

	"github.com/drovedb/drove/types"
)

// char(n) (bpchar), varchar and text are one type in drove's values (types.Text, char(n)
// stored blank-padded), and expressions remember which they are (expr.bpchar, expr.varchar)
// to resolve operators as PostgreSQL does: char(n) against char(n), varchar or an untyped
// literal compares as char(n), without trailing spaces; against text it is cast to text
// (dropping its padding) and compared as text; a function or operator that takes text sees
// char(n) without its padding; a common type (CASE, COALESCE, UNION, an IN array) is the
// first typed input's.

// charTrims says which sides of a comparison of two (unified) operands lose their trailing
// spaces, by PostgreSQL's operator resolution: char(n) against char(n) or varchar compares as
// bpchar (both trimmed); char(n) against text compares as text, the char(n) side cast to text
// (which drops its trailing spaces) and the text side as it is.
func charTrims(a, b *expr) (trimA, trimB bool) {
	return a.bpchar || a.varchar && b.bpchar, b.bpchar || b.varchar && a.bpchar
}

// charKind is whether a text expression is of type char(n) or varchar (see expr.bpchar).
type charKind struct{ bpchar, varchar bool }

func (k charKind) set(x *expr) *expr {
	x.bpchar, x.varchar = k.bpchar, k.varchar
	return x
}

// commonTypeKind is commonType that also resolves char(n) and varchar as PostgreSQL does:
// the result has the type of the first typed input, so char(n) stays char(n) when it comes
// first and is cast to text (losing its padding) when text or varchar does.
func commonTypeKind(what string, xs []*expr, sc *scope) ([]*expr, types.Type, charKind, error) {
	var k charKind
	for _, x := range xs {
		if !x.unknown && x.typ != types.Null {
			k = charKind{x.bpchar, x.varchar}
			break
		}
	}
	out, rt, err := commonTypeOf(what, xs, sc)
	if err != nil || rt != types.Text {
		return out, rt, charKind{}, err
	}
	for i, x := range out {
		switch {
		case xs[i].unknown:
			out[i] = k.set(x)
		case x.bpchar && !k.bpchar:
			out[i] = asText(x)
		}
	}
	return out, rt, k, nil
}

// asText converts a char(n) expression to text, as PostgreSQL does for a function or operator
// that takes text (||, upper, length, substr, ...): the cast drops the trailing spaces.
func asText(x *expr) *expr {
	if !x.bpchar {
		return x
	}
	return trimmed(x)
}

// trimmed is x without trailing spaces.
func trimmed(x *expr) *expr {
	y, _ := fold(&expr{typ: x.typ, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		return trimChar(v), err
	}}, x) // fold's error is always nil: a failure is kept in the expression
	return y
}

// isTextKind reports whether x is of type text (not char(n) nor varchar): compared with
// char(n), it compares as text.
func isTextKind(x *expr) bool { return x.typ == types.Text && !x.bpchar && !x.varchar }

// compareChar is compare, of char(n) values (trim) without their trailing spaces.
func compareChar(x, y types.Value, trim bool) int {
	if trim {
		x, y = trimChar(x), trimChar(y)
	}
	return compare(x, y)
}

// trimCharIf is trimChar when trim is set.
func trimCharIf(v types.Value, trim bool) types.Value {
	if trim {
		return trimChar(v)
	}
	return v
}

// trimChar drops the trailing spaces of a text value: how char(n) compares in PostgreSQL.
func trimChar(v types.Value) types.Value {
	if v.T == types.Text && !v.IsNull() {
		v.S = strings.TrimRight(v.S, " ")
	}
	return v
}

// textKind resolves the char(n) or varchar kind of text expressions xs of resolved type rt
// (see commonTypeKind); nothing to do for other types.
func textKind(xs []*expr, rt types.Type) ([]*expr, charKind) {
	if rt != types.Text {
		return xs, charKind{}
	}
	out, _, kind, err := commonTypeKind("COALESCE", xs, nil)
	if err != nil {
		return xs, charKind{} // all text: commonTypeKind cannot fail
	}
	return out, kind
}
