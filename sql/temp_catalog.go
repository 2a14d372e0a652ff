package sql

import (
	"slices"
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// Temporary tables in the catalogs, as PostgreSQL shows them: each session that made one has a
// schema pg_temp_N (N its number, tempID), in pg_namespace; pg_class lists every session's
// temporary tables and their indexes by their own names in their session's schema
// (relpersistence 't'); pg_table_is_visible is false for another session's (not in the search
// path), so psql's \d and \dt show the session's own and no other's; pg_my_temp_schema is the
// session's schema, 0 before it made a temporary table.

// tempNamespace is the schema of a temporary table's hidden name (or an index's named after
// it), pg_temp_N; ok is false for a permanent one.
func tempNamespace(hidden string) (string, bool) {
	rest, ok := strings.CutPrefix(hidden, tempTablePrefix)
	if !ok {
		return "", false
	}
	_, rest, ok = strings.Cut(rest, "_") // the process
	if !ok {
		return "", false
	}
	session, _, ok := strings.Cut(rest, "_")
	n, err := strconv.ParseUint(session, 36, 64)
	if !ok || err != nil {
		return "", false
	}
	return tempTablePrefix + strconv.FormatUint(n, 10), true
}

// relNamespace is the schema and own name of a table (or index) stored as name: a temporary
// one's pg_temp_N and the name it was created with, public and name for the rest.
func relNamespace(name string) (schema, own string) {
	if ns, ok := tempNamespace(name); ok {
		return ns, shownTableName(name)
	}
	return "public", name
}

// tempNamespaceOID is the oid of a pg_temp_N schema.
func tempNamespaceOID(ns string) int64 { return objectOID("namespace", ns) }

// tempNamespaceRows are pg_namespace's rows of the schemas that hold temporary tables, and
// the session's own once it made one.
func (s *Session) tempNamespaceRows() [][]types.Value {
	names := s.tempNamespaces()
	rows := make([][]types.Value, len(names))
	for i, ns := range names {
		rows[i] = []types.Value{oidVal(tempNamespaceOID(ns)), text(ns), oidVal(oidSuperuser), nullOf(types.TextArray)}
	}
	return rows
}

// tempNamespaces are the names of the schemas that hold temporary tables, sorted.
func (s *Session) tempNamespaces() []string {
	var names []string
	if ns, ok := tempNamespace(s.tempID); ok {
		names = append(names, ns)
	}
	for _, t := range s.ts.Tables() {
		if ns, ok := tempNamespace(t.Name); ok && !slices.Contains(names, ns) {
			names = append(names, ns)
		}
	}
	slices.Sort(names)
	return names
}

// markTempClass makes a pg_class row of a temporary table or of its index (hidden its name in
// the tablespace) show its own name in its session's schema, relpersistence 't'.
func markTempClass(r []types.Value, hidden string) {
	if ns, ok := tempNamespace(hidden); ok {
		r[1], r[2], r[7] = text(shownTableName(hidden)), oidVal(tempNamespaceOID(ns)), text("t")
	}
}

// buildTableIsVisible is pg_table_is_visible: false for another session's temporary table
// or its index, which are not in the session's search path; true for the rest (drove's
// relations are all in public or pg_catalog).
func buildTableIsVisible(c *funcCall) (*expr, error) {
	s, a := c.sc.params.sess, c.args[0]
	return &expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Bool, Null: true}, err
		}
		return types.NewBool(!s.othersTempOID(v.I)), nil
	}}, nil
}

// othersTempOID reports whether oid is another session's temporary table or one of its
// indexes.
func (s *Session) othersTempOID(oid int64) bool {
	for _, t := range s.ts.Tables() {
		if !strings.HasPrefix(t.Name, tempTablePrefix) || s.tempID != "" && strings.HasPrefix(t.Name, s.tempID) {
			continue
		}
		if objectOID("table", t.Name) == oid {
			return true
		}
		for _, ix := range catalogIndexes(t) {
			if objectOID("index", ix.name) == oid {
				return true
			}
		}
	}
	return false
}

// buildMyTempSchema is pg_my_temp_schema(): the oid of the session's pg_temp_N, 0 before it
// made a temporary table.
func buildMyTempSchema(c *funcCall) (*expr, error) {
	s := c.sc.params.sess
	return &expr{typ: types.Int64, eval: func([]types.Value) (types.Value, error) {
		if ns, ok := tempNamespace(s.tempID); ok {
			return oidVal(tempNamespaceOID(ns)), nil
		}
		return oidVal(0), nil
	}}, nil
}
