package sql

import (
	"fmt"
	"slices"

	"github.com/drovedb/drove/sql/ast"
)

// EXPLAIN's subplans: a subquery in an expression is shown as PostgreSQL 15 shows the SubPlan
// or InitPlan its planner makes of it, named after what drove runs (subquery.go, subqcache.go):
//   - one that reads no enclosing row (uncorrelated) runs once per execution and its result is
//     kept: a scalar subquery, EXISTS or ARRAY(...) is `InitPlan N (returns $k)`, printed as
//     `$k` where it is used and shown under the top node of its query, as PostgreSQL attaches
//     its initPlans;
//   - x IN (uncorrelated) reads the subquery once into a hash set: `(hashed SubPlan N)`, and
//     so does a correlated EXISTS drove decorrelates into one (compileSemiJoin);
//   - any other is `(SubPlan N)`, run again per row (a correlated one) or once and kept (op
//     ANY/ALL), shown under the node whose expression holds it, after that node's inputs.
// N counts the subqueries in the order drove compiles them (an inner one before the one
// holding it, as PostgreSQL numbers them); PostgreSQL plans the select list before WHERE,
// drove binds FROM and WHERE first, so a query with subqueries in both numbers them the
// other way round. $k counts the InitPlans alone (PostgreSQL's also count the parameters a
// correlated subplan passes down).

// subLinkPlan is how EXPLAIN shows one subquery of an expression.
type subLinkPlan struct {
	sp     *subplan
	kind   subPlanKind
	n      int // SubPlan N / InitPlan N
	param  int // an InitPlan's $k
	subs   *subLinkPlans
	shownN int // the explain run that last printed it (each shows once)
	// kept: the subquery's rows are read once and kept for every row to go over (op
	// ANY/ALL uncorrelated): PostgreSQL's Materialize over the subplan
	kept bool
}

type subPlanKind uint8

const (
	subPlanPerRow subPlanKind = iota
	subPlanHashed
	subPlanInit
)

// subLinkPlans are a statement's subqueries in expressions, by the tree node they were bound
// from (params.subs, made by the first one).
type subLinkPlans struct {
	byLink  map[*ast.SubLink]*subLinkPlan
	shown   *subLinkPlan // the plan the subquery being compiled is shown as
	n, init int
	run     int // the explain run counting shownN
}

// showSubplan records sp as the plan the subquery compiling now is shown as (the last call
// for it wins: compileExists tries its decorrelations first).
func showSubplan(sc *scope, sp *subplan, kind subPlanKind) {
	ps := sc.params
	if ps.subs == nil {
		ps.subs = &subLinkPlans{byLink: map[*ast.SubLink]*subLinkPlan{}}
	}
	ps.subs.shown = &subLinkPlan{sp: sp, kind: kind, subs: ps.subs}
}

// keepSubplanRows marks the subquery compiling now as one whose rows are kept (kept).
func keepSubplanRows(ps *params) {
	if ps.subs != nil && ps.subs.shown != nil {
		ps.subs.shown.kept = true
	}
}

// onceKind is the kind of a subquery whose result is one value: an InitPlan unless it is
// correlated.
func onceKind(sp *subplan) subPlanKind {
	if sp.correlated {
		return subPlanPerRow
	}
	return subPlanInit
}

// beginSubLink and endSubLink bracket the compiling of e: what the compile showed is
// recorded under e, numbered when it is first recorded (a subquery bound again for another
// access path keeps its number and shows the plan bound last).
func beginSubLink(ps *params) *subLinkPlan {
	if ps.subs == nil {
		return nil
	}
	outer := ps.subs.shown
	ps.subs.shown = nil
	return outer
}

func endSubLink(ps *params, e *ast.SubLink, outer *subLinkPlan) {
	s := ps.subs
	if s == nil {
		return
	}
	shown := s.shown
	s.shown = outer
	if shown == nil {
		return
	}
	if old, ok := s.byLink[e]; ok {
		old.sp, old.kind, old.kept = shown.sp, shown.kind, shown.kept
		return
	}
	s.n++
	shown.n = s.n
	if shown.kind == subPlanInit {
		shown.param = s.init
		s.init++
	}
	s.byLink[e] = shown
}

// name is the subplan's label in the plan.
func (p *subLinkPlan) name() string {
	if p.kind == subPlanInit {
		return fmt.Sprintf("InitPlan %d (returns $%d)", p.n, p.param)
	}
	return fmt.Sprintf("SubPlan %d", p.n)
}

// text is how an expression shows the subquery.
func (p *subLinkPlan) text() string {
	switch p.kind {
	case subPlanInit:
		return fmt.Sprintf("$%d", p.param)
	case subPlanHashed:
		return fmt.Sprintf("(hashed SubPlan %d)", p.n)
	}
	return fmt.Sprintf("(SubPlan %d)", p.n)
}

