package sql

import "vitess.io/vitess/go/vt/sqlparser"

// Named windows: WINDOW w AS (spec), OVER w and OVER (w ...), with PostgreSQL's rules for
// what a window built on another may add (transformWindowDefinitions): its PARTITION BY
// never, its ORDER BY only when the other has none, its frame always, and never on a window
// with a frame of its own unless named without parentheses (OVER w copies it whole).

// windowDefs are a query's WINDOW definitions resolved, by name.
type windowDefs map[string]*sqlparser.WindowSpecification

// namedWindows resolves the WINDOW clause; a definition may build on an earlier one.
func namedWindows(nws sqlparser.NamedWindows) (windowDefs, error) {
	defs := windowDefs{}
	for _, nw := range nws {
		for _, d := range nw.Windows {
			name := d.Name.Lowered()
			if _, dup := defs[name]; dup {
				return nil, Errorf("42P20", "window %q is already defined", name)
			}
			spec, err := defs.resolveSpec(d.WindowSpec)
			if err != nil {
				return nil, err
			}
			defs[name] = spec
		}
	}
	return defs, nil
}

// resolveOver is the window an OVER clause names or writes.
func (defs windowDefs) resolveOver(over *sqlparser.OverClause) (*sqlparser.WindowSpecification, error) {
	if over.WindowSpec == nil || !over.WindowName.IsEmpty() { // OVER w: w as it is, frame and all
		return defs.lookup(over.WindowName)
	}
	return defs.resolveSpec(over.WindowSpec)
}

func (defs windowDefs) lookup(name sqlparser.IdentifierCI) (*sqlparser.WindowSpecification, error) {
	spec, ok := defs[name.Lowered()]
	if !ok {
		return nil, Errorf("42704", "window %q does not exist", name.Lowered())
	}
	return spec, nil
}

// resolveSpec is (ref ...) with ref's clauses copied in, or the spec itself without a ref.
func (defs windowDefs) resolveSpec(s *sqlparser.WindowSpecification) (*sqlparser.WindowSpecification, error) {
	if s.Name.IsEmpty() {
		return s, nil
	}
	ref, err := defs.lookup(s.Name)
	if err != nil {
		return nil, err
	}
	name := s.Name.Lowered()
	switch {
	case len(s.PartitionClause) > 0:
		return nil, Errorf("42P20", "cannot override PARTITION BY clause of window %q", name)
	case len(s.OrderClause) > 0 && len(ref.OrderClause) > 0:
		return nil, Errorf("42P20", "cannot override ORDER BY clause of window %q", name)
	case ref.FrameClause != nil:
		return nil, Errorf("42P20", "cannot copy window %q because it has a frame clause", name)
	}
	out := &sqlparser.WindowSpecification{PartitionClause: ref.PartitionClause, OrderClause: s.OrderClause, FrameClause: s.FrameClause}
	if len(out.OrderClause) == 0 {
		out.OrderClause = ref.OrderClause
	}
	return out, nil
}
