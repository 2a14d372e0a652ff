package sql

import (
	"slices"

	"github.com/drovedb/drove/types"
)

// onCommitFKError is PostgreSQL's refusal of a commit (heap_truncate_check_FKs) while one of
// the session's ON COMMIT DELETE ROWS tables is referenced by a foreign key of a table the
// commit does not empty: emptying it would leave that table's references dangling. An ON
// COMMIT DROP table counts too: PostgreSQL empties before it drops. next, if not nil, is
// the schema a table is about to have (ALTER TABLE ... ADD FOREIGN KEY, refused then: drove's
// ALTER TABLE is not undone by a rollback).
func (s *Session) onCommitFKError(next *types.Schema) error {
	emptied := map[string]string{} // hidden name → the name the session knows it by
	for name, t := range s.tempTables {
		if t.deleteRows {
			emptied[t.hidden] = name
		}
	}
	if len(emptied) == 0 {
		return nil
	}
	names := make([]string, 0, len(s.tempTables))
	for name, t := range s.tempTables {
		if !t.deleteRows {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		schema, ok := s.ts.Schema(s.tempTables[name].hidden)
		if next != nil && next.Name == s.tempTables[name].hidden {
			schema, ok = next, true
		}
		if !ok {
			continue
		}
		for _, c := range schema.Constraints {
			if ref, ok := emptied[c.RefTable]; ok && c.Kind == types.ConstraintForeign {
				return &Error{Code: "0A000", Message: "unsupported ON COMMIT and foreign key combination",
					Detail: "Table \"" + name + "\" references \"" + ref + "\", but they do not have the same ON COMMIT setting."}
			}
		}
	}
	return nil
}
