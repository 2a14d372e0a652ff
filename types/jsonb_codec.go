package types

import (
	"encoding/binary"
	"errors"
	"strings"
	"unicode/utf8"
)

// The binary form of a jsonb value (Value.S), as stored and compared:
//
//	version byte 1, then one node:
//	  0 null, 1 false, 2 true
//	  3 string:  uvarint length, UTF-8 bytes
//	  4 number:  uvarint length, numeric text (types.ParseNumeric's form)
//	  5 array:   uvarint count, count nodes
//	  6 object:  uvarint count, count × (uvarint key length, key bytes, node), keys in
//	             CompareJSONKeys order without duplicates
//
// DecodeJSONB checks all of it: the bytes come from storage, the binary wire format and the
// fuzzer, and a bad value is an error, never a panic.

const jsonbVersion = 1

const (
	jbNull byte = iota
	jbFalse
	jbTrue
	jbString
	jbNumber
	jbArray
	jbObject
)

// NewJSONB is the jsonb value of a tree.
func NewJSONB(n *JSONNode) Value {
	return Value{T: JSONB, S: string(AppendJSONB([]byte{jsonbVersion}, n))}
}

// AppendJSONB appends the node's binary form (without the version byte).
func AppendJSONB(dst []byte, n *JSONNode) []byte {
	switch n.Kind {
	case JSONNull:
		return append(dst, jbNull)
	case JSONBool:
		if n.Str == "t" {
			return append(dst, jbTrue)
		}
		return append(dst, jbFalse)
	case JSONString:
		return appendJBString(append(dst, jbString), n.Str)
	case JSONNumber:
		return appendJBString(append(dst, jbNumber), n.Str)
	case JSONArray:
		dst = binary.AppendUvarint(append(dst, jbArray), uint64(len(n.Elems)))
		for _, e := range n.Elems {
			dst = AppendJSONB(dst, e)
		}
		return dst
	}
	dst = binary.AppendUvarint(append(dst, jbObject), uint64(len(n.Keys)))
	for i, k := range n.Keys {
		dst = AppendJSONB(appendJBString(dst, k), n.Elems[i])
	}
	return dst
}

func appendJBString(dst []byte, s string) []byte {
	return append(binary.AppendUvarint(dst, uint64(len(s))), s...)
}

var errBadJSONB = errors.New("corrupt jsonb value")

// DecodeJSONB reads a jsonb value's binary form into a tree, checking every byte.
func DecodeJSONB(s string) (*JSONNode, error) {
	if len(s) == 0 || s[0] != jsonbVersion {
		return nil, errBadJSONB
	}
	d := jbDecoder{s: s, i: 1}
	n, err := d.node(0)
	if err != nil {
		return nil, err
	}
	if d.i != len(s) {
		return nil, errBadJSONB
	}
	return n, nil
}

type jbDecoder struct {
	s string
	i int
}

func (d *jbDecoder) uvarint() (int, error) {
	u, k := binary.Uvarint([]byte(d.s[d.i:min(len(d.s), d.i+binary.MaxVarintLen64)]))
	// Every count and length is at least one byte of what follows, and minimally encoded
	// (one value, one encoding).
	if k <= 0 || u > uint64(len(d.s)-d.i-k) || k > 1 && d.s[d.i+k-1] == 0 {
		return 0, errBadJSONB
	}
	d.i += k
	return int(u), nil
}

func (d *jbDecoder) str() (string, error) {
	n, err := d.uvarint()
	if err != nil {
		return "", err
	}
	s := d.s[d.i : d.i+n]
	d.i += n
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		return "", errBadJSONB
	}
	return s, nil
}

func (d *jbDecoder) node(depth int) (*JSONNode, error) {
	if d.i >= len(d.s) || depth > JSONMaxDepth {
		return nil, errBadJSONB
	}
	tag := d.s[d.i]
	d.i++
	switch tag {
	case jbNull:
		return &JSONNode{Kind: JSONNull}, nil
	case jbFalse:
		return &JSONNode{Kind: JSONBool, Str: "f"}, nil
	case jbTrue:
		return &JSONNode{Kind: JSONBool, Str: "t"}, nil
	case jbString:
		s, err := d.str()
		return &JSONNode{Kind: JSONString, Str: s}, err
	case jbNumber:
		s, err := d.str()
		if err != nil {
			return nil, err
		}
		if s == "" || !(s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
			return nil, errBadJSONB
		}
		if v, err := ParseNumeric(s); err != nil || v.S != s {
			return nil, errBadJSONB
		}
		return &JSONNode{Kind: JSONNumber, Str: s}, nil
	case jbArray:
		n, err := d.uvarint()
		if err != nil {
			return nil, err
		}
		a := &JSONNode{Kind: JSONArray, Elems: make([]*JSONNode, n)}
		for i := range a.Elems {
			if a.Elems[i], err = d.node(depth + 1); err != nil {
				return nil, err
			}
		}
		return a, nil
	case jbObject:
		n, err := d.uvarint()
		if err != nil || n > (len(d.s)-d.i)/2 {
			return nil, errBadJSONB
		}
		o := &JSONNode{Kind: JSONObject, Keys: make([]string, n), Elems: make([]*JSONNode, n)}
		for i := 0; i < n; i++ {
			if o.Keys[i], err = d.str(); err != nil {
				return nil, err
			}
			if i > 0 && CompareJSONKeys(o.Keys[i-1], o.Keys[i]) >= 0 {
				return nil, errBadJSONB
			}
			if o.Elems[i], err = d.node(depth + 1); err != nil {
				return nil, err
			}
		}
		return o, nil
	}
	return nil, errBadJSONB
}

// JSONBTree is v's tree; a value that does not decode (corrupt storage) is an error.
func (v Value) JSONBTree() (*JSONNode, error) { return DecodeJSONB(v.S) }
