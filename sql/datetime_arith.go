package sql

import (
	"math"
	"time"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// Arithmetic on timestamps, timestamps with time zone, intervals and times, as PostgreSQL
// 15's timestamp.c has it: months and days are added on the calendar (in the session's zone
// for a timestamptz), microseconds on the clock; the difference of two timestamps is an
// interval of days and time; intervals scale field by field, fractions spilling down.

func intervalOverflow() error  { return Errorf("22008", "interval out of range") }
func timestampOverflow() error { return Errorf("22008", "timestamp out of range") }

// compileDateTimeArith compiles + - * / of the registry's date/time rows, the operands
// bound to the row's types (date ± integer and date - date are compileDateArith's).
func compileDateTimeArith(op sqlparser.BinaryExprOperator, sym string, a, b *expr, sc *scope) (*expr, error) {
	ta, tb := a.typ, b.typ
	isTS := func(t types.Type) bool { return t == types.Timestamp || t == types.Timestamptz }
	iv := types.Interval
	switch {
	case (op == sqlparser.PlusOp || op == sqlparser.MinusOp) && (isTS(ta) || ta == types.Date) && tb == iv,
		op == sqlparser.PlusOp && ta == iv && (isTS(tb) || tb == types.Date):
		rt := ta
		if ta == iv {
			rt = tb
		}
		if rt == types.Date {
			rt = types.Timestamp
		}
		neg := op == sqlparser.MinusOp
		return timestampStrict(rt, a, b, func(x, y types.Value) (types.Value, error) {
			t, s := x, y
			if ta == iv {
				t, s = y, x
			}
			if t.T == types.Date {
				us, ok := types.DateToTimestamp(t.I)
				if !ok {
					return types.Value{}, Errorf("22008", "date out of range for timestamp")
				}
				t = types.Value{T: types.Timestamp, I: us}
			}
			d := s.Interval()
			if neg {
				d = negateInterval(d)
			}
			return addInterval(t, d, sc.location())
		})
	case op == sqlparser.MinusOp && isTS(ta) && ta == tb:
		return strict2(iv, a, b, func(x, y types.Value) (types.Value, error) {
			if types.IsInfinite(x.I) || types.IsInfinite(y.I) {
				return types.Value{}, Errorf("22008", "cannot subtract infinite timestamps")
			}
			return justifyHours(x.I - y.I), nil
		})
	}
	if x, ok, err := compileIntervalArith(op, a, b); ok {
		return x, err
	}
	if x, ok, err := compileTimeArith(op, a, b); ok {
		return x, err
	}
	if ta == types.Date || tb == types.Date {
		return compileDateArith(op, sym, a, b)
	}
	return nil, Errorf("42883", "operator does not exist: %s %s %s", ta, sym, tb)
}

// compileIntervalArith compiles interval ± interval, interval * number, number * interval and
// interval / number; ok is false for other operands.
func compileIntervalArith(op sqlparser.BinaryExprOperator, a, b *expr) (*expr, bool, error) {
	ta, tb, iv := a.typ, b.typ, types.Interval
	var x *expr
	var err error
	switch {
	case (op == sqlparser.PlusOp || op == sqlparser.MinusOp) && ta == iv && tb == iv:
		neg := op == sqlparser.MinusOp
		x, err = strict2(iv, a, b, func(x, y types.Value) (types.Value, error) {
			d := y.Interval()
			if neg {
				d = negateInterval(d)
			}
			return sumIntervals(x.Interval(), d)
		})
	case (op == sqlparser.MultOp || op == sqlparser.DivOp) && ta == iv && familyOf(tb) == famNumeric,
		op == sqlparser.MultOp && familyOf(ta) == famNumeric && tb == iv:
		div := op == sqlparser.DivOp
		x, err = strict2(iv, a, b, func(x, y types.Value) (types.Value, error) {
			span, f := x, y
			if x.T != types.Interval {
				span, f = y, x
			}
			return scaleInterval(span.Interval(), num(f), div)
		})
	}
	return x, x != nil || err != nil, err
}

// isClock reports whether t is time or time with time zone.
func isClock(t types.Type) bool { return t == types.Time || t == types.TimeTZ }

// compileTimeArith compiles time ± interval (wrapping around midnight), time - time and
// date + time; ok is false for other operands.
func compileTimeArith(op sqlparser.BinaryExprOperator, a, b *expr) (*expr, bool, error) {
	ta, tb, iv := a.typ, b.typ, types.Interval
	var x *expr
	var err error
	switch {
	case (op == sqlparser.PlusOp || op == sqlparser.MinusOp) && isClock(ta) && tb == iv,
		op == sqlparser.PlusOp && ta == iv && isClock(tb):
		neg := op == sqlparser.MinusOp
		rt := ta
		if ta == iv {
			rt = tb
		}
		x, err = strict2(rt, a, b, func(x, y types.Value) (types.Value, error) {
			t, s := x, y
			if x.T == types.Interval {
				t, s = y, x
			}
			us := s.Interval().Micros % microsPerDay
			if neg {
				us = -us
			}
			clock, off := t.I, int64(0)
			if t.T == types.TimeTZ {
				clock, off = t.TimeTZParts()
			}
			r := (clock + us) % microsPerDay
			if r < 0 {
				r += microsPerDay
			}
			if t.T == types.TimeTZ {
				return types.NewTimeTZ(r, off), nil
			}
			return types.Value{T: types.Time, I: r}, nil
		})
	case op == sqlparser.MinusOp && ta == types.Time && tb == types.Time:
		x, err = strict2(iv, a, b, func(x, y types.Value) (types.Value, error) {
			return types.NewInterval(types.IntervalValue{Micros: x.I - y.I}), nil
		})
	case op == sqlparser.PlusOp && (ta == types.Date && tb == types.Time || ta == types.Time && tb == types.Date):
		x, err = strict2(types.Timestamp, a, b, func(x, y types.Value) (types.Value, error) {
			d, t := x, y
			if x.T == types.Time {
				d, t = y, x
			}
			us, ok := types.DateToTimestamp(d.I)
			if !ok {
				return types.Value{}, Errorf("22008", "date out of range for timestamp")
			}
			if types.IsInfinite(us) {
				return types.Value{T: types.Timestamp, I: us}, nil
			}
			return types.Value{T: types.Timestamp, I: us + t.I}, nil
		})
	case op == sqlparser.PlusOp && (ta == types.Date && tb == types.TimeTZ || ta == types.TimeTZ && tb == types.Date):
		x, err = strict2(types.Timestamptz, a, b, func(x, y types.Value) (types.Value, error) {
			d, t := x, y
			if x.T == types.TimeTZ {
				d, t = y, x
			}
			us, ok := types.DateToTimestamp(d.I)
			if !ok {
				return types.Value{}, Errorf("22008", "date out of range for timestamp")
			}
			if types.IsInfinite(us) {
				return types.Value{T: types.Timestamptz, I: us}, nil
			}
			clock, off := t.TimeTZParts()
			return types.Value{T: types.Timestamptz, I: us + clock - off*1e6}, nil
		})
	}
	return x, x != nil || err != nil, err
}

// timestampStrict is strict2 for results that depend on the session's zone (a timestamptz):
// never folded while planning, since a prepared plan outlives a SET TIME ZONE.
func timestampStrict(t types.Type, a, b *expr, f func(x, y types.Value) (types.Value, error)) (*expr, error) {
	if t != types.Timestamptz {
		return strict2(t, a, b, f)
	}
	return zonedStrict2(t, a, b, f)
}

// zonedStrict2 is strict2 evaluated at run time, for a result that reads the session's zone.
func zonedStrict2(t types.Type, a, b *expr, f func(x, y types.Value) (types.Value, error)) (*expr, error) {
	return stableStrict(&expr{typ: t, eval: func(row []types.Value) (types.Value, error) {
		va, err := a.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		vb, err := b.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		if va.IsNull() || vb.IsNull() {
			return types.Value{T: t, Null: true}, nil
		}
		return f(va, vb)
	}}, a, b)
}

func negateInterval(d types.IntervalValue) types.IntervalValue {
	return types.IntervalValue{Months: -d.Months, Days: -d.Days, Micros: -d.Micros}
}

func sumIntervals(a, b types.IntervalValue) (types.Value, error) {
	m := int64(a.Months) + int64(b.Months)
	d := int64(a.Days) + int64(b.Days)
	us := a.Micros + b.Micros
	if m != int64(int32(m)) || d != int64(int32(d)) || (a.Micros > 0) == (b.Micros > 0) && (us > 0) != (a.Micros > 0) && a.Micros != 0 {
		return types.Value{}, intervalOverflow()
	}
	return types.NewInterval(types.IntervalValue{Months: int32(m), Days: int32(d), Micros: us}), nil
}

// justifyHours is the interval of us microseconds with its whole days as days, as
// timestamp_mi makes it.
func justifyHours(us int64) types.Value {
	days := us / microsPerDay
	return types.NewInterval(types.IntervalValue{Days: int32(days), Micros: us - days*microsPerDay})
}

// addInterval is ts + d: months (the day clamped to the month's end), then days, on the
// calendar of the timestamp's wall clock (in loc for a timestamptz), then the microseconds.
func addInterval(ts types.Value, d types.IntervalValue, loc *time.Location) (types.Value, error) {
	if types.IsInfinite(ts.I) {
		return ts, nil
	}
	us := ts.I
	if d.Months != 0 || d.Days != 0 {
		local := us
		if ts.T == types.Timestamptz {
			local, _ = types.TimestamptzLocal(us, loc)
		}
		days := floorDiv(local, microsPerDay)
		tod := local - days*microsPerDay
		t := time.Unix(days*86400, 0).UTC()
		y, m, dd := t.Year(), int(t.Month())+int(d.Months), t.Day()
		y += floorDivInt(m-1, 12)
		m = (m-1)%12 + 1
		if m <= 0 {
			m += 12
		}
		if last := daysInMonth(y, m); dd > last {
			dd = last
		}
		days = time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC).Unix()/86400 + int64(d.Days)
		if days > maxTimestampDays || days < -maxTimestampDays {
			return types.Value{}, timestampOverflow()
		}
		local = days*microsPerDay + tod
		us = local
		if ts.T == types.Timestamptz {
			us = local - types.ZoneOffsetAt(local, loc)*1e6
		}
	}
	r := us + d.Micros
	if (d.Micros > 0 && r < us) || (d.Micros < 0 && r > us) {
		return types.Value{}, timestampOverflow()
	}
	v, err := types.TimestampFromPostgres(types.TimestampToPostgres(r))
	if err != nil || types.IsInfinite(r) {
		return types.Value{}, timestampOverflow()
	}
	v.T = ts.T
	return v, nil
}

