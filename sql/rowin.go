package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// (a, b) [NOT] IN (SELECT x, y ...): true when a row of the subquery equals the left row,
// else NULL when one might (every pair equal or NULL, some pair NULL), else false; NOT IN
// negates that, and an empty subquery makes IN false, as in PostgreSQL. The subquery's rows
// are kept as hash keys of their values (each in the type the pair compares as); rows with a
// NULL are kept apart, since only they (or a left row with a NULL) can make the answer NULL.

// compileRowInSubquery compiles a row IN a subquery.
func compileRowInSubquery(e *sqlparser.ComparisonExpr, left sqlparser.ValTuple, q *sqlparser.Subquery, sc *scope) (*expr, error) {
	sp, err := compileSubquery(q.Select, sc)
	if err != nil {
		return nil, err
	}
	switch {
	case len(sp.cols) > len(left):
		return nil, Errorf("42601", "subquery has too many columns")
	case len(sp.cols) < len(left):
		return nil, Errorf("42601", "subquery has too few columns")
	}
	lefts := make([]*expr, len(left))
	common := make([]types.Type, len(left))
	trimL, trimR := make([]bool, len(left)), make([]bool, len(left))
	rowFree := !sp.correlated
	for i, x := range left {
		if lefts[i], err = compile(x, sc); err != nil {
			return nil, err
		}
		rt := sp.cols[i].Type
		if lefts[i].unknown {
			if lefts[i], err = castLiteral(lefts[i], rt); err != nil {
				return nil, err
			}
		}
		if !comparable(lefts[i].typ, rt) {
			return nil, Errorf("42883", "operator does not exist: %s = %s", lefts[i].typ, rt)
		}
		common[i] = types.Null
		if familyOf(rt) == famNumeric && familyOf(lefts[i].typ) == famNumeric {
			common[i] = hashType(lefts[i].typ, rt)
		}
		trimL[i], trimR[i] = subqueryTrims(lefts[i], sp.cols[i])
		rowFree = rowFree && lefts[i].rowFree
	}
	keyOf := func(dst []byte, i int, v types.Value, trim bool) []byte {
		if trim {
			v = trimChar(v)
		}
		switch {
		case v.IsNull() || v.T == common[i]:
		case common[i].IsFloat():
			v = types.NewFloat(types.Float64, num(v))
		case common[i] == types.Numeric:
			if n, err := toNumeric(v); err == nil {
				v = n
			}
		}
		return appendValueKey(dst, v)
	}
	type result struct {
		set      map[string]struct{}
		withNull [][]string // each row with a NULL: its values' keys, "" for a NULL
		full     [][]string // each distinct row without: its values' keys
		anyRow   bool
	}
	var cachedRun uint64
	var cached result
	load := func(row []types.Value) (result, error) {
		if !sp.correlated && cachedRun == sp.sc.params.ec.run {
			return cached, nil
		}
		it, ec, err := sp.open(row)
		if err != nil {
			return result{}, err
		}
		r := result{set: make(map[string]struct{})}
		var key []byte
		for {
			y, err := ec.pull(it)
			if err != nil || y == nil {
				if err == nil {
					cachedRun, cached = ec.run, r
				}
				return r, err
			}
			r.anyRow = true
			key = key[:0]
			parts, null := make([]string, len(y)), false
			for i, v := range y {
				key = keyOf(key, i, v, trimR[i])
				if null = null || v.IsNull(); !v.IsNull() {
					parts[i] = string(keyOf(nil, i, v, trimR[i]))
				}
			}
			if null {
				r.withNull = append(r.withNull, parts)
			} else if _, ok := r.set[string(key)]; !ok {
				r.set[string(key)] = struct{}{}
				r.full = append(r.full, parts)
			} else {
				continue
			}
			if err := ec.mem.grow(int64(2*len(key) + 48)); err != nil {
				return result{}, err
			}
		}
	}
	negate := e.Operator == sqlparser.NotInOp
	vals := make([]types.Value, len(lefts))
	return &expr{typ: types.Bool, rowFree: rowFree, eval: func(row []types.Value) (types.Value, error) {
		hasNull := false
		for i, x := range lefts {
			v, err := x.eval(row)
			if err != nil {
				return types.Value{}, err
			}
			vals[i], hasNull = v, hasNull || v.IsNull()
		}
		r, err := load(row)
		if err != nil {
			return types.Value{}, err
		}
		if !r.anyRow {
			return types.NewBool(negate), nil
		}
		parts := make([]string, len(vals))
		var key []byte
		for i, v := range vals {
			key = keyOf(key, i, v, trimL[i])
			if !v.IsNull() {
				parts[i] = string(keyOf(nil, i, v, trimL[i]))
			}
		}
		if !hasNull {
			if _, ok := r.set[string(key)]; ok {
				return types.NewBool(!negate), nil
			}
		}
		// NULL when some row equals the left one but for NULLs on either side.
		maybe := func(other []string) bool {
			for i := range parts {
				if parts[i] != "" && other[i] != "" && parts[i] != other[i] {
					return false
				}
			}
			return true
		}
		for _, p := range r.withNull {
			if maybe(p) {
				return types.Value{T: types.Bool, Null: true}, nil
			}
		}
		if hasNull {
			for _, p := range r.full {
				if maybe(p) {
					return types.Value{T: types.Bool, Null: true}, nil
				}
			}
		}
		return types.NewBool(negate), nil
	}}, nil
}
