package types

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

// Array types. They are the types of catalog columns (pg_index.indkey is an int2vector), of
// expressions and of table columns (all but int2vector). An array value keeps its elements
// in S in PostgreSQL's text output form ("{1,2}", or "1 2" for an int2vector), which is what
// clients read and what equal arrays share, so equality is equality of S.
const (
	Int2Vector Type = 11 // int2vector: subscripts start at 0
	Int16Array Type = 12 // smallint[]
	Int32Array Type = 13 // integer[]
	Int64Array Type = 14 // bigint[] (and oid[]: an oid is a bigint here)
	TextArray  Type = 15 // text[]
	// TimeTZArray is timetz[]; its elements print with their offset, so the text form alone
	// reads back (a zone-less element is read in the session's zone: sql's parseTextIn).
	TimeTZArray Type = 61
)

// IsArray reports whether t is one of the array types.
func (t Type) IsArray() bool {
	return t >= Int2Vector && t <= TextArray || t == TimeTZArray || isMoreArray(t)
}

// Elem is the element type of an array type.
func (t Type) Elem() Type {
	switch t {
	case Int2Vector, Int16Array:
		return Int16
	case Int32Array:
		return Int32
	case Int64Array:
		return Int64
	case TextArray:
		return Text
	case TimeTZArray:
		return TimeTZ
	}
	return moreElem(t)
}

// ArrayOf is the array type whose elements are of type t; Null when there is none.
func ArrayOf(t Type) Type {
	switch t {
	case Int16:
		return Int16Array
	case Int32:
		return Int32Array
	case Int64:
		return Int64Array
	case Text:
		return TextArray
	case TimeTZ:
		return TimeTZArray
	}
	return moreArrayOf(t)
}

// LowerBound is the first subscript of an array of type t.
func (t Type) LowerBound() int {
	if t == Int2Vector {
		return 0
	}
	return 1
}

// NewArray is the array of type t holding elems (each NULL or of t.Elem()).
func NewArray(t Type, elems []Value) Value {
	return newArray(t, elems, Value.AppendText)
}

// NewArrayAt is NewArray with lower as the first subscript. PostgreSQL's array_out writes
// the bounds ("[0:2]={1,2,3}") when a lower bound is not 1, and so does S: equal arrays
// still share S, and an array starting at 1 is stored as it always was.
func NewArrayAt(t Type, lower int, elems []Value) Value {
	v := NewArray(t, elems)
	if lower != 1 && len(elems) > 0 && t != Int2Vector {
		v.S = arrayDims(lower, len(elems)) + "=" + v.S
	}
	return v
}

// arrayDims is array_dims' "[lower:upper]" of n elements from lower.
func arrayDims(lower, n int) string {
	return "[" + strconv.Itoa(lower) + ":" + strconv.Itoa(lower+n-1) + "]"
}

// ArrayLower is the first subscript of the array value v: its "[lo:hi]=" prefix's lo, else
// its type's.
func (v Value) ArrayLower() int {
	if lo, _, _, ok := splitArrayDims(v.S); ok {
		return lo
	}
	return v.T.LowerBound()
}

// splitArrayDims splits PostgreSQL's dimension decoration "[lo:hi]=" (or "[hi]=", from 1)
// off the text of an array; ok is false when s has none. A decoration that does not read is
// gives ok with an empty rest.
func splitArrayDims(s string) (lo, hi int, rest string, ok bool) {
	s = strings.TrimLeft(s, " \t\n\r")
	if !strings.HasPrefix(s, "[") {
		return 0, 0, s, false
	}
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return 0, 0, "", true
	}
	dims, rest := s[1:end], strings.TrimLeft(s[end+1:], " \t\n\r")
	l, h, colon := strings.Cut(dims, ":")
	if !colon {
		l, h = "1", dims
	}
	lo64, err1 := strconv.ParseInt(strings.TrimSpace(l), 10, 32)
	hi64, err2 := strconv.ParseInt(strings.TrimSpace(h), 10, 32)
	rest, eq := strings.CutPrefix(rest, "=")
	if err1 != nil || err2 != nil || !eq {
		return 0, 0, "", true
	}
	return int(lo64), int(hi64), rest, true
}

// appendArrayDims appends body, the text of array v's n elements printed anew, after v's
// bounds when they do not start at 1.
func appendArrayDims(dst []byte, v Value, n int, body string) []byte {
	if lo := v.ArrayLower(); lo != 1 && n > 0 && v.T != Int2Vector {
		dst = append(append(dst, arrayDims(lo, n)...), '=')
	}
	return append(dst, body...)
}

// ErrArrayBounds is the error for an upper bound below the lower bound (2202E).
var ErrArrayBounds = errors.New("upper bound cannot be less than lower bound")

// newArray is NewArray with appendElem printing each element that is not NULL.
func newArray(t Type, elems []Value, appendElem func(Value, []byte) []byte) Value {
	var b []byte
	if t == Int2Vector {
		for i, e := range elems {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendElem(e, b)
		}
		return Value{T: t, S: string(b)}
	}
	b = append(b, '{')
	for i, e := range elems {
		if i > 0 {
			b = append(b, ',')
		}
		if e.IsNull() {
			b = append(b, "NULL"...)
			continue
		}
		b = appendArrayElem(b, string(appendElem(e, nil)))
	}
	return Value{T: t, S: string(append(b, '}'))}
}

