package types

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// The row encoding holds the non-key columns of a row (key columns live in the key):
//
//	uvarint n                      number of encoded columns (older rows may have fewer
//	                               columns than the schema: the missing ones read as NULL)
//	per column, in schema order:   tag byte 0 = NULL, 1 = present, then the payload:
//	  integers, timestamps         zig-zag varint
//	  floats                       8 bytes little-endian IEEE 754 float64 bits
//	  bool                         1 byte
//	  text, bytea                  uvarint length + bytes

// AppendRow appends the encoding of the non-key columns of row to dst.
func AppendRow(dst []byte, s *Schema, row []Value) []byte {
	n := len(s.Columns) - len(s.PK)
	dst = binary.AppendUvarint(dst, uint64(n))
	for i, c := range s.Columns {
		if s.IsPK(i) {
			continue
		}
		v := row[i]
		if v.IsNull() {
			dst = append(dst, 0)
			continue
		}
		dst = append(dst, 1)
		switch c.Type {
		case Int16, Int32, Int64, Timestamp, Date, Timestamptz, Time, TimeTZ:
			dst = binary.AppendVarint(dst, v.I)
		case Float32, Float64:
			dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(v.F))
		case Bool:
			dst = append(dst, byte(v.I&1))
		default: // text, bytea, arrays, records
			dst = binary.AppendUvarint(dst, uint64(len(v.S)))
			dst = append(dst, v.S...)
		}
	}
	return dst
}

var errShortRow = errors.New("corrupt row: truncated")

// DecodeRow decodes key and value into row, which must have len(s.Columns) entries.
func DecodeRow(s *Schema, key, value []byte, row []Value) error {
	if err := DecodeKey(s, key, row); err != nil {
		return err
	}
	return DecodeValue(s, value, row)
}

// DecodeValue decodes only the non-key columns of value into row.
func DecodeValue(s *Schema, b []byte, row []Value) error { return decodeValue(s, b, row, nil, nil) }

// DecodeValueRaw is DecodeValue without copies: a column whose value is bytes (text, bytea,
// numeric, arrays, records) reads as an empty value of its type, and raw[i] (raw has
// len(s.Columns) entries) is its bytes, a view of b that must not be modified; nil for NULL.
// A reader that copies them into a buffer of its own decodes a row without allocating.
func DecodeValueRaw(s *Schema, b []byte, row []Value, raw [][]byte) error {
	return decodeValue(s, b, row, nil, raw)
}

// DecodeColumns is DecodeRow for a reader that needs only some columns: text and bytea
// columns with need[i] false are skipped rather than copied out (they read as empty values of
// their type), and the key is not decoded when no key column is needed (its columns keep what
// row held). A nil need decodes everything.
func DecodeColumns(s *Schema, key, value []byte, row []Value, need []bool) error {
	keyNeeded := need == nil
	for _, p := range s.PK {
		keyNeeded = keyNeeded || need[p]
	}
	if keyNeeded {
		if err := DecodeKey(s, key, row); err != nil {
			return err
		}
	}
	return decodeValue(s, value, row, need, nil)
}

func decodeValue(s *Schema, b []byte, row []Value, need []bool, raw [][]byte) error {
	n, k := binary.Uvarint(b)
	if k <= 0 {
		return errShortRow
	}
	b = b[k:]
	seen := uint64(0)
	for i, c := range s.Columns {
		if s.IsPK(i) {
			continue
		}
		if raw != nil {
			raw[i] = nil
		}
		if seen >= n {
			row[i] = NullValue
			continue
		}
		seen++
		if len(b) == 0 {
			return errShortRow
		}
		tag := b[0]
		b = b[1:]
		if tag == 0 {
			row[i] = NullValue
			continue
		}
		if tag != 1 {
			return fmt.Errorf("corrupt row: bad tag %d", tag)
		}
		switch c.Type {
		case Int16, Int32, Int64, Timestamp, Date, Timestamptz, Time, TimeTZ:
			x, k := binary.Varint(b)
			if k <= 0 {
				return errShortRow
			}
			row[i] = Value{T: c.Type, I: x}
			b = b[k:]
		case Float32, Float64:
			if len(b) < 8 {
				return errShortRow
			}
			row[i] = Value{T: c.Type, F: math.Float64frombits(binary.LittleEndian.Uint64(b))}
			b = b[8:]
		case Bool:
			if len(b) < 1 {
				return errShortRow
			}
			row[i] = Value{T: Bool, I: int64(b[0] & 1)}
			b = b[1:]
		case Text, Bytea:
			l, k := binary.Uvarint(b)
			if k <= 0 || uint64(len(b)-k) < l {
				return errShortRow
			}
			switch {
			case raw != nil:
				row[i], raw[i] = Value{T: c.Type}, b[k:k+int(l)]
			case need == nil || need[i]:
				row[i] = Value{T: c.Type, S: string(b[k : k+int(l)])}
			default:
				row[i] = Value{T: c.Type}
			}
			b = b[k+int(l):]
		default:
			if !c.Type.HoldsBytes() {
				return fmt.Errorf("corrupt row: column %q has invalid type %d", c.Name, c.Type)
			}
			l, k := binary.Uvarint(b)
			if k <= 0 || uint64(len(b)-k) < l {
				return errShortRow
			}
			if raw != nil {
				row[i], raw[i] = Value{T: c.Type}, b[k:k+int(l)]
			} else {
				row[i] = Value{T: c.Type, S: string(b[k : k+int(l)])}
			}
			b = b[k+int(l):]
		}
	}
	return nil
}
