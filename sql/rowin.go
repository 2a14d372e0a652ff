package sql

import (
	"time"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// (a, b) [NOT] IN (SELECT x, y ...): true when a row of the subquery equals the left row,
// else NULL when one might (every pair equal or NULL, some pair NULL), else false; NOT IN
// negates that, and an empty subquery makes IN false, as in PostgreSQL. The subquery's rows
// are kept as hash keys of their values (each in the type the pair compares as); rows with a
// NULL are kept apart, since only they (or a left row with a NULL) can make the answer NULL.

// compileRowInSubquery compiles a row IN a subquery.
func compileRowInSubquery(left []ast.Expr, q *ast.Select, negate bool, sc *scope) (*expr, error) {
	sp, err := compileRowSubquery(len(left), q, sc)
	if err != nil {
		return nil, err
	}
	if !sp.correlated {
		showSubplan(sc, sp, subPlanHashed) // read once into a hash set
	}
	ri := &rowInSubquery{sp: sp, site: new(subqSite), common: make([]types.Type, len(left)), trimL: make([]bool, len(left)),
		trimR: make([]bool, len(left))}
	lefts, rowFree, err := ri.operands(left, sc)
	if err != nil {
		return nil, err
	}
	return &expr{typ: types.Bool, rowFree: rowFree, eval: func(row []types.Value) (types.Value, error) {
		var buf [8]types.Value // the left row, on the stack when short (goroutine-safe)
		vals := buf[:0]
		hasNull := false
		for _, x := range lefts {
			v, err := x.eval(row)
			if err != nil {
				return types.Value{}, err
			}
			vals, hasNull = append(vals, v), hasNull || v.IsNull()
		}
		r, err := ri.load(row)
		if err != nil {
			return types.Value{}, err
		}
		if !r.anyRow {
			return types.NewBool(negate), nil
		}
		return ri.match(r, vals, hasNull, negate), nil
	}}, nil
}

// rowInSubquery is a compiled row IN (subquery): the subquery, the type each pair compares as, and
// which sides' values are char(n) to trim.
type rowInSubquery struct {
	sp           *subplan
	common       []types.Type
	loc          func() *time.Location // the session's zone, for common date/time types
	trimL, trimR []bool
	site         *subqSite // the uncorrelated subquery's rows in an execution (subqcache.go)
}

// rowInSet is the subquery's rows as hash keys.
type rowInSet struct {
	set      map[string]struct{}
	withNull [][]string // each row with a NULL: its values' keys, "" for a NULL
	full     [][]string // each distinct row without: its values' keys
	anyRow   bool
}

// operands compiles the left row, each value checked against its subquery column's type.
func (ri *rowInSubquery) operands(left []ast.Expr, sc *scope) ([]*expr, bool, error) {
	lefts := make([]*expr, len(left))
	rowFree := !ri.sp.correlated
	for i, x := range left {
		l, err := compileAST(x, sc)
		if err != nil {
			return nil, false, err
		}
		rt := ri.sp.cols[i].Type
		if l.unknown {
			if l, err = castLiteral(l, rt); err != nil {
				return nil, false, err
			}
		}
		if !comparable(l.typ, rt) {
			return nil, false, Errorf("42883", "operator does not exist: %s = %s", l.typ, rt)
		}
		ri.common[i] = types.Null
		if familyOf(rt) == famNumeric && familyOf(l.typ) == famNumeric {
			ri.common[i] = hashType(l.typ, rt)
		}
		if t := timeCommon(l.typ, rt); t != types.Null { // crosstime.go
			ri.common[i], ri.loc = t, sc.location
		}
		ri.trimL[i], ri.trimR[i] = subqueryTrims(l, ri.sp.cols[i])
		rowFree = rowFree && l.rowFree
		lefts[i] = l
	}
	return lefts, rowFree, nil
}

// keyOf appends pair i's value v as a hash key, in the type the pair compares as.
func (ri *rowInSubquery) keyOf(dst []byte, i int, v types.Value, trim bool) []byte {
	if trim {
		v = trimChar(v)
	}
	switch {
	case ri.common[i] == types.Timestamp || ri.common[i] == types.Timestamptz:
		v = toTimeCommon(v, ri.common[i], ri.loc())
	case v.IsNull() || v.T == ri.common[i]:
	case ri.common[i].IsFloat():
		v = types.NewFloat(types.Float64, num(v))
	case ri.common[i] == types.Numeric:
		if n, err := toNumeric(v); err == nil {
			v = n
		}
	}
	return appendValueKey(dst, v)
}

// keys is a row's hash key and its values' keys ("" for a NULL).
func (ri *rowInSubquery) keys(vals []types.Value, trim []bool) ([]byte, []string, bool) {
	var key []byte
	parts, null := make([]string, len(vals)), false
	for i, v := range vals {
		key = ri.keyOf(key, i, v, trim[i])
		if null = null || v.IsNull(); !v.IsNull() {
			parts[i] = string(ri.keyOf(nil, i, v, trim[i]))
		}
	}
	return key, parts, null
}

// load runs the subquery for row (once per execution when it is not correlated).
func (ri *rowInSubquery) load(row []types.Value) (rowInSet, error) {
	return subqOnce(ri.sp, ri.site, row, ri.run)
}

// run runs the subquery for row into a set.
func (ri *rowInSubquery) run(row []types.Value) (rowInSet, error) {
	it, ec, err := ri.sp.open(row)
	if err != nil {
		return rowInSet{}, err
	}
	r := rowInSet{set: make(map[string]struct{})}
	for {
		y, err := ec.pull(it)
		if err != nil || y == nil {
			return r, err
		}
		r.anyRow = true
		key, parts, null := ri.keys(y, ri.trimR)
		if null {
			r.withNull = append(r.withNull, parts)
		} else if _, ok := r.set[string(key)]; !ok {
			r.set[string(key)] = struct{}{}
			r.full = append(r.full, parts)
		} else {
			continue
		}
		if err := ec.mem.grow(int64(2*len(key) + 48)); err != nil {
			return rowInSet{}, err
		}
	}
}

// match is IN's answer for the left row vals against a non-empty subquery.
func (ri *rowInSubquery) match(r rowInSet, vals []types.Value, hasNull, negate bool) types.Value {
	key, parts, _ := ri.keys(vals, ri.trimL)
	if !hasNull {
		if _, ok := r.set[string(key)]; ok {
			return types.NewBool(!negate)
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
			return types.Value{T: types.Bool, Null: true}
		}
	}
	if hasNull {
		for _, p := range r.full {
			if maybe(p) {
				return types.Value{T: types.Bool, Null: true}
			}
		}
	}
	return types.NewBool(negate)
}

// compileRowSubquery compiles the subquery a row is compared with, which must have as many
// columns as the row (42601 otherwise, as PostgreSQL).
func compileRowSubquery(n int, q *ast.Select, sc *scope) (*subplan, error) {
	sp, err := compileSubquery(q, sc)
	if err != nil {
		return nil, err
	}
	switch {
	case len(sp.cols) > n:
		return nil, Errorf("42601", "subquery has too many columns")
	case len(sp.cols) < n:
		return nil, Errorf("42601", "subquery has too few columns")
	}
	showSubplan(sc, sp, subPlanPerRow)
	return sp, nil
}
