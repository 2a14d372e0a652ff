package pgwire

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// Binary format of PostgreSQL values: big-endian integers and IEEE floats, one byte for bool,
// raw bytes for text, bytea, json and uuid (its 16 bytes), jsonb as a version byte (1) and its
// text, timestamps as microseconds and dates as days since 2000-01-01
// (types converts them, infinities included).

// appendBinary appends v in PostgreSQL's binary format for column type t.
func appendBinary(dst []byte, t types.Type, v types.Value) []byte {
	switch t {
	case types.Int16:
		return binary.BigEndian.AppendUint16(dst, uint16(v.I))
	case types.Int32:
		return binary.BigEndian.AppendUint32(dst, uint32(v.I))
	case types.Int64:
		return binary.BigEndian.AppendUint64(dst, uint64(v.I))
	case types.Float32:
		return binary.BigEndian.AppendUint32(dst, math.Float32bits(float32(v.F)))
	case types.Float64:
		return binary.BigEndian.AppendUint64(dst, math.Float64bits(v.F))
	case types.Bool:
		return append(dst, byte(v.I&1))
	case types.Timestamp:
		return binary.BigEndian.AppendUint64(dst, uint64(types.TimestampToPostgres(v.I)))
	case types.Date:
		return binary.BigEndian.AppendUint32(dst, uint32(types.DateToPostgres(v.I)))
	case types.Timestamptz:
		return binary.BigEndian.AppendUint64(dst, uint64(types.TimestampToPostgres(v.I)))
	case types.Time:
		return binary.BigEndian.AppendUint64(dst, uint64(v.I))
	case types.TimeTZ: // timetz_send: the time, then the zone in seconds west
		us, west := types.TimeTZToPostgres(v)
		return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint64(dst, uint64(us)), uint32(west))
	case types.Interval:
		iv := v.Interval()
		dst = binary.BigEndian.AppendUint64(dst, uint64(iv.Micros))
		dst = binary.BigEndian.AppendUint32(dst, uint32(iv.Days))
		return binary.BigEndian.AppendUint32(dst, uint32(iv.Months))
	}
	switch {
	case t == types.Numeric:
		return types.AppendNumericBinary(dst, v)
	case t == types.JSONB || t == types.JSONPath: // jsonb_send, jsonpath_send: a version byte, 1, then the text
		return append(append(dst, 1), v.String()...)
	case t.IsArray():
		return appendBinaryArray(dst, t, v)
	case t.IsRecord():
		return appendBinaryRecord(dst, v)
	}
	return append(dst, v.S...) // text, bytea
}

// appendBinaryArray writes array_send's format: dimensions, a has-NULLs flag, the element
// type, each dimension's length and lower bound, then each element as a length (-1 for NULL)
// and its binary form.
func appendBinaryArray(dst []byte, t types.Type, v types.Value) []byte {
	elems, err := v.Elems()
	if err != nil {
		elems = nil // a value the server made always parses; never send half an array
	}
	hasNull := uint32(0)
	for _, e := range elems {
		if e.IsNull() {
			hasNull = 1
		}
	}
	dims := uint32(1)
	if len(elems) == 0 {
		dims = 0
	}
	dst = binary.BigEndian.AppendUint32(dst, dims)
	dst = binary.BigEndian.AppendUint32(dst, hasNull)
	dst = binary.BigEndian.AppendUint32(dst, t.Elem().OID())
	if dims == 1 {
		dst = binary.BigEndian.AppendUint32(dst, uint32(len(elems)))
		dst = binary.BigEndian.AppendUint32(dst, uint32(int32(v.ArrayLower())))
	}
	for _, e := range elems {
		dst = appendBinaryItem(dst, t.Elem(), e)
	}
	return dst
}

// appendBinaryRecord writes record_send's format: the field count, then per field its type,
// its length (-1 for NULL) and its binary form.
func appendBinaryRecord(dst []byte, v types.Value) []byte {
	fields, vals, err := v.RecordFields()
	if err != nil {
		fields = nil // a value the server made always parses; never send half a record
	}
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(fields)))
	for i, f := range fields {
		dst = binary.BigEndian.AppendUint32(dst, f.Type.OID())
		dst = appendBinaryItem(dst, f.Type, vals[i])
	}
	return dst
}

