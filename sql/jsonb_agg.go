package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// jsonAgg is one of the json aggregates, which the dialect pass writes as a GROUP_CONCAT
// with a marker SEPARATOR: jsonb_agg(x) and json_agg(x) (an array of every x, NULLs as
// nulls), jsonb_object_agg(k, v) and json_object_agg(k, v) (an object of every pair), in
// the order of their ORDER BY if they have one.
type jsonAgg struct {
	name   string
	object bool
	binary bool
	key    *expr // object aggregates: the key
	val    *expr
	order  []*expr
	sort   []sortKey
	// structured: json_agg's elements are arrays or records, which it separates by a newline
	structured bool
	// distinct keeps one of equal values (pairs, for the object aggregates), in their order
	// (ascending unless ORDER BY, which must then sort by the arguments, says otherwise)
	distinct bool
	sc       *scope // the session's zone, which a timestamptz converts in
}

func (ab *aggBinder) bindJSONAgg(spec *aggSpec, name string, f *ast.FuncCall) (*aggSpec, error) {
	ja := &jsonAgg{name: name, object: name == "jsonb_object_agg" || name == "json_object_agg",
		binary: name == "jsonb_agg" || name == "jsonb_object_agg", sc: ab.input}
	want := 1
	if ja.object {
		want = 2
	}
	ja.distinct = f.Distinct
	args, err := ab.aggArgs(f.Args, false)
	if err != nil {
		return nil, err
	}
	if f.WithinGroup {
		return nil, unsupported("%s with WITHIN GROUP", name)
	}
	if !ja.object && len(args) == 1 && args[0].unknown && args[0].param == 0 {
		// json[b]_agg(anyelement): an untyped literal has no type (json[b]_object_agg
		// takes "any", which reads one as text)
		return nil, Errorf("42804", "could not determine polymorphic type because input has type unknown")
	}
	if err := unknownAsText(args); err != nil {
		return nil, err
	}
	if len(args) != want {
		return nil, noFunction(name, args)
	}
	var distinctArgs []ast.Expr
	if ja.distinct {
		distinctArgs = f.Args
	}
	if ja.order, ja.sort, err = ab.aggOrder(f.OrderBy, distinctArgs); err != nil {
		return nil, err
	}
	ja.val = args[len(args)-1]
	if ja.object {
		ja.key = args[0]
	}
	ja.structured = ja.val.typ.IsArray() || ja.val.typ.IsRecord()
	if ja.distinct && ja.val.typ == types.JSON {
		return nil, Errorf("42883", "could not identify an equality operator for type json")
	}
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
		if key, err = jsonKeyText(0, k, ja.sc.location()); err != nil {
			return err
		}
	}
	size := 48 + len(key) + len(v.S)
	if len(ja.order) > 0 {
		ord := make([]types.Value, len(ja.order))
		for i, o := range ja.order {
			if ord[i], err = o.eval(row); err != nil {
				return err
			}
			size += 48 + len(ord[i].S)
		}
		st.ords = append(st.ords, ord)
	}
	st.n++
	st.vals, st.keys = append(st.vals, v), append(st.keys, key)
	return ec.mem.grow(int64(size))
}

func (ja *jsonAgg) result(st *aggState) (types.Value, error) {
	idx := make([]int, len(st.vals))
	for i := range idx {
		idx[i] = i
	}
	if len(ja.order) > 0 {
		slices.SortStableFunc(idx, func(a, b int) int { return compareRows(ja.sort, st.ords[a], st.ords[b]) })
	}
	if ja.distinct {
		idx = ja.distinctValues(st, idx)
	}
	if !ja.binary {
		return ja.text(st, idx)
	}
	n := &types.JSONNode{Kind: types.JSONArray}
	if ja.object {
		n.Kind = types.JSONObject
	}
	for _, i := range idx {
		e, err := toJSONNode(st.vals[i], ja.sc.location())
		if err != nil {
			return types.Value{}, err
		}
		n.Elems = append(n.Elems, e)
		if ja.object {
			n.Keys = append(n.Keys, st.keys[i])
		}
	}
	n.SortKeys()
	return types.NewJSONB(n), nil
}

// text prints json_agg's [a, b] (arrays and records a line each) and json_object_agg's
// { "k" : v, ... }.
func (ja *jsonAgg) text(st *aggState, idx []int) (types.Value, error) {
	b := []byte{'['}
	if ja.object {
		b = append(b[:0], "{ "...)
	}
	for j, i := range idx {
		v := st.vals[i]
		if j > 0 {
			b = append(b, ", "...)
			if ja.structured && !v.IsNull() && !ja.object {
				b = append(b, "\n "...)
			}
		}
		if ja.object {
			b = append(types.AppendJSONString(b, st.keys[i]), " : "...)
		}
		var err error
		if b, err = appendJSONValue(b, v, ja.sc.location()); err != nil {
			return types.Value{}, err
		}
	}
	if ja.object {
		return types.Value{T: types.JSON, S: string(b) + " }"}, nil
	}
	return types.Value{T: types.JSON, S: string(b) + "]"}, nil
}

// distinctValues keeps the first of each run of equal values (key and value for the object
// aggregates) once they are in order: by ORDER BY when there is one (whose keys are the
// arguments), else ascending with NULLs last, as PostgreSQL sorts an aggregate's DISTINCT
// input.
func (ja *jsonAgg) distinctValues(st *aggState, idx []int) []int {
	same := func(x, y types.Value) int {
		switch {
		case x.IsNull() && y.IsNull():
			return 0
		case x.IsNull():
			return 1
		case y.IsNull():
			return -1
		}
		return compare(x, y)
	}
	cmpPair := func(a, b int) int {
		if ja.object {
			if c := strings.Compare(st.keys[a], st.keys[b]); c != 0 {
				return c
			}
		}
		return same(st.vals[a], st.vals[b])
	}
	if len(ja.order) == 0 {
		slices.SortStableFunc(idx, cmpPair)
	}
	out := idx[:0]
	for k, i := range idx {
		if k == 0 || cmpPair(out[len(out)-1], i) != 0 {
			out = append(out, i)
		}
	}
	return out
}
