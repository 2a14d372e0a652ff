package sql

import (
	"strings"
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// A subquery in an expression is planned like any query, with the scope it appears in as its
// enclosing scope. An uncorrelated one runs once per execution of the statement and its
// result is kept; a correlated one runs again for every row of the enclosing scope, which it
// reads through that scope's cell (see scope.compileColumn). The simple decorrelation that
// matters most, a correlated equality on the inner table's primary key, falls out of this:
// the enclosing value is row-free for the inner query, so its scan becomes a point lookup.

// subplan is a bound subquery.
type subplan struct {
	root       node
	cols       []Column
	correlated bool
	sc         *scope // the scope the subquery appears in
}

func compileSubquery(q sqlparser.TableStatement, sc *scope) (*subplan, error) {
	ps := sc.params
	if ps == nil || ps.sess == nil {
		return nil, Errorf("0A000", "cannot use subquery here")
	}
	// Every reference from inside the subquery to sc's row, or to any scope enclosing it,
	// passes through bridge (it has no columns) and marks its level correlated.
	bridge := &scope{params: ps, outer: sc, level: &level{}}
	root, cols, err := ps.sess.bindQuery(q, ps, bridge)
	if err != nil {
		return nil, err
	}
	return &subplan{root: root, cols: cols, sc: sc, correlated: bridge.level.correlated}, nil
}

// open runs the subquery for the enclosing row.
func (sp *subplan) open(row []types.Value) (rowIter, *execCtx, error) {
	if sp.sc.cell != nil {
		*sp.sc.cell = row
	}
	ec := sp.sc.params.ec
	it, err := sp.root.open(ec)
	return it, ec, err
}

// compileScalarSubquery: (SELECT x ...) as a value; NULL when it returns no row.
func compileScalarSubquery(e *sqlparser.Subquery, sc *scope) (*expr, error) {
	sp, err := compileSubquery(e.Select, sc)
	if err != nil {
		return nil, err
	}
	if len(sp.cols) != 1 {
		return nil, Errorf("42601", "subquery must return only one column")
	}
	t := sp.cols[0].Type
	var cachedRun uint64 // the execution the cached result belongs to; 0: none
	var cached types.Value
	return &expr{typ: t, rowFree: !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		if !sp.correlated && cachedRun == sp.sc.params.ec.run {
			return cached, nil
		}
		it, ec, err := sp.open(row)
		if err != nil {
			return types.Value{}, err
		}
		first, err := it.next()
		if err != nil {
			return types.Value{}, err
		}
		v := types.Value{T: t, Null: true}
		if first != nil {
			v = first[0]
			if more, err := it.next(); err != nil {
				return types.Value{}, err
			} else if more != nil {
				return types.Value{}, Errorf("21000", "more than one row returned by a subquery used as an expression")
			}
		}
		cachedRun, cached = ec.run, v
		return v, nil
	}}, nil
}

// compileExists: EXISTS (SELECT ...).
func compileExists(e *sqlparser.ExistsExpr, sc *scope) (*expr, error) {
	sp, err := compileSubquery(e.Subquery.Select, sc)
	if err != nil {
		return nil, err
	}
	var cachedRun uint64 // the execution the cached result belongs to; 0: none
	var cached bool
	return &expr{typ: types.Bool, rowFree: !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		if !sp.correlated && cachedRun == sp.sc.params.ec.run {
			return types.NewBool(cached), nil
		}
		it, ec, err := sp.open(row)
		if err != nil {
			return types.Value{}, err
		}
		first, err := it.next()
		if err != nil {
			return types.Value{}, err
		}
		cachedRun, cached = ec.run, first != nil
		return types.NewBool(cached), nil
	}}, nil
}

