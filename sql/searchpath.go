package sql

import (
	"strings"

	"github.com/drovedb/drove/types"
)

// searchPathSchemas are the schemas of the session's search_path that exist (pg_catalog,
// public, information_schema; "$user" names none, as no schema is called after a role), in
// its order, as PostgreSQL's recomputeNamespacePath keeps them. pg_temp is left out: drove
// reports no temporary schema.
func (s *Session) searchPathSchemas() []string {
	path, err := s.setting("search_path")
	if err != nil {
		return nil
	}
	var out []string
	for _, item := range strings.Split(path, ",") {
		name := strings.TrimSpace(item)
		if len(name) >= 2 && name[0] == '"' && name[len(name)-1] == '"' {
			name = strings.ReplaceAll(name[1:len(name)-1], `""`, `"`)
		} else {
			name = strings.ToLower(name)
		}
		switch name {
		case "pg_catalog", "public", "information_schema":
			if !containsString(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
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
		names := make([]types.Value, len(path))
		for i, n := range path {
			names[i] = types.NewText(n)
		}
		return types.NewArray(types.TextArray, names), nil
	}}, nil
}
