package types

import (
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// The arrays of the other element types. Like the first ones (array.go) a value keeps its
// elements in S in PostgreSQL's text output form, which is also how a row stores it
// (AppendRow writes S as it is): that form is PostgreSQL's own, so it stays readable as long
// as the element types' text forms do. A timestamptz[] keeps its elements in UTC (+00); the
// session's TimeZone applies only on output (sql's appendTextIn).
const (
	BoolArray        Type = 80
	Float32Array     Type = 81
	Float64Array     Type = 82
	NumericArray     Type = 83
	DateArray        Type = 84
	TimestampArray   Type = 85
	TimestamptzArray Type = 86
	IntervalArray    Type = 87
	TimeArray        Type = 88
	UUIDArray        Type = 89
	ByteaArray       Type = 90
	JSONBArray       Type = 91
)

// moreArrays pairs each of these array types with its element type and the OIDs of both.
var moreArrays = []struct {
	array, elem Type
	oid         uint32
}{
	{BoolArray, Bool, 1000}, {Float32Array, Float32, 1021}, {Float64Array, Float64, 1022},
	{NumericArray, Numeric, 1231}, {DateArray, Date, 1182}, {TimestampArray, Timestamp, 1115},
	{TimestamptzArray, Timestamptz, 1185}, {IntervalArray, Interval, 1187}, {TimeArray, Time, 1183},
	{UUIDArray, UUID, 2951}, {ByteaArray, Bytea, 1001}, {JSONBArray, JSONB, 3807},
}

func isMoreArray(t Type) bool { return t >= BoolArray && t <= JSONBArray }

func moreElem(t Type) Type {
	for _, a := range moreArrays {
		if a.array == t {
			return a.elem
		}
	}
	return Null
}

func moreArrayOf(t Type) Type {
	for _, a := range moreArrays {
		if a.elem == t {
			return a.array
		}
	}
	return Null
}

func moreArrayOID(t Type) uint32 {
	for _, a := range moreArrays {
		if a.array == t {
			return a.oid
		}
	}
	return 0
}

func moreArrayFromOID(oid uint32) Type {
	for _, a := range moreArrays {
		if a.oid == oid {
			return a.array
		}
	}
	return Null
}

// parseMoreElem reads one element of one of these arrays (a timestamptz without a zone in
// UTC); ok is false for other element types.
func parseMoreElem(s string, t Type) (v Value, ok bool, err error) {
	now := time.Now()
	switch t {
	case Bool:
		v, err = parseBoolElem(s)
	case Float32, Float64:
		v, err = parseFloatElem(s, t)
	case Numeric:
		v, err = ParseNumeric(s)
	case Date:
		v, err = ParseDate(s, now)
	case Timestamp:
		v, err = ParseTimestamp(s, now)
	case Timestamptz:
		v, err = ParseTimestamptz(s, now, time.UTC)
	case Interval:
		v, err = ParseInterval(s)
	case Time:
		v, err = ParseTime(s)
	case UUID:
		v, err = ParseUUID(s)
	case Bytea:
		v, err = parseByteaHexElem(s)
	case JSONB:
		var n *JSONNode
		if n, err = ParseJSON(s, true); err == nil {
			v = NewJSONB(n)
		}
	default:
		return v, false, nil
	}
	return v, true, err
}

func parseBoolElem(s string) (Value, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1":
		return NewBool(true), nil
	case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0":
		return NewBool(false), nil
	}
	return Value{}, fmt.Errorf("invalid input syntax for type boolean: %q", s)
}

func parseFloatElem(s string, t Type) (Value, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "nan":
		return NewFloat(t, math.NaN()), nil
	case "infinity", "inf", "+infinity":
		return NewFloat(t, math.Inf(1)), nil
	case "-infinity", "-inf":
		return NewFloat(t, math.Inf(-1)), nil
	}
	bits := 64
	if t == Float32 {
		bits = 32
	}
	f, err := strconv.ParseFloat(s, bits)
	if err != nil {
		return Value{}, fmt.Errorf("invalid input syntax for type %s: %q", t, s)
	}
	return NewFloat(t, f), nil
}

// parseByteaHexElem reads a bytea element in the hex form arrays print.
func parseByteaHexElem(s string) (Value, error) {
	rest, ok := strings.CutPrefix(s, `\x`)
	b, err := hex.DecodeString(rest)
	if !ok || err != nil {
		return Value{}, fmt.Errorf("invalid input syntax for type bytea: %q", s)
	}
	return NewBytea(b), nil
}

// AppendTextIn appends v in PostgreSQL's text output format with loc as the session's
// TimeZone: a timestamptz, and each element of a timestamptz[], prints in loc.
func AppendTextIn(dst []byte, v Value, loc *time.Location) []byte {
	switch {
	case v.IsNull():
		return dst
	case v.T == Timestamptz:
		return AppendTimestamptz(dst, v.I, loc)
	case v.T == TimestamptzArray && loc != time.UTC:
		elems, err := v.Elems()
		if err != nil {
			return append(dst, v.S...)
		}
		a := newArray(v.T, elems, func(e Value, b []byte) []byte { return AppendTimestamptz(b, e.I, loc) })
		return appendArrayDims(dst, v, len(elems), a.S)
	}
	return v.AppendText(dst)
}