// compileAgainstSubquery compiles x and the one-column subquery it is compared with (by op)
// and gives an untyped x the subquery's type.
func compileAgainstSubquery(x sqlparser.Expr, q *sqlparser.Subquery, op string, sc *scope) (*expr, *subplan, error) {
	left, err := compile(x, sc)
	if err != nil {
		return nil, nil, err
	}
	sp, err := compileSubquery(q.Select, sc)
	if err != nil {
		return nil, nil, err
	}
	if len(sp.cols) != 1 {
		return nil, nil, Errorf("42601", "subquery has too many columns")
	}
	rt := sp.cols[0].Type
	if left.unknown {
		if left, err = castLiteral(left, rt); err != nil {
			return nil, nil, err
		}
	}
	if !comparable(left.typ, rt) {
		return nil, nil, Errorf("42883", "operator does not exist: %s %s %s", left.typ, op, rt)
	}
	return left, sp, nil
}

// compileInSubquery: x [NOT] IN (SELECT y ...), with SQL's NULL rules: NULL when x is NULL
// (and the subquery returns rows) or when no y equals x but some y is NULL.
func compileInSubquery(e *sqlparser.ComparisonExpr, q *sqlparser.Subquery, sc *scope) (*expr, error) {
	left, sp, err := compileAgainstSubquery(e.Left, q, "=", sc)
	if err != nil {
		return nil, err
	}
	rt := sp.cols[0].Type
	// Values are compared by their hash keys; an integer meeting a float compares as float.
	toFloat := familyOf(rt) == famNumeric && left.typ.IsFloat() != rt.IsFloat()
	keyOf := func(dst []byte, v types.Value) []byte {
		if toFloat && v.T.IsInteger() {
			v = types.NewFloat(types.Float64, float64(v.I))
		}
		return appendValueKey(dst, v)
	}
	type result struct {
		set     map[string]struct{}
		anyRow  bool
		sawNull bool
	}
	var cachedRun uint64 // the execution the cached result belongs to; 0: none
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
			y, err := it.next()
			if err != nil {
				return result{}, err
			}
			if y == nil {
				break
			}
			r.anyRow = true
			if y[0].IsNull() {
				r.sawNull = true
				continue
			}
			key = keyOf(key[:0], y[0])
			if _, ok := r.set[string(key)]; !ok {
				if err := ec.mem.grow(int64(len(key) + 48)); err != nil {
					return result{}, err
				}
				r.set[string(key)] = struct{}{}
			}
		}
		cachedRun, cached = ec.run, r
		return r, nil
	}
	negate := e.Operator == sqlparser.NotInOp
	return &expr{typ: types.Bool, rowFree: left.rowFree && !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		x, err := left.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		r, err := load(row)
		if err != nil {
			return types.Value{}, err
		}
		switch {
		case !r.anyRow:
			return types.NewBool(negate), nil
		case x.IsNull():
			return types.Value{T: types.Bool, Null: true}, nil
		}
		if _, ok := r.set[string(keyOf(nil, x))]; ok {
			return types.NewBool(!negate), nil
		}
		if r.sawNull {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		return types.NewBool(negate), nil
	}}, nil
}

// compileArraySubquery: ARRAY(SELECT x ...). drove has no array type, so the value is the
// array's text form, '{a,b}', typed text: what psql prints for it, and all a client can get.
func compileArraySubquery(e *sqlparser.Subquery, sc *scope) (*expr, error) {
	sp, err := compileSubquery(e.Select, sc)
	if err != nil {
		return nil, err
	}
	if len(sp.cols) != 1 {
		return nil, Errorf("42601", "subquery must return only one column")
	}
	return &expr{typ: types.Text, rowFree: !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		it, _, err := sp.open(row)
		if err != nil {
			return types.Value{}, err
		}
		b := []byte{'{'}
		for n := 0; ; n++ {
			r, err := it.next()
			if err != nil {
				return types.Value{}, err
			}
			if r == nil {
				break
			}
			if n > 0 {
				b = append(b, ',')
			}
			b = appendArrayElement(b, r[0])
		}
		return types.NewText(string(append(b, '}'))), nil
	}}, nil
}

