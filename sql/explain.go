package sql

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// explainer renders a plan tree the way PostgreSQL's EXPLAIN lays it out: one entry per
// operator, its conditions under it, inputs after "->" (explain_format.go prints the entries
// as text or JSON). pending is the plan node whose explain is running: the next entry is its
// line, annotated with its estimates and, under ANALYZE, its counts (explain_analyze.go).
type explainer struct {
	entries []*explainEntry
	depth   int
	opts    explainOpts
	pending node
	est     *estimator // nil: no costs
	// uncounted: the entries made now are of nodes ANALYZE does not count (explain_dml.go)
	uncounted bool
	label     string         // the next entry's label (subplan)
	subs      *subLinkPlans  // the statement's subqueries in expressions (explain_subplan.go)
	inits     []*subLinkPlan // the InitPlans the current query's expressions use
	// setOpLeaves counts the operands of the set operation being explained, setOpNesting
	// the set operations it is inside (setops.go)
	setOpLeaves, setOpNesting int
}

// explainEntry is one plan node as EXPLAIN shows it.
type explainEntry struct {
	depth   int
	text    string
	details []string
	node    node // the plan node the line is, nil for one with no node of its own (Hash)
	like    node // for one with no node of its own: the node whose estimates it shows
	// uncounted: ANALYZE has no counts of the node, so its line shows none
	uncounted bool
	label     string         // a subplan's name, printed on a line of its own before it (CTE x)
	subPlans  []*subLinkPlan // the SubPlans its expressions use, shown after its inputs
}

func (ex *explainer) line(format string, args ...any) {
	e := &explainEntry{depth: ex.depth, text: fmt.Sprintf(format, args...), node: ex.pending, uncounted: ex.uncounted, label: ex.label}
	ex.pending, ex.label = nil, ""
	ex.entries = append(ex.entries, e)
}

// lineLike is a line of no node of its own (a join's Hash, Materialize) that shows the
// estimates and counts of its input n, as PostgreSQL's do.
func (ex *explainer) lineLike(n node, format string, args ...any) {
	ex.line(format, args...)
	ex.entries[len(ex.entries)-1].like = n
}

func (ex *explainer) detail(format string, args ...any) {
	for i := len(ex.entries) - 1; i >= 0; i-- {
		if e := ex.entries[i]; e.depth == ex.depth {
			e.details = append(e.details, fmt.Sprintf(format, args...))
			return
		}
	}
}

func (ex *explainer) child(n node) {
	ex.depth++
	ex.pending = n
	at := len(ex.entries)
	n.explain(ex)
	ex.subPlansOf(at)
	ex.depth--
}

// initPlans explains the subplans of the node whose line is entry at (PostgreSQL's initPlan
// list: CTE x), each under its label, between the node's line and its inputs.
func (ex *explainer) initPlans(at int, labels []string, plans []node) {
	if at >= len(ex.entries) || len(plans) == 0 {
		return
	}
	tail := slices.Clone(ex.entries[at+1:])
	ex.entries = ex.entries[:at+1]
	depth := ex.depth
	ex.depth = ex.entries[at].depth
	for i, p := range plans {
		ex.label = labels[i]
		ex.child(p)
	}
	ex.depth = depth
	ex.entries = append(ex.entries, tail...)
}

// root explains the plan whose root is n.
func (ex *explainer) root(n node) {
	ex.depth = -1
	ex.query(n)
	ex.depth = 0
}

// treeText is how a plan shows an expression of the binder's tree: as PostgreSQL's EXPLAIN
// deparses it (sql/ast's Explain style: every operator in parentheses, LIKE as ~~, BETWEEN as
// its comparisons, IN as = ANY). The parts the binder keeps in vitess's form (ast.Foreign, a
// SubLink's Query) are converted for printing as the printer reaches them.
func treeText(x ast.Expr) string {
	return ast.Printer{Style: ast.Explain, Resolve: printable}.Print(x)
}

// printable is the tree for printing of a binder tree's foreign node; what does not convert
// shows as vitess prints it.
func printable(e ast.Expr) ast.Expr {
	c := &converter{}
	switch e := e.(type) {
	case *ast.Foreign:
		if n, ok := e.Node.(sqlparser.Expr); ok {
			if x, err := c.expr(n); err == nil {
				return x
			}
			return &ast.SQLValue{Name: pgString(n), Precision: -1}
		}
	case *ast.SubLink:
		return e
	}
	return &ast.SQLValue{Name: "?", Precision: -1}
}

// scanText is how a scan shows its filter: as PostgreSQL shows a scan's conditions, its
// table's columns without their qualifier (an enclosing query's keep theirs, and so do a
// subquery's own). The binder's tree is left as it was: the qualifiers cut for printing are
// put back.
func scanText(x ast.Expr, alias string) string {
	return scanTextWith(x, alias, printable)
}

