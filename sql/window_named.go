package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
)

// Named windows: WINDOW w AS (spec), OVER w and OVER (w ...), with PostgreSQL's rules for
// what a window built on another may add (transformWindowDefinitions): its PARTITION BY
// never, its ORDER BY only when the other has none, its frame always, and never on a window
// with a frame of its own unless named without parentheses (OVER w copies it whole).

// windowDefs are a query's WINDOW definitions resolved, by name.
type windowDefs map[string]*ast.Window

// namedWindows resolves the WINDOW clause; a definition may build on an earlier one.
func namedWindows(nws []ast.NamedWindow) (windowDefs, error) {
	defs := windowDefs{}
	for i := range nws {
		name := strings.ToLower(nws[i].Name)
		if _, dup := defs[name]; dup {
			return nil, Errorf("42P20", "window %q is already defined", name)
		}
		w, err := defs.resolveSpec(&nws[i].Spec)
		if err != nil {
			return nil, err
		}
		defs[name] = w
	}
	return defs, nil
}

// resolveOver is the window an OVER clause names or writes.
func (defs windowDefs) resolveOver(over *ast.Window) (*ast.Window, error) {
	if over.ByName { // OVER w: w as it is, frame and all
		return defs.lookup(over.Ref)
	}
	return defs.resolveSpec(over)
}

func (defs windowDefs) lookup(name string) (*ast.Window, error) {
	name = strings.ToLower(name) // as vitess's Lowered, which named the definitions
	w, ok := defs[name]
	if !ok {
		return nil, Errorf("42704", "window %q does not exist", name)
	}
	return w, nil
}

// resolveSpec is (ref ...) with ref's clauses copied in, or the window itself without a ref.
func (defs windowDefs) resolveSpec(w *ast.Window) (*ast.Window, error) {
	if w.Ref == "" {
		return w, nil
	}
	ref, err := defs.lookup(w.Ref)
	if err != nil {
		return nil, err
	}
	name := strings.ToLower(w.Ref)
	switch {
	case len(w.PartitionBy) > 0:
		return nil, Errorf("42P20", "cannot override PARTITION BY clause of window %q", name)
	case len(w.OrderBy) > 0 && len(ref.OrderBy) > 0:
		return nil, Errorf("42P20", "cannot override ORDER BY clause of window %q", name)
	case ref.Frame != nil:
		return nil, Errorf("42P20", "cannot copy window %q because it has a frame clause", name)
	}
	out := &ast.Window{PartitionBy: ref.PartitionBy, OrderBy: w.OrderBy, Frame: w.Frame}
	if len(out.OrderBy) == 0 {
		out.OrderBy = ref.OrderBy
	}
	return out, nil
}