// subLinksIn are the subqueries of x the statement recorded (not those inside them, which
// their own plans show), in the order they appear.
func (ex *explainer) subLinksIn(x ast.Expr) []*subLinkPlan {
	if ex.subs == nil || x == nil {
		return nil
	}
	var out []*subLinkPlan
	ast.Walk(x, func(n ast.Node) bool {
		if l, ok := n.(*ast.SubLink); ok {
			if p := ex.subs.byLink[l]; p != nil {
				out = append(out, p)
			}
			return false
		}
		return true
	})
	return out
}

// exprText is x as a condition of the current node shows it (alias: a scan's table, whose
// columns print unqualified), its recorded subqueries as their subplans, which the node
// then shows (useSubLinks); text, printed at bind time, when x holds none.
func (ex *explainer) exprText(x ast.Expr, alias, text string) string {
	subs := ex.subLinksIn(x)
	switch {
	case len(subs) > 0:
	case text != "":
		return text
	case alias != "":
		return scanText(x, alias)
	default:
		return treeText(x)
	}
	ex.useSubLinks(subs)
	resolve := func(e ast.Expr) ast.Expr {
		if l, ok := e.(*ast.SubLink); ok {
			if p := ex.subs.byLink[l]; p != nil {
				return &ast.SQLValue{Name: p.text(), Precision: -1}
			}
		}
		return printable(e)
	}
	if alias != "" {
		return scanTextWith(x, alias, resolve)
	}
	return ast.Printer{Style: ast.Explain, Resolve: resolve}.Print(x)
}

// useSubLinks adds subs to what the current node shows: a SubPlan under the node (the last
// entry of the current depth), an InitPlan under the top node of its query.
func (ex *explainer) useSubLinks(subs []*subLinkPlan) {
	for _, p := range subs {
		if p.shownN == ex.subs.run {
			continue
		}
		p.shownN = ex.subs.run
		if p.kind == subPlanInit {
			ex.inits = append(ex.inits, p)
			continue
		}
		for i := len(ex.entries) - 1; i >= 0; i-- {
			if e := ex.entries[i]; e.depth == ex.depth {
				e.subPlans = append(e.subPlans, p)
				break
			}
		}
	}
}

// useSubLinksOf shows the subqueries of the trees xs (a select list, which EXPLAIN without
// VERBOSE does not print) under the current node.
func (ex *explainer) useSubLinksOf(xs ...ast.Expr) {
	for _, x := range xs {
		ex.useSubLinks(ex.subLinksIn(x))
	}
}

// subPlansOf explains, after the inputs of the node whose line is entry at, the SubPlans
// its expressions hold, each one level in under its label.
func (ex *explainer) subPlansOf(at int) {
	if at >= len(ex.entries) {
		return
	}
	subs := ex.entries[at].subPlans
	ex.entries[at].subPlans = nil
	depth := ex.depth
	ex.depth = ex.entries[at].depth
	for _, p := range subs {
		ex.label = p.name()
		if p.kept {
			ex.query(materializeShown{p.sp.root})
		} else {
			ex.query(p.sp.root)
		}
	}
	ex.depth = depth
}

// materializeShown shows a subplan whose rows drove keeps in memory as PostgreSQL's Materialize; it
// is no plan node drove runs (EXPLAIN makes it).
type materializeShown struct{ in node }

func (k materializeShown) explain(ex *explainer) {
	ex.lineLike(k.in, "Materialize")
	ex.child(k.in)
}

func (k materializeShown) open(ec *execCtx) (rowIter, error) { return k.in.open(ec) }

// query explains the plan of a query (the statement's, or a subplan's) as a child of the
// current depth (at the root: depth -1): the InitPlans its expressions use go under its top
// node, before its inputs.
func (ex *explainer) query(n node) {
	inits := ex.inits
	ex.inits = nil
	at := len(ex.entries)
	ex.child(n)
	if mine := ex.inits; len(mine) > 0 && at < len(ex.entries) {
		ex.inits = nil
		tail := slices.Clone(ex.entries[at+1:])
		ex.entries = ex.entries[:at+1]
		depth := ex.depth
		ex.depth = ex.entries[at].depth
		for _, p := range mine {
			ex.label = p.name()
			ex.query(p.sp.root)
		}
		ex.depth = depth
		ex.entries = append(ex.entries, tail...)
	}
	ex.inits = inits
}

// instrumentSubplans wraps the plans of the statement's subqueries for ANALYZE, as
// instrument wraps the statement's.
func instrumentSubplans(subs *subLinkPlans, timing bool) []*analyzeNode {
	if subs == nil {
		return nil
	}
	var all []*analyzeNode
	for _, p := range subs.byLink {
		var counted []*analyzeNode
		p.sp.root, counted = instrument(p.sp.root, timing)
		all = append(all, counted...)
	}
	return all
}

// projTrees are the select list's trees a projectNode keeps for EXPLAIN (nil when none holds
// a subquery, so a plain query keeps nothing more).
func projTrees(projs []projection) []ast.Expr {
	var trees []ast.Expr
	for _, p := range projs {
		if p.tree != nil && hasSubLink(p.tree) {
			trees = append(trees, p.tree)
		}
	}
	return trees
}
