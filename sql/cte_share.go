package sql

import (
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"

	"github.com/drovedb/drove/types"
)

// A WITH query read by several references, or calling a volatile function, is computed once
// per run of the query that defines it, as PostgreSQL materializes it (a CTE Scan): two
// references see the same rows, and random() or nextval() in it run once per row of the WITH
// query, not once per reference. One read once with nothing volatile is inlined as before
// (each reference is its own bound query), which keeps the planner free to use its keys.
//
// Each reference binds the WITH query as a derived table, as before; the first reference's
// plan is the one materialized. References count up while the statement binds, so whether a
// WITH query is shared is known only once binding is over: a cteRefNode decides when it
// opens. The rows are kept as the first reader pulls them (a reader ahead of the others pulls
// for them), so a LIMIT above a reference still stops the WITH query early. A withNode, the
// root of the query with the WITH clause, starts a fresh copy each time it opens: a
// correlated subquery with a WITH clause computes it again for every outer row.

// cteShare is one WITH query's shared computation within a bound statement.
type cteShare struct {
	refs     int                // references bound
	volatile bool               // its query calls a volatile function
	mode     ast.CTEMaterialize // as written: [NOT] MATERIALIZED (cte_materialized.go)
	src      node               // the first reference's plan
	name     string             // the WITH query's name
	cur      *cteRows
}

// shared reports whether the references read one computation.
func (sh *cteShare) shared() bool {
	switch sh.mode {
	case ast.CTEMaterialized:
		return true
	case ast.CTENotMaterialized:
		return sh.volatile
	}
	return sh.refs > 1 || sh.volatile
}

// cteRows is one computation of a shared WITH query: the rows pulled so far.
type cteRows struct {
	it   rowIter // the WITH query's rows; nil before the first read
	rows [][]types.Value
	done bool
}

// newCTEShare starts the share of a non-recursive WITH query.
func newCTEShare(name string, q *ast.Select, mode ast.CTEMaterialize) *cteShare {
	return &cteShare{volatile: callsVolatileTree(q), mode: mode, name: name}
}

// callsVolatile reports whether a part of vitess's tree calls a function PostgreSQL marks
// volatile.
func callsVolatile(q sqlparser.SQLNode) bool {
	found := false
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		if f, ok := n.(*sqlparser.FuncExpr); ok && f.Qualifier.IsEmpty() && isVolatile(f.Name.Lowered()) {
			found = true
		}
		return !found, nil
	}, q)
	return found
}

// callsVolatileTree reports whether a part of the binder's tree (an expression, a query)
// calls a function PostgreSQL marks volatile; the parts it keeps in vitess's form are read
// with callsVolatile.
func callsVolatileTree(n ast.Node) bool {
	found := false
	walkBinderTree(n, func(n ast.Node) bool {
		if f, ok := n.(*ast.FuncCall); ok {
			found = found || len(f.Name) == 1 && isVolatile(f.Name[0])
		}
		return !found
	}, func(v sqlparser.SQLNode) { found = found || callsVolatile(v) })
	return found
}

// isVolatile reports whether a function of that name has a volatile overload.
func isVolatile(name string) bool {
	def := funcRegistry[name]
	if def == nil || def.volatile {
		return def != nil
	}
	for _, p := range def.procs {
		if p.vol == 'v' {
			return true
		}
	}
	return false
}

// cteRefNode is one reference to a WITH query: its own plan when the query is inlined,
// the shared rows when it is not.
type cteRefNode struct {
	share *cteShare
	own   node
	alias string // the name the reference goes by
}

// explain: an inlined reference shows its own plan; a shared one is PostgreSQL's CTE Scan,
// the WITH query's plan shown once under its withNode's top line (CTE x).
func (n *cteRefNode) explain(ex *explainer) {
	if !n.share.shared() {
		n.own.explain(ex)
		return
	}
	if n.alias != n.share.name {
		ex.line("CTE Scan on %s %s", n.share.name, n.alias)
		return
	}
	ex.line("CTE Scan on %s", n.share.name)
}

func (n *cteRefNode) open(ec *execCtx) (rowIter, error) {
	if !n.share.shared() {
		return n.own.open(ec)
	}
	if n.share.cur == nil { // a reference run outside its WITH query's root: compute it alone
		n.share.cur = &cteRows{}
	}
	return &cteReader{ec: ec, share: n.share, rows: n.share.cur}, nil
}

// cteReader reads a shared WITH query's rows from the start, pulling more when it is the
// furthest reader.
type cteReader struct {
	ec    *execCtx
	share *cteShare
	rows  *cteRows
	i     int
}

func (r *cteReader) next() ([]types.Value, error) {
	c := r.rows
	if r.i < len(c.rows) {
		r.i++
		return c.rows[r.i-1], nil
	}
	if c.done {
		return nil, nil
	}
	if c.it == nil {
		it, err := r.share.src.open(r.ec)
		if err != nil {
			return nil, err
		}
		c.it = it
	}
	row, err := r.ec.pull(c.it)
	if err != nil {
		return nil, err
	}
	if row == nil {
		c.done, c.it = true, nil
		return nil, nil
	}
	row = slices.Clone(row)
	if err := r.ec.mem.grow(rowBytes(row)); err != nil {
		return nil, err
	}
	c.rows = append(c.rows, row)
	r.i++
	return row, nil
}

// withNode is the root of a query with a WITH clause: each open computes its shared WITH
// queries afresh.
type withNode struct {
	in     node
	shares []*cteShare
}

// explain: the query's plan, the WITH queries its references share as subplans of its top
// line, as PostgreSQL shows a CTE's plan.
func (n *withNode) explain(ex *explainer) {
	at := len(ex.entries)
	n.in.explain(ex)
	var labels []string
	var plans []node
	for _, sh := range n.shares {
		if sh.src != nil && sh.shared() {
			labels, plans = append(labels, "CTE "+sh.name), append(plans, sh.src)
		}
	}
	ex.initPlans(at, labels, plans)
}

func (n *withNode) open(ec *execCtx) (rowIter, error) {
	for _, sh := range n.shares {
		if sh.shared() {
			sh.cur = &cteRows{}
		}
	}
	return n.in.open(ec)
}