// appendArrayElem quotes an element the way array_out does when it must.
func appendArrayElem(b []byte, s string) []byte {
	quote := s == "" || strings.EqualFold(s, "null")
	for _, r := range s {
		if r == '{' || r == '}' || r == ',' || r == '"' || r == '\\' || r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			quote = true
			break
		}
	}
	if !quote {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// ParseArray reads PostgreSQL's text form of a one-dimensional array of type t.
func ParseArray(s string, t Type) (Value, error) {
	return ParseArrayWith(s, t, func(e string) (Value, error) { return parseElem(e, t.Elem()) })
}

// ParseArrayWith is ParseArray with elem reading each element that is not NULL.
func ParseArrayWith(s string, t Type, elem func(string) (Value, error)) (Value, error) {
	if t != Int2Vector {
		lo, hi, rest, ok := splitArrayDims(s)
		switch {
		case ok && rest == "":
			return Value{}, fmt.Errorf("malformed array literal: %q", s)
		case ok && hi < lo:
			return Value{}, ErrArrayBounds
		case ok:
			elems, err := parseArrayText(rest, t, elem)
			if err != nil {
				return Value{}, err
			}
			if len(elems) != hi-lo+1 {
				return Value{}, fmt.Errorf("malformed array literal: %q", s)
			}
			return NewArrayAt(t, lo, elems), nil
		}
	}
	elems, err := parseArrayText(s, t, elem)
	if err != nil {
		return Value{}, err
	}
	return NewArray(t, elems), nil
}

// Elems returns the elements of an array value (without its bounds: ArrayLower).
func (v Value) Elems() ([]Value, error) {
	s := v.S
	if _, _, rest, ok := splitArrayDims(s); ok && v.T != Int2Vector {
		s = rest
	}
	return parseArrayText(s, v.T, func(e string) (Value, error) { return parseElem(e, v.T.Elem()) })
}

// MaxArrayElems bounds the elements of an array value: PostgreSQL's MaxArraySize, and what
// fits in PostgreSQL's MaxAllocSize as drove's Values. A 2-byte element ("1,") becomes a
// 56-byte Value, so without it 200 MB of array text would take gigabytes to read.
var MaxArrayElems = min(1<<27-1, (1<<30-1)/int(unsafe.Sizeof(Value{})))

// ErrArrayTooLarge is the error for an array of more than MaxArrayElems elements (54000).
var ErrArrayTooLarge = fmt.Errorf("array size exceeds the maximum allowed (%d)", MaxArrayElems)

func parseArrayText(s string, t Type, parse func(string) (Value, error)) ([]Value, error) {
	bad := func() ([]Value, error) {
		return nil, fmt.Errorf("malformed array literal: %q", s)
	}
	if t == Int2Vector {
		var out []Value
		for _, f := range strings.Fields(s) {
			if len(out) >= MaxArrayElems {
				return nil, ErrArrayTooLarge
			}
			v, err := parse(f)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return bad()
	}
	body := s[1 : len(s)-1]
	if strings.TrimSpace(body) == "" {
		return nil, nil
	}
	var out []Value
	for i := 0; i <= len(body); {
		if len(out) >= MaxArrayElems {
			return nil, ErrArrayTooLarge
		}
		for i < len(body) && body[i] == ' ' {
			i++
		}
		var elem strings.Builder
		quoted := false
		if i < len(body) && body[i] == '"' {
			quoted = true
			i++
			for ; i < len(body) && body[i] != '"'; i++ {
				if body[i] == '\\' && i+1 < len(body) {
					i++
				}
				elem.WriteByte(body[i])
			}
			if i >= len(body) {
				return bad()
			}
			i++
			for i < len(body) && body[i] == ' ' {
				i++
			}
		} else {
			for ; i < len(body) && body[i] != ','; i++ {
				if body[i] == '{' || body[i] == '}' || body[i] == '"' {
					return bad()
				}
				if body[i] == '\\' && i+1 < len(body) {
					i++
				}
				elem.WriteByte(body[i])
			}
		}
		if i < len(body) && body[i] != ',' {
			return bad()
		}
		text := elem.String()
		if !quoted {
			text = strings.TrimSpace(text)
			if text == "" {
				return bad()
			}
		}
		if !quoted && strings.EqualFold(text, "null") {
			out = append(out, NullValue)
		} else {
			v, err := parse(text)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		i++ // past the comma (or the end)
	}
	return out, nil
}

// parseElem reads one element of an array of integers, text or timetz (a timetz without an
// offset is read in UTC).
func parseElem(s string, t Type) (Value, error) {
	switch t {
	case Text:
		return NewText(s), nil
	case TimeTZ:
		return ParseTimeTZ(s, time.Now(), time.UTC)
	}
	if v, ok, err := parseMoreElem(s, t); ok {
		return v, err
	}
	i, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || (t == Int16 && int64(int16(i)) != i) || (t == Int32 && int64(int32(i)) != i) {
		return Value{}, fmt.Errorf("invalid input syntax for type %s: %q", t, s)
	}
	return NewInt(t, i), nil
}
