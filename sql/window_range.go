package sql

import (
	"math"
	"sort"
	"strconv"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// RANGE frames with an offset (RANGE BETWEEN 2 PRECEDING AND 1.5 FOLLOWING, or an interval
// over a date or timestamp ORDER BY column): a row is in the frame when its ORDER BY value
// lies within the offset of the current row's, as PostgreSQL's in_range functions decide,
// with the operators of the column and offset types (value >= current - offset ...). NULL
// ORDER BY values are in no other row's range; a row whose value is NULL frames its peers.

// rangeBound is the comparison deciding whether a row's ORDER BY value lies within an
// offset bound of the current row's: compiled over [the row's value, the current value,
// the offset].
type rangeBound struct {
	within *expr
	// sub and less are in_range's arguments: the limit is current - offset (else +), and a
	// value is within when it is <= the limit (else >=).
	sub, less bool
	// timeOfDay: a time or timetz column, whose limit is the current time plus or minus the
	// offset's time part (its days and months ignored), not wrapped around midnight, as
	// in_range_time_interval and in_range_timetz_interval compute it.
	timeOfDay bool
}

// in reports whether value arg[0] lies within the bound of current value arg[1] by offset
// arg[2]. Integers and floats are decided as PostgreSQL's in_range functions do, without
// the operators: a limit past the integer range is beyond every value (not 22003), and
// the infinities and NaN follow in_range_float8_float8 (NaN after every number, an infinite
// offset from the infinity it points away from takes in every value). Numerics decide
// their NaN and infinite offsets so, and a finite offset with the operators.
func (r *rangeBound) in(arg []types.Value) (bool, error) {
	val, cur, off := arg[0], arg[1], arg[2]
	switch {
	case val.T.IsInteger() && off.T.IsInteger():
		var limit int64
		if r.sub {
			if cur.I < math.MinInt64+off.I { // off is never negative
				return !r.less, nil
			}
			limit = cur.I - off.I
		} else {
			if cur.I > math.MaxInt64-off.I {
				return r.less, nil
			}
			limit = cur.I + off.I
		}
		if r.less {
			return val.I <= limit, nil
		}
		return val.I >= limit, nil
	case val.T == types.Float64 || val.T == types.Float32:
		return inRangeFloat(val.F, cur.F, floatOffset(off), r.sub, r.less), nil
	case val.T == types.Numeric:
		if in, decided := inRangeNumericSpecial(val.S, cur.S, off.S, r.sub, r.less); decided {
			return in, nil
		}
	case r.timeOfDay:
		d := off.Interval().Micros
		if r.sub {
			d = -d
		}
		limit := types.Value{T: types.Time, I: cur.I + d}
		if val.T == types.TimeTZ {
			us, zone := cur.TimeTZParts()
			limit = types.NewTimeTZ(us+d, zone)
		}
		if r.less {
			return compare(val, limit) <= 0, nil
		}
		return compare(val, limit) >= 0, nil
	}
	v, err := r.within.eval(arg)
	return err == nil && !v.IsNull() && v.Bool(), err
}

// floatOffset is a float column's frame offset, which may be of an integer or numeric type.
func floatOffset(off types.Value) float64 {
	switch {
	case off.T.IsInteger():
		return float64(off.I)
	case off.T == types.Numeric:
		f, _ := strconv.ParseFloat(off.S, 64) // NaN and ±Infinity parse too
		return f
	}
	return off.F
}

// inRangeFloat is in_range_float8_float8 for a non-negative, non-NaN offset.
func inRangeFloat(val, base, off float64, sub, less bool) bool {
	switch {
	case math.IsNaN(val):
		return math.IsNaN(base) || !less // NaN = NaN, NaN > any number
	case math.IsNaN(base):
		return less
	case math.IsInf(off, 1) && math.IsInf(base, 0) && (sub == (base > 0)):
		return true // +inf - inf and -inf + inf: every value is within
	}
	limit := base + off
	if sub {
		limit = base - off
	}
	if less {
		return val <= limit
	}
	return val >= limit
}

// inRangeNumericSpecial decides in_range_numeric_numeric for a NaN value or current value
// or an infinite offset, from the numerics' text; decided is false for the rest.
func inRangeNumericSpecial(val, base, off string, sub, less bool) (in, decided bool) {
	switch {
	case val == "NaN":
		return base == "NaN" || !less, true
	case base == "NaN":
		return less, true
	case off != "Infinity":
		return false, false
	case sub && base == "Infinity" || !sub && base == "-Infinity":
		return true, true
	case sub: // the limit is -Infinity
		return !less || val == "-Infinity", true
	}
	return less || val == "Infinity", true // the limit is +Infinity
}

// bindRangeOffset checks a RANGE frame's offset against the ORDER BY column (exactly one, of
// a type with in_range: a number, or a date/time type with an interval offset) and compiles
// the comparison of bound b, a start or an end, for an ascending or descending key.
func bindRangeOffset(b *frameBound, p *ast.FrameBound, start bool, spec *windowSpec, sc *scope) error {
	if len(spec.order) != 1 {
		return Errorf("42P20", "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column")
	}
	col := spec.order[0].typ
	off, err := compileAST(p.Offset, sc)
	if err != nil {
		return err
	}
	want := rangeOffsetType(col, off)
	if want == types.Null {
		return Errorf("0A000", "RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s and offset type %s", col, off.typ)
	}
	if off.unknown || off.typ == types.Null {
		if off, err = castLiteral(off, want); err != nil {
			return err
		}
	}
	b.offset = off
	slot := func(i int, t types.Type) *expr {
		return &expr{typ: t, eval: func(row []types.Value) (types.Value, error) { return row[i], nil }}
	}
	// Ascending: a start is the first row with value >= current -/+ offset (PRECEDING/
	// FOLLOWING), an end the last with value <= current -/+ offset; descending mirrors both.
	desc := spec.keys[len(spec.keys)-1].desc
	sign := "+"
	if (b.kind == offsetPreceding) != desc {
		sign = "-"
	}
	op := ">="
	if !start != desc {
		op = "<="
	}
	limit, err := applyOperator(sign, slot(1, col), slot(2, off.typ), sc)
	if err != nil {
		return err
	}
	within, err := compileCompare(op, comparisonOutcomes[op], slot(0, col), limit, sc)
	if err != nil {
		return err
	}
	b.rng = &rangeBound{within: within, sub: sign == "-", less: op == "<=", timeOfDay: col == types.Time || col == types.TimeTZ}
	return nil
}

// rangeOffsetType is the offset type in_range takes for ORDER BY type col, when off can be
// read as it; types.Null when there is none.
func rangeOffsetType(col types.Type, off *expr) types.Type {
	numeric := off.unknown || off.typ == types.Null || off.typ.IsInteger()
	switch {
	case col.IsInteger():
		if off.unknown || off.typ == types.Null {
			return types.Int32 // in_range(integer, integer)
		}
		if numeric {
			return off.typ
		}
	case col == types.Numeric:
		if numeric || off.typ == types.Numeric {
			return types.Numeric
		}
	case col == types.Float64 || col == types.Float32:
		if numeric || off.typ == types.Numeric || off.typ == types.Float64 || off.typ == types.Float32 {
			return types.Float64
		}
	case col == types.Date || col == types.Timestamp || col == types.Timestamptz || col == types.Time || col == types.TimeTZ || col == types.Interval:
		if off.unknown || off.typ == types.Interval || off.typ == types.Null {
			return types.Interval
		}
	}
	return types.Null
}

// rangeLimit is the partition position a RANGE offset bound puts the frame's start or end
// at, for the current row at pos of the partition part (whose order value is keys[np])
// whose peers are [ps, pe): the first row within it (a
// start) or the last (an end); rows past every row when none is.
func (f *windowFrame) rangeLimit(b frameBound, start bool, off types.Value, part []windowEntry, np, pos, ps, pe int) (int, error) {
	cur := part[pos].keys[np] // the one ORDER BY value
	if cur.IsNull() {         // a NULL value's range is its peers
		if start {
			return ps, nil
		}
		return pe - 1, nil
	}
	// The partition is sorted on the value, its NULLs together at one end: within the
	// non-NULL rows [lo, hi) a start's test goes from false to true, an end's from true to
	// false, so both are binary searches.
	lo, hi := 0, len(part)
	if part[0].keys[np].IsNull() {
		lo = sort.Search(len(part), func(k int) bool { return !part[k].keys[np].IsNull() })
	} else {
		hi = sort.Search(len(part), func(k int) bool { return part[k].keys[np].IsNull() })
	}
	var err error
	arg := make([]types.Value, 3)
	k := lo + sort.Search(hi-lo, func(i int) bool {
		if err != nil {
			return true
		}
		arg[0], arg[1], arg[2] = part[lo+i].keys[np], cur, off
		var in bool
		in, err = b.rng.in(arg)
		return in == start
	})
	if start {
		if k == hi {
			return len(part), err // no row is within: an empty frame
		}
		return k, err
	}
	if k == lo {
		return -1, err
	}
	return k - 1, err
}

// negativeOffset reports whether a frame offset is below zero or NaN, which in_range
// refuses alike; over a time of day, an interval whose time part is below zero.
func negativeOffset(v types.Value, timeOfDay bool) bool {
	switch {
	case timeOfDay:
		return v.Interval().Micros < 0
	case v.T.IsInteger():
		return v.I < 0
	case v.T == types.Float64 || v.T == types.Float32:
		return v.F < 0 || math.IsNaN(v.F)
	case v.T == types.Interval:
		return types.CompareIntervals(v.Interval(), types.IntervalValue{}) < 0
	case v.T == types.Numeric:
		zero, err := types.ParseNumeric("0")
		return v.S == "NaN" || err == nil && compare(v, zero) < 0
	}
	return false
}
