package sql

import (
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"
)

// WITH queries (common table expressions) are bound where they are referenced, as derived
// tables: PostgreSQL inlines a side-effect-free, non-recursive WITH query the same way, and
// the answer is the same when it materializes one. The definitions in scope are a stack on
// the session, pushed for the time a query with a WITH clause binds.

type cteDef struct {
	name  string
	cols  []string // the column list after the name, if any
	query sqlparser.TableStatement
	outer *scope
	depth int // how many definitions precede it: its own query sees only those
}

// withCTEs binds a query (bind) with the definitions of its WITH clause in scope.
func (s *Session) withCTEs(w *sqlparser.With, outer *scope, bind func() (node, []Column, error)) (node, []Column, error) {
	if w.Recursive {
		return nil, nil, unsupported("WITH RECURSIVE")
	}
	n := len(s.ctes)
	defer func() { s.ctes = s.ctes[:n] }()
	for _, c := range w.CTEs {
		name := c.ID.String()
		for _, d := range s.ctes[n:] {
			if d.name == name {
				return nil, nil, Errorf("42712", "WITH query name %q specified more than once", name)
			}
		}
		s.ctes = append(s.ctes, cteDef{name: name, cols: columnNames(c.Columns), query: c.Subquery,
			outer: outer, depth: len(s.ctes)})
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
	saved := s.ctes
	s.ctes = slices.Clip(s.ctes[:def.depth])
	defer func() { s.ctes = saved }()
	return s.bindQuery(def.query, ps, def.outer)
}
