package jsonpath

import (
	"strings"

	"github.com/drovedb/drove/types"
)

// .keyvalue() gives each pair an "id": the object's byte offset inside PostgreSQL's binary
// jsonb of its base object (the root, a variable, or a pair object keyvalue made) plus ten
// billion times the base's number. drove stores jsonb otherwise, so the offsets are those
// PostgreSQL's layout (jsonb_util.c's convertJsonbValue) would give: a 4-byte container
// header and 4-byte entries, keys before values, numerics and containers 4-byte aligned.

func (cx *execCtx) keyValue(n *Node, jb *types.JSONNode, found list) (result, error) {
	if !isObject(jb) {
		return cx.fail("2203C", "jsonpath item method .keyvalue() can only be applied to an object")
	}
	if len(jb.Keys) == 0 {
		return resNotFound, nil
	}
	id := cx.offsetIn(cx.base.root, jb) + cx.base.id*10000000000
	idNode := numberNode(id)
	res := resNotFound
	for i, k := range jb.Keys {
		res = resOK
		if n.Next == nil && found == nil {
			break
		}
		obj := &types.JSONNode{Kind: types.JSONObject, Keys: []string{"id", "key", "value"},
			Elems: []*types.JSONNode{idNode, {Kind: types.JSONString, Str: k}, jb.Elems[i]}}
		saved := cx.base
		cx.base = baseObject{root: obj, id: cx.lastGeneratedID}
		cx.lastGeneratedID++
		r, err := cx.next(n, obj, found)
		cx.base = saved
		if r == resError || err != nil {
			return r, err
		}
		res = r
		if res == resOK && found == nil {
			break
		}
	}
	return res, nil
}

// offsetIn is the offset of container c inside root's binary form (0 when not inside).
func (cx *execCtx) offsetIn(root, c *types.JSONNode) int64 {
	if root == nil || root == c {
		return 0
	}
	if cx.offsets == nil {
		cx.offsets = map[*types.JSONNode]map[*types.JSONNode]int64{}
	}
	m, ok := cx.offsets[root]
	if !ok {
		m = map[*types.JSONNode]int64{}
		layout(root, 0, m)
		cx.offsets[root] = m
	}
	return m[c]
}

func align4(x int64) int64 { return (x + 3) &^ 3 }

// layout records the offset of every container under n (which starts at pos) and returns
// where n ends.
func layout(n *types.JSONNode, pos int64, m map[*types.JSONNode]int64) int64 {
	m[n] = pos
	entries := int64(len(n.Elems))
	if n.Kind == types.JSONObject {
		entries *= 2
	}
	p := pos + 4 + 4*entries
	for _, k := range n.Keys {
		p += int64(len(k))
	}
	for _, e := range n.Elems {
		switch e.Kind {
		case types.JSONString:
			p += int64(len(e.Str))
		case types.JSONNumber:
			p = align4(p) + numericSize(e.Str)
		case types.JSONArray, types.JSONObject:
			p = layout(e, align4(p), m)
		}
	}
	return p
}

// numericSize is the size of a numeric datum as numeric_in makes it: a 4-byte length, a
// 2-byte header (4 when the weight or scale do not fit the short form) and 2 bytes per
// base-10000 digit.
func numericSize(s string) int64 {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	intPart = strings.TrimLeft(intPart, "0")
	dscale := len(frac)
	// Pad the integer part on the left and the fraction on the right to whole groups.
	intPart = strings.Repeat("0", (4-len(intPart)%4)%4) + intPart
	frac += strings.Repeat("0", (4-len(frac)%4)%4)
	digits := intPart + frac
	weight := len(intPart)/4 - 1
	groups := len(digits) / 4
	first, last := 0, groups
	for first < last && digits[first*4:first*4+4] == "0000" {
		first++
		weight--
	}
	for last > first && digits[last*4-4:last*4] == "0000" {
		last--
	}
	n := int64(last - first)
	if n == 0 {
		weight = 0
	}
	if dscale <= 63 && weight >= -64 && weight <= 63 {
		return 6 + 2*n
	}
	return 8 + 2*n
}
