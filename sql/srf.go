package sql

import (
	"github.com/drovedb/drove/types"
)

// Set-returning functions (generate_series, unnest, information_schema._pg_expandarray) run in
// a select list the way PostgreSQL 10 and later run them: every call yields its values for an
// input row, the row is repeated as often as the longest call yields, the calls advance in
// lockstep and one that has run out reads NULL. A function in FROM reaches here too: the
// dialect pass writes FROM f(x) a as FROM (SELECT f(x) AS a) AS a.

// srfCall is one set-returning call of a select list. The expression standing for it reads
// cur, which the projectSet node sets before it evaluates the list.
type srfCall struct {
	args  []*expr
	start func(args []types.Value) (srfIter, error)
	typ   types.Type
	shape *types.Shape // a record's fields
	cur   types.Value
	// follower is a call that yields beside the others without making rows of its own
	// (WITH ORDINALITY's counter): it does not keep the row repeating.
	follower bool
}

// srfIter yields a call's values; ok is false once it has run out.
type srfIter func() (v types.Value, ok bool)

// srfExpr adds a set-returning call to the select list being compiled: the expression
// standing for it reads the call's current value.
func srfExpr(c *funcCall, call *srfCall) (*expr, error) {
	if c.sc.srfs == nil {
		return nil, Errorf("0A000", "set-returning function %s is not allowed here", c.name)
	}
	*c.sc.srfs = append(*c.sc.srfs, call)
	return &expr{typ: call.typ, shape: call.shape, eval: func([]types.Value) (types.Value, error) { return call.cur, nil }}, nil
}

// buildUnnest is unnest(array), each element, and information_schema._pg_expandarray(array),
// each element and its 1-based position as a record (x, n).
func buildUnnest(c *funcCall) (*expr, error) {
	call := &srfCall{args: c.args, typ: c.args[0].typ.Elem()}
	expand := c.name == "_pg_expandarray"
	nullIsOne := c.name == "drove_unnest"
	if expand {
		call.shape = types.NewShape([]types.Column{{Name: "x", Type: call.typ}, {Name: "n", Type: types.Int32}})
		call.typ = types.Record
	}
	rt := call.shape
	call.start = func(vals []types.Value) (srfIter, error) {
		if vals[0].IsNull() {
			done := !nullIsOne
			return func() (types.Value, bool) {
				if done {
					return types.Value{}, false
				}
				done = true
				return types.Value{T: call.typ, Null: true}, true
			}, nil
		}
		elems, err := arrayElems(vals[0])
		if err != nil {
			return nil, err
		}
		i := 0
		return func() (types.Value, bool) {
			if i >= len(elems) {
				return types.Value{}, false
			}
			i++
			if expand {
				return rt.Record([]types.Value{elems[i-1], types.NewInt(types.Int32, int64(i))}), true
			}
			return elems[i-1], true
		}, nil
	}
	x, err := srfExpr(c, call)
	if err == nil && !expand {
		x.bpchar, x.varchar = c.args[0].bpchar, c.args[0].varchar // char(n)[] has char(n) elements
	}
	return x, err
}

// buildAnyArray is drove_unnest(array), the array of x op ANY|ALL (array) as the dialect pass
// writes it, a subquery: unnest's elements, except that a NULL array is one NULL element, so
// that the comparison is NULL whatever x is, as PostgreSQL's over a NULL array (unnest of a
// NULL array is no rows, which makes ANY false and ALL true). An untyped array whose x was
// untyped too is text[], as PostgreSQL resolves 'a' = ANY ('{a,b}').
func buildAnyArray(c *funcCall) (*expr, error) {
	if len(c.args) != 1 {
		return nil, Errorf("42601", "syntax error at or near \"ANY\"")
	}
	if c.args[0].unknown {
		a, err := castLiteral(c.args[0], types.TextArray)
		if err != nil {
			return nil, err
		}
		c.args[0] = a
	}
	if t := c.args[0].typ; !t.IsArray() && t != types.Null {
		return nil, Errorf("42809", "op ANY/ALL (array) requires array on right side")
	}
	return buildUnnest(c)
}

