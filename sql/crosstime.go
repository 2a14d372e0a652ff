package sql

import (
	"time"

	"github.com/drovedb/drove/types"
)

// A date, a timestamp and a timestamptz compare across their types as PostgreSQL's
// cross-type operators do: against a timestamptz, the timestamp or date is read in the
// session's zone (zoneCompareOperands); a date against a timestamp is its midnight. compare
// knows the date/timestamp rule but not the zone, and keys (appendValueKey) know neither,
// so where values of two of these types meet outside a compiled comparison (hash join keys,
// IN subqueries' sets, IN lists, = ANY (array), ANY/ALL subqueries) both first become the
// type they compare as, here.

// timeCommon is the type values of the date/time types a and b compare as when the types
// differ: timestamptz when either is one, else timestamp; types.Null when no conversion is
// needed (the same type, or not two of date, timestamp and timestamptz).
func timeCommon(a, b types.Type) types.Type {
	if a == b || familyOf(a) != famTime || familyOf(b) != famTime {
		return types.Null
	}
	if a == types.Timestamptz || b == types.Timestamptz {
		return types.Timestamptz
	}
	return types.Timestamp
}

// toTimeCommon converts v, a date, timestamp or timestamptz value, to t (timestamp or
// timestamptz; types.Null leaves it), a timestamp or date read in zone loc. A date past the
// range of t becomes the value just inside the infinity on its side, which no finite value
// of t equals, as PostgreSQL 15's cross-type comparisons saturate instead of failing.
func toTimeCommon(v types.Value, t types.Type, loc *time.Location) types.Value {
	switch {
	case v.T == t || t == types.Null:
		return v
	case v.IsNull():
		return types.Value{T: t, Null: true}
	}
	saturated := func() types.Value {
		if v.I > 0 {
			return types.Value{T: t, I: types.Infinity - 1}
		}
		return types.Value{T: t, I: types.NegInfinity + 1}
	}
	if t == types.Timestamptz {
		r, err := shiftToTimestamptz(v, loc)
		if err != nil {
			return saturated()
		}
		return r
	}
	us, ok := types.DateToTimestamp(v.I) // a date to a timestamp
	if !ok {
		return saturated()
	}
	return types.Value{T: types.Timestamp, I: us}
}

// timeCommonExprs converts a and b to the type they compare as (timeCommon), if they are
// of two different date/time types.
func timeCommonExprs(a, b *expr, sc *scope) (*expr, *expr) {
	t := timeCommon(a.typ, b.typ)
	return toTimeExpr(a, t, sc), toTimeExpr(b, t, sc)
}

// toTimeExpr converts x, of a date/time type, to t (timestamp or timestamptz; types.Null
// leaves it), reading a timestamp or date in the session's zone for a timestamptz.
func toTimeExpr(x *expr, t types.Type, sc *scope) *expr {
	switch {
	case t == types.Null || x.typ == t || familyOf(x.typ) != famTime:
		return x
	case t == types.Timestamptz:
		_, y := zoneCompareOperands(&expr{typ: types.Timestamptz}, x, sc)
		return y
	}
	y, _ := fold(&expr{typ: t, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		return toTimeCommon(v, t, time.UTC), nil // a date to a timestamp: no zone
	}}, x)
	return y
}

// timeCommonList converts the date/time expressions of xs to the one type they all
// compare as, as PostgreSQL resolves an IN list's common type (timestamptz when any is one).
func timeCommonList(xs []*expr, sc *scope) {
	t := types.Null
	for _, x := range xs {
		switch {
		case x.unknown || familyOf(x.typ) != famTime:
		case t == types.Null:
			t = x.typ
		case timeCommon(t, x.typ) != types.Null:
			t = timeCommon(t, x.typ)
		}
	}
	if t != types.Timestamp && t != types.Timestamptz {
		return
	}
	for i, x := range xs {
		if !x.unknown {
			xs[i] = toTimeExpr(x, t, sc)
		}
	}
}

// compareAt is compare for values that may be of two different date/time types, in zone loc.
func compareAt(x, y types.Value, loc func() *time.Location) int {
	if t := timeCommon(x.T, y.T); t != types.Null {
		l := loc()
		x, y = toTimeCommon(x, t, l), toTimeCommon(y, t, l)
	}
	return compare(x, y)
}

// foldAcross is fold for an operator over values of types a and b, or stable when it reads
// the session's zone (a timestamp or date against a timestamptz): PostgreSQL's planner does
// not compute a stable operator of constants (ts = ANY (ARRAY[tz, ...]), NULLIF(ts, tz)), so
// a failing constant in a later CASE branch is still raised.
func foldAcross(a, b types.Type) func(x *expr, inputs ...*expr) (*expr, error) {
	if timeCommon(a, b) == types.Timestamptz {
		return stable
	}
	return fold
}
