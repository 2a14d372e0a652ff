package sql

import (
	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// LATERAL. A derived table in FROM is bound with the items before it in a scope of its own
// (fromCtx.leftScope): written LATERAL (or a function in FROM, which the dialect pass always
// writes LATERAL, as PostgreSQL's functions in FROM are), it reads their columns through one
// cell per FROM clause, laid out as the FROM row; otherwise the scope resolves nothing and is
// there for PostgreSQL's errors ("There is an entry for table "t", but it cannot be referenced
// from this part of the query."). A join whose right side reads its left side's columns
// (fromItem.dependent) is a nested loop that writes each left row into the cell and runs the
// right side again for it; the join-order search takes such a join whole. The left side of a
// RIGHT or FULL join is visible to a LATERAL item on its right but may not be read (42P10),
// as SQL says.

// fromCtx is the FROM clause being shaped: the items before the one being shaped, in FROM-row
// order (so their columns are the FROM row's first ones), and the cell LATERAL items read.
type fromCtx struct {
	left []fromLeft
	cell *[]types.Value
}

// fromLeft is an item a later one may see; ok is false on the left of a RIGHT or FULL join.
type fromLeft struct {
	item *fromItem
	ok   bool
}

// lateralRefs records what a LATERAL item reads of the items before it.
type lateralRefs struct {
	bad   []bool // per column: the left of a RIGHT or FULL join
	reads []int  // FROM-row columns read
}

func (fc *fromCtx) push(item *fromItem, ok bool) int {
	fc.left = append(fc.left, fromLeft{item, ok})
	return len(fc.left) - 1
}

func (fc *fromCtx) pop(n int) { fc.left = fc.left[:n] }

// leftScope is the scope a derived table in FROM is bound in, between it and outer: the
// columns of the items before it, read through the cell when lateral, never otherwise.
func (fc *fromCtx) leftScope(lateral bool, ps *params, outer *scope, lvl *level) *scope {
	if fc == nil || len(fc.left) == 0 {
		return outer
	}
	sc := &scope{params: ps, outer: outer, level: lvl, ambiguous: fc.sharedNames()}
	refs := &lateralRefs{}
	for _, l := range fc.left {
		off := len(sc.cols)
		for _, c := range l.item.cols {
			if c.merged >= 0 {
				c.merged += off
			}
			sc.cols = append(sc.cols, c)
			refs.bad = append(refs.bad, !l.ok)
		}
	}
	if !lateral {
		sc.hintOnly = true
		return sc
	}
	if fc.cell == nil {
		fc.cell = new([]types.Value)
	}
	sc.cell, sc.lateral = fc.cell, refs
	return sc
}

// sharedNames are the table names more than one of the items before a derived table have
// (x in a x CROSS JOIN (b x CROSS JOIN LATERAL (...))); nil almost always.
func (fc *fromCtx) sharedNames() []string {
	var shared []string
	for i, l := range fc.left {
		for k, c := range l.item.cols {
			if c.table == "" || k > 0 && l.item.cols[k-1].table == c.table || slices.Contains(shared, c.table) {
				continue
			}
			for _, m := range fc.left[i+1:] {
				if slices.ContainsFunc(m.item.cols, func(o scopeCol) bool { return o.table == c.table }) {
					shared = append(shared, c.table)
					break
				}
			}
		}
	}
	return shared
}

// read notes that column j of a LATERAL item's left scope is read.
func (r *lateralRefs) read(sc *scope, j int) error {
	if r.bad[j] {
		return &Error{Code: "42P10", Message: "invalid reference to FROM-clause entry for table \"" + sc.cols[j].table + "\"",
			Detail: "The combining JOIN type must be INNER or LEFT for a LATERAL reference."}
	}
	r.reads = append(r.reads, j)
	return nil
}

// lateralReads is what a derived table bound in sc (leftScope's) read of the items before it.
func lateralReads(sc *scope) []int {
	if sc == nil || sc.lateral == nil {
		return nil
	}
	return sc.lateral.reads
}

// markDependent marks the joins whose right side reads their left side (after setStarts).
func markDependent(f *fromItem, cell *[]types.Value) {
	if f.isLeaf() {
		return
	}
	if readsIn(f.right, f.left.start, f.left.start+f.left.width()) {
		f.dependent, f.cell = true, cell
	}
	markDependent(f.left, cell)
	markDependent(f.right, cell)
}

// readsIn reports whether a LATERAL item in f reads a FROM-row column in [lo, hi).
func readsIn(f *fromItem, lo, hi int) bool {
	if !f.isLeaf() {
		return readsIn(f.left, lo, hi) || readsIn(f.right, lo, hi)
	}
	for _, r := range f.latReads {
		if r >= lo && r < hi {
			return true
		}
	}
	return false
}

// buildLateralJoin builds a dependent join: a nested loop running its right side per left row.
func (s *Session) buildLateralJoin(f *fromItem, sc *scope) (node, error) {
	left, right, err := s.buildSides(f, sc)
	if err != nil {
		return nil, err
	}
	n := &lateralJoinNode{left: left, right: right, kind: f.kind, lw: f.left.width(), rw: f.right.width(),
		at: f.left.start, cell: f.cell}
	if len(f.on) > 0 {
		e := andTree(f.on)
		if n.residual, err = compileASTBool(e, sc.child(f.cols), "JOIN/ON"); err != nil {
			return nil, err
		}
		n.residualText = treeText(e)
	}
	return n, nil
}

// lateralJoinNode is an INNER or LEFT join whose right side reads the left row, which it
// finds in cell at the left side's FROM-row position.
type lateralJoinNode struct {
	left, right  node
	kind         joinKind
	lw, rw, at   int
	cell         *[]types.Value
	residual     *expr
	residualText string
}

func (n *lateralJoinNode) explain(ex *explainer) {
	if n.kind == leftJoin {
		ex.line("Nested Loop Left Join")
	} else {
		ex.line("Nested Loop")
	}
	if n.residual != nil {
		ex.detail("Join Filter: %s", n.residualText)
	}
	ex.child(n.left)
	ex.child(n.right)
}

func (n *lateralJoinNode) open(ec *execCtx) (rowIter, error) {
	lin, err := n.left.open(ec)
	if err != nil {
		return nil, err
	}
	return &lateralJoinIter{ec: ec, n: n, lin: lin, out: make([]types.Value, n.lw+n.rw)}, nil
}

type lateralJoinIter struct {
	ec  *execCtx
	n   *lateralJoinNode
	lin rowIter
	rin rowIter // the right side's rows for the current left row; nil between left rows
	hit bool    // the current left row matched
	out []types.Value
}

func (it *lateralJoinIter) next() ([]types.Value, error) {
	n := it.n
	for {
		if it.rin == nil {
			l, err := it.lin.next()
			if err != nil || l == nil {
				return nil, err
			}
			if err := it.ec.check(); err != nil { // the right side runs once per left row
				return nil, err
			}
			copy(it.out, l)
			copy((*n.cell)[n.at:n.at+n.lw], l)
			if it.rin, err = n.right.open(it.ec); err != nil {
				return nil, err
			}
			it.hit = false
		}
		r, err := it.rin.next()
		if err != nil {
			return nil, err
		}
		if r == nil {
			it.rin = nil
			if !it.hit && n.kind == leftJoin {
				nullFill(it.out[n.lw:])
				return it.out, nil
			}
			continue
		}
		copy(it.out[n.lw:], r)
		ok, err := qualPasses(n.residual, it.out)
		if err != nil {
			return nil, err
		}
		if ok {
			it.hit = true
			return it.out, nil
		}
	}
}

// rerunByLateral reports whether join f is opened again for every row of a LATERAL nested
// loop above it: a LATERAL item in its left side reads a FROM item outside f.
func rerunByLateral(f *fromItem) bool {
	return readsOutside(f.left, f)
}

// readsOutside reports whether a LATERAL item in g reads a FROM item outside f.
func readsOutside(g, f *fromItem) bool {
	if !g.isLeaf() {
		return readsOutside(g.left, f) || readsOutside(g.right, f)
	}
	if o := g.lookupOf; o != nil {
		// A join-order proxy (joinorder.go): a region's items read no other item of it.
		return readsIn(o, 0, o.start) || readsIn(o, o.start+o.width(), 1<<30)
	}
	return readsIn(g, 0, f.start) || readsIn(g, f.start+f.width(), 1<<30)
}

// staticItem reports whether f yields the same rows at every open in one execution: tables
// and inner joins of them whose conditions read only FROM-row columns (no enclosing query's,
// no subquery, no LATERAL item), which a hash join may then build once (joinNode.keepBuild).
func staticItem(f *fromItem, sc *scope) bool {
	if f.isLeaf() && f.lookupOf != nil {
		return staticItem(f.lookupOf, sc) // a join-order proxy
	}
	if f.isLeaf() {
		return f.table != nil && f.table.system == nil && f.view == nil && len(f.latReads) == 0 &&
			readsOnlyFrom(f.pushed, sc)
	}
	return f.kind == innerJoin && !f.dependent && !f.lookup && staticItem(f.left, sc) &&
		staticItem(f.right, sc) && readsOnlyFrom(f.on, sc)
}

// readsOnlyFrom reports whether conditions read no column outside the FROM clause and hold no
// subquery.
func readsOnlyFrom(es []ast.Expr, sc *scope) bool {
	for _, e := range es {
		ok := true
		ast.Walk(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SubLink, *ast.Foreign:
				ok = false
			case *ast.ColumnRef:
				if i, err := sc.lookupRef(refName(n)); err != nil || i < 0 {
					ok = false
				}
			}
			return ok
		})
		if !ok {
			return false
		}
	}
	return true
}
