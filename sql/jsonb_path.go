package sql

import (
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// Reading into, testing and changing jsonb trees: the work of the json operators and
// functions, with PostgreSQL 15's semantics.

// jsonField is n's value under key, nil when n is no object or lacks it.
func jsonField(n *types.JSONNode, key string) *types.JSONNode {
	if n.Kind != types.JSONObject {
		return nil
	}
	for i, k := range n.Keys {
		if k == key {
			return n.Elems[i]
		}
	}
	return nil
}

// jsonIndex is n's element i (from the end when negative), nil when there is none.
func jsonIndex(n *types.JSONNode, i int64) *types.JSONNode {
	if n.Kind != types.JSONArray {
		return nil
	}
	if i < 0 {
		i += int64(len(n.Elems))
	}
	if i < 0 || i >= int64(len(n.Elems)) {
		return nil
	}
	return n.Elems[i]
}

// jsonPath follows #>'s path: keys in objects, integers in arrays; nil where it leads nowhere.
func jsonPath(n *types.JSONNode, path []types.Value) *types.JSONNode {
	for _, p := range path {
		if p.IsNull() {
			return nil
		}
		switch n.Kind {
		case types.JSONObject:
			n = jsonField(n, p.S)
		case types.JSONArray:
			i, err := strconv.ParseInt(strings.TrimSpace(p.S), 10, 32)
			if err != nil {
				return nil
			}
			n = jsonIndex(n, i)
		default:
			return nil
		}
		if n == nil {
			return nil
		}
	}
	return n
}

// jsonAsText is ->>'s text of a value: a string unquoted, null as SQL NULL.
func jsonAsText(n *types.JSONNode) types.Value {
	switch n.Kind {
	case types.JSONNull:
		return types.Value{T: types.Text, Null: true}
	case types.JSONString:
		return types.NewText(n.Str)
	}
	if n.Raw != "" { // a json value's part is its text as written, as -> hands it out
		return types.NewText(n.Raw)
	}
	return types.NewText(string(types.AppendJSONText(nil, n, false)))
}

// jsonScalarEqual compares two scalars of one kind as jsonb equality does.
func jsonScalarEqual(a, b *types.JSONNode) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == types.JSONNumber {
		return types.CompareNumericText(a.Str, b.Str) == 0
	}
	return a.Str == b.Str
}

func isContainer(n *types.JSONNode) bool {
	return n.Kind == types.JSONArray || n.Kind == types.JSONObject
}