// buildGenerateSeries is generate_series(start, stop [, step]) over integers, numerics
// (srf_series.go) and timestamps (srf_series.go).
func buildGenerateSeries(c *funcCall) (*expr, error) {
	rt := c.ret
	switch rt {
	case types.Numeric:
		return srfExpr(c, &srfCall{args: c.args, typ: rt, start: numericSeries})
	case types.Timestamp, types.Timestamptz:
		loc := c.sc.location()
		return srfExpr(c, &srfCall{args: c.args, typ: rt, start: func(v []types.Value) (srfIter, error) { return timeSeries(v, loc) }})
	}
	return srfExpr(c, &srfCall{args: c.args, typ: rt, start: func(vals []types.Value) (srfIter, error) {
		step := int64(1)
		if len(vals) == 3 {
			if vals[2].IsNull() {
				return func() (types.Value, bool) { return types.Value{}, false }, nil
			}
			step = vals[2].I
		}
		if step == 0 {
			return nil, Errorf("22023", "step size cannot equal zero")
		}
		if vals[0].IsNull() || vals[1].IsNull() {
			return func() (types.Value, bool) { return types.Value{}, false }, nil
		}
		next, stop, done := vals[0].I, vals[1].I, false
		return func() (types.Value, bool) {
			if done || (step > 0 && next > stop) || (step < 0 && next < stop) {
				return types.Value{}, false
			}
			v := types.NewInt(rt, next)
			if intRange(rt, next+step) != nil || (step > 0) != (next+step > next) {
				done = true // the next value would overflow: this one is the last
			}
			next += step
			return v, true
		}, nil
	}})
}

// projectSetNode is a select list with set-returning calls.
type projectSetNode struct {
	in    node
	exprs []*expr
	srfs  []*srfCall
	// scan: EXPLAIN's line for a function in FROM over no input (PostgreSQL's Function Scan);
	// "" for a select list's calls
	scan string
}

func (n *projectSetNode) open(ec *execCtx) (rowIter, error) {
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	return &projectSetIter{ec: ec, n: n, in: in, iters: make([]srfIter, len(n.srfs)), vals: make([]types.Value, 0, 3),
		out: make([]types.Value, len(n.exprs))}, nil
}

func (n *projectSetNode) explain(ex *explainer) {
	if n.scan != "" {
		ex.line("%s", n.scan)
		return
	}
	ex.line("ProjectSet")
	ex.child(n.in)
}

type projectSetIter struct {
	ec    *execCtx
	n     *projectSetNode
	in    rowIter
	row   []types.Value // the input row whose calls are running; nil before the first
	iters []srfIter
	vals  []types.Value
	out   []types.Value
}

func (it *projectSetIter) next() ([]types.Value, error) {
	for {
		if it.row != nil {
			if err := it.ec.check(); err != nil { // generate_series(1, 1e12) is one input row
				return nil, err
			}
			more := false
			for i, c := range it.n.srfs {
				v, ok := it.iters[i]()
				if !ok {
					v = types.Value{T: c.typ, Null: true}
				}
				c.cur, more = v, more || ok && !c.follower
			}
			if more {
				for i, x := range it.n.exprs {
					var err error
					if it.out[i], err = x.eval(it.row); err != nil {
						return nil, err
					}
				}
				return it.out, nil
			}
		}
		row, err := it.in.next()
		if err != nil || row == nil {
			return nil, err
		}
		it.row = row
		for i, c := range it.n.srfs {
			it.vals = it.vals[:0]
			for _, a := range c.args {
				v, err := a.eval(row)
				if err != nil {
					return nil, err
				}
				it.vals = append(it.vals, v)
			}
			if it.iters[i], err = c.start(it.vals); err != nil {
				return nil, err
			}
		}
	}
}
