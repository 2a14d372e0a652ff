package sql

import (
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
)

// The dialect pass's rules for GROUP BY's grouping sets and SELECT DISTINCT ON, which vitess
// does not parse (grouping_sets.go and distinct_on.go plan them):
//
//	GROUP BY ROLLUP (a, (b, c))       → group by drove_rollup(a, (b, c))
//	GROUP BY CUBE (a, b)              → group by drove_cube(a, b)
//	GROUP BY GROUPING SETS (a, ())    → group by drove_grouping_sets(a, drove_empty_set())
//	GROUP BY ()                       → group by drove_empty_set()
//	grouping(a, b)                    → drove_grouping(a, b)
//	SELECT DISTINCT ON (a, b) x, y    → select distinct x, y, drove_distinct_on(a, b)
//
// DISTINCT ON's call goes after the select list, since vitess takes a bare * only first.
// ROLLUP, CUBE, GROUPING SETS and () are only read so in a GROUP BY clause (groupByAt), as
// PostgreSQL's grammar reads them; GROUPING is a reserved word of PostgreSQL's, so grouping(
// is the GROUPING operation anywhere.

const (
	groupingFunc     = "drove_grouping"
	groupingSetsFunc = "drove_grouping_sets"
	rollupFunc       = "drove_rollup"
	cubeFunc         = "drove_cube"
	emptySetFunc     = "drove_empty_set"
	distinctOnFunc   = "drove_distinct_on"
	// groupDistinctFunc marks GROUP BY DISTINCT: group by drove_group_distinct(), list.
	groupDistinctFunc = "drove_group_distinct"
)

func init() {
	for _, f := range []string{groupingFunc, groupingSetsFunc, rollupFunc, cubeFunc, emptySetFunc, distinctOnFunc, groupDistinctFunc} {
		internalFunctions[f] = true
	}
}

// groupByEnds are the words after which a GROUP BY list at their depth has ended.
var groupByEnds = map[string]bool{"having": true, "order": true, "limit": true, "offset": true, "window": true,
	"union": true, "intersect": true, "except": true, "fetch": true, "for": true, "returning": true}

// groupByWord follows where a GROUP BY list is (r.groupByAt: 1 + its depth, or 0), and a
// WINDOW clause (r.windowAt), whose definitions vitess reads each after its own WINDOW.
func (r *rewriter) groupByWord(w string) {
	switch {
	case len(r.words) == 0 || r.windowAt > 0 && (r.depth < r.windowAt-1 || r.depth == r.windowAt-1 && groupByEnds[w]):
		r.windowAt = 0
	case w == "window" && r.windowAt == 0:
		r.windowAt = r.depth + 1
	}
	switch {
	case len(r.words) == 0 || r.groupByAt > 0 && (r.depth < r.groupByAt-1 || r.depth == r.groupByAt-1 && groupByEnds[w]):
		r.groupByAt = 0
	case w == "by" && r.lastWord == "group":
		r.groupByAt = r.depth + 1
	}
}

// groupingParenClosed ends the GROUP BY list or WINDOW clause of a query whose
// parenthesis closed.
func (r *rewriter) groupingParenClosed() {
	if r.groupByAt > 0 && r.depth < r.groupByAt-1 {
		r.groupByAt = 0
	}
	if r.windowAt > 0 && r.depth < r.windowAt-1 {
		r.windowAt = 0
	}
}

// inGroupBy reports whether the pass is inside a GROUP BY list.
func (r *rewriter) inGroupBy() bool { return r.groupByAt > 0 && r.depth >= r.groupByAt-1 }

// emitCall writes name as a function about to be called: the "(" that follows opens its
// argument list.
func (r *rewriter) emitCall(name string) {
	r.startOperand()
	r.b.WriteString(name)
	r.keep(name)
}

// groupByQuantifierNext reports DISTINCT or ALL right after GROUP BY.
func (r *rewriter) groupByQuantifierNext() bool {
	return r.inGroupBy() && r.lastWord == "by" && len(r.words) >= 2 && r.words[len(r.words)-2] == "group"
}

// emitGroupByQuantifier writes GROUP BY DISTINCT's marker; GROUP BY ALL is GROUP BY.
func emitGroupByQuantifier(r *rewriter, w string) error {
	if w == "all" {
		return emitNothing(r, "by")
	}
	r.emitCall(groupDistinctFunc)
	r.b.WriteString("(),")
	return nil
}

func (r *rewriter) groupingSetsNext() bool {
	return r.inGroupBy() && r.followedBy("sets") && r.peek(1).IsPunct("(")
}

func emitGroupingSets(r *rewriter, _ string) error {
	r.skip(1)
	r.emitCall(groupingSetsFunc)
	return nil
}

func (r *rewriter) rollupNext() bool { return r.inGroupBy() && r.nextIs("(") && !r.prev.IsPunct(".") }

func emitRollup(r *rewriter, w string) error {
	r.emitCall(map[string]string{"rollup": rollupFunc, "cube": cubeFunc}[w])
	return nil
}

func emitGrouping(r *rewriter, _ string) error {
	r.emitCall(groupingFunc)
	return nil
}

