package types

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// The primary-key encoding is order-preserving: bytes.Compare on two encoded keys orders them
// as the SQL values compare, column by column. Integers of every width share one 8-byte form so
// that a key compares the same whatever integer type a literal was parsed as.
//
//	integers, timestamps: 8 bytes big-endian with the sign bit flipped
//	floats:               8 bytes of the float64 bits, sign-folded (negative numbers inverted)
//	bool:                 1 byte
//	text, bytea:          bytes with 0x00 escaped as 0x00 0xFF, terminated by 0x00 0x01
//	uuid:                 its 16 bytes (PostgreSQL orders uuids by memcmp)

// ErrNullKey is returned when a primary-key value is NULL.
var ErrNullKey = errors.New("primary key value is NULL")

// AppendKey appends the order-preserving encoding of the primary key of row (a full row in
// schema column order) to dst.
func AppendKey(dst []byte, s *Schema, row []Value) ([]byte, error) {
	for _, p := range s.PK {
		var err error
		if dst, err = AppendKeyValue(dst, s.Columns[p].Type, row[p]); err != nil {
			return dst, err
		}
	}
	return dst, nil
}

// AppendKeyValue appends one key column. v must already have the column's type family.
func AppendKeyValue(dst []byte, t Type, v Value) ([]byte, error) {
	if v.IsNull() {
		return dst, ErrNullKey
	}
	switch t {
	case Int16, Int32, Int64, Timestamp, Date, Timestamptz, Time, TimeTZ:
		return binary.BigEndian.AppendUint64(dst, uint64(v.I)^(1<<63)), nil
	case Interval:
		return appendIntervalKey(dst, v), nil
	case Float32, Float64:
		b := math.Float64bits(v.F)
		if b&(1<<63) != 0 {
			b = ^b
		} else {
			b |= 1 << 63
		}
		return binary.BigEndian.AppendUint64(dst, b), nil
	case Bool:
		return append(dst, byte(v.I&1)), nil
	case Text, Bytea:
		for i := 0; i < len(v.S); i++ {
			c := v.S[i]
			dst = append(dst, c)
			if c == 0 {
				dst = append(dst, 0xFF)
			}
		}
		return append(dst, 0x00, 0x01), nil
	case UUID:
		if len(v.S) != 16 {
			return dst, fmt.Errorf("corrupt uuid value")
		}
		return append(dst, v.S...), nil
	}
	return dst, fmt.Errorf("type %s cannot be a key column", t)
}

// KeyValueLen is the length of the one encoded key column of type t at the start of b, 0 when
// b does not start with one.
func KeyValueLen(t Type, b []byte) int {
	switch t {
	case Int16, Int32, Int64, Timestamp, Date, Float32, Float64, Timestamptz, Time, TimeTZ:
		if len(b) < 8 {
			return 0
		}
		return 8
	case Interval:
		if len(b) < 32 {
			return 0
		}
		return 32
	case Bool:
		return min(1, len(b))
	case UUID:
		if len(b) < 16 {
			return 0
		}
		return 16
	case Text, Bytea:
		for i := 0; i+1 < len(b); i++ {
			if b[i] == 0 {
				if b[i+1] == 0x01 {
					return i + 2
				}
				i++ // 0x00 0xFF: an escaped zero byte
			}
		}
	}
	return 0
}

// DecodeKey decodes an encoded primary key into the PK columns of row (a full row in schema
// column order); other columns are left untouched.
func DecodeKey(s *Schema, key []byte, row []Value) error {
	for _, p := range s.PK {
		t := s.Columns[p].Type
		var n int
		var err error
		row[p], n, err = decodeKeyValue(t, key)
		if err != nil {
			return err
		}
		key = key[n:]
	}
	if len(key) != 0 {
		return fmt.Errorf("corrupt key: %d trailing bytes", len(key))
	}
	return nil
}

var errShortKey = errors.New("corrupt key: truncated")

func decodeKeyValue(t Type, b []byte) (Value, int, error) {
	switch t {
	case Interval:
		if len(b) < 32 {
			return Value{}, 0, errShortKey
		}
		return Value{T: Interval, S: string(b[16:32])}, 32, nil
	case Int16, Int32, Int64, Timestamp, Date, Timestamptz, Time, TimeTZ:
		if len(b) < 8 {
			return Value{}, 0, errShortKey
		}
		return Value{T: t, I: int64(binary.BigEndian.Uint64(b) ^ (1 << 63))}, 8, nil
	case Float32, Float64:
		if len(b) < 8 {
			return Value{}, 0, errShortKey
		}
		u := binary.BigEndian.Uint64(b)
		if u&(1<<63) != 0 {
			u &^= 1 << 63
		} else {
			u = ^u
		}
		return Value{T: t, F: math.Float64frombits(u)}, 8, nil
	case Bool:
		if len(b) < 1 {
			return Value{}, 0, errShortKey
		}
		return Value{T: Bool, I: int64(b[0] & 1)}, 1, nil
	case UUID:
		if len(b) < 16 {
			return Value{}, 0, errShortKey
		}
		return Value{T: UUID, S: string(b[:16])}, 16, nil
	case Text, Bytea:
		out := make([]byte, 0, len(b))
		for i := 0; i < len(b); i++ {
			if b[i] != 0 {
				out = append(out, b[i])
				continue
			}
			if i+1 >= len(b) {
				return Value{}, 0, errShortKey
			}
			switch b[i+1] {
			case 0x01:
				return Value{T: t, S: string(out)}, i + 2, nil
			case 0xFF:
				out = append(out, 0)
				i++
			default:
				return Value{}, 0, fmt.Errorf("corrupt key: bad escape 0x%02x", b[i+1])
			}
		}
		return Value{}, 0, errShortKey
	}
	return Value{}, 0, fmt.Errorf("type %s cannot be a key column", t)
}

// AppendNullableKeyValue is the key encoding of a part of a NULLS NOT DISTINCT index: a byte
// 0 for NULL (which sorts first, as PostgreSQL's NULLS FIRST would; the index's order is not
// read by scans), else 1 and the value's AppendKeyValue.
func AppendNullableKeyValue(dst []byte, t Type, v Value) ([]byte, error) {
	if v.IsNull() {
		return append(dst, 0), nil
	}
	return AppendKeyValue(append(dst, 1), t, v)
}

// NullableKeyValueLen is KeyValueLen for AppendNullableKeyValue's encoding.
func NullableKeyValueLen(t Type, b []byte) int {
	switch {
	case len(b) == 0:
		return 0
	case b[0] == 0:
		return 1
	}
	if n := KeyValueLen(t, b[1:]); n > 0 {
		return n + 1
	}
	return 0
}
