package sql

import (
	"math"

	"github.com/cockroachdb/apd/v3"

	"github.com/drovedb/drove/types"
)

// A predicate's value meets a key column (of the primary key or of an index) whose type may
// differ from its own: k = 9.0 on an integer key, k = 1 on a float key. The key encoding finds
// rows by the bytes of the column's own type, so the value is first put in the column's terms,
// comparing as PostgreSQL's cross-type operators do: exactly (9.0 is 9), or known to match
// nothing (9.5), or, when neither is possible, the access reads rows and the filter decides.

// keyMatch is what keyValue could make of a value.
type keyMatch uint8

const (
	keyExact keyMatch = iota // the rows equal to the value are the rows whose key is the result
	keyNone                  // no value of the column equals it
	keyScan                  // the equal rows have more than one encoding, or none can be told
)

// maxExactFloat bounds the integers that are exactly float64s: below it, an integral float is
// equal to one integer only.
const maxExactFloat = 1 << 53

// keyValue converts a non-NULL value to the key encoding's form of column type t.
func keyValue(v types.Value, t types.Type) (types.Value, keyMatch) {
	switch {
	case t.IsInteger():
		return intKeyValue(v, t)
	case t.IsFloat():
		if familyOf(v.T) != famNumeric {
			return v, keyScan
		}
		// A float compares with integers and numerics as float8 (even a real column).
		f := num(v)
		if f == 0 || math.IsNaN(f) {
			return v, keyScan // 0 and -0, and NaNs, are equal but encode apart
		}
		return types.NewFloat(t, f), keyExact
	case t == types.Date && v.T == types.Timestamp:
		if types.IsInfinite(v.I) {
			return types.Value{T: t, I: v.I}, keyExact
		}
		if v.I%microsPerDay != 0 {
			return v, keyNone // not a whole day
		}
		return types.Value{T: t, I: v.I / microsPerDay}, keyExact
	case t == types.Timestamp && v.T == types.Date:
		us, ok := types.DateToTimestamp(v.I)
		if !ok {
			return v, keyNone // past the timestamps: equals none of them
		}
		return types.Value{T: t, I: us}, keyExact
	case t == types.Interval:
		return v, keyScan // equal intervals ('1 mon', '30 days') encode apart
	case v.T == t:
		return v, keyExact
	}
	return v, keyScan
}

// intKeyValue converts a value for an integer key column: an integer of any width as it is,
// a float or numeric only when it is integral.
func intKeyValue(v types.Value, t types.Type) (types.Value, keyMatch) {
	switch {
	case v.T.IsInteger():
		return types.NewInt(t, v.I), keyExact // all integer keys encode as 64 bits
	case v.T.IsFloat():
		f := v.F
		switch {
		case math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f):
			return v, keyNone
		case math.Abs(f) < maxExactFloat:
			return types.NewInt(t, int64(f)), keyExact
		case t != types.Int64:
			return v, keyNone // beyond every int4
		}
		return v, keyScan // several bigints are equal to this float
	case v.T == types.Numeric:
		d, err := v.Decimal()
		if err != nil {
			return v, keyScan
		}
		i, err := d.Int64() // fails for NaN, infinities, fractions and what no bigint reaches
		if err != nil {
			return v, keyNone
		}
		return types.NewInt(t, i), keyExact
	}
	return v, keyScan
}

// keyBound converts a range bound on a key column of type t (lower: > or >=; inclusive: >= or
// <=) into one in the column's terms, with the inclusiveness that goes with it: k > 8.5 on an
// integer column is k >= 9. ok is false when it cannot (the access then scans).
func keyBound(v types.Value, t types.Type, lower, inclusive bool) (kv types.Value, inc, ok bool) {
	if kv, m := keyValue(v, t); m == keyExact {
		return kv, inclusive, true
	}
	switch {
	case t.IsFloat() && familyOf(v.T) == famNumeric:
		if f := num(v); f == 0 {
			// -0 sorts before 0 in the encoding: a bound at zero takes in both or neither.
			if lower == inclusive {
				return types.NewFloat(t, math.Copysign(0, -1)), inclusive, true
			}
			return types.NewFloat(t, 0), inclusive, true
		}
	case t.IsInteger() && v.T.IsFloat():
		f := v.F
		if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= maxExactFloat {
			return v, inclusive, false
		}
		if lower {
			return types.NewInt(t, int64(math.Ceil(f))), true, true
		}
		return types.NewInt(t, int64(math.Floor(f))), true, true
	case t.IsInteger() && v.T == types.Numeric:
		d, err := v.Decimal()
		if err != nil || d.Form != apd.Finite {
			return v, inclusive, false
		}
		var r apd.Decimal
		if lower {
			_, err = exact.Ceil(&r, d)
		} else {
			_, err = exact.Floor(&r, d)
		}
		if err != nil {
			return v, inclusive, false
		}
		i, err := r.Int64()
		if err != nil {
			return v, inclusive, false
		}
		return types.NewInt(t, i), true, true
	}
	return v, inclusive, false
}
