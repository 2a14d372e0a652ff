package sql

import (
	"errors"
	"strings"

	"github.com/drovedb/drove/internal/jsonpath"
	"github.com/drovedb/drove/types"
)

// The jsonpath type and the SQL/JSON path functions and operators (jsonb_path_query & co,
// @? and @@). The language itself is internal/jsonpath; a jsonpath value is its normalised
// text, parsed again where a call evaluates it (once per distinct path: see pathCache).

func jsonpathFuncs() []builtin {
	const i, s = 'i', 's'
	sig := func(oid, ret string) []string {
		return []string{oid + ": target jsonb, path jsonpath, vars jsonb = '{}'::jsonb, silent bool = false -> " + ret,
			oid + ": jsonb, jsonpath -> " + ret + " defaulted", oid + ": jsonb, jsonpath, jsonb -> " + ret + " defaulted"}
	}
	var defs []builtin
	for _, f := range []struct {
		name, oid, tzOid, ret string
		retset                bool
	}{
		{"jsonb_path_exists", "4005", "1177", "bool", false},
		{"jsonb_path_query", "4006", "1179", "jsonb", true},
		{"jsonb_path_query_array", "4007", "1180", "jsonb", false},
		{"jsonb_path_query_first", "4008", "2023", "jsonb", false},
		{"jsonb_path_match", "4009", "2030", "bool", false},
	} {
		// The _tz forms differ only in the datetime comparisons drove's paths lack.
		defs = append(defs,
			builtin{name: f.name, vol: i, strict: true, retset: f.retset, procs: sig(f.oid, f.ret), build: buildJSONPathCall},
			builtin{name: f.name + "_tz", vol: s, strict: true, retset: f.retset, procs: sig(f.tzOid, f.ret), build: buildJSONPathCall})
	}
	return defs
}

func init() { register(jsonpathFuncs()) }

// parseJSONPath is jsonpath_in: the value holds the normalised text.
func parseJSONPath(s string) (types.Value, error) {
	p, err := jsonpath.Parse(s)
	if err != nil {
		return types.Value{}, jsonpathError(err)
	}
	return types.Value{T: types.JSONPath, S: p.String()}, nil
}

func jsonpathError(err error) error {
	var je *jsonpath.Error
	if errors.As(err, &je) {
		return &Error{Code: je.Code, Message: je.Msg, Detail: je.Detail}
	}
	return err
}

// pathCache keeps the last path a call parsed: a call mostly evaluates one path.
type pathCache struct {
	text string
	path *jsonpath.Path
}

func (c *pathCache) get(v types.Value) (*jsonpath.Path, error) {
	if c.path == nil || c.text != v.S {
		p, err := jsonpath.Parse(v.S)
		if err != nil {
			return nil, jsonpathError(err)
		}
		c.text, c.path = v.S, p
	}
	return c.path, nil
}

var jsonpathEnv = &jsonpath.Env{Arith: func(op byte, a, b string) (string, error) {
	v, err := numericArith(string(op), types.Value{T: types.Numeric, S: a}, types.Value{T: types.Numeric, S: b})
	return v.S, err
}}

// evalPath runs path on target with vars (nil: none, as the operators pass) and silent.
func evalPath(cache *pathCache, target, path types.Value, vars *types.Value, silent bool, found *[]*types.JSONNode) (ok, failed bool, err error) {
	p, err := cache.get(path)
	if err != nil {
		return false, false, err
	}
	n, err := jsonTree(target)
	if err != nil {
		return false, false, err
	}
	var vn *types.JSONNode
	if vars != nil {
		if vn, err = jsonTree(*vars); err != nil {
			return false, false, err
		}
	}
	ok, failed, err = jsonpath.Exec(jsonpathEnv, p, vn, n, !silent, found)
	return ok, failed, jsonpathError(err)
}

// pathArgs are a call's vars and silent, their defaults where left out.
func pathArgs(v []types.Value) (*types.Value, bool) {
	vars := types.Value{T: types.JSONB, S: "\x01\x06\x00"} // '{}'
	if len(v) > 2 {
		vars = v[2]
	}
	return &vars, len(v) > 3 && v[3].Bool()
}

// buildJSONPathCall compiles jsonb_path_exists, _match, _query, _query_array, _query_first
// and their _tz forms.
func buildJSONPathCall(c *funcCall) (*expr, error) {
	name := strings.TrimSuffix(c.name, "_tz")
	cache := &pathCache{}
	if name == "jsonb_path_query" {
		return srfExpr(c, &srfCall{args: c.args, typ: types.JSONB, start: func(v []types.Value) (srfIter, error) {
			var found []*types.JSONNode
			for _, a := range v {
				if a.IsNull() {
					return func() (types.Value, bool) { return types.Value{}, false }, nil
				}
			}
			vars, silent := pathArgs(v)
			if _, _, err := evalPath(cache, v[0], v[1], vars, silent, &found); err != nil {
				return nil, err
			}
			i := 0
			return func() (types.Value, bool) {
				if i >= len(found) {
					return types.Value{}, false
				}
				i++
				return types.NewJSONB(found[i-1]), true
			}, nil
		}})
	}
	return strictVarFunc(c, func(v []types.Value) (types.Value, error) {
		vars, silent := pathArgs(v)
		return jsonpathResult(cache, name, v[0], v[1], vars, silent)
	})
}

// jsonpathResult is the value of the non-set path functions and of @? and @@ (vars nil).
func jsonpathResult(cache *pathCache, name string, target, path types.Value, vars *types.Value, silent bool) (types.Value, error) {
	null := types.Value{T: types.Bool, Null: true}
	switch name {
	case "jsonb_path_exists":
		ok, failed, err := evalPath(cache, target, path, vars, silent, nil)
		if err != nil || failed {
			return null, err
		}
		return types.NewBool(ok), nil
	case "jsonb_path_match":
		var found []*types.JSONNode
		if _, _, err := evalPath(cache, target, path, vars, silent, &found); err != nil {
			return null, err
		}
		if len(found) == 1 {
			switch found[0].Kind {
			case types.JSONBool:
				return types.NewBool(found[0].Str == "t"), nil
			case types.JSONNull:
				return null, nil
			}
		}
		if !silent {
			return null, Errorf("22038", "single boolean result is expected")
		}
		return null, nil
	}
	var found []*types.JSONNode
	if _, _, err := evalPath(cache, target, path, vars, silent, &found); err != nil {
		return types.Value{}, err
	}
	if name == "jsonb_path_query_first" {
		if len(found) == 0 {
			return types.Value{T: types.JSONB, Null: true}, nil
		}
		return types.NewJSONB(found[0]), nil
	}
	return types.NewJSONB(&types.JSONNode{Kind: types.JSONArray, Elems: found}), nil
}

// compileJSONPathOp compiles jsonb @? jsonpath (jsonb_path_exists, silent) and jsonb @@
// jsonpath (jsonb_path_match, silent), which take no vars.
func compileJSONPathOp(op string, a, b *expr) (*expr, error) {
	name := "jsonb_path_exists"
	if op == "@@" {
		name = "jsonb_path_match"
	}
	cache := &pathCache{}
	return strict2(types.Bool, a, b, func(x, y types.Value) (types.Value, error) {
		return jsonpathResult(cache, name, x, y, nil, true)
	})
}
