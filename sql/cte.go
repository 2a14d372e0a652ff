package sql

import (
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// WITH queries (common table expressions) are bound where they are referenced, as derived
// tables: PostgreSQL inlines a side-effect-free, non-recursive WITH query the same way, and
// the answer is the same when it materializes one. A recursive one is a recursiveNode. The definitions in scope are a stack on
// the session, pushed for the time a query with a WITH clause binds.

type cteDef struct {
	name  string
	cols  []string // the column list after the name, if any
	query sqlparser.TableStatement
	outer *scope
	depth int // how many definitions precede it: its own query sees only those

	recursive bool       // defined by WITH RECURSIVE
	work      *workTable // set while its recursive term binds: references read the work table
}

// withCTEs binds a query (bind) with the definitions of its WITH clause in scope.
func (s *Session) withCTEs(w *sqlparser.With, outer *scope, bind func() (node, []Column, error)) (node, []Column, error) {
	n := len(s.ctes)
	defer func() { s.ctes = s.ctes[:n] }()
	names := make(map[string]bool, len(w.CTEs))
	for _, c := range w.CTEs {
		name := c.ID.String()
		if names[name] {
			return nil, nil, Errorf("42712", "WITH query name %q specified more than once", name)
		}
		names[name] = true
		s.ctes = append(s.ctes, cteDef{name: name, cols: columnNames(c.Columns), query: c.Subquery,
			outer: outer, depth: len(s.ctes), recursive: w.Recursive})
	}
	return bind()
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

// bindCTE binds a WITH query's own query, seeing only the definitions before it.
func (s *Session) bindCTE(def cteDef, ps *params) (node, []Column, error) {
	if def.work != nil {
		return &workTableNode{wt: def.work}, def.work.cols, nil
	}
	saved := s.ctes
	s.ctes = slices.Clip(s.ctes[:def.depth])
	defer func() { s.ctes = saved }()
	if u, ok := def.query.(*sqlparser.Union); ok && def.recursive && refersTo(u.Right, def.name) {
		if setOpOf(u) != setUnion {
			return nil, nil, Errorf("42P19", "recursive query %q does not have the form non-recursive-term UNION [ALL] recursive-term", def.name)
		}
		return s.bindRecursive(def, u, ps)
	}
	return s.bindQuery(def.query, ps, def.outer)
}

// refersTo reports whether a query reads a table (or WITH query) called name.
func refersTo(q sqlparser.SQLNode, name string) bool {
	found := false
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		if tn, ok := n.(sqlparser.TableName); ok && tn.Qualifier.IsEmpty() && tn.Name.String() == name {
			found = true
		}
		return !found, nil
	}, q)
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
	seen := make(map[string]struct{})
	var out [][]types.Value
	// collect runs q and keeps its rows that are new (all of them for UNION ALL).
	collect := func(q node) ([][]types.Value, error) {
		it, err := q.open(ec)
		if err != nil {
			return nil, err
		}
		var fresh [][]types.Value
		for count := 0; ; count++ {
			row, err := ec.pull(it)
			if err != nil {
				return nil, err
			}
			if row == nil {
				return fresh, nil
			}
			if n.distinct {
				k := string(appendRowKey(nil, row))
				if _, dup := seen[k]; dup {
					continue
				}
				seen[k] = struct{}{}
			}
			r := slices.Clone(row)
			if err := ec.mem.grow(rowBytes(r)); err != nil {
				return nil, err
			}
			fresh = append(fresh, r)
		}
	}
	rows, err := collect(n.anchor)
	for err == nil && len(rows) > 0 {
		out = append(out, rows...)
		n.wt.rows = rows
		if err = ec.ctx.Err(); err == nil {
			rows, err = collect(n.term)
		}
	}
	n.wt.rows = nil
	if err != nil {
		return nil, err
	}
	return &sliceIter{rows: out}, nil
}

// bindRecursive binds WITH RECURSIVE name AS (anchor UNION [ALL] term).
func (s *Session) bindRecursive(def cteDef, u *sqlparser.Union, ps *params) (node, []Column, error) {
	if u.OrderBy != nil || u.Limit != nil || u.Into != nil || u.Lock != sqlparser.NoLock {
		return nil, nil, unsupported("ORDER BY, LIMIT or locking in a recursive WITH query")
	}
	if refersTo(u.Left, def.name) {
		return nil, nil, unsupported("a recursive reference in the non-recursive term of %q", def.name)
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
	return &recursiveNode{anchor: anchor, term: term, wt: wt, distinct: u.Distinct}, cols, nil
}
