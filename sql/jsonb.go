package sql

import (
	"cmp"
	"errors"

	"github.com/drovedb/drove/types"
)

// uuid, json and jsonb values: input, conversion and comparison (the operators are in
// jsonb_ops.go, the functions in funcs_json.go).

// parseJSONOrUUID reads the text input of a uuid, json or jsonb value.
func parseJSONOrUUID(s string, t types.Type) (types.Value, error) {
	switch t {
	case types.UUID:
		v, err := types.ParseUUID(s)
		if err != nil {
			return v, Errorf("22P02", "%v", err)
		}
		return v, nil
	case types.JSON:
		if _, err := types.ParseJSON(s, false); err != nil {
			return types.Value{}, jsonError(err)
		}
		return types.Value{T: types.JSON, S: s}, nil
	}
	n, err := types.ParseJSON(s, true)
	if err != nil {
		return types.Value{}, jsonError(err)
	}
	return types.NewJSONB(n), nil
}

// jsonError is a JSON input error as PostgreSQL reports it.
func jsonError(err error) error {
	var je *types.JSONError
	if errors.As(err, &je) {
		return &Error{Code: je.Code, Message: je.Msg, Detail: je.Detail}
	}
	return Errorf("XX001", "%v", err)
}

// jsonTree is the tree of a json or jsonb value.
func jsonTree(v types.Value) (*types.JSONNode, error) {
	if v.T == types.JSON {
		n, err := types.ParseJSON(v.S, true)
		if err != nil {
			return nil, jsonError(err)
		}
		return n, nil
	}
	n, err := types.DecodeJSONB(v.S)
	if err != nil {
		return nil, Errorf("XX001", "%v", err)
	}
	return n, nil
}

// jsonTreeOrdered is jsonTree, but a json value's objects keep their keys in text order,
// duplicates too (json_each, json_object_keys and json_strip_nulls walk them so).
func jsonTreeOrdered(v types.Value) (*types.JSONNode, error) {
	if v.T != types.JSON {
		return jsonTree(v)
	}
	n, err := types.ParseJSONOrdered(v.S)
	if err != nil {
		return nil, jsonError(err)
	}
	return n, nil
}

// compareJSONB orders two jsonb values.
func compareJSONB(a, b types.Value) int {
	x, errA := types.DecodeJSONB(a.S)
	y, errB := types.DecodeJSONB(b.S)
	if errA != nil || errB != nil {
		return cmp.Compare(a.S, b.S)
	}
	return types.CompareJSONB(x, y)
}

// appendJSONBValueKey appends a jsonb value's hashing key: equal values (1.0 and 1) share it.
func appendJSONBValueKey(dst []byte, v types.Value) []byte {
	n, err := types.DecodeJSONB(v.S)
	if err != nil {
		return append(dst, v.S...)
	}
	return types.AppendJSONBKey(dst, n)
}

// castJSON converts a json or jsonb value for an explicit cast: json and jsonb into each
// other, to text as printed, and a jsonb scalar to a number or boolean of its kind.
func castJSON(v types.Value, c *types.Column) (types.Value, error) {
	to := c.Type
	switch {
	case to == types.Text:
		return castLength(types.NewText(v.String()), c)
	case to == v.T:
		return v, nil
	case to == types.JSON:
		return types.Value{T: types.JSON, S: v.String()}, nil
	case to == types.JSONB:
		return parseText(v.S, types.JSONB)
	}
	n, err := jsonTree(v)
	if err != nil {
		return types.Value{}, err
	}
	name := c.TypeName()
	if to == types.Float32 || to == types.Float64 || to.IsInteger() {
		name = to.String()
	}
	want := types.JSONNumber
	if to == types.Bool {
		want = types.JSONBool
	}
	if n.Kind != want {
		return types.Value{}, Errorf("22023", "cannot cast jsonb %s to type %s", jsonKindName(n), name)
	}
	if to == types.Bool {
		return types.NewBool(n.Str == "t"), nil
	}
	num, err := parseText(n.Str, types.Numeric)
	if err != nil {
		return types.Value{}, err
	}
	return castValue(num, c)
}

// jsonKindName is how PostgreSQL's errors name a jsonb value's kind.
func jsonKindName(n *types.JSONNode) string {
	switch n.Kind {
	case types.JSONNull:
		return "null"
	case types.JSONString:
		return "string"
	case types.JSONNumber:
		return "numeric"
	case types.JSONBool:
		return "boolean"
	case types.JSONArray:
		return "array"
	}
	return "object"
}
