package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// jsonAgg is one of the json aggregates, which the dialect pass writes as a GROUP_CONCAT
// with a marker SEPARATOR: jsonb_agg(x) and json_agg(x) (an array of every x, NULLs as
// nulls), jsonb_object_agg(k, v) and json_object_agg(k, v) (an object of every pair).
type jsonAgg struct {
	name   string
	object bool
	binary bool
	key    *expr // object aggregates: the key; arg of the aggSpec is the value
	val    *expr
	// structured: json_agg's elements are arrays or records, which it separates by a newline
	structured bool
}

func (ab *aggBinder) bindJSONAgg(spec *aggSpec, name string, a *sqlparser.GroupConcatExpr) (*aggSpec, error) {
	ja := &jsonAgg{name: name, object: name == "jsonb_object_agg" || name == "json_object_agg",
		binary: name == "jsonb_agg" || name == "jsonb_object_agg"}
	want := 1
	if ja.object {
		want = 2
	}
	if a.Distinct || len(a.OrderBy) > 0 || a.Limit != nil {
		return nil, unsupported("%s with DISTINCT or ORDER BY", name)
	}
	args := make([]*expr, len(a.Exprs))
	for i, e := range a.Exprs {
		if hasAggregate([]sqlparser.SelectExpr{&sqlparser.AliasedExpr{Expr: e}}) {
			return nil, Errorf("42803", "aggregate function calls cannot be nested")
		}
		x, err := compile(e, ab.input)
		if err != nil {
			return nil, err
		}
		args[i] = x
	}
	if err := unknownAsText(args); err != nil {
		return nil, err
	}
	if len(args) != want {
		return nil, noFunction(name, args)
	}
	ja.val = args[len(args)-1]
	if ja.object {
		ja.key = args[0]
	}
	ja.structured = ja.val.typ.IsArray() || ja.val.typ.IsRecord()
	spec.kind, spec.json, spec.arg = aggJSON, ja, ja.val
	spec.typ = types.JSON
	if ja.binary {
		spec.typ = types.JSONB
	}
	return spec, nil
}

// step adds a row's value (and key) to the state; unlike other aggregates', NULLs count.
func (ja *jsonAgg) step(ec *execCtx, st *aggState, row []types.Value) error {
	v, err := ja.val.eval(row)
	if err != nil {
		return err
	}
	key := ""
	if ja.object {
		k, err := ja.key.eval(row)
		if err != nil {
			return err
		}
		if k.IsNull() {
			return Errorf("22023", "field name must not be null")
		}
		key = k.String()
	}
	st.n++
	if ja.binary {
		n, err := toJSONNode(v)
		if err != nil {
			return err
		}
		st.nodes, st.keys = append(st.nodes, n), append(st.keys, key)
		return ec.mem.grow(int64(64 + len(key) + len(v.S)))
	}
	before := len(st.b)
	switch {
	case ja.object && st.n == 1:
		st.b = append(st.b, "{ "...)
	case st.n == 1:
		st.b = append(st.b, '[')
	default:
		st.b = append(st.b, ", "...)
		if ja.structured && !v.IsNull() && !ja.object {
			st.b = append(st.b, "\n "...)
		}
	}
	if ja.object {
		st.b = append(types.AppendJSONString(st.b, key), " : "...)
	}
	if st.b, err = appendJSONValue(st.b, v); err != nil {
		return err
	}
	return ec.mem.grow(int64(len(st.b) - before))
}

func (ja *jsonAgg) result(st *aggState) (types.Value, error) {
	if !ja.binary {
		closing := "]"
		if ja.object {
			closing = " }"
		}
		return types.Value{T: types.JSON, S: string(st.b) + closing}, nil
	}
	if !ja.object {
		return types.NewJSONB(&types.JSONNode{Kind: types.JSONArray, Elems: st.nodes}), nil
	}
	n := &types.JSONNode{Kind: types.JSONObject, Keys: st.keys, Elems: st.nodes}
	n.SortKeys()
	return types.NewJSONB(n), nil
}
