package pgwire

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// Binary format of PostgreSQL values: big-endian integers and IEEE floats, one byte for bool,
// raw bytes for text and bytea, timestamps as microseconds and dates as days since 2000-01-01.
const (
	pgEpochMicros = 946684800 * 1_000_000
	pgEpochDays   = 10957
)

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
		return binary.BigEndian.AppendUint64(dst, uint64(v.I-pgEpochMicros))
	case types.Date:
		return binary.BigEndian.AppendUint32(dst, uint32(int32(v.I-pgEpochDays)))
	}
	return append(dst, v.S...) // text, bytea
}

// decodeParam reads a parameter sent in text (format 0) or binary (1) as type t.
func decodeParam(b []byte, format int16, t types.Type) (types.Value, error) {
	if b == nil {
		return types.NullValue, nil
	}
	if format == 0 {
		return sql.ParseText(string(b), t)
	}
	if format != 1 {
		return types.Value{}, sql.Errorf("08P01", "unsupported format code %d", format)
	}
	size := map[types.Type]int{types.Int16: 2, types.Int32: 4, types.Int64: 8, types.Float32: 4,
		types.Float64: 8, types.Bool: 1, types.Timestamp: 8, types.Date: 4}
	if n, fixed := size[t]; fixed && len(b) != n {
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
		return types.Value{T: t, I: int64(binary.BigEndian.Uint64(b)) + pgEpochMicros}, nil
	case types.Date:
		return types.Value{T: t, I: int64(int32(binary.BigEndian.Uint32(b))) + pgEpochDays}, nil
	case types.Text:
		return types.NewText(string(b)), nil
	case types.Bytea:
		return types.NewBytea(b), nil
	}
	return types.Value{}, sql.Errorf("0A000", "binary parameters of type %s are not supported", t)
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
