package sql

import "strings"

// DISCARD ALL | PLANS | SEQUENCES | TEMP[ORARY]: PostgreSQL's reset of a session's state, which
// connection poolers (pgbouncer's server_reset_query) send before they hand a connection to
// another client. It runs as a setting statement (setstmt.go): it writes nothing, so a
// read-only transaction may run it.

// discard runs DISCARD what ("all", "plans", "sequences" or "temp").
func (s *Session) discard(what string, out Output) error {
	switch what {
	case "all":
		// PostgreSQL's sequence: CLOSE ALL; SET SESSION AUTHORIZATION DEFAULT; RESET ALL;
		// DEALLOCATE ALL; UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD PLANS;
		// DISCARD TEMP; DISCARD SEQUENCES. drove has no advisory locks and one user a session.
		if s.tx != nil {
			return Errorf("25001", "DISCARD ALL cannot run inside a transaction block")
		}
		s.closeCursors(func(*cursor) bool { return true })
		if err := s.resetAll(); err != nil {
			return err
		}
		s.named = nil
		s.applyListen(notifyStmt{kind: "unlisten"})
		s.cache = nil
		s.discardTemp()
		s.seqState = seqSession{}
	case "plans":
		// The session's parsed and bound simple queries; a prepared statement's plan is
		// bound again whenever a table it reads changes, so nothing of it is stale.
		s.cache = nil
	case "sequences":
		s.seqState = seqSession{} // currval and lastval are undefined again (55000)
	case "temp":
		s.discardTemp()
	}
	return out.Complete("DISCARD " + strings.ToUpper(what))
}

// discardTemp drops the session's temporary views and tables, as PostgreSQL drops its pg_temp
// schema's objects.
func (s *Session) discardTemp() {
	for name := range s.tempViews {
		s.setTempView(name, nil)
	}
	s.closeTempTables()
}