// maxTimestampDays bounds the days from 1970 whose microseconds, plus a day's, fit int64:
// past it a timestamp is out of range and its microseconds would wrap.
const maxTimestampDays = math.MaxInt64/microsPerDay - 1

func floorDivInt(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func daysInMonth(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// scaleInterval is interval_mul (or interval_div): each field scaled, the fractions of
// months carried into days (30 a month) and of days into time.
func scaleInterval(d types.IntervalValue, f float64, div bool) (types.Value, error) {
	if div {
		if f == 0 {
			return types.Value{}, Errorf("22012", "division by zero")
		}
	}
	scale := func(x float64) float64 {
		if div {
			return x / f
		}
		return x * f
	}
	if math.IsNaN(f) {
		return types.Value{}, intervalOverflow()
	}
	monthF := scale(float64(d.Months))
	dayF := scale(float64(d.Days))
	if math.IsNaN(monthF) || monthF > math.MaxInt32 || monthF < math.MinInt32 ||
		math.IsNaN(dayF) || dayF > math.MaxInt32 || dayF < math.MinInt32 {
		return types.Value{}, intervalOverflow()
	}
	months := int32(monthF)
	days := int32(dayF)
	tsround := func(x float64) float64 { return math.RoundToEven(x*1e6) / 1e6 }
	monthRemDays := tsround((monthF - float64(months)) * 30)
	secRem := tsround((dayF - float64(days) + monthRemDays - math.Trunc(monthRemDays)) * 86400)
	if math.Abs(secRem) >= 86400 {
		days += int32(secRem / 86400)
		secRem -= math.Trunc(secRem/86400) * 86400
	}
	days += int32(monthRemDays)
	t := math.RoundToEven(scale(float64(d.Micros)) + secRem*1e6)
	if math.IsNaN(t) || t >= 9.223372036854775807e18 || t < -9.223372036854775807e18 {
		return types.Value{}, intervalOverflow()
	}
	return types.NewInterval(types.IntervalValue{Months: months, Days: days, Micros: int64(t)}), nil
}

// negateIntervalExpr is -x (or +x) of an interval.
func negateIntervalExpr(x *expr, minus bool) *expr {
	if !minus {
		return x
	}
	// folded, as PostgreSQL folds interval_um: -INTERVAL '1 day' is a constant
	y, _ := foldStrict(&expr{typ: types.Interval, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Interval, Null: true}, err
		}
		d := v.Interval()
		if d.Months == math.MinInt32 || d.Days == math.MinInt32 || d.Micros == math.MinInt64 {
			return types.Value{}, intervalOverflow()
		}
		return types.NewInterval(negateInterval(d)), nil
	}}, x)
	return y
}
