package sql

import (
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// WITH queries (common table expressions) are bound where they are referenced, as derived
// tables: PostgreSQL inlines a non-recursive WITH query read once with nothing volatile the
// same way; one read more than once, or volatile, recursive or not, is computed once and
// shared by its references (cte_share.go). A recursive one is a recursiveNode. The definitions in scope are
// a stack on the session, pushed for the time a query with a WITH clause binds.

type cteDef struct {
	name  string
	cols  []string // the column list after the name, if any
	query *ast.Select
	outer *scope
	depth int // how many definitions precede it: its own query sees only those

	recursive bool       // defined by WITH RECURSIVE
	work      *workTable // set while its recursive term binds: references read the work table
	share     *cteShare  // a non-recursive one's computation, when its references share it (cte_share.go)
	// noReturning: a data-modifying WITH query without RETURNING, which no query may read (cte_modify.go)
	noReturning bool
}

// withCTEs binds a query (bind) with the definitions of its WITH clause in scope.
func (s *Session) withCTEs(w *ast.With, outer *scope, bind func() (node, []Column, error)) (node, []Column, error) {
	n := len(s.ctes)
	defer func() { s.ctes = s.ctes[:n] }()
	names := make(map[string]bool, len(w.CTEs))
	defs := make([]cteDef, 0, len(w.CTEs))
	for _, c := range w.CTEs {
		if names[c.Name] {
			return nil, nil, Errorf("42712", "WITH query name %q specified more than once", c.Name)
		}
		names[c.Name] = true
		def := cteDef{name: c.Name, cols: c.Columns, query: c.Query, outer: outer, recursive: w.Recursive}
		def.share = newCTEShare(c.Name, c.Query, c.Materialized)
		defs = append(defs, def)
	}
	if w.Recursive {
		var err error
		if defs, err = recursiveOrder(defs); err != nil {
			return nil, nil, err
		}
	}
	var shares []*cteShare
	for _, def := range defs {
		def.depth = len(s.ctes)
		shares = append(shares, def.share)
		s.ctes = append(s.ctes, def)
	}
	root, cols, err := bind()
	if err != nil || len(shares) == 0 {
		return root, cols, err
	}
	return &withNode{in: root, shares: shares}, cols, nil
}

// lookupCTE finds the innermost WITH query of that name in scope.
func (s *Session) lookupCTE(name string) (cteDef, bool) {
	for i := len(s.ctes) - 1; i >= 0; i-- {
		if s.ctes[i].name == name {
			return s.ctes[i], true
		}
	}
	return cteDef{}, false
}

// bindCTERef binds a WITH query for a reference to it in a query of level lvl whose enclosing
// scope is outer. A WITH query that reads a row of a query enclosing its WITH clause
// (WITH c AS (VALUES (outer.x))) makes every query level between the reference and that
// clause depend on that row too: a subquery reading c is then correlated, run again for each
// row, not computed once and kept.
func (s *Session) bindCTERef(def cteDef, ps *params, outer *scope, lvl *level) (node, []Column, error) {
	bridge := &scope{params: ps, outer: def.outer, level: &level{}}
	defOuter := def.outer
	def.outer = bridge
	n, cols, err := s.bindCTE(def, ps)
	if err == nil && bridge.level.correlated {
		if lvl != nil {
			lvl.correlated = true
		}
		markCorrelated(outer, defOuter)
	}
	return n, cols, err
}

// bindCTE binds a WITH query's own query, seeing only the definitions before it.
func (s *Session) bindCTE(def cteDef, ps *params) (node, []Column, error) {
	if def.work != nil {
		return &workTableNode{wt: def.work}, def.work.cols, nil
	}
	saved := s.ctes
	s.ctes = slices.Clip(s.ctes[:def.depth])
	defer func() { s.ctes = saved }()
	if def.recursive && refersTo(def.query, def.name) {
		if def.query.Op != ast.Union {
			return nil, nil, Errorf("42P19", "recursive query %q does not have the form non-recursive-term UNION [ALL] recursive-term", def.name)
		}
		return s.bindRecursive(def, def.query, ps)
	}
	n, cols, err := s.bindQuery(def.query, ps, def.outer)
	return n, resolvedColumns(cols), err
}

// refersTo reports whether a query reads a table (or WITH query) called name. A WITH query
// of that name inside q hides it where it is visible: in the queries after it in its WITH
// clause and in that clause's query, and in all of a WITH RECURSIVE clause, as PostgreSQL
// resolves a name to the innermost WITH query (with.sql's WITH RECURSIVE w6 AS (WITH w6 AS
// (...) SELECT * FROM w6) ... is not recursive).
func refersTo(q ast.Node, name string) bool {
	found := false
	var visit func(ast.Node) bool
	var foreign func(sqlparser.SQLNode)
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Table:
			found = found || n.Schema == "" && n.Name == name
		case *ast.Select:
			if n.With == nil {
				break
			}
			i := slices.IndexFunc(n.With.CTEs, func(c ast.CTE) bool { return c.Name == name })
			if i < 0 {
				break
			}
			if n.With.Recursive {
				i = -1 // every query of the clause sees the inner one
			}
			for _, c := range n.With.CTEs[:i+1] {
				if c.Stmt != nil {
					walkBinderTree(c.Stmt, visit, foreign)
				} else {
					walkBinderTree(c.Query, visit, foreign)
				}
			}
			return false
		}
		return !found
	}
	foreign = func(v sqlparser.SQLNode) {
		_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			switch n := n.(type) {
			case *sqlparser.ColName: // its qualifier names a table, it does not read one
				return false, nil
			case sqlparser.TableName:
				found = found || n.Qualifier.IsEmpty() && n.Name.String() == name
			}
			return !found, nil
		}, v)
	}
	walkBinderTree(q, visit, foreign)
	return found
}

