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

// compileJSONOp compiles a op b for a json operator of the registry, its operands bound to
// the operator's argument types (json or jsonb on the left; text, integer, text[] or jsonb on
// the right).
func compileJSONOp(op string, a, b *expr) (*expr, error) {
	switch op {
	case "->", "->>":
		return compileJSONGet(op, a, b)
	case "#>", "#>>":
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
	case "@?", "@@":
		return compileJSONPathOp(op, a, b)
	case "-":
		return compileJSONDelete(a, b)
	case "@>", "<@":
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

// compileJSONGet compiles -> and ->> by key (text) or by array index (integer).
func compileJSONGet(op string, a, b *expr) (*expr, error) {
	byIndex := b.typ.IsInteger()
	if !byIndex {
		b = asText(b)
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
	if op == "?" {
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
	byIndex := b.typ.IsInteger()
	if b.typ == types.Text {
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