// appendArrayElement writes one element of an array's text form, quoted where PostgreSQL
// quotes it.
func appendArrayElement(b []byte, v types.Value) []byte {
	if v.IsNull() {
		return append(b, "NULL"...)
	}
	s := string(v.AppendText(nil))
	if s != "" && !strings.EqualFold(s, "null") && !strings.ContainsAny(s, " ,{}\"\\\t\n") {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// compileQuantified: x op ANY (SELECT y ...) and x op ALL (SELECT y ...), with SQL's NULL
// rules: ANY is true if some comparison is, else NULL if some is NULL, else false; ALL is
// false if some comparison is, else NULL if some is NULL, else true (so true over no rows).
func compileQuantified(e *sqlparser.ComparisonExpr, q *sqlparser.Subquery, sc *scope) (*expr, error) {
	name, ok := opNames[e.Operator]
	if !ok {
		return nil, unsupported("operator %s with ANY/ALL", e.Operator.ToString())
	}
	left, sp, err := compileAgainstSubquery(e.Left, q, name, sc)
	if err != nil {
		return nil, err
	}
	op, all := e.Operator, e.Modifier == sqlparser.All
	holds := func(c int) bool {
		switch op {
		case sqlparser.EqualOp:
			return c == 0
		case sqlparser.NotEqualOp:
			return c != 0
		case sqlparser.LessThanOp:
			return c < 0
		case sqlparser.LessEqualOp:
			return c <= 0
		case sqlparser.GreaterThanOp:
			return c > 0
		}
		return c >= 0
	}
	var cachedRun uint64 // the execution the cached values belong to; 0: none
	var cached []types.Value
	load := func(row []types.Value) ([]types.Value, error) {
		if !sp.correlated && cachedRun == sp.sc.params.ec.run {
			return cached, nil
		}
		it, ec, err := sp.open(row)
		if err != nil {
			return nil, err
		}
		var vals []types.Value
		for {
			y, err := it.next()
			if err != nil {
				return nil, err
			}
			if y == nil {
				break
			}
			if err := ec.mem.grow(rowBytes(y[:1])); err != nil {
				return nil, err
			}
			vals = append(vals, y[0])
		}
		cachedRun, cached = ec.run, vals
		return vals, nil
	}
	return &expr{typ: types.Bool, rowFree: left.rowFree && !sp.correlated, eval: func(row []types.Value) (types.Value, error) {
		x, err := left.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		vals, err := load(row)
		if err != nil {
			return types.Value{}, err
		}
		sawNull := false
		for _, y := range vals {
			if x.IsNull() || y.IsNull() {
				sawNull = true
				continue
			}
			if holds(compare(x, y)) != all {
				return types.NewBool(!all), nil // ANY found a match; ALL found a miss
			}
		}
		if sawNull {
			return types.Value{T: types.Bool, Null: true}, nil
		}
		return types.NewBool(all), nil
	}}, nil
}

// parseArrayText reads a one-dimensional array's text form, the inverse of
// appendArrayElement: a nil element is NULL.
func parseArrayText(s string) ([]*string, error) {
	bad := Errorf("22P02", "malformed array literal: %q", s)
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return nil, bad
	}
	body := s[1 : len(s)-1]
	var out []*string
	for i := 0; i < len(body); {
		var b strings.Builder
		quoted := body[i] == '"'
		if quoted {
			i++
			for ; i < len(body) && body[i] != '"'; i++ {
				if body[i] == '\\' && i+1 < len(body) {
					i++
				}
				b.WriteByte(body[i])
			}
			if i >= len(body) {
				return nil, bad
			}
			i++ // the closing quote
		} else {
			for ; i < len(body) && body[i] != ','; i++ {
				b.WriteByte(body[i])
			}
		}
		e := b.String()
		if !quoted && strings.EqualFold(e, "null") {
			out = append(out, nil)
		} else {
			out = append(out, &e)
		}
		if i < len(body) {
			if body[i] != ',' {
				return nil, bad
			}
			i++
			if i == len(body) {
				return nil, bad // a trailing comma
			}
		}
	}
	return out, nil
}
