package sql

import (
	"fmt"
	"time"

	"github.com/drovedb/drove/types"
)

// EXPLAIN ANALYZE runs the plan with every node wrapped in an analyzeNode, which counts its
// opens (PostgreSQL's loops), the rows it returns and, with TIMING, the time spent in it and
// under it until its first row and in all. Plans that are not analyzed are never wrapped,
// so execution pays nothing for it.

// nodeStats are one plan node's counts over an execution.
type nodeStats struct {
	loops, rows    int64
	startup, total time.Duration // summed over the loops
	timing         bool
}

// analyzeNode is a plan node under instrumentation.
type analyzeNode struct {
	in node
	st nodeStats
}

func (n *analyzeNode) explain(ex *explainer) { n.in.explain(ex) }

func (n *analyzeNode) open(ec *execCtx) (rowIter, error) {
	var t0 time.Time
	if n.st.timing {
		t0 = time.Now()
	}
	it, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	n.st.loops++
	ai := &analyzeIter{in: it, n: n}
	if n.st.timing {
		ai.spent = time.Since(t0)
		n.st.total += ai.spent
	}
	return ai, nil
}

// analyzeIter counts the rows of one open of an analyzeNode and the time spent in next.
type analyzeIter struct {
	in      rowIter
	n       *analyzeNode
	spent   time.Duration // in this loop, the open included
	started bool
}

func (it *analyzeIter) next() ([]types.Value, error) {
	st := &it.n.st
	if !st.timing {
		row, err := it.in.next()
		if row != nil {
			st.rows++
		}
		return row, err
	}
	t0 := time.Now()
	row, err := it.in.next()
	d := time.Since(t0)
	it.spent += d
	st.total += d
	if !it.started { // PostgreSQL's firsttuple: the time until the first call returned
		it.started = true
		st.startup += it.spent
	}
	if row != nil {
		st.rows++
	}
	return row, err
}

// instrument wraps every node of the plan under root (each once, however many parents it
// has) in an analyzeNode, and returns the wrapped root and the wrappers.
func instrument(root node, timing bool) (node, []*analyzeNode) {
	seen := map[node]*analyzeNode{}
	var all []*analyzeNode
	var wrap func(n node) node
	wrap = func(n node) node {
		if _, ok := n.(oneRowNode); ok {
			w := &analyzeNode{in: n, st: nodeStats{timing: timing}}
			all = append(all, w)
			return w
		}
		if w, ok := seen[n]; ok {
			return w
		}
		w := &analyzeNode{in: n, st: nodeStats{timing: timing}}
		seen[n] = w
		all = append(all, w)
		for _, p := range nodeInputs(n) {
			*p = wrap(*p)
		}
		return w
	}
	root = wrap(root)
	for _, w := range all { // a shared WITH query runs its first reference's plan, wrapped now
		if r, ok := w.in.(*cteRefNode); ok {
			if sw, ok := seen[r.share.src]; ok {
				r.share.src = sw
			}
		}
	}
	return root, all
}

// nodeInputs are the places a plan node holds its input nodes.
func nodeInputs(n node) []*node {
	switch n := n.(type) {
	case *aggNode:
		return []*node{&n.in}
	case *recursiveNode:
		return []*node{&n.anchor, &n.term}
	case *cteRefNode:
		return []*node{&n.own}
	case *withNode:
		return []*node{&n.in}
	case *uniqueNode:
		return []*node{&n.in}
	case *filterNode:
		return []*node{&n.in}
	case *projectNode:
		return []*node{&n.in}
	case *limitNode:
		return []*node{&n.in}
	case *distinctNode:
		return []*node{&n.in}
	case *appendNode:
		ps := make([]*node, len(n.ins))
		for i := range n.ins {
			ps[i] = &n.ins[i]
		}
		return ps
	case *joinNode:
		return []*node{&n.left, &n.right}
	case *permuteNode:
		return []*node{&n.in}
	case *lateralJoinNode:
		return []*node{&n.left, &n.right}
	case *lookupJoinNode:
		return []*node{&n.left}
	case *presenceNode:
		return []*node{&n.in}
	case *lockRowsNode:
		return []*node{&n.in}
	case *setOpNode:
		return []*node{&n.left, &n.right}
	case *sortNode:
		return []*node{&n.in}
	case *projectSetNode:
		return []*node{&n.in}
	case *windowNode:
		return []*node{&n.in}
	}
	return nil
}

// statsOf is the counts of the node a line shows, nil when it was not instrumented.
func statsOf(n node) *nodeStats {
	switch a := n.(type) {
	case *analyzeNode:
		return &a.st
	case *dmlNode:
		return &a.d.stats
	}
	return nil
}

// unwrapAnalyze is the node an analyzeNode instruments, or n itself.
func unwrapAnalyze(n node) node {
	if a, ok := n.(*analyzeNode); ok {
		return a.in
	}
	return n
}

// removedByFilter adds, analyzing, PostgreSQL's "Rows Removed by Filter: N" to the line just
// made (a scan's): the rows its filter rejected, averaged over its loops; nothing when none
// were, as PostgreSQL's text format leaves it out.
func (ex *explainer) removedByFilter(removed int64) {
	ex.removedLine(len(ex.entries)-1, removed)
}

// filterRemoved is removedByFilter for a filter node over in: the rows in returned that the
// filter did not.
func (ex *explainer) filterRemoved(in node) {
	ex.filterRemovedAt(len(ex.entries)-1, in)
}

// filteredOut is the count of rows the filter node f (counted as out: its analyzeNode)
// removed from its input's, 0 when not analyzing.
func filteredOut(ex *explainer, f *filterNode, out node) int64 {
	if !ex.opts.analyze {
		return 0
	}
	inSt, st := statsOf(f.in), statsOf(out)
	if inSt == nil || st == nil {
		return 0
	}
	return inSt.rows - st.rows
}

// filterRemovedAt is filterRemoved for the filter whose line is entry at.
func (ex *explainer) filterRemovedAt(at int, in node) {
	if !ex.opts.analyze || at < 0 || at >= len(ex.entries) {
		return
	}
	inSt, st := statsOf(in), statsOf(ex.entries[at].node)
	if inSt == nil || st == nil {
		return
	}
	ex.removedLine(at, inSt.rows-st.rows)
}

func (ex *explainer) removedLine(at int, removed int64) {
	if !ex.opts.analyze || removed <= 0 || at < 0 {
		return
	}
	e := ex.entries[at]
	if e.uncounted {
		return
	}
	loops := int64(1)
	if st := statsOf(e.node); st != nil && st.loops > 0 {
		loops = st.loops
	}
	e.details = append(e.details, fmt.Sprintf("Rows Removed by Filter: %.0f", float64(removed)/float64(loops)))
}