// appendBinaryItem writes one element or field: its length, then its binary form.
func appendBinaryItem(dst []byte, t types.Type, v types.Value) []byte {
	if v.IsNull() {
		return binary.BigEndian.AppendUint32(dst, math.MaxUint32) // -1
	}
	at := len(dst)
	dst = binary.BigEndian.AppendUint32(dst, 0)
	dst = appendBinary(dst, t, v)
	binary.BigEndian.PutUint32(dst[at:], uint32(len(dst)-at-4))
	return dst
}

// decodeParam reads a parameter sent in text (format 0) or binary (1) as type t; a date in
// text is read in DateStyle's field order order.
func decodeParam(b []byte, format int16, t types.Type, order types.DateOrder) (types.Value, error) {
	if b == nil {
		return types.NullValue, nil
	}
	if format == 0 {
		if err := sql.VerifyText(string(b)); err != nil { // every type's text is client text
			return types.Value{}, err
		}
		return sql.ParseTextIn(string(b), t, order)
	}
	if format != 1 {
		return types.Value{}, sql.Errorf("22023", "unsupported format code: %d", format)
	}
	// The fixed-size types, as PostgreSQL's receive functions read them: too few bytes is a
	// message cut short, too many a bad value.
	if n := t.Size(); n > 0 && len(b) < int(n) {
		return types.Value{}, sql.Errorf("08P01", "insufficient data left in message")
	} else if n > 0 && len(b) > int(n) {
		return types.Value{}, sql.Errorf("22P03", "incorrect binary data format in bind parameter: %d bytes for %s", len(b), t)
	}
	switch t {
	case types.Int16:
		return types.NewInt(t, int64(int16(binary.BigEndian.Uint16(b)))), nil
	case types.Int32:
		return types.NewInt(t, int64(int32(binary.BigEndian.Uint32(b)))), nil
	case types.Int64:
		return types.NewInt(t, int64(binary.BigEndian.Uint64(b))), nil
	case types.Float32:
		return types.NewFloat(t, float64(math.Float32frombits(binary.BigEndian.Uint32(b)))), nil
	case types.Float64:
		return types.NewFloat(t, math.Float64frombits(binary.BigEndian.Uint64(b))), nil
	case types.Bool:
		return types.NewBool(b[0] != 0), nil
	case types.Timestamp:
		return dateTimeParam(types.TimestampFromPostgres(int64(binary.BigEndian.Uint64(b))))
	case types.Date:
		return dateTimeParam(types.DateFromPostgres(int32(binary.BigEndian.Uint32(b))))
	case types.Timestamptz:
		return dateTimeParam(types.TimestamptzFromPostgres(int64(binary.BigEndian.Uint64(b))))
	case types.Time:
		us := int64(binary.BigEndian.Uint64(b))
		if us < 0 || us > types.MicrosPerDay {
			return types.Value{}, sql.Errorf("22008", "time out of range")
		}
		return types.Value{T: types.Time, I: us}, nil
	case types.TimeTZ:
		return dateTimeParam(types.TimeTZFromPostgres(int64(binary.BigEndian.Uint64(b)), int32(binary.BigEndian.Uint32(b[8:]))))
	case types.Interval:
		return types.IntervalFromPostgres(int64(binary.BigEndian.Uint64(b)), int32(binary.BigEndian.Uint32(b[8:])),
			int32(binary.BigEndian.Uint32(b[12:]))), nil
	case types.Text: // textrecv: the client's text, checked as PostgreSQL converts it
		if err := sql.VerifyText(string(b)); err != nil {
			return types.Value{}, err
		}
		return types.NewText(string(b)), nil
	case types.Bytea:
		return types.NewBytea(b), nil
	}
	switch t {
	case types.UUID:
		return types.Value{T: types.UUID, S: string(b)}, nil // 16 bytes, checked above
	case types.JSON:
		return textRecv(b, t)
	case types.JSONB:
		if len(b) == 0 || b[0] != 1 {
			return types.Value{}, sql.Errorf("22P03", "unsupported jsonb version number %d", append(b, 0)[0])
		}
		return textRecv(b[1:], t)
	case types.JSONPath:
		if len(b) == 0 || b[0] != 1 {
			// PostgreSQL says XX000 (elog), but the bytes are the client's: 22P03 as for jsonb
			return types.Value{}, sql.Errorf("22P03", "unsupported jsonpath version number: %d", append(b, 0)[0])
		}
		return textRecv(b[1:], t)
	}
	if t == types.Numeric {
		v, err := types.ParseNumericBinary(b)
		if err != nil {
			return types.Value{}, sql.Errorf("22P03", "incorrect binary data format in bind parameter: %v", err)
		}
		return v, nil
	}
	if t.IsArray() {
		return decodeBinaryArray(b, t)
	}
	return types.Value{}, sql.Errorf("0A000", "binary parameters of type %s are not supported", t)
}

