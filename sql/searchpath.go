package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/types"
)

// searchPathItems are the schema names of the session's search_path, in its order, unquoted
// (an unquoted name folded to lower case).
func (s *Session) searchPathItems() []string {
	path, err := s.setting("search_path")
	if err != nil {
		return nil
	}
	if path == s.pathMemo.raw && s.pathMemo.items != nil {
		return s.pathMemo.items // read for every unqualified name bound: split once per value
	}
	out := []string{}
	for _, item := range strings.Split(path, ",") {
		name := strings.TrimSpace(item)
		if len(name) >= 2 && name[0] == '"' && name[len(name)-1] == '"' {
			name = strings.ReplaceAll(name[1:len(name)-1], `""`, `"`)
		} else {
			name = strings.ToLower(name)
		}
		out = append(out, name)
	}
	s.pathMemo.raw, s.pathMemo.items = path, out
	return out
}

// searchPathSchemas are the schemas of the session's search_path that exist (pg_catalog,
// public, information_schema, and pg_temp as the session's pg_temp_N once it has one; "$user"
// names none, as no schema is called after a role), in its order, as PostgreSQL's
// recomputeNamespacePath keeps them. When pg_temp comes first the session's temporary schema
// is made, as PostgreSQL's fetch_search_path makes it so that the first schema is where a
// CREATE would go.
func (s *Session) searchPathSchemas() []string {
	var out []string
	for _, name := range s.searchPathItems() {
		switch name {
		case "pg_catalog", "public", "information_schema":
		case "pg_temp":
			if len(out) == 0 {
				s.ensureTempID()
			}
			ns, ok := tempNamespace(s.tempID)
			if !ok {
				continue
			}
			name = ns
		default:
			continue
		}
		if !containsString(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// tempBeforePublic reports whether an unqualified name is looked up in the session's
// temporary schema before public: pg_temp is searched first unless search_path names it
// after public, as in PostgreSQL's recomputeNamespacePath.
func (s *Session) tempBeforePublic() bool {
	items := s.searchPathItems()
	temp, public := slices.Index(items, "pg_temp"), slices.Index(items, "public")
	return temp < 0 || public < 0 || temp < public
}

// publicSearched reports whether an unqualified name that finds no temporary table may find
// public's: where search_path names public (no other schema holds tables), and always inside
// a view's query or a stored DEFAULT, bound to the relations they named when they were made.
func (s *Session) publicSearched() bool {
	return len(s.viewStack) > 0 || s.storedExpr || slices.Contains(s.searchPathItems(), "public")
}

// creationSchema is the schema a CREATE puts an object named without one in: the first
// schema of search_path that exists (PostgreSQL's activeCreationNamespace, pg_temp only where
// the path names it), an error where none does (3F000).
func (s *Session) creationSchema() (string, error) {
	for _, name := range s.searchPathItems() {
		switch name {
		case "public", "pg_temp", "pg_catalog", "information_schema":
			return name, nil
		}
	}
	return "", Errorf("3F000", "no schema has been selected to create in")
}

// catalogCreateError is PostgreSQL's refusal to create pg_catalog.name.
func catalogCreateError(name string) error {
	return &Error{Code: "42501", Message: "permission denied to create \"pg_catalog." + name + "\"",
		Detail: "System catalog modifications are currently disallowed."}
}

// buildCurrentSchema is current_schema(): the first schema of the search path that exists,
// NULL when none does. It reads the setting when it runs, so a plan kept across a SET
// search_path answers the new path.
func buildCurrentSchema(c *funcCall) (*expr, error) {
	sess := c.sc.params.sess
	return &expr{typ: types.Text, rowFree: true, eval: func([]types.Value) (types.Value, error) {
		if path := sess.searchPathSchemas(); len(path) > 0 {
			return types.NewText(path[0]), nil
		}
		return types.Value{T: types.Text, Null: true}, nil
	}}, nil
}

// buildCurrentSchemas is current_schemas(implicit): the search path's schemas that exist,
// with pg_catalog first when implicit schemas are asked for and the path does not name it.
func buildCurrentSchemas(c *funcCall) (*expr, error) {
	sess, arg := c.sc.params.sess, c.args[0]
	// Not folded with a constant argument: the answer is the path's when it runs.
	return &expr{typ: types.TextArray, rowFree: arg.rowFree, eval: func(row []types.Value) (types.Value, error) {
		v, err := arg.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.TextArray, Null: true}, err
		}
		path := sess.searchPathSchemas()
		if v.Bool() && !containsString(path, "pg_catalog") {
			path = append([]string{"pg_catalog"}, path...)
		}
		if ns, ok := tempNamespace(sess.tempID); ok && v.Bool() && !containsString(path, ns) {
			path = append([]string{ns}, path...) // the implicit pg_temp, first
		}
		names := make([]types.Value, len(path))
		for i, n := range path {
			names[i] = types.NewText(n)
		}
		return types.NewArray(types.TextArray, names), nil
	}}, nil
}
