package sql

import (
	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// Lookups through an index on expressions or a partial index (index_computed.go): the
// equalities of WHERE that pin every part of the index, and the key they make.

// computedAccess plans a lookup through a computed index: WHERE has an equality between each
// of its parts and a value that reads no row (lower(email) = $1), and, for a partial index,
// each AND-ed term of its predicate among its terms. nil when no computed index serves.
func computedAccess(bt *boundTable, conjs []ast.Expr) *indexAccess {
	s := bt.schema
	var have map[string]bool
	var best *indexAccess
	for _, def := range s.Indexes {
		if !def.Computed() || def.Hash || best != nil && (best.def.Unique || !def.Unique) {
			continue
		}
		if def.Predicate != "" {
			if have == nil {
				have = make(map[string]bool, len(conjs))
				for _, c := range conjs {
					have[treeText(c)] = true
				}
			}
			if !predicateAmong(def.Predicate, have) {
				continue
			}
		}
		k, err := keyerOf(s, &def)
		if err != nil || slices.ContainsFunc(indexPartColumns(s, &def), func(c int) bool { return c >= 0 && s.Columns[c].Fixed }) {
			continue // char(n)'s padding is not part of its value, but of its key
		}
		ia := &indexAccess{def: def, schema: s}
		for i, part := range def.Exprs {
			x := partEquality(bt, conjs, storedTreeText(part), k.types[i])
			if x == nil {
				break
			}
			ia.eq = append(ia.eq, x)
		}
		if len(ia.eq) == len(def.Exprs) {
			best = ia
		}
	}
	return best
}

// storedTreeText is a stored expression as treeText prints WHERE's terms, to match them.
func storedTreeText(text string) string {
	e, err := parseStoredExpr(text)
	if err != nil {
		return ""
	}
	x, err := (&converter{}).expr(e)
	if err != nil {
		return ""
	}
	return treeText(x)
}

// predicateAmong reports whether each AND-ed term of a stored predicate is among a WHERE's
// terms (by their text).
func predicateAmong(pred string, have map[string]bool) bool {
	e, err := parseStoredExpr(pred)
	if err != nil {
		return false
	}
	for _, t := range predTerms(e, nil) {
		x, err := (&converter{}).expr(t)
		if err != nil || !have[treeText(x)] {
			return false
		}
	}
	return true
}

// partEquality finds part = value among the terms, value reading no row and of the part's
// type (t), and returns the value compiled; nil when there is none.
func partEquality(bt *boundTable, conjs []ast.Expr, part string, t types.Type) *expr {
	if part == "" {
		return nil
	}
	for _, conj := range conjs {
		e, ok := conj.(*ast.BinaryOp)
		if !ok || e.Op != "=" {
			continue
		}
		other := e.Right
		if treeText(e.Left) != part {
			if other = e.Left; treeText(e.Right) != part {
				continue
			}
		}
		x, err := compileAST(other, bt.scope)
		if err != nil || !x.rowFree {
			continue
		}
		if x.unknown {
			if x, err = castLiteral(x, t); err != nil {
				continue
			}
		}
		if familyOf(x.typ) == familyOf(t) && !x.bpchar {
			return x
		}
	}
	return nil
}

// computedSpan is span for a computed index: the key of the values its parts equal.
func (ia *indexAccess) computedSpan() (lo, hi []byte, exact bool, m keyMatch, err error) {
	k, err := keyerOf(ia.schema, &ia.def)
	if err != nil {
		return nil, nil, false, keyNone, err
	}
	var key []byte
	for i, x := range ia.eq {
		v, err := x.eval(nil)
		if err != nil {
			return nil, nil, false, keyNone, err
		}
		if v.IsNull() {
			return nil, nil, false, keyNone, nil // = NULL matches nothing
		}
		var m keyMatch
		if v, m = keyValue(v, k.types[i]); m != keyExact {
			return nil, nil, false, m, nil
		}
		if k.nnd {
			key, err = types.AppendNullableKeyValue(key, k.types[i], v)
		} else {
			key, err = types.AppendKeyValue(key, k.types[i], v)
		}
		if err != nil {
			return nil, nil, false, keyNone, err
		}
	}
	return key, nil, true, keyExact, nil
}
