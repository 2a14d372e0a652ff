package sql

import (
	"math"

	"github.com/drovedb/drove/types"
)

// EXPLAIN's (cost=startup..total rows=N width=W): estimates made from the plan as built,
// with the row counts the join-order search uses (the tables' row counts, the selectivities
// of tableFilterSel) and PostgreSQL's cost constants. They are drove's own: PostgreSQL's
// numbers come from its statistics and page counts, which drove does not keep.

const (
	seqPageCost     = 1.0
	randomPageCost  = 4.0
	cpuTupleCost    = 0.01
	cpuOperatorCost = 0.0025
	indexProbeCost  = 0.15 // an index descent's startup, as PostgreSQL's btree estimates show it
	pageBytes       = 8192
	tupleOverhead   = 28 // a heap tuple's header and line pointer
)

// estimate is one node's estimated costs, rows and row width.
type estimate struct {
	startup, total, rows float64
	width                int
}

// estimator estimates a plan's nodes, each once.
type estimator struct {
	s    *Session
	memo map[node]estimate
}

func (e *estimator) of(n node) estimate {
	if _, ok := n.(oneRowNode); ok {
		return estimate{total: cpuTupleCost, rows: 1}
	}
	if r, ok := e.memo[n]; ok {
		return r
	}
	r := e.compute(n)
	if _, dml := n.(*dmlNode); !dml {
		r.rows = math.Max(1, math.Round(r.rows))
	}
	if e.memo == nil {
		e.memo = map[node]estimate{}
	}
	e.memo[n] = r
	return r
}

// pass is a node that passes its input's rows on, costing cpu per row.
func (e *estimator) pass(in node, perRow float64) estimate {
	r := e.of(in)
	r.total += r.rows * perRow
	return r
}

func (e *estimator) compute(n node) estimate {
	switch n := n.(type) {
	case *analyzeNode:
		return e.of(n.in)
	case *dmlNode:
		return estimate{} // no RETURNING: PostgreSQL's ModifyTable shows rows=0 width=0
	case *scanNode:
		return e.scan(n)
	case *filterNode:
		r := e.pass(n.in, cpuOperatorCost)
		r.rows *= defaultIneqSel
		return r
	case *projectNode:
		r := e.pass(n.in, cpuOperatorCost*float64(len(n.exprs)))
		r.width = exprsWidth(n.exprs)
		if n.keepInput {
			r.width += e.of(n.in).width
		}
		return r
	case *limitNode:
		return e.limit(n)
	case *sortNode:
		return e.sort(n)
	case *aggNode:
		return e.agg(n)
	case *distinctNode:
		return e.groups(e.of(n.in), 1)
	case *uniqueNode:
		return e.groups(e.of(n.in), 1)
	case *appendNode:
		if n.values && valuesRows(n) {
			return e.valuesScan(n)
		}
		var r estimate
		for i, in := range n.ins {
			c := e.of(in)
			if i == 0 {
				r.startup = c.startup
			}
			r.total += c.total
			r.rows += c.rows
			r.width = max(r.width, c.width)
		}
		return r
	case *joinNode:
		return e.join(n)
	case *lookupJoinNode:
		l := e.of(n.left)
		probe := e.probe(1)
		return estimate{startup: l.startup, total: l.total + l.rows*probe.total, rows: l.rows,
			width: l.width + rowWidth(n.acc.table.scope.cols)}
	case *lateralJoinNode:
		l, r := e.of(n.left), e.of(n.right)
		return estimate{startup: l.startup + r.startup, total: l.total + l.rows*r.total, rows: l.rows * r.rows, width: l.width + r.width}
	case *setOpNode:
		l, r := e.of(n.left), e.of(n.right)
		return estimate{startup: l.total + r.total, total: l.total + r.total + (l.rows+r.rows)*cpuOperatorCost, rows: l.rows, width: l.width}
	case *recursiveNode:
		a, t := e.of(n.anchor), e.of(n.term)
		return estimate{total: a.total + 10*t.total, rows: a.rows + 10*t.rows, width: a.width}
	case *workTableNode:
		return estimate{total: 100 * cpuTupleCost, rows: 100}
	case *cteRefNode:
		return e.of(n.own)
	case *withNode:
		return e.of(n.in)
	case *permuteNode:
		return e.of(n.in)
	case *presenceNode:
		return e.of(n.in)
	case *lockRowsNode:
		return e.pass(n.in, cpuTupleCost)
	case *windowNode:
		return e.pass(n.in, cpuOperatorCost)
	case *projectSetNode:
		r := e.pass(n.in, cpuOperatorCost)
		r.rows *= defaultDerivedRows // a set-returning function's rows, PostgreSQL's prorows
		r.total += r.rows * cpuTupleCost
		r.width = exprsWidth(n.exprs)
		return r
	}
	return estimate{total: defaultDerivedRows * cpuTupleCost, rows: defaultDerivedRows}
}

