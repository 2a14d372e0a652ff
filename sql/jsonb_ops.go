package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// The json operators. The dialect pass writes a -> b as a | '\0op:->' | b, which vitess
// parses as ((a | marker) | b): jsonOperator finds the operator and its left operand.

// jsonOperator reports whether e is a json operator as the dialect pass writes it.
func jsonOperator(e *sqlparser.BinaryExpr) (op string, left sqlparser.Expr, ok bool) {
	if e.Operator != sqlparser.BitOrOp {
		return "", nil, false
	}
	inner, isBin := e.Left.(*sqlparser.BinaryExpr)
	if !isBin || inner.Operator != sqlparser.BitOrOp || !isJSONMarker(inner.Right) {
		return "", nil, false
	}
	return strings.TrimPrefix(inner.Right.(*sqlparser.Literal).Val, jsonOpMarker), inner.Left, true
}

func isJSONMarker(e sqlparser.Expr) bool {
	lit, ok := e.(*sqlparser.Literal)
	return ok && lit.Type == sqlparser.StrVal && strings.HasPrefix(lit.Val, jsonOpMarker)
}

// noOperator is PostgreSQL's error for an operator without a version for its operand types.
func noOperator(a *expr, op string, b *expr) error {
	return &Error{Code: "42883", Message: "operator does not exist: " + exprTypeName(a) + " " + op + " " + exprTypeName(b),
		Hint: "No operator matches the given name and argument types. You might need to add explicit type casts."}
}

// compileJSONOp compiles left op right for a json operator.
func compileJSONOp(op string, left, right sqlparser.Expr, sc *scope) (*expr, error) {
	a, err := compile(left, sc)
	if err != nil {
		return nil, err
	}
	b, err := compile(right, sc)
	if err != nil {
		return nil, err
	}
	// An untyped left operand is ambiguous where json has the operator too, and for @> and
	// <@ (arrays and ranges have them); ? and its kin are jsonb's only.
	ambiguous := op == "->" || op == "->>" || op == "#>" || op == "#>>" || (op == "@>" || op == "<@") && b.unknown
	if a.unknown && ambiguous {
		return nil, &Error{Code: "42725", Message: "operator is not unique: unknown " + op + " unknown",
			Hint: "Could not choose a best candidate operator. You might need to add explicit type casts."}
	}
	if a.unknown && op != "<@" && op != "@>" {
		if a, err = castLiteral(a, types.JSONB); err != nil {
			return nil, err
		}
	}
	if a.typ != types.JSONB && a.typ != types.JSON && a.typ != types.Null && op != "<@" {
		return nil, noOperator(a, op, b)
	}
	switch op {
	case "->", "->>":
		return compileJSONGet(op, a, b)
	case "#>", "#>>":
		if b, err = coerceJSONOperand(a, op, b, types.TextArray); err != nil {
			return nil, err
		}
		asText := op == "#>>"
		rt := a.typ
		if asText {
			rt = types.Text
		}
		return strict2(rt, a, b, func(x, y types.Value) (types.Value, error) {
			n, err := jsonTree(x)
			if err != nil {
				return types.Value{}, err
			}
			path, err := arrayElems(y)
			if err != nil {
				return types.Value{}, err
			}
			return pathResult(n, path, asText, rt)
		})
	case "#-":
		return compileJSONDeletePath(a, b)
	case "@>", "<@":
		if a.typ == types.JSON || b.typ == types.JSON {
			return nil, noOperator(a, op, b)
		}
		if b.unknown {
			if b, err = castLiteral(b, types.JSONB); err != nil {
				return nil, err
			}
		}
		if a.unknown {
			if a, err = castLiteral(a, types.JSONB); err != nil {
				return nil, err
			}
		}
		if a.typ != types.JSONB || b.typ != types.JSONB {
			return nil, noOperator(a, op, b)
		}
		if op == "<@" {
			a, b = b, a
		}
		return strict2(types.Bool, a, b, func(x, y types.Value) (types.Value, error) {
			n, err := jsonTree(x)
			if err != nil {
				return types.Value{}, err
			}
			m, err := jsonTree(y)
			if err != nil {
				return types.Value{}, err
			}
			return types.NewBool(jsonContains(n, m, true)), nil
		})
	}
	return compileJSONExists(op, a, b)
}

// coerceJSONOperand gives the right operand of a json operator the type t.
func coerceJSONOperand(a *expr, op string, b *expr, t types.Type) (*expr, error) {
	switch {
	case b.unknown:
		return castLiteral(b, t)
	case b.typ == t || b.typ == types.Null:
		return b, nil
	case t == types.Text && b.typ == types.Text:
		return asText(b), nil
	}
	return nil, noOperator(a, op, b)
}