// emptyGroupingSet writes () in a GROUP BY list as drove_empty_set(); call says whether the
// "(" about to be opened is a call's.
func (r *rewriter) emptyGroupingSet(call bool) bool {
	if call || !r.inGroupBy() || !r.nextIs(")") {
		return call
	}
	r.emitCall(emptySetFunc)
	return true
}

func (r *rewriter) distinctOnNext() bool {
	return r.lastWord == "select" && r.followedBy("on") && r.peek(1).IsPunct("(")
}

// emitDistinctOn writes DISTINCT ON (list) as a first select-list entry drove_distinct_on(list).
func emitDistinctOn(r *rewriter, _ string) error {
	r.skip(1)
	r.b.WriteString("distinct ")
	r.distinctOn = distinctOnMove{state: distinctOnOpen, at: r.b.Len(), depth: r.depth}
	r.emitCall(distinctOnFunc)
	return nil
}

// distinctOnMove is DISTINCT ON's call on its way to the end of the select list: written
// (open), then cut out of the output when its ")" closes (cut), then written after the list.
type distinctOnMove struct {
	state, at, depth int
	text             string
}

const (
	distinctOnNone = iota
	distinctOnOpen
	distinctOnCut
)

// distinctOnClosed cuts the DISTINCT ON call out of the output once its ")" is written.
func (r *rewriter) distinctOnClosed() {
	d := &r.distinctOn
	if d.state != distinctOnOpen || r.depth != d.depth {
		return
	}
	d.text, d.state = r.b.String()[d.at:], distinctOnCut
	d.text = string([]byte(d.text)) // the buffer's bytes are rewritten from here on
	r.b.truncate(d.at)
	for i := len(r.marks) - 1; i >= 0 && r.marks[i].out > d.at; i-- {
		r.marks[i].out = d.at
	}
}

// selectListEnds are the words after which a select list at their depth has ended.
var selectListEnds = map[string]bool{"from": true, "into": true, "where": true, "group": true, "having": true,
	"window": true, "order": true, "limit": true, "offset": true, "fetch": true, "for": true, "union": true,
	"intersect": true, "except": true}

func (r *rewriter) selectListWord(w string) {
	if r.distinctOn.state == distinctOnCut && r.depth == r.distinctOn.depth && selectListEnds[w] {
		r.endSelectList()
	}
}

// endSelectList writes the DISTINCT ON call cut out at the end of the select list.
func (r *rewriter) endSelectList() {
	if r.distinctOn.state != distinctOnCut {
		r.distinctOn = distinctOnMove{}
		return
	}
	r.b.WriteString(", " + r.distinctOn.text + " ")
	r.distinctOn = distinctOnMove{}
}

// groupingConstruct converts the calls above: grouping(...) is an ast.GroupingFunc, ROLLUP,
// CUBE, GROUPING SETS and () an ast.GroupingSet (read only in a GROUP BY list, where the
// pass writes them). DISTINCT ON's entry is read by selectList; anywhere else it comes from
// text the pass misread.
func (c *converter) groupingConstruct(f *sqlparser.FuncExpr) (ast.Expr, bool, error) {
	kind, isSet := groupingKinds[f.Name.Lowered()]
	switch name := f.Name.Lowered(); {
	case name == groupingFunc:
		args, err := c.exprs(f.Exprs)
		return &ast.GroupingFunc{Args: args}, true, err
	case isSet:
		if kind == ast.GroupingEmpty && len(f.Exprs) > 0 {
			return nil, true, unsupported("grouping set %s", pgString(f))
		}
		args, err := c.exprs(f.Exprs)
		return &ast.GroupingSet{Kind: kind, Content: args}, true, err
	case name == distinctOnFunc:
		return nil, true, Errorf("42601", "syntax error in %s", unmark(pgString(f)))
	}
	return nil, false, nil
}

// groupingKinds are the grouping constructs by the pass's names for them.
var groupingKinds = map[string]ast.GroupingKind{
	emptySetFunc: ast.GroupingEmpty, rollupFunc: ast.GroupingRollup, cubeFunc: ast.GroupingCube, groupingSetsFunc: ast.GroupingSets,
}

// selectList converts a select list into s: the targets, and DISTINCT ON's expressions from
// the pass's last entry drove_distinct_on(...) of a SELECT DISTINCT.
func (c *converter) selectList(s *ast.Select, sel *sqlparser.Select) error {
	if slices.Contains(sel.Comments.GetComments(), noTargetsMarker) {
		s.Targets = []ast.Target{} // SELECT FROM t (dialect_notargets.go)
		return nil
	}
	list := sel.SelectExprs.Exprs
	if n := len(list); sel.Distinct && n > 0 {
		if ae, ok := list[n-1].(*sqlparser.AliasedExpr); ok {
			if f, ok := ae.Expr.(*sqlparser.FuncExpr); ok && f.Qualifier.IsEmpty() && f.Name.Lowered() == distinctOnFunc {
				var err error
				if s.DistinctOn, err = c.exprs(f.Exprs); err != nil {
					return err
				}
				list = list[:n-1]
			}
		}
	}
	var err error
	s.Targets, err = c.targets(list)
	return err
}