// scan estimates a table read through its access path.
func (e *estimator) scan(n *scanNode) estimate {
	a := n.acc
	width := rowWidth(n.cols)
	total := e.s.tableRows(a.table, nil)
	rows := total
	quals := 0.0
	if a.where != nil {
		for _, c := range conjuncts(a.where, nil) {
			rows *= tableFilterSel(a.table, c, total)
			quals++
		}
	}
	switch a.kind {
	case pointLookup:
		r := e.probe(1)
		r.total += quals * cpuOperatorCost
		r.width = width
		return r
	case fullScan:
		pages := math.Max(1, math.Ceil(total*float64(width+tupleOverhead)/pageBytes))
		return estimate{total: pages*seqPageCost + total*(cpuTupleCost+quals*cpuOperatorCost), rows: rows, width: width}
	}
	r := e.probe(rows)
	r.total += rows * quals * cpuOperatorCost
	r.width = width
	return r
}

// probe is an index descent that reads rows rows, each from its own page.
func (e *estimator) probe(rows float64) estimate {
	rows = math.Max(1, rows)
	return estimate{startup: indexProbeCost, total: indexProbeCost + randomPageCost + rows*(randomPageCost+cpuTupleCost), rows: rows}
}

func (e *estimator) limit(n *limitNode) estimate {
	r := e.of(n.in)
	if x := n.limits.limit; x != nil && x.constant {
		if v, err := x.eval(nil); err == nil && !v.IsNull() {
			if lim := v.I; (v.T == types.Int64 || v.T == types.Int32) && float64(lim) < r.rows {
				frac := float64(max(lim, 0)) / r.rows
				r.total = r.startup + (r.total-r.startup)*frac
				r.rows = float64(lim)
			}
		}
	}
	return r
}

func (e *estimator) sort(n *sortNode) estimate {
	in := e.of(n.in)
	if n.presorted != nil {
		return in
	}
	cmp := 2 * cpuOperatorCost * in.rows * math.Log2(math.Max(in.rows, 2))
	return estimate{startup: in.total + cmp, total: in.total + cmp + in.rows*cpuOperatorCost, rows: in.rows, width: in.width}
}

func (e *estimator) agg(n *aggNode) estimate {
	in := e.of(n.in)
	work := in.total + in.rows*cpuOperatorCost*float64(max(len(n.aggs), 1))
	if len(n.groups) == 0 && n.sets == nil {
		return estimate{startup: work, total: work + cpuTupleCost, rows: 1, width: 8 * max(len(n.aggs), 1)}
	}
	return e.groups(in, float64(len(n.groups)))
}

// groups is a hashed grouping of in's rows: PostgreSQL's default of 200 groups at most
// where no statistics tell.
func (e *estimator) groups(in estimate, keys float64) estimate {
	rows := math.Min(in.rows, defaultNumDistinct)
	start := in.total + in.rows*cpuOperatorCost*math.Max(keys, 1)
	return estimate{startup: start, total: start + rows*cpuTupleCost, rows: rows, width: in.width}
}

func (e *estimator) join(n *joinNode) estimate {
	l, r := e.of(n.left), e.of(n.right)
	rows := l.rows * r.rows
	if len(n.lkeys) > 0 {
		rows /= math.Max(math.Min(l.rows, defaultNumDistinct), math.Min(r.rows, defaultNumDistinct))
	}
	if n.residual != nil {
		rows *= defaultIneqSel
	}
	switch n.kind {
	case leftJoin:
		rows = math.Max(rows, l.rows)
	case rightJoin:
		rows = math.Max(rows, r.rows)
	case fullJoin:
		rows = math.Max(rows, l.rows+r.rows)
	}
	out := estimate{rows: rows, width: l.width + r.width}
	if len(n.lkeys) > 0 {
		out.startup = r.total + r.rows*cpuOperatorCost*float64(len(n.lkeys))
		out.total = out.startup + l.total + l.rows*cpuOperatorCost*float64(len(n.lkeys)) + rows*cpuTupleCost
		return out
	}
	out.startup = l.startup + r.startup
	out.total = l.total + r.total + l.rows*r.rows*cpuOperatorCost + rows*cpuTupleCost
	return out
}

// typeWidth is a value's average width as PostgreSQL's planner takes it: the length of a
// fixed-size type, 32 for a variable-length one it knows nothing of.
func typeWidth(t types.Type) int {
	if n := t.Size(); n > 0 {
		return int(n)
	}
	if t == types.Null {
		return 0
	}
	return 32
}

func rowWidth(cols []scopeCol) int {
	w := 0
	for _, c := range cols {
		if !c.rowID {
			w += typeWidth(c.typ)
		}
	}
	return w
}

func exprsWidth(xs []*expr) int {
	w := 0
	for _, x := range xs {
		w += typeWidth(x.typ)
	}
	return w
}
