package sql

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/drovedb/drove/types"
)

// Converting SQL values to JSON, as PostgreSQL's to_json and to_jsonb do (datum_to_json):
// numbers stay numbers (NaN and the infinities become strings), booleans booleans, json and
// jsonb values are embedded, arrays become arrays, records objects, dates and timestamps ISO
// 8601 strings (a timestamptz in loc, the session's zone), anything else its text output as
// a string.

// toJSONNode converts v for jsonb.
func toJSONNode(v types.Value, loc *time.Location) (*types.JSONNode, error) {
	if v.IsNull() {
		return &types.JSONNode{Kind: types.JSONNull}, nil
	}
	switch {
	case v.T == types.JSON || v.T == types.JSONB:
		return jsonTree(v)
	case v.T.IsInteger():
		return &types.JSONNode{Kind: types.JSONNumber, Str: v.String()}, nil
	case v.T.IsFloat() || v.T == types.Numeric:
		s := v.String()
		if v.T.IsFloat() && (math.IsNaN(v.F) || math.IsInf(v.F, 0)) || v.T == types.Numeric && !isFiniteNumericText(s) {
			return &types.JSONNode{Kind: types.JSONString, Str: s}, nil
		}
		if v.T.IsFloat() { // a float's output may have an exponent: numeric_in reads it
			n, err := types.ParseNumeric(s)
			if err != nil {
				return nil, err
			}
			s = n.S
		}
		return &types.JSONNode{Kind: types.JSONNumber, Str: s}, nil
	case v.T == types.Bool:
		if v.Bool() {
			return &types.JSONNode{Kind: types.JSONBool, Str: "t"}, nil
		}
		return &types.JSONNode{Kind: types.JSONBool, Str: "f"}, nil
	case v.T.IsArray():
		elems, err := arrayElems(v)
		if err != nil {
			return nil, err
		}
		n := &types.JSONNode{Kind: types.JSONArray, Elems: make([]*types.JSONNode, len(elems))}
		for i, e := range elems {
			if n.Elems[i], err = toJSONNode(e, loc); err != nil {
				return nil, err
			}
		}
		return n, nil
	case v.T.IsRecord():
		shape, fields, err := v.RecordFields()
		if err != nil {
			return nil, err
		}
		n := &types.JSONNode{Kind: types.JSONObject}
		for i, c := range shape {
			e, err := toJSONNode(fields[i], loc)
			if err != nil {
				return nil, err
			}
			n.Keys, n.Elems = append(n.Keys, c.Name), append(n.Elems, e)
		}
		n.SortKeys()
		return n, nil
	}
	return &types.JSONNode{Kind: types.JSONString, Str: jsonScalarText(v, loc)}, nil
}

func isFiniteNumericText(s string) bool { return s != "NaN" && s != "Infinity" && s != "-Infinity" }

// jsonScalarText is the string a date, timestamp or other value becomes in JSON: timestamps
// in XSD form (PostgreSQL's JsonEncodeDateTime), 2024-01-02T10:00:00, a timestamptz in loc
// with its offset's minutes always written (+05:30, +00:00).
func jsonScalarText(v types.Value, loc *time.Location) string {
	if (v.T != types.Timestamp && v.T != types.Timestamptz) || types.IsInfinite(v.I) {
		return v.String()
	}
	local, off := v.I, int64(0)
	if v.T == types.Timestamptz {
		local, off = types.TimestamptzLocal(v.I, loc)
	}
	s := types.Value{T: types.Timestamp, I: local}.String()
	s, bc := strings.CutSuffix(s, " BC")
	s = strings.Replace(s, " ", "T", 1)
	if v.T == types.Timestamptz {
		b := types.AppendOffset([]byte(s), off)
		if off%3600 == 0 {
			b = append(b, ":00"...)
		}
		s = string(b)
	}
	if bc {
		s += " BC"
	}
	return s
}

// appendJSONValue appends v as json text, as to_json prints it: json values verbatim,
// jsonb as printed, arrays and records without spaces.
func appendJSONValue(dst []byte, v types.Value, loc *time.Location) ([]byte, error) {
	switch {
	case v.IsNull():
		return append(dst, "null"...), nil
	case v.T == types.JSON:
		return append(dst, v.S...), nil
	case v.T.IsArray():
		elems, err := arrayElems(v)
		if err != nil {
			return nil, err
		}
		dst = append(dst, '[')
		for i, e := range elems {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = appendJSONValue(dst, e, loc); err != nil {
				return nil, err
			}
		}
		return append(dst, ']'), nil
	case v.T.IsRecord():
		shape, fields, err := v.RecordFields()
		if err != nil {
			return nil, err
		}
		dst = append(dst, '{')
		for i, c := range shape {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(types.AppendJSONString(dst, c.Name), ':')
			if dst, err = appendJSONValue(dst, fields[i], loc); err != nil {
				return nil, err
			}
		}
		return append(dst, '}'), nil
	case v.T.IsInteger() || v.T == types.Bool:
		n, err := toJSONNode(v, loc)
		if err != nil {
			return nil, err
		}
		return types.AppendJSONText(dst, n, false), nil
	case v.T.IsFloat() || v.T == types.Numeric:
		s := v.String()
		if v.T.IsFloat() && (math.IsNaN(v.F) || math.IsInf(v.F, 0)) || v.T == types.Numeric && !isFiniteNumericText(s) {
			return types.AppendJSONString(dst, s), nil
		}
		return append(dst, s...), nil
	}
	n, err := toJSONNode(v, loc)
	if err != nil {
		return nil, err
	}
	return types.AppendJSONText(dst, n, false), nil
}

// jsonKeyText is an object key of json_build_object and jsonb_build_object: a scalar's text.
func jsonKeyText(i int, v types.Value, loc *time.Location) (string, error) {
	if v.IsNull() {
		return "", Errorf("22023", "argument %d: key must not be null", i+1)
	}
	if v.T.IsArray() || v.T.IsRecord() || v.T == types.JSON || v.T == types.JSONB {
		return "", Errorf("22023", "key value must be scalar, not array, composite, or json")
	}
	s := v.String()
	if v.T == types.Timestamp || v.T == types.Timestamptz || v.T == types.Date {
		s = jsonScalarText(v, loc)
	}
	if v.T == types.Bool {
		s = strconv.FormatBool(v.Bool())
	}
	return s, nil
}
