package sql

import "strings"

// An index named in CREATE INDEX on one of the session's temporary tables is in the session's
// temporary schema, as PostgreSQL puts it in its table's schema: it is stored under the
// table's hidden prefix (tempID + name), so its name is free for another session's temporary
// index and for a permanent relation, and the catalogs show it by its own name in pg_temp_N
// (markTempClass). An index named after its table (CREATE INDEX ON tt) already carries the
// hidden prefix.

// tempIndexName is the stored name of the index a statement names name (unqualified or in
// pg_temp, as dropNameOf returns it): the session's temporary index of that name when it has
// one, as pg_temp comes first in the search path; otherwise name.
func (s *Session) tempIndexName(name string) string {
	bare := strings.TrimPrefix(name, "pg_temp.")
	if s.tempID != "" && !strings.Contains(bare, ".") && s.indexTable(s.tempID+bare) != "" {
		return s.tempID + bare
	}
	return name
}
