package sql

import (
	"crypto/rand"
	"time"

	"github.com/drovedb/drove/types"
)

// The uuid and json functions of the registry (funcs_builtin.go's table format).

func init() { register(jsonFuncs()) }

func jsonFuncs() []builtin {
	const i, s, v = 'i', 's', 'v'
	return []builtin{
		{name: "gen_random_uuid", vol: v, strict: true, procs: []string{"3432: -> uuid"}, build: buildGenRandomUUID},
		{name: "to_jsonb", vol: s, strict: true, procs: []string{"3787: anyelement -> jsonb"}, build: buildToJSON},
		{name: "to_json", vol: s, strict: true, procs: []string{"3176: anyelement -> json"}, build: buildToJSON},
		{name: "row_to_json", vol: s, strict: true, procs: []string{"3155: record -> json", "3156: record, bool -> json"}, build: buildRowToJSON},
		{name: "jsonb_build_object", vol: s, procs: []string{"3273: variadic any -> jsonb", "3274: -> jsonb"}, build: buildJSONBuild},
		{name: "jsonb_build_array", vol: s, procs: []string{"3271: variadic any -> jsonb", "3272: -> jsonb"}, build: buildJSONBuild},
		{name: "json_build_object", vol: s, procs: []string{"3200: variadic any -> json", "3201: -> json"}, build: buildJSONBuild},
		{name: "json_build_array", vol: s, procs: []string{"3198: variadic any -> json", "3199: -> json"}, build: buildJSONBuild},
		{name: "jsonb_typeof", vol: i, strict: true, procs: []string{"3210: jsonb -> text"}, build: jsonFunc(jsonTypeof)},
		{name: "json_typeof", vol: i, strict: true, procs: []string{"3968: json -> text"}, build: jsonFunc(jsonTypeof)},
		{name: "jsonb_array_length", vol: i, strict: true, procs: []string{"3207: jsonb -> int4"}, build: jsonFunc(jsonArrayLength)},
		{name: "json_array_length", vol: i, strict: true, procs: []string{"3956: json -> int4"}, build: jsonFunc(jsonArrayLength)},
		{name: "jsonb_pretty", vol: i, strict: true, procs: []string{"3306: jsonb -> text"}, build: jsonFunc(jsonPretty)},
		{name: "jsonb_strip_nulls", vol: i, strict: true, procs: []string{"3262: jsonb -> jsonb"}, build: jsonFunc(jsonStripNulls)},
		{name: "jsonb_set", vol: i, strict: true, procs: []string{"3305: jsonb_in jsonb, path _text, replacement jsonb, create_if_missing bool = true -> jsonb",
			"3305: jsonb, _text, jsonb -> jsonb defaulted"}, build: buildJSONBSet},
		{name: "jsonb_extract_path", vol: i, strict: true, procs: []string{"3217: from_json jsonb, variadic path_elems text -> jsonb"}, build: buildExtractPath},
		{name: "jsonb_extract_path_text", vol: i, strict: true, procs: []string{"3940: from_json jsonb, variadic path_elems text -> text"}, build: buildExtractPath},
		{name: "jsonb_array_elements", vol: i, strict: true, retset: true, outArgs: []string{"value jsonb"}, procs: []string{"3219: from_json jsonb -> jsonb"}, build: buildJSONElements},
		{name: "jsonb_array_elements_text", vol: i, strict: true, retset: true, outArgs: []string{"value text"}, procs: []string{"3465: from_json jsonb -> text"}, build: buildJSONElements},
		{name: "json_array_elements", vol: i, strict: true, retset: true, outArgs: []string{"value json"}, procs: []string{"3955: from_json json -> json"}, build: buildJSONElements},
		{name: "json_array_elements_text", vol: i, strict: true, retset: true, outArgs: []string{"value text"}, procs: []string{"3969: from_json json -> text"}, build: buildJSONElements},
		{name: "jsonb_object_keys", vol: i, strict: true, retset: true, procs: []string{"3931: jsonb -> text"}, build: buildJSONElements},
		{name: "json_object_keys", vol: i, strict: true, retset: true, procs: []string{"3957: json -> text"}, build: buildJSONElements},
		{name: "json_extract_path", vol: i, strict: true, procs: []string{"3951: from_json json, variadic path_elems text -> json"}, build: buildExtractPath},
		{name: "json_extract_path_text", vol: i, strict: true, procs: []string{"3953: from_json json, variadic path_elems text -> text"}, build: buildExtractPath},
		{name: "json_strip_nulls", vol: i, strict: true, procs: []string{"3261: json -> json"}, build: jsonFunc(jsonStripNulls)},
		{name: "jsonb_each", vol: i, strict: true, retset: true, outArgs: []string{"key text", "value jsonb"},
			procs: []string{"3208: from_json jsonb -> record"}, build: buildJSONEach},
		{name: "jsonb_each_text", vol: i, strict: true, retset: true, outArgs: []string{"key text", "value text"},
			procs: []string{"3932: from_json jsonb -> record"}, build: buildJSONEach},
		{name: "json_each", vol: i, strict: true, retset: true, outArgs: []string{"key text", "value json"},
			procs: []string{"3958: from_json json -> record"}, build: buildJSONEach},
		{name: "jsonb_agg", kind: 'a', vol: s, procs: []string{"3267: anyelement -> jsonb"}},
		{name: "json_agg", kind: 'a', vol: s, procs: []string{"3175: anyelement -> json"}},
		{name: "jsonb_object_agg", kind: 'a', vol: i, procs: []string{"3270: any, any -> jsonb"}},
		{name: "json_object_agg", kind: 'a', vol: s, procs: []string{"3197: any, any -> json"}},
		{name: "json_each_text", vol: i, strict: true, retset: true, outArgs: []string{"key text", "value text"},
			procs: []string{"3959: from_json json -> record"}, build: buildJSONEach},
		// The functions behind jsonb's operators, callable by name as in PostgreSQL.
		{name: "jsonb_contains", vol: i, strict: true, procs: []string{"4046: jsonb, jsonb -> bool"}, build: jsonOperatorFunc("@>")},
		{name: "jsonb_contained", vol: i, strict: true, procs: []string{"4050: jsonb, jsonb -> bool"}, build: jsonOperatorFunc("<@")},
		{name: "jsonb_exists", vol: i, strict: true, procs: []string{"4047: jsonb, text -> bool"}, build: jsonOperatorFunc("?")},
		{name: "jsonb_exists_any", vol: i, strict: true, procs: []string{"4048: jsonb, _text -> bool"}, build: jsonOperatorFunc("?|")},
		{name: "jsonb_exists_all", vol: i, strict: true, procs: []string{"4049: jsonb, _text -> bool"}, build: jsonOperatorFunc("?&")},
		{name: "jsonb_delete", vol: i, strict: true, procs: []string{"3302: jsonb, text -> jsonb", "3303: jsonb, int4 -> jsonb"}, build: jsonOperatorFunc("-")},
		{name: "jsonb_delete_path", vol: i, strict: true, procs: []string{"3304: jsonb, _text -> jsonb"}, build: jsonOperatorFunc("#-")},
	}
}

