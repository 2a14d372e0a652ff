package sql

import "github.com/drovedb/drove/types"

// compileArrayConcat is || with an array on either side (psql's \d+ concatenates a table's
// reloptions with its TOAST table's): array || array of the same type, array || element
// and element || array, as PostgreSQL's array_cat, array_append and array_prepend. A NULL
// array counts as an empty one (both NULL: NULL); a NULL element is appended as NULL.
// Arrays here are one-dimensional; the result starts where the first non-empty array did.
func compileArrayConcat(a, b *expr) (*expr, error) {
	// An untyped literal beside an array is an array literal, as in PostgreSQL.
	if a.typ.IsArray() && b.unknown {
		b = asArray(b, a.typ)
	} else if b.typ.IsArray() && a.unknown {
		a = asArray(a, b.typ)
	}
	switch {
	case a.typ.IsArray() && (b.typ == a.typ || b.typ == types.Null):
		return arrayConcat(a.typ, a, b, true, true), nil
	case a.typ == types.Null && b.typ.IsArray():
		return arrayConcat(b.typ, a, b, true, true), nil
	case a.typ.IsArray() && b.typ == a.typ.Elem():
		return arrayConcat(a.typ, a, b, true, false), nil
	case b.typ.IsArray() && a.typ == b.typ.Elem():
		return arrayConcat(b.typ, a, b, false, true), nil
	}
	if x, ok, err := widenArrayConcat(a, b); ok { // arrayfuncs_more.go
		return x, err
	}
	return nil, Errorf("42883", "operator does not exist: %s || %s", a.typ, b.typ)
}

// asArray reads an untyped literal as an array of type t.
func asArray(x *expr, t types.Type) *expr {
	col := &types.Column{Type: t}
	return &expr{typ: t, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: t, Null: true}, err
		}
		return castValue(types.NewText(v.S), col)
	}}
}

// arrayConcat joins a and b into an array of type t; aArr and bArr say which are arrays.
func arrayConcat(t types.Type, a, b *expr, aArr, bArr bool) *expr {
	return &expr{typ: t, eval: func(row []types.Value) (types.Value, error) {
		va, err := a.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		vb, err := b.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		if aArr && bArr && va.IsNull() && vb.IsNull() {
			return types.Value{T: t, Null: true}, nil
		}
		var out []types.Value
		lower, found := 1, false // the first non-empty array's, as PostgreSQL's array_cat, _append, _prepend
		for i, v := range [2]types.Value{va, vb} {
			switch {
			case !(aArr && i == 0 || bArr && i == 1):
				out = append(out, v)
			case !v.IsNull():
				elems, err := arrayElems(v)
				if err != nil {
					return types.Value{}, err
				}
				if !found && len(elems) > 0 {
					lower, found = v.ArrayLower(), true
				}
				out = append(out, elems...)
			}
		}
		return types.NewArrayAt(t, lower, out), nil
	}}
}