// compileJSONGet compiles -> and ->> by key (text) or by array index (integer).
func compileJSONGet(op string, a, b *expr) (*expr, error) {
	byIndex := b.typ.IsInteger() && !b.unknown
	var err error
	if !byIndex {
		if b, err = coerceJSONOperand(a, op, b, types.Text); err != nil {
			return nil, err
		}
		b = asText(b)
	} else if b.typ == types.Int64 {
		return nil, noOperator(a, op, b)
	}
	asText := op == "->>"
	rt := a.typ
	if asText {
		rt = types.Text
	}
	return strict2(rt, a, b, func(x, y types.Value) (types.Value, error) {
		n, err := jsonTree(x)
		if err != nil {
			return types.Value{}, err
		}
		var r *types.JSONNode
		switch {
		case byIndex && x.T == types.JSONB && !isContainer(n) && (y.I == 0 || y.I == -1):
			r = n // jsonb keeps a scalar as a one-element array, which -> 0 and -> -1 read
		case byIndex:
			r = jsonIndex(n, y.I)
		default:
			r = jsonField(n, y.S)
		}
		switch {
		case r == nil:
			return types.Value{T: rt, Null: true}, nil
		case asText:
			return jsonAsText(r), nil
		}
		return jsonOf(r, rt), nil
	})
}

// compileJSONExists compiles ?, ?| and ?&.
func compileJSONExists(op string, a, b *expr) (*expr, error) {
	if a.typ == types.JSON {
		return nil, noOperator(a, op, b)
	}
	t := types.TextArray
	if op == "?" {
		t = types.Text
	}
	b, err := coerceJSONOperand(a, op, b, t)
	if err != nil {
		return nil, err
	}
	if t == types.Text {
		b = asText(b)
	}
	return strict2(types.Bool, a, b, func(x, y types.Value) (types.Value, error) {
		n, err := jsonTree(x)
		if err != nil {
			return types.Value{}, err
		}
		if op == "?" {
			return types.NewBool(jsonHasKey(n, y.S)), nil
		}
		keys, err := arrayElems(y)
		if err != nil {
			return types.Value{}, err
		}
		all := op == "?&"
		for _, k := range keys {
			if k.IsNull() {
				continue // PostgreSQL skips NULL keys
			}
			if jsonHasKey(n, k.S) != all {
				return types.NewBool(!all), nil
			}
		}
		return types.NewBool(all), nil
	})
}

// compileJSONConcat compiles jsonb || jsonb.
func compileJSONConcat(a, b *expr) (*expr, error) {
	var err error
	if a, b, err = unify(a, b); err != nil {
		return nil, err
	}
	return strict2(types.JSONB, a, b, func(x, y types.Value) (types.Value, error) {
		n, err := jsonTree(x)
		if err != nil {
			return types.Value{}, err
		}
		m, err := jsonTree(y)
		if err != nil {
			return types.Value{}, err
		}
		return types.NewJSONB(jsonConcat(n, m)), nil
	})
}

// compileJSONDelete compiles jsonb - text, jsonb - text[] and jsonb - integer.
func compileJSONDelete(a, b *expr) (*expr, error) {
	byIndex := b.typ.IsInteger() && b.typ != types.Int64
	var err error
	switch {
	case byIndex:
	case b.typ == types.TextArray:
	default:
		if b, err = coerceJSONOperand(a, "-", b, types.Text); err != nil {
			return nil, err
		}
		b = asText(b)
	}
	return strict2(types.JSONB, a, b, func(x, y types.Value) (types.Value, error) {
		n, err := jsonTree(x)
		if err != nil {
			return types.Value{}, err
		}
		var out *types.JSONNode
		switch {
		case byIndex:
			out, err = jsonDeleteIndex(n, y.I)
		case y.T == types.TextArray:
			elems, err := arrayElems(y)
			if err != nil {
				return types.Value{}, err
			}
			keys := map[string]bool{}
			for _, e := range elems {
				if !e.IsNull() {
					keys[e.S] = true
				}
			}
			out, err = jsonDeleteKeys(n, keys)
			if err != nil {
				return types.Value{}, err
			}
		default:
			out, err = jsonDeleteKeys(n, map[string]bool{y.S: true})
		}
		if err != nil {
			return types.Value{}, err
		}
		return types.NewJSONB(out), nil
	})
}

// compileJSONDeletePath compiles jsonb #- text[].
func compileJSONDeletePath(a, b *expr) (*expr, error) {
	if a.typ == types.JSON {
		return nil, noOperator(a, "#-", b)
	}
	b, err := coerceJSONOperand(a, "#-", b, types.TextArray)
	if err != nil {
		return nil, err
	}
	return strict2(types.JSONB, a, b, func(x, y types.Value) (types.Value, error) {
		n, err := jsonTree(x)
		if err != nil {
			return types.Value{}, err
		}
		path, err := arrayElems(y)
		if err != nil {
			return types.Value{}, err
		}
		out, err := jsonDeletePath(n, path, 0)
		if err != nil {
			return types.Value{}, err
		}
		return types.NewJSONB(out), nil
	})
}
