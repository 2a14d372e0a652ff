package drove

import (
	"database/sql/driver"
	"fmt"
	"math"
	"strconv"
	"time"
	"unsafe"

	drovesql "github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// Values cross the driver as pgx's database/sql driver maps them: integers as int64, floats
// as float64, bool, text as string, bytea as []byte, timestamps and dates as time.Time (UTC;
// an infinite one as the string "infinity" or "-infinity"), numeric exactly, as its text, and
// arrays as their PostgreSQL text ({1,2,3}), uuid as its text, json and jsonb as []byte of
// their text. Arguments may also be any Go integer or float, []int64, []int32, []int16, []int
// or []string for array parameters, and a [16]byte for a uuid.

// CheckNamedValue implements driver.NamedValueChecker: it accepts the types toValue converts,
// normalizing Go integers and floats, and leaves the rest (driver.Valuer values, named types)
// to database/sql's default conversion.
func (c *conn) CheckNamedValue(nv *driver.NamedValue) error {
	switch x := nv.Value.(type) {
	case nil, int64, float64, bool, string, []byte, time.Time,
		[]int64, []int32, []int16, []int, []string, [16]byte:
		return nil
	case int:
		nv.Value = int64(x)
	case int8:
		nv.Value = int64(x)
	case int16:
		nv.Value = int64(x)
	case int32:
		nv.Value = int64(x)
	case uint8:
		nv.Value = int64(x)
	case uint16:
		nv.Value = int64(x)
	case uint32:
		nv.Value = int64(x)
	case uint:
		return uintArg(nv, uint64(x))
	case uint64:
		return uintArg(nv, x)
	case float32:
		nv.Value = float64(x)
	default:
		return driver.ErrSkip
	}
	return nil
}

func uintArg(nv *driver.NamedValue, x uint64) error {
	if x > math.MaxInt64 {
		return drovesql.Errorf("22003", "drove: argument $%d: %d is out of range for bigint", nv.Ordinal, x)
	}
	nv.Value = int64(x)
	return nil
}

// toValue converts a database/sql argument to a value of the parameter's type.
func toValue(v driver.Value, t types.Type) (types.Value, error) {
	switch x := v.(type) {
	case nil:
		return types.NullValue, nil
	case int64:
		switch {
		case t.IsInteger():
			return types.NewInt(t, x), nil
		case t.IsFloat():
			return types.NewFloat(t, float64(x)), nil
		case t == types.Numeric:
			return drovesql.ParseText(strconv.FormatInt(x, 10), t)
		}
	case float64:
		switch {
		case t.IsFloat():
			return types.NewFloat(t, x), nil
		case t == types.Numeric:
			return drovesql.ParseText(strconv.FormatFloat(x, 'g', -1, 64), t)
		}
	case bool:
		if t == types.Bool {
			return types.NewBool(x), nil
		}
	case time.Time:
		switch t {
		case types.Timestamp:
			return timestamp(x)
		case types.Timestamptz: // the instant, whatever the time's zone
			v, err := timestamp(x.UTC())
			v.T = types.Timestamptz
			return v, err
		case types.Date: // the time's UTC calendar day, as a date reads back
			if d := types.NewDate(x); types.DateInRange(d.I) {
				return d, nil
			}
			return types.Value{}, drovesql.Errorf("22008", "date out of range")
		}
	case []byte:
		if t == types.Bytea {
			return types.NewBytea(x), nil
		}
		return drovesql.ParseText(string(x), t)
	case [16]byte:
		if t == types.UUID {
			return types.NewUUID(x), nil
		}
	case string:
		return drovesql.ParseText(x, t)
	case []int64:
		return intArray(t, x)
	case []int32:
		return intArray(t, x)
	case []int16:
		return intArray(t, x)
	case []int:
		return intArray(t, x)
	case []string:
		if t == types.TextArray {
			elems := make([]types.Value, len(x))
			for i, s := range x {
				elems[i] = types.NewText(s)
			}
			return types.NewArray(t, elems), nil
		}
	}
	return types.Value{}, drovesql.Errorf("42804", "cannot use a Go %T as %s", v, t)
}

// intArray is the integer array of type t holding xs.
func intArray[I int | int16 | int32 | int64](t types.Type, xs []I) (types.Value, error) {
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	switch t.Elem() {
	case types.Int16:
		lo, hi = math.MinInt16, math.MaxInt16
	case types.Int32:
		lo, hi = math.MinInt32, math.MaxInt32
	case types.Int64:
	default:
		return types.Value{}, drovesql.Errorf("42804", "cannot use a Go %T as %s", xs, t)
	}
	elems := make([]types.Value, len(xs))
	for i, x := range xs {
		if int64(x) < lo || int64(x) > hi {
			return types.Value{}, drovesql.Errorf("22003", "%d is out of range for %s", x, t.Elem())
		}
		elems[i] = types.NewInt(t.Elem(), int64(x))
	}
	return types.NewArray(t, elems), nil
}

func goValue(v types.Value) driver.Value {
	if v.IsNull() {
		return nil
	}
	switch v.T {
	case types.Int16, types.Int32, types.Int64:
		return v.I
	case types.Float32, types.Float64:
		return v.F
	case types.Bool:
		return v.Bool()
	case types.Timestamp, types.Date:
		if types.IsInfinite(v.I) {
			return v.String() // "infinity" or "-infinity": no time.Time is infinite
		}
		if v.T == types.Date {
			return time.Unix(v.I*86400, 0).UTC()
		}
		return v.Time()
	case types.Timestamptz:
		if types.IsInfinite(v.I) {
			return v.String()
		}
		return v.Time()
	case types.Bytea:
		return []byte(v.S)
	case types.Text, types.Numeric:
		return v.S
	case types.JSON, types.JSONB:
		return []byte(v.String())
	}
	if v.T.IsArray() {
		return v.S // PostgreSQL's array text, {1,2,3}
	}
	return v.String()
}

// timestamp converts a Go time to a timestamp value, refusing one outside its range.
func timestamp(t time.Time) (types.Value, error) {
	v, err := types.TimestampFromTime(t)
	if dt, ok := err.(*types.DateTimeError); ok {
		return types.Value{}, &drovesql.Error{Code: dt.Code, Message: dt.Msg}
	}
	if err != nil {
		return types.Value{}, fmt.Errorf("drove: %w", err)
	}
	return v, nil
}

// boxSlab hands out the slots that back the string, integer and float values Next stores in
// dest: boxing each the usual way is an allocation per value (a point SELECT's only one on
// the driver's side of database/sql), a slab is one per boxSlots values. A slot is never
// used twice — a value scanned into an *any keeps pointing at it — so a slab lives as long
// as any value boxed in it. Numbers use decode's layout (kv_decode.go): the bits in the
// length word of a string slot, which the collector does not read as a pointer.
type boxSlab struct{ slots []string }

const boxSlots = 64

func (b *boxSlab) slot() *string {
	if len(b.slots) == 0 {
		b.slots = make([]string, boxSlots)
	}
	p := &b.slots[0]
	b.slots = b.slots[1:]
	return p
}

// str boxes s as a string.
func (b *boxSlab) str(s string) driver.Value {
	p := b.slot()
	*p = s
	return boxAt(stringType, unsafe.Pointer(p))
}

// num boxes the bits of an int64 (typ int64Type) or float64 (float64Type).
func (b *boxSlab) num(typ unsafe.Pointer, bits uint64) driver.Value {
	word := (*[2]uint64)(unsafe.Pointer(b.slot()))
	word[1] = bits
	return boxAt(typ, unsafe.Pointer(&word[1]))
}