// jsonOperatorFunc builds the call of the function implementing jsonb operator op.
func jsonOperatorFunc(op string) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) { return compileJSONOp(op, c.args[0], c.args[1]) }
}

// buildGenRandomUUID is gen_random_uuid(): a version 4 uuid, new for every row (volatile:
// never folded).
func buildGenRandomUUID(*funcCall) (*expr, error) {
	return &expr{typ: types.UUID, eval: func([]types.Value) (types.Value, error) {
		var b [16]byte
		if _, err := rand.Read(b[:]); err != nil {
			return types.Value{}, Errorf("XX000", "could not generate random values: %v", err)
		}
		b[6] = b[6]&0x0f | 0x40 // version 4
		b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
		return types.NewUUID(b), nil
	}}, nil
}

// unknownAsText gives an untyped literal argument of a polymorphic or "any" parameter the
// type text, as PostgreSQL does.
func unknownAsText(args []*expr) error {
	for i, a := range args {
		if a.unknown {
			x, err := castLiteral(a, types.Text)
			if err != nil {
				return err
			}
			args[i] = x
		}
	}
	return nil
}

// buildToJSON is to_json(x) and to_jsonb(x).
func buildToJSON(c *funcCall) (*expr, error) {
	if err := unknownAsText(c.args); err != nil {
		return nil, err
	}
	rt := types.JSON
	if c.name == "to_jsonb" {
		rt = types.JSONB
	}
	c.ret = rt
	x, sc := c.args[0], c.sc
	// Stable, as in PostgreSQL: a timestamptz converts in the session's zone when it runs.
	return stableStrict(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: rt, Null: true}, err
		}
		if rt == types.JSON {
			b, err := appendJSONValue(nil, v, sc.location())
			return types.Value{T: types.JSON, S: string(b)}, err
		}
		n, err := toJSONNode(v, sc.location())
		if err != nil {
			return types.Value{}, err
		}
		return types.NewJSONB(n), nil
	}}, x)
}

