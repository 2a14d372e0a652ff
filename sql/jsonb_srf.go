package sql

import (
	"strings"

	"github.com/drovedb/drove/types"
)

// buildJSONBSet is jsonb_set(target, path, new [, create_if_missing]).
func buildJSONBSet(c *funcCall) (*expr, error) { return strictVarFunc(c, jsonbSet) }

// jsonbSet is jsonb_set(target, path, value[, create_if_missing]) of non-NULL arguments.
func jsonbSet(v []types.Value) (types.Value, error) {
	n, err := jsonTree(v[0])
	if err != nil {
		return types.Value{}, err
	}
	nv, err := jsonTree(v[2])
	if err != nil {
		return types.Value{}, err
	}
	path, err := arrayElems(v[1])
	if err != nil {
		return types.Value{}, err
	}
	create := len(v) < 4 || v[3].Bool()
	// PostgreSQL's order: a scalar fails whatever the path, even an empty one.
	if !isContainer(n) {
		return types.Value{}, Errorf("22023", "cannot set path in scalar")
	}
	if len(path) == 0 || !create && len(n.Elems) == 0 {
		return v[0], nil
	}
	mode := jsonReplace
	if create {
		mode = jsonCreate
	}
	out, err := jsonSet(n, path, nv, mode, 0)
	if err != nil {
		return types.Value{}, err
	}
	return types.NewJSONB(out), nil
}

// buildExtractPath is jsonb_extract_path(j, VARIADIC path) and its _text form (#> and #>>).
func buildExtractPath(c *funcCall) (*expr, error) {
	asText := strings.HasSuffix(c.name, "_text")
	jt := types.JSONB
	if strings.HasPrefix(c.name, "json_") {
		jt = types.JSON // json_extract_path keeps the value's text, as #> on json
	}
	return strictVarFunc(c, func(v []types.Value) (types.Value, error) {
		n, err := jsonTree(v[0])
		if err != nil {
			return types.Value{}, err
		}
		path := v[1:]
		if len(v) == 2 && v[1].T == types.TextArray {
			if path, err = arrayElems(v[1]); err != nil {
				return types.Value{}, err
			}
		}
		return pathResult(n, path, asText, jt)
	})
}

// pathResult is #> (a json or jsonb value, t) or #>> (text) of path in n; NULL where it
// leads nowhere.
func pathResult(n *types.JSONNode, path []types.Value, asText bool, t types.Type) (types.Value, error) {
	if len(path) == 0 && asText { // #>> '{}' is the whole value as text, even a null
		if n.Kind == types.JSONNull {
			return types.Value{T: types.Text, Null: true}, nil
		}
		return jsonAsText(n), nil
	}
	r := jsonPath(n, path)
	switch {
	case r == nil && asText:
		return types.Value{T: types.Text, Null: true}, nil
	case r == nil:
		return types.Value{T: t, Null: true}, nil
	case asText:
		return jsonAsText(r), nil
	}
	return jsonOf(r, t), nil
}

// jsonOf is a tree as a value of type t (json or jsonb).
func jsonOf(n *types.JSONNode, t types.Type) types.Value {
	if t == types.JSON {
		if n.Raw != "" {
			return types.Value{T: types.JSON, S: n.Raw}
		}
		return types.Value{T: types.JSON, S: string(types.AppendJSONText(nil, n, false))}
	}
	return types.NewJSONB(n)
}

// buildJSONElements is json[b]_array_elements[_text](j) and jsonb_object_keys(j): one row
// per element (or key).
func buildJSONElements(c *funcCall) (*expr, error) {
	name, rt := c.name, c.ret
	return srfExpr(c, &srfCall{args: c.args, typ: rt, start: func(vals []types.Value) (srfIter, error) {
		if vals[0].IsNull() {
			return func() (types.Value, bool) { return types.Value{}, false }, nil
		}
		n, err := jsonTreeOrdered(vals[0])
		if err != nil {
			return nil, err
		}
		var out []types.Value
		switch {
		case name == "jsonb_object_keys" || name == "json_object_keys":
			if n.Kind != types.JSONObject {
				return nil, Errorf("22023", "cannot call %s on %s", name, jsonKindArticle(n))
			}
			for _, k := range n.Keys {
				out = append(out, types.NewText(k))
			}
		case n.Kind != types.JSONArray:
			if n.Kind == types.JSONObject {
				return nil, Errorf("22023", "cannot extract elements from an object")
			}
			return nil, Errorf("22023", "cannot extract elements from a scalar")
		default:
			for _, e := range n.Elems {
				if rt == types.Text {
					out = append(out, jsonAsText(e))
				} else {
					out = append(out, jsonOf(e, rt))
				}
			}
		}
		i := 0
		return func() (types.Value, bool) {
			if i >= len(out) {
				return types.Value{}, false
			}
			i++
			return out[i-1], true
		}, nil
	}})
}

func jsonKindArticle(n *types.JSONNode) string {
	if n.Kind == types.JSONArray {
		return "an array"
	}
	return "a scalar"
}

// buildJSONEach is json[b]_each[_text](j): one (key, value) record per field.
func buildJSONEach(c *funcCall) (*expr, error) {
	vt := types.JSONB
	switch c.name {
	case "jsonb_each_text", "json_each_text":
		vt = types.Text
	case "json_each":
		vt = types.JSON
	}
	rt := types.NewShape([]types.Column{{Name: "key", Type: types.Text}, {Name: "value", Type: vt}})
	name := c.name
	return srfExpr(c, &srfCall{args: c.args, typ: types.Record, shape: rt, start: func(vals []types.Value) (srfIter, error) {
		if vals[0].IsNull() {
			return func() (types.Value, bool) { return types.Value{}, false }, nil
		}
		n, err := jsonTreeOrdered(vals[0])
		if err != nil {
			return nil, err
		}
		if n.Kind != types.JSONObject {
			return nil, Errorf("22023", "cannot call %s on %s", name, jsonKindArticle(n))
		}
		i := 0
		return func() (types.Value, bool) {
			if i >= len(n.Keys) {
				return types.Value{}, false
			}
			e := n.Elems[i]
			v := jsonOf(e, vt)
			if vt == types.Text {
				v = jsonAsText(e)
			}
			i++
			return rt.Record([]types.Value{types.NewText(n.Keys[i-1]), v}), true
		}, nil
	}})
}

// strictVarFunc is strictFunc for any number of arguments.
func strictVarFunc(c *funcCall, f func(v []types.Value) (types.Value, error)) (*expr, error) {
	args, rt := c.args, c.ret
	return foldStrict(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		v := make([]types.Value, len(args))
		if null, err := evalStrict(row, args, v); err != nil || null {
			return types.Value{T: rt, Null: true}, err
		}
		return f(v)
	}}, args...)
}