// A recursive WITH query is its non-recursive term, then its recursive term run again and
// again over the rows the previous run produced (the work table) until a run produces none;
// UNION (not ALL) drops rows already produced, as PostgreSQL does.

type workTable struct {
	cols []Column
	rows [][]types.Value
}

type workTableNode struct{ wt *workTable }

func (n *workTableNode) open(*execCtx) (rowIter, error) { return &sliceIter{rows: n.wt.rows}, nil }
func (n *workTableNode) explain(ex *explainer)          { ex.line("WorkTable Scan") }

type recursiveNode struct {
	anchor, term node
	wt           *workTable
	distinct     bool
}

func (n *recursiveNode) explain(ex *explainer) {
	ex.line("Recursive Union")
	ex.child(n.anchor)
	ex.child(n.term)
}

func (n *recursiveNode) open(ec *execCtx) (rowIter, error) {
	it, err := n.anchor.open(ec)
	if err != nil {
		return nil, err
	}
	return &recursiveIter{n: n, ec: ec, run: it, seen: make(map[string]struct{})}, nil
}

// recursiveIter yields a recursive query's rows as each run of its terms produces them, as
// PostgreSQL's RecursiveUnion does, so a LIMIT above it stops the recursion: only the working
// table (the previous run's rows) and the rows of the current run are held, and counted
// against the query's memory; UNION's set of rows seen so far is too.
type recursiveIter struct {
	n         *recursiveNode
	ec        *execCtx
	run       rowIter             // the anchor, then the current run of the recursive term
	work      [][]types.Value     // the working table the current run reads
	fresh     [][]types.Value     // the current run's new rows: the next working table
	workBytes int64               // memory held by work
	bytes     int64               // memory held by fresh
	seen      map[string]struct{} // UNION: every row produced so far
	done      bool
}