// scanTextWith is scanText with resolve as the printer's Resolve hook.
func scanTextWith(x ast.Expr, alias string, resolve func(ast.Expr) ast.Expr) string {
	type cut struct {
		ref   *ast.ColumnRef
		names []string
	}
	var cuts []cut
	visit := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SubLink:
			return false // its columns are its own query's
		case *ast.ColumnRef:
			if k := len(n.Names); k >= 2 && !n.Star && n.Names[k-2] == alias {
				cuts = append(cuts, cut{n, n.Names})
				n.Names = n.Names[k-1:]
			}
		}
		return true
	}
	ast.Walk(x, visit)
	text := ast.Printer{Style: ast.Explain, Resolve: func(e ast.Expr) ast.Expr {
		r := resolve(e)
		ast.Walk(r, visit)
		return r
	}}.Print(x)
	for _, c := range cuts {
		c.ref.Names = c.names
	}
	return text
}

// andText is conditions shown as one: PostgreSQL's AND list in parentheses.
func andText(conds []string) string {
	if len(conds) == 1 {
		return conds[0]
	}
	return "(" + strings.Join(conds, " AND ") + ")"
}

// bindExplain plans EXPLAIN [options] <statement>: the plan of the statement, as rows of
// text (or one JSON document). With ANALYZE the statement runs, its rows thrown away, each
// plan node counted (explain_analyze.go); an INSERT, UPDATE or DELETE so analyzed writes, as
// in PostgreSQL, in the statement's transaction.
func (s *Session) bindExplain(e *explainStmt, ps *params) (*plan, error) {
	began := time.Now()
	opts := e.opts
	tree, err := e.explainTree()
	if err != nil {
		return nil, err
	}
	target, err := e.target(tree.Stmt)
	if err != nil {
		return nil, err
	}
	var root node
	var dml *explainDML
	switch q := target.(type) {
	case *ast.Execute:
		if _, ok := s.named[q.Name]; !ok {
			return nil, Errorf("26000", "prepared statement %q does not exist", q.Name)
		}
		return nil, unsupported("EXPLAIN EXECUTE")
	case *ast.Select:
		root, _, err = s.bindQuery(q, ps, nil)
	default:
		dml, err = s.explainedTreeDML(e, target, ps)
	}
	if err != nil {
		return nil, err
	}
	var counted []*analyzeNode
	if opts.analyze && root != nil {
		root, counted = instrument(root, opts.timing)
	}
	if opts.analyze {
		counted = append(counted, instrumentSubplans(ps.subs, opts.timing)...)
	}
	planning := time.Since(began)
	cols := []Column{{Name: "QUERY PLAN", Type: types.Text}}
	if opts.format == "json" {
		cols[0].Type = types.JSON
	}
	p := &plan{cols: cols}
	if dml != nil { // the written tables, entered as the statement's own plan enters them
		p.deps, p.views = dml.p.deps, dml.p.views
	}
	p.run = func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		for _, a := range counted {
			a.st = nodeStats{timing: a.st.timing}
			if sn, ok := a.in.(*scanNode); ok {
				sn.removed = 0
			}
		}
		ex := &explainer{opts: opts, subs: ps.subs}
		if ps.subs != nil {
			ps.subs.run++
		}
		if opts.costs {
			ex.est = &estimator{s: s}
		}
		start := time.Now()
		if opts.analyze {
			if err := s.runExplained(ctx, tx, root, dml, ps); err != nil {
				return err
			}
		}
		if dml != nil {
			dml.explain(ex)
		} else {
			ex.root(root)
		}
		execution := time.Since(start)
		var lines []string
		if opts.format == "json" {
			lines = []string{ex.jsonText(planning, execution)}
		} else {
			lines = append(ex.textLines(), ex.summaryLines(planning, execution)...)
		}
		for _, l := range lines {
			v := types.NewText(l)
			v.T = cols[0].Type
			if err := out.Row([]types.Value{v}); err != nil {
				return err
			}
		}
		return out.Complete("EXPLAIN")
	}
	return p, nil
}

// runExplained runs an analyzed statement, its rows thrown away.
func (s *Session) runExplained(ctx context.Context, tx *tablespace.Txn, root node, dml *explainDML, ps *params) error {
	if dml != nil {
		return dml.run(ctx, s, tx)
	}
	it, err := root.open(ps.ec)
	if err != nil {
		return err
	}
	for {
		row, err := ps.ec.pull(it)
		if err != nil || row == nil {
			return err
		}
	}
}

// oneStmt is the one statement of stmts, nil when there is not exactly one.
func oneStmt(stmts []ast.Stmt) ast.Stmt {
	if len(stmts) != 1 {
		return nil
	}
	return stmts[0]
}
