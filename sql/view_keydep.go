package sql

import (
	"context"
	"strings"

	"github.com/drovedb/drove/tablespace"
)

// A view whose GROUP BY groups a table's primary key may read the table's other columns
// ungrouped (groupdep.go); PostgreSQL records that the view depends on the key constraint,
// so dropping the key is refused (2BP01) or, with CASCADE, drops the view. drove keeps a
// view as its query's text, so it finds the views that rely on the key by binding each
// view that reads the table again and noting whether a GROUP BY relied on its key.

// keyDependentViews lists the stored views (and materialized views) whose query relies on
// table's primary key to read an ungrouped column.
func (s *Session) keyDependentViews(table string) ([]tablespace.View, error) {
	views, err := s.ts.ViewsIn(s.tx)
	if err != nil {
		return nil, err
	}
	var out []tablespace.View
	for _, v := range views {
		if !containsString(v.Deps, table) {
			continue
		}
		q, err := viewQueryTree(v.Query)
		if err != nil {
			continue // a view that no longer parses relies on nothing
		}
		saved, savedCTEs := s.keyDeps, s.ctes
		s.keyDeps, s.ctes = map[string]bool{}, nil
		_, err = s.bindSelect(q, &params{sess: s, defining: true})
		relies := err == nil && s.keyDeps[table]
		s.keyDeps, s.ctes = saved, savedCTEs
		if relies {
			out = append(out, v)
		}
	}
	return out, nil
}

// dropKeyDependents refuses to drop table's (shown as shown) primary key constraint key while a view relies
// on it (2BP01), or with cascade drops those views and the views that read them.
func (s *Session) dropKeyDependents(ctx context.Context, table, shown, key string, cascade bool) error {
	deps, err := s.keyDependentViews(table)
	if err != nil || len(deps) == 0 {
		return err
	}
	all, err := s.ts.ViewsIn(s.tx)
	if err != nil {
		return err
	}
	var gone []tablespace.View
	var lines []string
	seen := map[string]bool{}
	for _, v := range deps {
		if seen[v.Name] {
			continue
		}
		seen[v.Name] = true
		gone = append(gone, v)
		lines = append(lines, viewKind(v)+" "+v.Name+" depends on constraint "+key+" on table "+shown)
		more, on := dependents(all, v.Name)
		for i, m := range more {
			if !seen[m.Name] {
				seen[m.Name] = true
				gone = append(gone, m)
				lines = append(lines, viewKind(m)+" "+m.Name+" depends on "+viewKindOf(all, on[i])+" "+on[i])
			}
		}
	}
	if !cascade {
		return &Error{Code: "2BP01", Message: "cannot drop constraint " + key + " on table " + shown + " because other objects depend on it",
			Detail: strings.Join(lines, "\n"), Hint: "Use DROP ... CASCADE to drop the dependent objects too."}
	}
	s.cascadeNotice(gone, viewKind)
	return s.dropViewList(ctx, nil, gone) // at once, as the key's drop
}

// viewKindOf is viewKind of the view named name among views.
func viewKindOf(views []tablespace.View, name string) string {
	for _, v := range views {
		if v.Name == name {
			return viewKind(v)
		}
	}
	return "view"
}