// buildRowToJSON is row_to_json(record [, pretty]): to_json of a record, its fields a line
// each when pretty.
func buildRowToJSON(c *funcCall) (*expr, error) {
	c.ret = types.JSON
	sc := c.sc // a timestamptz field prints in the session's zone, as to_json's
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		sep := ","
		if len(v) > 1 && v[1].Bool() {
			sep = ",\n "
		}
		shape, fields, err := v[0].RecordFields()
		if err != nil {
			return types.Value{}, err
		}
		out := []byte{'{'}
		for i, f := range shape {
			if i > 0 {
				out = append(out, sep...)
			}
			out = append(types.AppendJSONString(out, f.Name), ':')
			if out, err = appendJSONValue(out, fields[i], sc.location()); err != nil {
				return types.Value{}, err
			}
		}
		return types.Value{T: types.JSON, S: string(append(out, '}'))}, nil
	})
}

// buildJSONBuild is json[b]_build_object(k, v, ...) and json[b]_build_array(x, ...); NULL
// arguments are JSON nulls (NULL keys an error).
func buildJSONBuild(c *funcCall) (*expr, error) {
	if err := unknownAsText(c.args); err != nil {
		return nil, err
	}
	object := c.name == "jsonb_build_object" || c.name == "json_build_object"
	if object && len(c.args)%2 != 0 {
		return nil, &Error{Code: "22023", Message: "argument list must have even number of elements",
			Hint: "The arguments of " + c.name + "() must consist of alternating keys and values."}
	}
	binary := c.ret == types.JSONB
	args, sc := c.args, c.sc
	// Stable, as in PostgreSQL: a timestamptz converts in the session's zone when it runs.
	return stable(&expr{typ: c.ret, eval: func(row []types.Value) (types.Value, error) {
		loc := sc.location()
		vals := make([]types.Value, len(args))
		for i, a := range args {
			var err error
			if vals[i], err = a.eval(row); err != nil {
				return types.Value{}, err
			}
		}
		if !binary {
			b, err := buildJSONText(object, vals, loc)
			return types.Value{T: types.JSON, S: string(b)}, err
		}
		n := &types.JSONNode{Kind: types.JSONArray}
		if object {
			n.Kind = types.JSONObject
		}
		for i := 0; i < len(vals); i++ {
			if object {
				k, err := jsonKeyText(i, vals[i], loc)
				if err != nil {
					return types.Value{}, err
				}
				n.Keys = append(n.Keys, k)
				i++
			}
			e, err := toJSONNode(vals[i], loc)
			if err != nil {
				return types.Value{}, err
			}
			n.Elems = append(n.Elems, e)
		}
		n.SortKeys()
		return types.NewJSONB(n), nil
	}}, args...)
}

