package sql

import (
	"math"
	"math/bits"
	"slices"
	"sort"
	"sync/atomic"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// Join ordering (issue 16). A tree of inner joins — comma joins, INNER JOINs and the WHERE
// conjuncts placed into them — is a set of relations and conditions whose order of joining
// does not change the result. buildFrom hands every such region of two or more relations to
// buildRegion, which estimates each relation's rows and each condition's selectivity,
// picks an order (exhaustive dynamic programming over subsets up to dpMaxRelations, greedy
// beyond, as PostgreSQL turns to GEQO past geqo_threshold), and builds hash joins on the
// equalities the order brings together, or lookup joins where a table's primary key is given
// (lookupjoin.go). A permutation on top restores the column layout
// the rest of the query was bound against.
//
// A region stops at anything that is not an inner join: an outer join (whose sides are
// ordered separately inside it), a table, a derived table, and an inner join whose ON
// clause cannot move: one with a subquery, an ambiguous or unknown name, or a reference
// outside that join (the binder's error must stay the statement's error). So an outer join
// is never reordered with what is around it.

// joinOrdering can be turned off by tests and benchmarks, to compare with joins in FROM order.
var joinOrdering atomic.Bool

func init() { joinOrdering.Store(true) }

// dpMaxRelations is the largest region ordered exhaustively.
const dpMaxRelations = 8

// Estimates, as PostgreSQL makes them without statistics.
const (
	defaultNumDistinct = 200.0   // distinct values of a non-unique column (DEFAULT_NUM_DISTINCT)
	defaultEqSel       = 0.005   // equality with something that is not a column
	defaultIneqSel     = 1 / 3.0 // <, <=, >, >= (DEFAULT_INEQ_SEL)
	defaultRangeSel    = 0.005   // BETWEEN (DEFAULT_RANGE_INEQ_SEL)
	defaultDerivedRows = 1000.0  // a derived table or set-returning function
	maxRowEstimate     = 1e100   // keeps products of many relations finite
)

// joinCond is a condition of a region and the relations it reads.
type joinCond struct {
	e    ast.Expr
	rels []int // sorted indexes into the region's relations
	sel  float64
}

// joinRegion is one region being ordered.
type joinRegion struct {
	s     *Session
	sc    *scope
	items []*fromItem // the relations, in FROM order
	rows  []float64   // estimated rows of each, after its own filters
	scan  []float64   // rows read to produce them
	conds []joinCond
	// keyEqs are, for each relation, the conditions that could look it up by primary key.
	keyEqs [][]keyEq
	// rerun holds the relations that read a LATERAL row from outside the region (nil: none),
	// static those whose rows do not change between opens (staticItem).
	rerun, static relSet
}

// joinPlan is a node of the chosen join tree.
type joinPlan struct {
	rel         int // a relation, when left is nil
	left, right *joinPlan
	set         relSet
	rows, cost  float64
	connected   bool // built without a cross product
	lookup      bool // right is a table read by primary key for each left row
}

// relSet is a set of relation indexes.
type relSet []uint64

func newRelSet(n int) relSet { return make(relSet, (n+63)/64) }

func (s relSet) add(i int)      { s[i/64] |= 1 << (i % 64) }
func (s relSet) has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }
func (s relSet) union(t relSet) relSet {
	u := make(relSet, len(s))
	for i := range s {
		u[i] = s[i] | t[i]
	}
	return u
}

// hasAll reports whether every relation of rels is in s.
func (s relSet) intersects(t relSet) bool {
	for i := range s {
		if s[i]&t[i] != 0 {
			return true
		}
	}
	return false
}

func (s relSet) subsetOf(t relSet) bool {
	for i := range s {
		if s[i]&^t[i] != 0 {
			return false
		}
	}
	return true
}

