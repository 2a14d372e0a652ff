package sql

import (
	"slices"
	"strconv"
	"strings"

	"github.com/drovedb/drove/tablespace"
)

// Temporary views (CREATE TEMP[ORARY] VIEW): kept by the session, never written to the
// tablespace, seen by no other session and gone when it ends, as PostgreSQL's views in
// pg_temp. A temporary view is found before a table or view of the same name (pg_temp comes
// first in PostgreSQL's search path); a view that reads one is temporary too; a materialized
// view may not read one (0A000). Creating or dropping one in a transaction block is undone by
// ROLLBACK (not by ROLLBACK TO SAVEPOINT). Plans bound before a temporary view changed are
// bound again (tempEpoch). Not yet: the catalogs (pg_class, information_schema.views) do not
// list them, and dropping a table one reads is not refused (reading the view is then 42P01).

// tempView is a temporary view's definition and the version its plans were bound against.
type tempView struct {
	def     tablespace.View
	version string
	// tempDeps are the names in def.Deps that were temporary views when it was created: its
	// query text reads those as temporary views and the others as tables and views, as
	// PostgreSQL's view, bound to the relations themselves, does (tempVisible).
	tempDeps []string
}

// tempVisible reports whether name, read by the statement or view being bound, may be a
// temporary view: at a statement's top level, yes; inside a view's query, only a name that
// was a temporary view when that view was created; inside a materialized view's, never.
func (s *Session) tempVisible(name string) bool {
	if len(s.viewStack) == 0 {
		return true
	}
	top, ok := s.tempViewNamed(s.viewStack[len(s.viewStack)-1])
	return ok && slices.Contains(top.tempDeps, name)
}

// tempUndo restores a temporary view's previous state (nil: none) at ROLLBACK.
type tempUndo struct {
	name string
	prev *tempView
}

// tempViewNamed returns the session's temporary view called name (qualified by pg_temp or
// not), if any.
func (s *Session) tempViewNamed(name string) (*tempView, bool) {
	name = strings.TrimPrefix(name, "pg_temp.")
	v, ok := s.tempViews[name]
	return v, ok
}

// setTempView replaces (v nil: drops) the temporary view name, noting the undo in a
// transaction block, and makes the session's plans bind again.
func (s *Session) setTempView(name string, v *tempView) {
	if s.tx != nil {
		s.txTempViews = append(s.txTempViews, tempUndo{name, s.tempViews[name]})
	}
	s.putTempView(name, v)
}

func (s *Session) putTempView(name string, v *tempView) {
	if s.tempViews == nil {
		s.tempViews = map[string]*tempView{}
	}
	s.tempEpoch++
	if v == nil {
		delete(s.tempViews, name)
		return
	}
	v.version = "temp:" + strconv.Itoa(s.tempEpoch)
	s.tempViews[name] = v
}

// endTxnTempViews undoes the transaction's temporary view changes when it rolled back.
func (s *Session) endTxnTempViews(committed bool) {
	undo := s.txTempViews
	s.txTempViews = nil
	for i := len(undo) - 1; i >= 0 && !committed; i-- {
		s.putTempView(undo[i].name, undo[i].prev)
	}
}

// readsTempView reports whether a view definition, just bound, reads a temporary view.
func (s *Session) readsTempView(def tablespace.View) bool { return len(s.tempDepsOf(def)) > 0 }

func (s *Session) tempDepsOf(def tablespace.View) []string {
	var deps []string
	for _, d := range def.Deps {
		if _, ok := s.tempViewNamed(d); ok {
			deps = append(deps, d)
		}
	}
	return deps
}

// createTempView is CREATE [OR REPLACE] TEMP VIEW (or a view that reads a temporary one).
func (s *Session) createTempView(def tablespace.View, replace bool) error {
	if old, ok := s.tempViewNamed(def.Name); ok {
		if !replace {
			return Errorf("42P07", "relation %q already exists", def.Name)
		}
		if err := checkViewReplace(old.def, def); err != nil {
			return err
		}
	}
	s.setTempView(def.Name, &tempView{def: def, tempDeps: s.tempDepsOf(def)})
	return nil
}

// tempViewList lists the temporary views' definitions.
func (s *Session) tempViewList() []tablespace.View {
	list := make([]tablespace.View, 0, len(s.tempViews))
	for _, v := range s.tempViews {
		def := v.def
		def.Deps = v.tempDeps // what it reads as temporary views
		list = append(list, def)
	}
	slices.SortFunc(list, func(a, b tablespace.View) int { return strings.Compare(a.Name, b.Name) })
	return list
}

// dropTempView drops the temporary view name: 2BP01 while other temporary views read it,
// unless cascade, which drops them too.
func (s *Session) dropTempView(name string, cascade bool) error {
	deps, on := dependents(s.tempViewList(), name)
	if len(deps) > 0 && !cascade {
		lines := make([]string, len(deps))
		for i, v := range deps {
			lines[i] = "view " + v.Name + " depends on view " + on[i]
		}
		return &Error{Code: "2BP01", Message: "cannot drop view " + name + " because other objects depend on it",
			Detail: strings.Join(lines, "\n"), Hint: "Use DROP ... CASCADE to drop the dependent objects too."}
	}
	for _, d := range deps {
		s.setTempView(d.Name, nil)
	}
	s.setTempView(name, nil)
	return nil
}

// renameTempView is ALTER VIEW ... RENAME TO on a temporary view.
func (s *Session) renameTempView(name, newName string) error {
	v, _ := s.tempViewNamed(name)
	if _, exists := s.tempViewNamed(newName); exists {
		return Errorf("42P07", "relation %q already exists", newName)
	}
	if deps, _ := dependents(s.tempViewList(), name); len(deps) > 0 {
		return unsupported("renaming a view other views depend on")
	}
	def := v.def
	def.Name = newName
	s.setTempView(v.def.Name, nil)
	s.setTempView(newName, &tempView{def: def, tempDeps: v.tempDeps})
	return nil
}

// createViewTemp is CREATE [OR REPLACE] TEMP VIEW: bound as any view, kept by the session.
func (s *Session) createViewTemp(st *viewStmt) error {
	def, err := s.defineView(st.names[0], st.query, st.cols, false)
	if err != nil {
		return err
	}
	if def.CheckOption = st.check; st.check != "" {
		if _, _, reason, err := viewUpdatability(def.Query); err != nil || reason != "" {
			return checkOptionRefused(reason, err)
		}
	}
	return s.createTempView(def, st.replace)
}