// buildJSONText prints json_build_object's {"k" : v, ...} and json_build_array's [a, b].
func buildJSONText(object bool, vals []types.Value, loc *time.Location) ([]byte, error) {
	b := []byte{'['}
	if object {
		b[0] = '{'
	}
	for i := 0; i < len(vals); i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		if object {
			k, err := jsonKeyText(i, vals[i], loc)
			if err != nil {
				return nil, err
			}
			b = append(types.AppendJSONString(b, k), " : "...)
			i++
		}
		var err error
		if b, err = appendJSONValue(b, vals[i], loc); err != nil {
			return nil, err
		}
	}
	if object {
		return append(b, '}'), nil
	}
	return append(b, ']'), nil
}

// jsonFunc builds a strict function of one json or jsonb argument from f over its tree.
func jsonFunc(f func(fn string, n *types.JSONNode) (types.Value, error)) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		name := c.name
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			n, err := jsonTreeOrdered(v[0])
			if err != nil {
				return types.Value{}, err
			}
			return f(name, n)
		})
	}
}

func jsonTypeof(_ string, n *types.JSONNode) (types.Value, error) {
	name := map[types.JSONKind]string{types.JSONNull: "null", types.JSONString: "string", types.JSONNumber: "number",
		types.JSONBool: "boolean", types.JSONArray: "array", types.JSONObject: "object"}[n.Kind]
	return types.NewText(name), nil
}

func jsonArrayLength(fn string, n *types.JSONNode) (types.Value, error) {
	switch n.Kind {
	case types.JSONArray:
		return types.NewInt(types.Int32, int64(len(n.Elems))), nil
	case types.JSONObject:
		return types.Value{}, Errorf("22023", "cannot get array length of a non-array")
	}
	return types.Value{}, Errorf("22023", "cannot get array length of a scalar")
}

func jsonPretty(_ string, n *types.JSONNode) (types.Value, error) {
	return types.NewText(string(types.AppendJSONText(nil, n, true))), nil
}

func jsonStripNulls(fn string, n *types.JSONNode) (types.Value, error) {
	if fn == "json_strip_nulls" {
		return types.Value{T: types.JSON, S: string(appendCompactJSON(nil, stripNulls(n)))}, nil
	}
	return types.NewJSONB(stripNulls(n)), nil
}

// stripNulls drops the object fields whose value is null, at every level (not array nulls).
func stripNulls(n *types.JSONNode) *types.JSONNode {
	switch n.Kind {
	case types.JSONArray:
		out := &types.JSONNode{Kind: types.JSONArray, Elems: make([]*types.JSONNode, len(n.Elems))}
		for i, e := range n.Elems {
			out.Elems[i] = stripNulls(e)
		}
		return out
	case types.JSONObject:
		out := &types.JSONNode{Kind: types.JSONObject}
		for i, e := range n.Elems {
			if e.Kind != types.JSONNull {
				out.Keys, out.Elems = append(out.Keys, n.Keys[i]), append(out.Elems, stripNulls(e))
			}
		}
		return out
	}
	return n
}

// appendCompactJSON writes n as json_strip_nulls does: no spaces between tokens, strings
// escaped anew, numbers as written.
func appendCompactJSON(dst []byte, n *types.JSONNode) []byte {
	if n.Kind != types.JSONArray && n.Kind != types.JSONObject {
		return types.AppendJSONText(dst, n, false)
	}
	open, closing := byte('['), byte(']')
	if n.Kind == types.JSONObject {
		open, closing = '{', '}'
	}
	dst = append(dst, open)
	for i, e := range n.Elems {
		if i > 0 {
			dst = append(dst, ',')
		}
		if n.Kind == types.JSONObject {
			dst = append(types.AppendJSONString(dst, n.Keys[i]), ':')
		}
		dst = appendCompactJSON(dst, e)
	}
	return append(dst, closing)
}