// markLateral fills rerun and static when a relation reads a LATERAL row.
func (r *joinRegion) markLateral() {
	for i, it := range r.items {
		if readsIn(it, 0, it.start) || readsIn(it, it.start+it.width(), 1<<30) {
			if r.rerun == nil {
				r.rerun, r.static = newRelSet(len(r.items)), newRelSet(len(r.items))
			}
			r.rerun.add(i)
		}
	}
	for i, it := range r.items {
		if r.rerun != nil && staticItem(it, r.sc) {
			r.static.add(i)
		}
	}
}

func (s relSet) hasAll(rels []int) bool {
	for _, r := range rels {
		if !s.has(r) {
			return false
		}
	}
	return true
}

// region collects the region rooted at f; false when f is not the root of one worth ordering.
func (s *Session) region(f *fromItem, sc *scope) (*joinRegion, bool) {
	if f.isLeaf() || f.kind != innerJoin || f.ordered || !joinOrdering.Load() || fixedJoin(f, sc) {
		return nil, false
	}
	r := &joinRegion{s: s, sc: sc}
	var exprs []ast.Expr
	var walk func(g *fromItem)
	walk = func(g *fromItem) {
		if g.isLeaf() || g.kind != innerJoin || g.ordered || (g != f && fixedJoin(g, sc)) {
			r.items = append(r.items, g)
			return
		}
		walk(g.left)
		walk(g.right)
		exprs = append(exprs, g.on...)
	}
	walk(f)
	if len(r.items) < 2 {
		return nil, false
	}
	for _, e := range exprs {
		r.conds = append(r.conds, joinCond{e: e, rels: r.relsOf(e)})
	}
	return r, true
}

// fixedJoin reports whether an inner join's ON clause keeps it where it is written.
func fixedJoin(f *fromItem, sc *scope) bool {
	if f.dependent {
		return true // a LATERAL item reads its left side: a nested loop (lateral.go)
	}
	for _, c := range f.on {
		lo, hi, movable := refs(c, sc)
		if !movable || (lo <= hi && !f.covers(lo, hi)) {
			return true
		}
	}
	return false
}

// relOf returns the relation holding FROM-row column i.
func (r *joinRegion) relOf(i int) int {
	k := sort.Search(len(r.items), func(k int) bool { return r.items[k].start > i }) - 1
	if k < 0 || !r.items[k].covers(i, i) {
		return -1
	}
	return k
}

