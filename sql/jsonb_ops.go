package sql

import (
	"slices"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// The operators of ||'s level. The dialect pass writes a || b as a | b, a -> b (any json, bit
// or regular-expression operator) as a | '\0op:->' | b and a prefix ~ b as '\0pre:~' | b.
// vitess parses a chain of them left to right, as PostgreSQL does, into a tree whose left
// spine is the chain: otherOperators reads the chain back.

// otherOperator is one operand or operator marker of a chain.
type otherOperator struct {
	op     string // the marker's operator, "" for an operand
	prefix bool   // a prefix operator's marker
	x      sqlparser.Expr
}

// otherOperators flattens e's chain of | into its operands and markers.
func otherOperators(e *sqlparser.BinaryExpr) []otherOperator {
	var items []otherOperator
	var x sqlparser.Expr = e
	for {
		b, ok := x.(*sqlparser.BinaryExpr)
		if !ok || b.Operator != sqlparser.BitOrOp {
			items = append(items, markerItem(x))
			break
		}
		items = append(items, markerItem(b.Right))
		x = b.Left
	}
	slices.Reverse(items)
	return items
}

func markerItem(x sqlparser.Expr) otherOperator {
	if lit, ok := x.(*sqlparser.Literal); ok && lit.Type == sqlparser.StrVal {
		if op, ok := strings.CutPrefix(lit.Val, jsonOpMarker); ok {
			return otherOperator{op: op}
		}
		if op, ok := strings.CutPrefix(lit.Val, prefixOpMarker); ok {
			return otherOperator{op: op, prefix: true}
		}
	}
	return otherOperator{x: x}
}

// otherOperatorTree reads a chain of | back as PostgreSQL's operators, left to right: a
// prefix operator takes the operand after it, an infix one (|| where there is no marker)
// the result so far and the operand after it. operand converts an operand.
func otherOperatorTree[T any](e *sqlparser.BinaryExpr, operand func(sqlparser.Expr) (T, error),
	prefix func(op string, x T) T, infix func(op string, l, r T) T) (T, error) {
	var acc, zero T
	have, pending := false, ""
	var prefixes []string
	for _, it := range otherOperators(e) {
		switch {
		case it.prefix:
			prefixes = append(prefixes, it.op)
			continue
		case it.op != "":
			if !have || pending != "" || len(prefixes) > 0 {
				return zero, Errorf("42601", "syntax error at or near %q", it.op)
			}
			pending = it.op
			continue
		}
		x, err := operand(it.x)
		if err != nil {
			return zero, err
		}
		for i := len(prefixes) - 1; i >= 0; i-- {
			x = prefix(prefixes[i], x)
		}
		prefixes = prefixes[:0]
		switch {
		case !have:
			acc, have = x, true
		case pending == "":
			acc = infix("||", acc, x)
		default:
			acc = infix(pending, acc, x)
		}
		pending = ""
	}
	if pending != "" || len(prefixes) > 0 || !have {
		return zero, Errorf("42601", "syntax error at end of input")
	}
	return acc, nil
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
		// <@ swaps the values, not the operands: the left one is computed first, as in
		// PostgreSQL, so an error in it comes before one in the right operand.
		return strict2(types.Bool, a, b, func(x, y types.Value) (types.Value, error) {
			if op == "<@" {
				x, y = y, x
			}
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
	return strict2(types.JSONB, a, b, jsonbDeletePath)
}

// jsonbDeletePath is target #- path of non-NULL values.
func jsonbDeletePath(x, y types.Value) (types.Value, error) {
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
}