// textRecv reads a binary json, jsonb or jsonpath parameter, whose body is text: checked as
// client text (a NUL is 22021, as PostgreSQL's pq_getmsgtext says), then parsed.
func textRecv(b []byte, t types.Type) (types.Value, error) {
	if err := sql.VerifyText(string(b)); err != nil {
		return types.Value{}, err
	}
	return sql.ParseText(string(b), t)
}

// maxArrayDims is PostgreSQL's MAXDIM.
const maxArrayDims = 6

// decodeBinaryArray reads array_send's format (see appendBinaryArray) as an array of type t.
// dateTimeParam turns a refused binary date or timestamp into its SQL error.
func dateTimeParam(v types.Value, err error) (types.Value, error) {
	if dt, ok := err.(*types.DateTimeError); ok {
		return types.Value{}, sql.Errorf(dt.Code, "%s", dt.Msg)
	}
	return v, err
}

func decodeBinaryArray(b []byte, t types.Type) (types.Value, error) {
	bad := sql.Errorf("22P03", "incorrect binary data format in bind parameter of type %s", t)
	word := func() (uint32, bool) {
		if len(b) < 4 {
			return 0, false
		}
		w := binary.BigEndian.Uint32(b)
		b = b[4:]
		return w, true
	}
	dims, ok1 := word()
	flags, ok2 := word() // the has-NULLs flag: the lengths say which are
	elemOID, ok3 := word()
	switch nd := int32(dims); {
	case !ok1 || !ok2 || !ok3:
		return types.Value{}, bad
	case nd < 0: // array_recv's checks, in its order
		return types.Value{}, sql.Errorf("22P03", "invalid number of dimensions: %d", nd)
	case nd > maxArrayDims:
		return types.Value{}, sql.Errorf("54000", "number of array dimensions (%d) exceeds the maximum allowed (%d)", nd, maxArrayDims)
	case flags > 1:
		return types.Value{}, sql.Errorf("22P03", "invalid array flags")
	case nd > 1:
		return types.Value{}, sql.Errorf("0A000", "multidimensional arrays are not supported")
	}
	if dims == 0 {
		if len(b) != 0 {
			return types.Value{}, bad
		}
		return types.NewArray(t, nil), nil
	}
	n, ok1 := word()
	lb, ok2 := word()
	lower := int64(int32(lb))
	if !ok1 || !ok2 || n > uint32(len(b)/4) {
		return types.Value{}, bad
	}
	if lower+int64(n) > math.MaxInt32+1 { // array_recv's ArrayCheckBounds
		return types.Value{}, sql.Errorf("54000", "array lower bound is too large: %d", lower)
	}
	et := types.FromOID(elemOID)
	if et != t.Elem() && !(et.IsInteger() && t.Elem().IsInteger()) && !(et == types.Text && t.Elem() == types.Text) {
		return types.Value{}, sql.Errorf("42804", "wrong element type %d in a binary %s parameter", elemOID, t)
	}
	elems := make([]types.Value, n)
	for i := range elems {
		l, ok := word()
		switch {
		case !ok:
			return types.Value{}, bad
		case l == math.MaxUint32:
			elems[i] = types.NullValue
			continue
		case l > uint32(len(b)):
			return types.Value{}, bad
		}
		v, err := decodeParam(b[:l], 1, et, types.DateOrderMDY)
		if err != nil {
			return types.Value{}, err
		}
		if v.T != t.Elem() { // an int4 element of an int8[] parameter, say
			if v, err = sql.Assign(v, &types.Column{Type: t.Elem()}); err != nil {
				return types.Value{}, err
			}
		}
		elems[i] = v
		b = b[l:]
	}
	if len(b) != 0 { // bytes past the last element: PostgreSQL's check that Bind read it all
		return types.Value{}, bad
	}
	return types.NewArrayAt(t, int(lower), elems), nil
}

// formatFor returns the format code for column i given Bind's result format codes: none means
// all text, one applies to every column, else one per column.
func formatFor(formats []int16, i int) (int16, error) {
	switch {
	case len(formats) == 0:
		return 0, nil
	case len(formats) == 1:
		return formats[0], nil
	case i < len(formats):
		return formats[i], nil
	}
	return 0, fmt.Errorf("format code missing for column %d", i)
}