// relsOf returns the relations e reads.
func (r *joinRegion) relsOf(e ast.Expr) []int {
	var rels []int
	addCol := func(i int) {
		if k := r.relOf(i); k >= 0 && !containsInt(rels, k) {
			rels = append(rels, k)
		}
	}
	columnRefs(e, func(c *ast.ColumnRef) bool {
		if i, err := r.sc.lookupRef(refName(c)); err == nil && i >= 0 {
			for _, k := range mergedChain(r.sc.cols, i) {
				addCol(k)
			}
		}
		return true
	})
	sort.Ints(rels)
	return rels
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// buildRegion builds a region in the order its estimates favour.
func (s *Session) buildRegion(r *joinRegion) (node, error) {
	nodes := make([]node, len(r.items))
	for i, it := range r.items {
		n, err := s.buildFrom(it, r.sc)
		if err != nil {
			return nil, err
		}
		nodes[i] = n
		est := s.estimateItem(it, r.sc.params)
		r.rows = append(r.rows, est)
		if sn, ok := n.(*scanNode); ok && sn.acc.kind == fullScan {
			est = max(est, s.tableRows(it.table, r.sc.params))
		}
		r.scan = append(r.scan, est)
	}
	for i := range r.conds {
		c := &r.conds[i]
		c.sel = r.selectivity(c)
		if len(c.rels) == 1 {
			// A filter on one relation (an outer join, which it cannot enter) is that
			// relation's estimate.
			r.rows[c.rels[0]] = clampRows(r.rows[c.rels[0]] * c.sel)
		}
	}
	r.findKeyEqs()
	r.markLateral()
	var p *joinPlan
	if len(r.items) <= dpMaxRelations {
		p = r.dynamic()
	} else {
		p = r.greedy()
	}
	// The chosen tree, as fromItems over the built relations, with each condition in the
	// lowest join that sees every relation it reads.
	proxies := make([]*fromItem, len(r.items))
	for i, it := range r.items {
		// The columns as the region's scope shows them: a USING join of the region hid
		// the right-hand column of each pair, which the item's own columns do not know
		// (ON k = ... after a USING (k) then read as ambiguous).
		cols := slices.Clone(it.cols)
		for j := range cols {
			cols[j].hidden = r.sc.cols[it.start+j].hidden
		}
		proxies[i] = &fromItem{sub: nodes[i], alias: it.alias, cols: cols, lookupOf: it}
	}
	root := r.tree(p, proxies)
	for _, c := range r.conds {
		placeCond(p, root, c)
	}
	setStarts(root, 0)
	n, err := s.buildFrom(root, r.sc.child(root.cols))
	if err != nil {
		return nil, err
	}
	// The layout the query was bound against: each relation's columns where FROM put them.
	base := r.items[0].start
	perm := make([]int, 0, len(root.cols))
	identity := true
	for i, it := range r.items {
		for j := range it.cols {
			to := proxies[i].start + j
			identity = identity && to == it.start-base+j
			perm = append(perm, to)
		}
	}
	if identity {
		return n, nil
	}
	return &permuteNode{in: n, perm: perm}, nil
}

// tree turns a plan into fromItems.
func (r *joinRegion) tree(p *joinPlan, proxies []*fromItem) *fromItem {
	if p.left == nil {
		return proxies[p.rel]
	}
	j := joinItems(r.tree(p.left, proxies), r.tree(p.right, proxies), innerJoin, nil)
	j.ordered, j.lookup = true, p.lookup
	return j
}

// placeCond puts c into the lowest item of the tree (p, f) that holds every relation it reads;
// one that reads no relation of the region goes to the top join.
func placeCond(p *joinPlan, f *fromItem, c joinCond) {
	for len(c.rels) > 0 {
		switch {
		case p.left == nil:
			f.pushed = append(f.pushed, c.e) // a filter on one relation (an outer join's side)
			return
		case p.left.set.hasAll(c.rels):
			p, f = p.left, f.left
		case p.right.set.hasAll(c.rels):
			p, f = p.right, f.right
		default:
			f.on = append(f.on, c.e)
			return
		}
	}
	f.on = append(f.on, c.e)
}

// leafPlan is the plan of one relation.
func (r *joinRegion) leafPlan(i int) *joinPlan {
	set := newRelSet(len(r.items))
	set.add(i)
	return &joinPlan{rel: i, set: set, rows: r.rows[i], cost: r.scan[i], connected: true}
}

// join joins two plans: by hashing the smaller (the right side is the one built), or, when
// one of them is a table whose primary key the conditions give from the other, by looking
// its rows up, whichever is estimated cheaper. set is the union of theirs, rows the estimate
// of the result. The plan is a value: the search allocates only the ones it keeps.
func (r *joinRegion) join(a, b *joinPlan, set relSet, rows float64, connected bool) joinPlan {
	if b.rows > a.rows {
		a, b = b, a
	}
	if r.rerun != nil && r.rerun.intersects(b.set) && !r.rerun.intersects(a.set) && a.set.subsetOf(r.static) {
		// Run per row of a LATERAL nested loop: hash the side that does not change, once
		// (joinNode.keepBuild), and stream the one that reads the LATERAL row past it.
		a, b = b, a
	}
	// Probing costs a row of the left side, building twice that per row of the right (it
	// is copied and hashed); every row produced costs one more.
	p := joinPlan{left: a, right: b, set: set, rows: rows,
		cost:      min(a.cost+b.cost+a.rows+2*b.rows+rows, maxRowEstimate),
		connected: connected && a.connected && b.connected}
	for _, pair := range [2][2]*joinPlan{{a, b}, {b, a}} {
		outer, inner := pair[0], pair[1]
		if !connected || inner.left != nil {
			continue
		}
		if cost := outer.cost + lookupCost*outer.rows + rows; cost < p.cost && r.canLookUp(outer.set, inner.rel) {
			p = joinPlan{left: outer, right: inner, set: set, rows: rows, cost: cost,
				connected: outer.connected, lookup: true}
		}
	}
	return p
}

// dynamic finds the cheapest bushy tree by dynamic programming over subsets, joining only
// subsets a condition connects while there are such.
func (r *joinRegion) dynamic() *joinPlan {
	n := len(r.items)
	full := uint32(1)<<n - 1
	best := make([]*joinPlan, full+1)
	condMask := make([]uint32, len(r.conds))
	for i, c := range r.conds {
		for _, k := range c.rels {
			condMask[i] |= 1 << k
		}
	}
	for i := 0; i < n; i++ {
		best[1<<i] = r.leafPlan(i)
	}
	for set := uint32(1); set <= full; set++ {
		if bits.OnesCount32(set) < 2 {
			continue
		}
		rows := 1.0
		for i := 0; i < n; i++ {
			if set&(1<<i) != 0 {
				rows *= r.rows[i]
			}
		}
		for i, m := range condMask {
			if bits.OnesCount32(m) >= 2 && m&set == m {
				rows *= r.conds[i].sel
			}
		}
		rows = clampRows(rows)
		rs := newRelSet(n)
		for i := 0; i < n; i++ {
			if set&(1<<i) != 0 {
				rs.add(i)
			}
		}
		var cand, cross *joinPlan
		// Each split once: the part holding the lowest relation of set is a.
		low := set & -set
		for a := (set - 1) & set; a > 0; a = (a - 1) & set {
			if a&low == 0 {
				continue
			}
			b := set &^ a
			pa, pb := best[a], best[b]
			linked := false
			for _, m := range condMask {
				if bits.OnesCount32(m) >= 2 && m&set == m && m&a != 0 && m&b != 0 {
					linked = true
					break
				}
			}
			p := r.join(pa, pb, rs, rows, linked)
			if p.connected {
				if cand == nil || p.cost < cand.cost {
					c := p
					cand = &c
				}
			} else if cross == nil || p.cost < cross.cost {
				c := p
				cross = &c
			}
		}
		if cand == nil {
			cand = cross
		}
		best[set] = cand
	}
	return best[full]
}

// greedy joins, at every step, the two connected parts whose join is estimated smallest
// (greedy operator ordering); parts no condition connects are joined last, smallest first.
func (r *joinRegion) greedy() *joinPlan {
	parts := make([]*joinPlan, len(r.items))
	owner := make([]int, len(r.items)) // relation → index of its part in parts
	for i := range r.items {
		parts[i] = r.leafPlan(i)
		owner[i] = i
	}
	live := len(parts)
	type pair struct{ a, b int }
	for live > 1 {
		sel := map[pair]float64{}
		for _, c := range r.conds {
			if len(c.rels) < 2 {
				continue
			}
			a, b, two := owner[c.rels[0]], -1, true
			for _, k := range c.rels[1:] {
				switch o := owner[k]; {
				case o == a:
				case b < 0 || o == b:
					b = o
				default:
					two = false
				}
			}
			if two && b >= 0 {
				k := pair{min(a, b), max(a, b)}
				if _, ok := sel[k]; !ok {
					sel[k] = 1
				}
				sel[k] *= c.sel
			}
		}
		var bestP *joinPlan
		var bestK pair
		for k, s := range sel {
			p := r.join(parts[k.a], parts[k.b], parts[k.a].set.union(parts[k.b].set), clampRows(parts[k.a].rows*parts[k.b].rows*s), true)
			if bestP == nil || p.rows < bestP.rows || p.rows == bestP.rows && (p.cost < bestP.cost ||
				p.cost == bestP.cost && (k.a < bestK.a || k.a == bestK.a && k.b < bestK.b)) {
				c := p
				bestP, bestK = &c, k
			}
		}
		if bestP == nil {
			bestP, bestK = r.crossSmallest(parts)
		}
		parts[bestK.a], parts[bestK.b] = bestP, nil
		for i, o := range owner {
			if o == bestK.b {
				owner[i] = bestK.a
			}
		}
		live--
	}
	for _, p := range parts {
		if p != nil {
			return p
		}
	}
	return nil
}

// crossSmallest joins the two smallest parts, which no condition connects.
func (r *joinRegion) crossSmallest(parts []*joinPlan) (*joinPlan, struct{ a, b int }) {
	a, b := -1, -1
	for i, p := range parts {
		switch {
		case p == nil:
		case a < 0 || p.rows < parts[a].rows:
			a, b = i, a
		case b < 0 || p.rows < parts[b].rows:
			b = i
		}
	}
	rows := 1.0
	for _, c := range r.conds {
		if len(c.rels) >= 2 && parts[a].set.union(parts[b].set).hasAll(c.rels) && !parts[a].set.hasAll(c.rels) && !parts[b].set.hasAll(c.rels) {
			rows *= c.sel
		}
	}
	p := r.join(parts[a], parts[b], parts[a].set.union(parts[b].set), clampRows(parts[a].rows*parts[b].rows*rows), false)
	return &p, struct{ a, b int }{min(a, b), max(a, b)}
}

func clampRows(x float64) float64 {
	if math.IsNaN(x) || x > maxRowEstimate {
		return maxRowEstimate
	}
	return max(x, 1)
}

// estimateItem estimates the rows a FROM item yields.
func (s *Session) estimateItem(f *fromItem, ps *params) float64 {
	switch {
	case f.table != nil:
		rows := s.tableRows(f.table, ps)
		out := rows
		for _, c := range f.pushed {
			out *= tableFilterSel(f.table, c, rows)
		}
		return clampRows(out)
	case f.isLeaf():
		out := defaultDerivedRows
		for range f.pushed {
			out *= defaultIneqSel
		}
		return clampRows(out)
	}
	l, r := s.estimateItem(f.left, ps), s.estimateItem(f.right, ps)
	switch f.kind {
	case leftJoin:
		return l
	case rightJoin:
		return r
	case fullJoin:
		return clampRows(l + r)
	}
	if len(f.on) == 0 {
		return clampRows(l * r)
	}
	return clampRows(l * r / max(min(l, defaultNumDistinct), min(r, defaultNumDistinct)))
}

func (s *Session) tableRows(bt *boundTable, ps *params) float64 {
	if bt.system != nil {
		return 100
	}
	n, ok := s.ts.TableRows(bt.name)
	if !ok {
		return defaultDerivedRows
	}
	if ps != nil && !slices.ContainsFunc(ps.sizes, func(t tableSize) bool { return t.table == bt.name }) {
		ps.sizes = append(ps.sizes, tableSize{bt.name, n})
	}
	return float64(n)
}

// tableSize is the number of rows a table had when a join order was chosen for it.
type tableSize struct {
	table string
	rows  int
}

// resized reports whether a table has grown or shrunk enough since a plan's join order was
// chosen that the plan should be made again (PostgreSQL's autovacuum re-analyzes a table once
// 50 rows and a tenth of it changed, and the plans that use it are remade).
func (s *Session) resized(sizes []tableSize) bool {
	for _, t := range sizes {
		n, ok := s.ts.TableRows(t.table)
		if !ok {
			return true
		}
		if d := n - t.rows; max(d, -d) > 50+t.rows/10 {
			return true
		}
	}
	return false
}

// numDistinct estimates the distinct values of column col of a table of rows rows: all of
// them for a key, PostgreSQL's default otherwise.
func numDistinct(schema *types.Schema, col int, rows float64) float64 {
	if len(schema.PK) == 1 && schema.PK[0] == col {
		return max(rows, 1)
	}
	for _, ix := range schema.Indexes {
		if ix.Unique && len(ix.Columns) == 1 && ix.Columns[0] == col {
			return max(rows, 1)
		}
	}
	return max(min(rows, defaultNumDistinct), 1)
}

// tableFilterSel is the fraction of a table's rows a conjunct on it keeps.
func tableFilterSel(bt *boundTable, c ast.Expr, rows float64) float64 {
	col := func(e ast.Expr) int {
		if i, ok := tableColumn(bt, e); ok {
			return i
		}
		return -1
	}
	switch e := c.(type) {
	case *ast.BinaryOp:
		i := col(e.Left)
		if i < 0 {
			i = col(e.Right)
		}
		switch e.Op {
		case "=":
			if i >= 0 {
				return 1 / numDistinct(bt.schema, i, rows)
			}
			return defaultEqSel
		case "<", "<=", ">", ">=":
			return defaultIneqSel
		}
	case *ast.In:
		if i := col(e.Expr); i >= 0 && !e.Not {
			return min(1, float64(len(e.List))/numDistinct(bt.schema, i, rows))
		}
		if !e.Not {
			return defaultEqSel
		}
	case *ast.SubLink:
		if e.In {
			return defaultEqSel // x IN (SELECT ...)
		}
	case *ast.Between:
		return defaultRangeSel
	case *ast.NullTest:
		if !e.Not {
			return defaultEqSel
		}
	}
	return defaultIneqSel
}

// selectivity estimates the fraction of the cross product of its relations a condition keeps:
// an equality of two columns keeps 1/max(distinct values of each), as in PostgreSQL.
func (r *joinRegion) selectivity(c *joinCond) float64 {
	if len(c.rels) == 1 {
		if bt := r.items[c.rels[0]].table; bt != nil {
			return tableFilterSel(bt, c.e, r.rows[c.rels[0]])
		}
		return defaultIneqSel
	}
	cmp, ok := c.e.(*ast.BinaryOp)
	if !ok || cmp.Op != "=" {
		return defaultIneqSel
	}
	return 1 / max(r.distinct(cmp.Left), r.distinct(cmp.Right))
}

// distinct estimates the distinct values of one side of an equality.
func (r *joinRegion) distinct(e ast.Expr) float64 {
	rels := r.relsOf(e)
	if len(rels) != 1 {
		return defaultNumDistinct
	}
	k := rels[0]
	it, rows := r.items[k], r.rows[k]
	cn, ok := e.(*ast.ColumnRef)
	if !ok || cn.Star || it.table == nil {
		return max(min(rows, defaultNumDistinct), 1)
	}
	i, err := r.sc.lookupRef(columnRef(cn))
	if err != nil || i < it.start {
		return defaultNumDistinct
	}
	// No more distinct values than the rows left after the table's own filters.
	return min(numDistinct(it.table.schema, i-it.start, r.s.tableRows(it.table, r.sc.params)), rows)
}

// permuteNode puts the columns of its input's rows back in the order the query was bound
// against: out[i] = in[perm[i]].
type permuteNode struct {
	in   node
	perm []int
}

func (n *permuteNode) explain(ex *explainer) { n.in.explain(ex) }

func (n *permuteNode) open(ec *execCtx) (rowIter, error) {
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	return &permuteIter{in: in, perm: n.perm, out: make([]types.Value, len(n.perm))}, nil
}

type permuteIter struct {
	in   rowIter
	perm []int
	out  []types.Value
}

func (it *permuteIter) next() ([]types.Value, error) {
	row, err := it.in.next()
	if err != nil || row == nil {
		return nil, err
	}
	for i, p := range it.perm {
		it.out[i] = row[p]
	}
	return it.out, nil
}
