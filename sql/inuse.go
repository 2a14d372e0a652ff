package sql

import "slices"

// A table an open query of the session reads cannot be altered, dropped or truncated by the
// session itself: PostgreSQL's CheckTableNotInUse refuses it with 55006, since the query's
// executor still holds the table (a portal from its Bind until it is closed or its transaction
// ends, even once it has run to its end; a cursor until CLOSE, or until the COMMIT that
// persists a WITH HOLD one). The session knows its cursors; the connection (pgwire) tells it
// about its portals (SetPortalsReading).

// readTables returns the tables the statement's plan reads (through views too), as bound last.
func (st *Statement) readTables() []string {
	if st.plan == nil {
		return nil
	}
	var names []string
	for _, d := range st.plan.deps {
		if !slices.Contains(names, d.table) {
			names = append(names, d.table)
		}
	}
	return names
}

// ReadsTable reports whether a query statement reads table (pgwire asks for its portals'):
// only a query's portal keeps its tables open between Executes, as PostgreSQL's
// PORTAL_ONE_SELECT does.
func (st *Statement) ReadsTable(table string) bool {
	return st.IsQuery() && slices.Contains(st.readTables(), table)
}

// SetPortalsReading gives the session the connection's test for an open portal that reads
// a table.
func (s *Session) SetPortalsReading(f func(table string) bool) { s.portalsReading = f }

// checkNotInUse refuses a schema change (verb: "ALTER TABLE", "DROP TABLE", "TRUNCATE") of a
// table an open cursor or portal of the session reads.
func (s *Session) checkNotInUse(table, verb string) error {
	used := s.portalsReading != nil && s.portalsReading(table)
	for _, c := range s.cursors {
		used = used || c.txn && slices.Contains(c.tables, table)
	}
	if used {
		return Errorf("55006", "cannot %s %q because it is being used by active queries in this session", verb, table)
	}
	return nil
}
