package types

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"strings"
)

// AppendJSONText appends n as PostgreSQL prints jsonb: ", " between elements, ": " after
// keys. With indent it is jsonb_pretty's layout: one element a line, four spaces a level.
func AppendJSONText(dst []byte, n *JSONNode, indent bool) []byte {
	return appendJSONNode(dst, n, indent, 0, false)
}

func newline(dst []byte, level int) []byte {
	dst = append(dst, '\n')
	for i := 0; i < level; i++ {
		dst = append(dst, "    "...)
	}
	return dst
}

func appendJSONNode(dst []byte, n *JSONNode, indent bool, level int, afterKey bool) []byte {
	sep := ", "
	if indent {
		sep = ","
	}
	switch n.Kind {
	case JSONArray, JSONObject:
		open, closing := byte('['), byte(']')
		if n.Kind == JSONObject {
			open, closing = '{', '}'
		}
		if indent && !afterKey && level > 0 {
			dst = newline(dst, level)
		}
		dst = append(dst, open)
		for i, e := range n.Elems {
			if i > 0 {
				dst = append(dst, sep...)
			}
			if n.Kind == JSONObject {
				if indent {
					dst = newline(dst, level+1)
				}
				dst = append(AppendJSONString(dst, n.Keys[i]), ": "...)
				dst = appendJSONNode(dst, e, indent, level+1, true)
				continue
			}
			if indent && e.Kind != JSONArray && e.Kind != JSONObject {
				dst = newline(dst, level+1)
			}
			dst = appendJSONNode(dst, e, indent, level+1, false)
		}
		if indent {
			dst = newline(dst, level)
		}
		return append(dst, closing)
	case JSONString:
		return AppendJSONString(dst, n.Str)
	case JSONBool:
		if n.Str == "t" {
			return append(dst, "true"...)
		}
		return append(dst, "false"...)
	case JSONNull:
		return append(dst, "null"...)
	}
	return append(dst, n.Str...)
}

// AppendJSONString appends s quoted as PostgreSQL's escape_json does.
func AppendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\b':
			dst = append(dst, `\b`...)
		case '\f':
			dst = append(dst, `\f`...)
		case '\n':
			dst = append(dst, `\n`...)
		case '\r':
			dst = append(dst, `\r`...)
		case '\t':
			dst = append(dst, `\t`...)
		case '"':
			dst = append(dst, `\"`...)
		case '\\':
			dst = append(dst, `\\`...)
		default:
			if c < ' ' {
				dst = fmt.Appendf(dst, `\u%04x`, c)
			} else {
				dst = append(dst, c)
			}
		}
	}
	return append(dst, '"')
}

// appendJSONBText prints a stored jsonb value.
func appendJSONBText(dst []byte, s string) []byte {
	n, err := DecodeJSONB(s)
	if err != nil {
		return append(dst, "<corrupt jsonb>"...)
	}
	return AppendJSONText(dst, n, false)
}

// CompareJSONB orders jsonb values as PostgreSQL's compareJsonbContainers: by kind (null <
// string < number < boolean < array < object), arrays by length then element by element,
// objects by number of pairs then pair by pair in stored key order. A top-level scalar is,
// as in PostgreSQL, a one-element "raw scalar" array: it sorts before an array of one element
// but after an empty one.
func CompareJSONB(a, b *JSONNode) int {
	wrap := func(n *JSONNode) *JSONNode {
		if n.Kind == JSONArray || n.Kind == JSONObject {
			return n
		}
		return &JSONNode{Kind: JSONArray, Str: "raw", Elems: []*JSONNode{n}}
	}
	return compareJSONNode(wrap(a), wrap(b))
}

func compareJSONNode(a, b *JSONNode) int {
	if a.Kind != b.Kind {
		return cmp.Compare(int(a.Kind), int(b.Kind))
	}
	switch a.Kind {
	case JSONNull:
		return 0
	case JSONString:
		return strings.Compare(a.Str, b.Str)
	case JSONNumber:
		return CompareNumericText(a.Str, b.Str)
	case JSONBool:
		return strings.Compare(a.Str, b.Str) // "f" < "t"
	case JSONArray:
		res := 0
		if (a.Str == "raw") != (b.Str == "raw") {
			res = 1
			if a.Str == "raw" {
				res = -1
			}
		}
		if len(a.Elems) != len(b.Elems) {
			res = cmp.Compare(len(a.Elems), len(b.Elems))
		}
		if res != 0 {
			return res
		}
		for i := range a.Elems {
			if c := compareJSONNode(a.Elems[i], b.Elems[i]); c != 0 {
				return c
			}
		}
		return 0
	}
	if len(a.Keys) != len(b.Keys) {
		return cmp.Compare(len(a.Keys), len(b.Keys))
	}
	for i := range a.Keys {
		if c := strings.Compare(a.Keys[i], b.Keys[i]); c != 0 {
			return c
		}
		if c := compareJSONNode(a.Elems[i], b.Elems[i]); c != 0 {
			return c
		}
	}
	return 0
}

// AppendJSONBKey appends an encoding of a jsonb tree equal for values CompareJSONB finds
// equal (numbers by value: 1.0 and 1 are one key), for hashing.
func AppendJSONBKey(dst []byte, n *JSONNode) []byte {
	dst = append(dst, byte(n.Kind))
	switch n.Kind {
	case JSONString, JSONBool:
		dst = appendJBString(dst, n.Str)
	case JSONNumber:
		v, _ := ParseNumeric(n.Str)
		start := len(dst)
		dst = AppendNumericKey(append(dst, 0, 0, 0, 0), v)
		binary.BigEndian.PutUint32(dst[start:], uint32(len(dst)-start-4))
	case JSONArray:
		dst = binary.AppendUvarint(dst, uint64(len(n.Elems)))
		for _, e := range n.Elems {
			dst = AppendJSONBKey(dst, e)
		}
	case JSONObject:
		dst = binary.AppendUvarint(dst, uint64(len(n.Keys)))
		for i, k := range n.Keys {
			dst = AppendJSONBKey(appendJBString(dst, k), n.Elems[i])
		}
	}
	return dst
}

// JSONEqual reports whether two trees are equal jsonb values.
func JSONEqual(a, b *JSONNode) bool {
	return bytes.Equal(AppendJSONBKey(nil, a), AppendJSONBKey(nil, b))
}

// CompareNumericText orders two numbers of jsonb (finite numeric text).
func CompareNumericText(a, b string) int {
	x, errA := Value{T: Numeric, S: a}.Decimal()
	y, errB := Value{T: Numeric, S: b}.Decimal()
	if errA != nil || errB != nil {
		return strings.Compare(a, b)
	}
	return x.Cmp(y)
}