// jsonContains is a @> b (JsonbDeepContains): every field of an object b is in a with a value
// that contains it, every element of an array b is in array a; an array contains a scalar
// it has as an element (at the top level, where a scalar is a one-element array).
func jsonContains(a, b *types.JSONNode, top bool) bool {
	if top {
		if (a.Kind == types.JSONObject) != (b.Kind == types.JSONObject) {
			return false
		}
		if !isContainer(a) && !isContainer(b) {
			return jsonScalarEqual(a, b)
		}
		if !isContainer(a) {
			return false // a scalar contains no array
		}
		if !isContainer(b) {
			b = &types.JSONNode{Kind: types.JSONArray, Elems: []*types.JSONNode{b}}
		}
	}
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == types.JSONObject {
		for i, k := range b.Keys {
			v := jsonField(a, k)
			if v == nil {
				return false
			}
			want := b.Elems[i]
			if isContainer(want) {
				if v.Kind != want.Kind || !jsonContains(v, want, false) {
					return false
				}
			} else if !jsonScalarEqual(v, want) {
				return false
			}
		}
		return true
	}
	for _, want := range b.Elems {
		found := false
		for _, e := range a.Elems {
			if isContainer(want) {
				found = e.Kind == want.Kind && jsonContains(e, want, false)
			} else {
				found = jsonScalarEqual(e, want)
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// jsonHasKey is a ? key: a key of the top-level object, or a string element of the top-level
// array (or the string itself).
func jsonHasKey(n *types.JSONNode, key string) bool {
	switch n.Kind {
	case types.JSONObject:
		return jsonField(n, key) != nil
	case types.JSONArray:
		for _, e := range n.Elems {
			if e.Kind == types.JSONString && e.Str == key {
				return true
			}
		}
		return false
	}
	return n.Kind == types.JSONString && n.Str == key
}

// jsonConcat is a || b: two objects merge (b's values win), anything else concatenates as
// arrays, a scalar being a one-element array and an object an element.
func jsonConcat(a, b *types.JSONNode) *types.JSONNode {
	if a.Kind == types.JSONObject && b.Kind == types.JSONObject {
		out := &types.JSONNode{Kind: types.JSONObject, Keys: append(append([]string{}, a.Keys...), b.Keys...),
			Elems: append(append([]*types.JSONNode{}, a.Elems...), b.Elems...)}
		out.SortKeys()
		return out
	}
	elems := func(n *types.JSONNode) []*types.JSONNode {
		if n.Kind == types.JSONArray {
			return n.Elems
		}
		return []*types.JSONNode{n}
	}
	return &types.JSONNode{Kind: types.JSONArray, Elems: append(append([]*types.JSONNode{}, elems(a)...), elems(b)...)}
}

// jsonDeleteKeys is a - key and a - text[]: the object without those keys, or the array
// without the string elements equal to one.
func jsonDeleteKeys(n *types.JSONNode, keys map[string]bool) (*types.JSONNode, error) {
	switch n.Kind {
	case types.JSONObject:
		out := &types.JSONNode{Kind: types.JSONObject}
		for i, k := range n.Keys {
			if !keys[k] {
				out.Keys, out.Elems = append(out.Keys, k), append(out.Elems, n.Elems[i])
			}
		}
		return out, nil
	case types.JSONArray:
		out := &types.JSONNode{Kind: types.JSONArray}
		for _, e := range n.Elems {
			if !(e.Kind == types.JSONString && keys[e.Str]) {
				out.Elems = append(out.Elems, e)
			}
		}
		return out, nil
	}
	return nil, Errorf("22023", "cannot delete from scalar")
}

// jsonDeleteIndex is a - integer: the array without element i (from the end when negative).
func jsonDeleteIndex(n *types.JSONNode, i int64) (*types.JSONNode, error) {
	switch n.Kind {
	case types.JSONObject:
		return nil, Errorf("22023", "cannot delete from object using integer index")
	case types.JSONArray:
	default:
		return nil, Errorf("22023", "cannot delete from scalar")
	}
	if i < 0 {
		i += int64(len(n.Elems))
	}
	if i < 0 || i >= int64(len(n.Elems)) {
		return n, nil
	}
	out := &types.JSONNode{Kind: types.JSONArray, Elems: append(append([]*types.JSONNode{}, n.Elems[:i]...), n.Elems[i+1:]...)}
	return out, nil
}

// jsonSetMode is what jsonSet does at the path's last step (PostgreSQL's setPath op_type):
// jsonb_set replaces, adding a missing key or an element past either end when it creates;
// jsonb_insert adds before or after the element, or a missing key, and never replaces a key.
type jsonSetMode int

const (
	jsonReplace jsonSetMode = iota
	jsonCreate
	jsonInsertBefore
	jsonInsertAfter
)

// jsonSet is jsonb_set(n, path, v, create) and jsonb_insert(n, path, v, after): n with v
// set at path as mode says.
func jsonSet(n *types.JSONNode, path []types.Value, v *types.JSONNode, mode jsonSetMode, level int) (*types.JSONNode, error) {
	if level == len(path) {
		return v, nil
	}
	p := path[level]
	if p.IsNull() {
		return nil, Errorf("22004", "path element at position %d is null", level+1)
	}
	last := level == len(path)-1
	switch n.Kind {
	case types.JSONObject:
		out := &types.JSONNode{Kind: types.JSONObject, Keys: append([]string{}, n.Keys...),
			Elems: append([]*types.JSONNode{}, n.Elems...)}
		for i, k := range out.Keys {
			if k == p.S {
				if last && mode >= jsonInsertBefore {
					return nil, &Error{Code: "22023", Message: "cannot replace existing key",
						Hint: "Try using the function jsonb_set to replace key value."}
				}
				e, err := jsonSet(out.Elems[i], path, v, mode, level+1)
				if err != nil {
					return nil, err
				}
				out.Elems[i] = e
				return out, nil
			}
		}
		if last && mode != jsonReplace {
			out.Keys, out.Elems = append(out.Keys, p.S), append(out.Elems, v)
			out.SortKeys()
		}
		return out, nil
	case types.JSONArray:
		return jsonSetElem(n, path, v, mode, level)
	}
	if level == 0 {
		return nil, Errorf("22023", "cannot set path in scalar")
	}
	return n, nil
}

// jsonSetElem is jsonSet's step into an array (setPathArray): a negative index counts from
// the end, one before the start prepends and one past the end appends.
func jsonSetElem(n *types.JSONNode, path []types.Value, v *types.JSONNode, mode jsonSetMode, level int) (*types.JSONNode, error) {
	p := path[level]
	i, err := strconv.ParseInt(strings.TrimSpace(p.S), 10, 32)
	if err != nil {
		return nil, Errorf("22P02", "path element at position %d is not an integer: %q", level+1, p.S)
	}
	last, size := level == len(path)-1, int64(len(n.Elems))
	if i < 0 {
		i += size
	}
	elems := make([]*types.JSONNode, 0, size+1)
	switch {
	case i >= 0 && i < size && !last:
		e, err := jsonSet(n.Elems[i], path, v, mode, level+1)
		if err != nil {
			return nil, err
		}
		elems = append(append(append(elems, n.Elems[:i]...), e), n.Elems[i+1:]...)
	case i >= 0 && i < size: // the last step, at an element
		elems = append(elems, n.Elems[:i]...)
		switch mode {
		case jsonInsertBefore:
			elems = append(elems, v, n.Elems[i])
		case jsonInsertAfter:
			elems = append(elems, n.Elems[i], v)
		default:
			elems = append(elems, v)
		}
		elems = append(elems, n.Elems[i+1:]...)
	case last && mode != jsonReplace && i < 0:
		elems = append(append(elems, v), n.Elems...)
	case last && mode != jsonReplace:
		elems = append(append(elems, n.Elems...), v)
	default:
		elems = append(elems, n.Elems...)
	}
	return &types.JSONNode{Kind: types.JSONArray, Elems: elems}, nil
}

// jsonDeletePath is n #- path: n without the value at path (unchanged where it leads nowhere).
func jsonDeletePath(n *types.JSONNode, path []types.Value, level int) (*types.JSONNode, error) {
	if level == 0 && !isContainer(n) {
		return nil, Errorf("22023", "cannot delete path in scalar")
	}
	if level == 0 && len(n.Elems) == 0 { // an empty container, whatever the path says
		return n, nil
	}
	if level == len(path) || !isContainer(n) {
		return n, nil
	}
	p := path[level]
	if p.IsNull() {
		return nil, Errorf("22004", "path element at position %d is null", level+1)
	}
	last := level == len(path)-1
	if n.Kind == types.JSONObject {
		for i, k := range n.Keys {
			if k != p.S {
				continue
			}
			out := &types.JSONNode{Kind: types.JSONObject, Keys: append([]string{}, n.Keys...), Elems: append([]*types.JSONNode{}, n.Elems...)}
			if last {
				out.Keys = append(out.Keys[:i], out.Keys[i+1:]...)
				out.Elems = append(out.Elems[:i], out.Elems[i+1:]...)
				return out, nil
			}
			e, err := jsonDeletePath(n.Elems[i], path, level+1)
			out.Elems[i] = e
			return out, err
		}
		return n, nil
	}
	i, err := strconv.ParseInt(strings.TrimSpace(p.S), 10, 32)
	if err != nil {
		return nil, Errorf("22P02", "path element at position %d is not an integer: %q", level+1, p.S)
	}
	if i < 0 {
		i += int64(len(n.Elems))
	}
	if i < 0 || i >= int64(len(n.Elems)) {
		return n, nil
	}
	if last {
		return jsonDeleteIndex(n, i)
	}
	out := &types.JSONNode{Kind: types.JSONArray, Elems: append([]*types.JSONNode{}, n.Elems...)}
	e, err := jsonDeletePath(n.Elems[i], path, level+1)
	out.Elems[i] = e
	return out, err
}