func (it *recursiveIter) next() ([]types.Value, error) {
	for !it.done {
		// The work table is shared by every execution of the node: point it at this one's
		// before the term reads it (a reopened scan of it reads it again).
		it.n.wt.rows = it.work
		row, err := it.ec.pull(it.run)
		if err != nil {
			return nil, err
		}
		if row == nil {
			if err := it.nextRun(); err != nil {
				return nil, err
			}
			continue
		}
		if it.n.distinct {
			k := string(appendRowKey(nil, row))
			if _, dup := it.seen[k]; dup {
				continue
			}
			if err := it.ec.mem.grow(int64(len(k)) + 16); err != nil {
				return nil, err
			}
			it.seen[k] = struct{}{}
		}
		r := slices.Clone(row)
		b := rowBytes(r)
		if err := it.ec.mem.grow(b); err != nil {
			return nil, err
		}
		it.fresh = append(it.fresh, r)
		it.bytes += b
		return r, nil
	}
	return nil, nil
}

// nextRun starts the recursive term over the rows the run that ended produced; none ends the
// recursion.
func (it *recursiveIter) nextRun() error {
	it.ec.mem.release(it.workBytes)
	it.work, it.workBytes = it.fresh, it.bytes
	it.fresh, it.bytes = nil, 0
	if len(it.work) == 0 {
		it.done = true
		it.n.wt.rows = nil
		return nil
	}
	if err := it.ec.ctx.Err(); err != nil {
		return err
	}
	it.n.wt.rows = it.work
	var err error
	it.run, err = it.n.term.open(it.ec)
	return err
}

// bindRecursive binds WITH RECURSIVE name AS (anchor UNION [ALL] term); a locking clause
// on it is 0A000 (recursiveOrderLimit).
func (s *Session) bindRecursive(def cteDef, u *ast.Select, ps *params) (node, []Column, error) {
	if u.With != nil {
		// The WITH queries on the UNION are subqueries of the recursive query, where the
		// recursive reference may not appear (checkWellFormedRecursionWalker).
		for _, c := range u.With.CTEs {
			if c.Name == def.name {
				break // hides the recursive query from here on
			}
			if c.Query != nil && refersTo(c.Query, def.name) {
				return nil, nil, Errorf("42P19", "recursive reference to query %q must not appear within a subquery", def.name)
			}
		}
		return s.withCTEs(u.With, def.outer, func() (node, []Column, error) {
			body := *u
			body.With = nil
			return s.bindRecursive(def, &body, ps)
		})
	}
	if err := recursiveOrderLimit(u); err != nil {
		return nil, nil, err
	}
	if err := checkRecursiveTerm(def.name, u.Right); err != nil {
		return nil, nil, err
	}
	if refersTo(u.Left, def.name) {
		return nil, nil, Errorf("42P19", "recursive reference to query %q must not appear within its non-recursive term", def.name)
	}
	anchor, cols, err := s.bindQuery(u.Left, ps, def.outer)
	if err != nil {
		return nil, nil, err
	}
	if len(def.cols) > len(cols) {
		return nil, nil, Errorf("42P10", "WITH query %q has %d columns available but %d columns specified", def.name, len(cols), len(def.cols))
	}
	cols = slices.Clone(cols)
	for i, name := range def.cols {
		cols[i].Name = name
	}
	wt := &workTable{cols: cols}
	self := def
	self.work = wt
	s.ctes = append(s.ctes, self)
	term, tcols, err := s.bindQuery(u.Right, ps, def.outer)
	if err != nil {
		return nil, nil, err
	}
	if len(tcols) != len(cols) {
		return nil, nil, Errorf("42601", "each UNION query must have the same number of columns")
	}
	for i := range cols {
		if tcols[i].Type != cols[i].Type && tcols[i].Type != types.Null {
			return nil, nil, Errorf("42804", "recursive query %q column %d has type %s in non-recursive term but type %s overall",
				def.name, i+1, cols[i].Type, tcols[i].Type)
		}
	}
	return &recursiveNode{anchor: anchor, term: term, wt: wt, distinct: !u.All}, cols, nil
}
