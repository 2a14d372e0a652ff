package sql

import (
	"cmp"
	"time"

	"github.com/drovedb/drove/types"
)

// timestamp with time zone, interval and time: reading them in the session's TimeZone,
// printing them, and the casts among the date/time types that depend on the zone.

// location is the session's TimeZone; UTC without a session (a column's DEFAULT).
func (s *Session) location() *time.Location {
	if s == nil {
		return time.UTC
	}
	name, _ := s.setting("timezone")
	if l, ok := types.LoadZone(name); ok {
		return l
	}
	return time.UTC
}

// location is the zone the scope's statement runs in.
func (sc *scope) location() *time.Location {
	if sc == nil || sc.params == nil {
		return time.UTC
	}
	return sc.params.zone()
}

// now is when the scope's transaction began, what 'now' read at run time means.
func (sc *scope) now() time.Time {
	if sc == nil || sc.params == nil {
		return time.Now()
	}
	return sc.params.sess.transactionTime()
}

// now is when the statement's transaction began, what an untyped 'now' means.
func (x *expr) now() time.Time {
	if x.params == nil {
		return time.Now()
	}
	return x.params.sess.transactionTime()
}

// location is the zone an untyped literal is read in (compileExpr records the statement's
// parameters on it).
func (x *expr) location() *time.Location {
	if x.params == nil {
		return time.UTC
	}
	return x.params.zone()
}

// zone is the session's TimeZone for the statement, noting when binding (before any run)
// reads it.
func (p *params) zone() *time.Location {
	if p.ec == nil {
		p.zoneUsed = true
	}
	return p.sess.location()
}

// zoneName is the session's TimeZone setting as a plan records it.
func (s *Session) zoneName() string {
	name, _ := s.setting("timezone")
	return name
}

// transactionTime is now(): when the transaction began (the statement, outside one).
func (s *Session) transactionTime() time.Time {
	if s == nil || s.txTime.IsZero() {
		return time.Now()
	}
	return s.txTime
}

func (s *Session) statementTime() time.Time {
	if s == nil || s.stmtTime.IsZero() {
		return time.Now()
	}
	return s.stmtTime
}

// markStatementStart records the statement's start, and the transaction's when the
// statement runs on its own.
func (s *Session) markStatementStart() {
	s.stmtTime = time.Now()
	if s.tx == nil {
		s.txTime = s.stmtTime
	}
}

// dateTimeError turns a types.DateTimeError into its SQL error.
func dateTimeError(err error) error {
	if dt, ok := err.(*types.DateTimeError); ok {
		return Errorf(dt.Code, "%s", dt.Msg)
	}
	return err
}

// parseTextAt is parseText with loc as the TimeZone a timestamptz without a zone is in and
// now as what 'now', 'today', 'tomorrow' and 'yesterday' mean: PostgreSQL reads them as the transaction's start in the session's zone, so two
// 'now's of one transaction are equal and 'today' is the local date.
func parseTextAt(s string, t types.Type, loc *time.Location, now time.Time, order types.DateOrder) (types.Value, error) {
	now = now.In(loc)
	var v types.Value
	var err error
	switch t {
	case types.Timestamptz:
		v, err = types.ParseTimestamptzIn(s, now, loc, order)
	case types.TimeTZ:
		v, err = types.ParseTimeTZ(s, now, loc)
	case types.Time:
		v, err = types.ParseTimeAt(s, now)
	case types.Timestamp:
		v, err = types.ParseTimestampIn(s, now, order)
	case types.Date:
		v, err = types.ParseDateIn(s, now, order)
	default:
		if t.IsArray() {
			return parseArrayAt(s, t, loc, now, order)
		}
		return parseText(s, t)
	}
	return v, dateTimeError(err)
}

// parseNewDateTime reads the text of a timestamptz (in UTC), interval or time; ok is false
// for other types.
func parseNewDateTime(s string, t types.Type) (v types.Value, ok bool, err error) {
	switch t {
	case types.Timestamptz:
		v, err = types.ParseTimestamptz(s, time.Now().UTC(), time.UTC)
	case types.Interval:
		v, err = types.ParseInterval(s)
	case types.Time:
		v, err = types.ParseTime(s)
	case types.TimeTZ:
		v, err = types.ParseTimeTZ(s, time.Now().UTC(), time.UTC)
	default:
		return v, false, nil
	}
	return v, true, dateTimeError(err)
}

// appendTextIn appends v as text, a timestamptz in zone loc.
func appendTextIn(dst []byte, v types.Value, loc *time.Location) []byte {
	return types.AppendTextIn(dst, v, loc)
}

// textIn is v as text, a timestamptz in zone loc.
func textIn(v types.Value, loc *time.Location) string { return string(appendTextIn(nil, v, loc)) }

// isDateTime reports whether t is one of the date/time types.
func isDateTime(t types.Type) bool {
	switch t {
	case types.Date, types.Timestamp, types.Timestamptz, types.Interval, types.Time, types.TimeTZ:
		return true
	}
	return false
}

// canCastDateTime reports whether an explicit cast between from and to exists among the
// date/time types (and to and from text, which every type has).
func canCastDateTime(from, to types.Type) bool {
	switch to {
	case types.Date, types.Timestamp, types.Timestamptz:
		return from == types.Date || from == types.Timestamp || from == types.Timestamptz
	case types.Time:
		return from == types.Timestamp || from == types.Timestamptz || from == types.Interval || from == types.Time || from == types.TimeTZ
	case types.TimeTZ:
		return from == types.Timestamptz || from == types.Time || from == types.TimeTZ
	case types.Interval:
		return from == types.Time || from == types.Interval
	}
	return false
}

// shiftToTimestamptz is the instant of timestamp or date v read in zone loc, which may lie
// just past the timestamps PostgreSQL holds: a comparison with a timestamptz takes it so
// (timestamp2timestamptz_opt_overflow), a cast refuses it.
func shiftToTimestamptz(v types.Value, loc *time.Location) (types.Value, error) {
	us := v.I
	if v.T == types.Date {
		var ok bool
		if us, ok = types.DateToTimestamp(v.I); !ok {
			return types.Value{}, Errorf("22008", "date out of range for timestamp")
		}
	}
	if !types.IsInfinite(us) {
		us -= types.ZoneOffsetAt(us, loc) * 1e6
		// date2timestamptz checks the instant too: the first day's midnight east of UTC
		// is before the first timestamptz.
		if v.T == types.Date && !types.TimestampInRange(us) {
			return types.Value{}, Errorf("22008", "date out of range for timestamp")
		}
	}
	return types.Value{T: types.Timestamptz, I: us}, nil
}

// castDateTime converts v among the date/time types in zone loc; ok is false for the casts
// it does not handle (date ↔ timestamp, which assign has).
func castDateTime(v types.Value, to types.Type, loc *time.Location) (types.Value, bool, error) {
	from := v.T
	if from == to {
		return v, true, nil
	}
	inf := types.IsInfinite(v.I) && from != types.Interval && from != types.Time && from != types.TimeTZ
	if r, ok, err := castTimeTZ(v, to, loc); ok {
		return r, true, err
	}
	switch {
	case to == types.Text && (from == types.Timestamptz || from == types.Interval || from == types.Time):
		return types.NewText(textIn(v, loc)), true, nil
	case from == types.Timestamptz && to == types.Timestamp:
		local, _ := types.TimestamptzLocal(v.I, loc)
		if !inf && !types.TimestampInRange(local) {
			return types.Value{}, true, Errorf("22008", "timestamp out of range")
		}
		return types.Value{T: types.Timestamp, I: local}, true, nil
	case from == types.Timestamptz && to == types.Date:
		if inf {
			return types.Value{T: types.Date, I: v.I}, true, nil
		}
		local, _ := types.TimestamptzLocal(v.I, loc)
		return types.Value{T: types.Date, I: floorDiv(local, microsPerDay)}, true, nil
	case (from == types.Timestamp || from == types.Date) && to == types.Timestamptz:
		r, err := shiftToTimestamptz(v, loc)
		if err == nil && !types.IsInfinite(r.I) && !types.TimestampInRange(r.I) {
			err = Errorf("22008", "timestamp out of range")
		}
		return r, true, err
	case (from == types.Timestamp || from == types.Timestamptz) && to == types.Time:
		if inf {
			// timestamp_time and timestamptz_time answer NULL for an infinity
			return types.Value{T: types.Time, Null: true}, true, nil
		}
		local := v.I
		if from == types.Timestamptz {
			local, _ = types.TimestamptzLocal(v.I, loc)
		}
		return types.Value{T: types.Time, I: local - floorDiv(local, microsPerDay)*microsPerDay}, true, nil
	case from == types.Interval && to == types.Time:
		us := v.Interval().Micros % microsPerDay
		if us < 0 {
			us += microsPerDay
		}
		return types.Value{T: types.Time, I: us}, true, nil
	case from == types.Time && to == types.Interval:
		return types.NewInterval(types.IntervalValue{Micros: v.I}), true, nil
	}
	return types.Value{}, false, nil
}

// castValueIn is castValue for a statement running in zone loc whose transaction began at
// now (what a 'now' read from text means).
func castValueIn(v types.Value, c *types.Column, loc *time.Location, now time.Time, order types.DateOrder) (types.Value, error) {
	if isDateTime(v.T) || isDateTime(c.Type) {
		if v.T == types.Text && c.Type != types.Text {
			return parseTextTypmod(v.S, c, loc, now, order)
		}
		r, ok, err := castDateTime(v, c.Type, loc)
		if ok {
			if err != nil {
				return r, err
			}
			return castLength(r, c)
		}
	}
	if v.T.IsArray() && c.Type.IsArray() && (isDateTime(v.T.Elem()) || isDateTime(c.Type.Elem())) {
		// Each element as a value of its own: a zone or 'now' applies as to one value.
		elems, err := arrayElems(v)
		if err != nil {
			return types.Value{}, err
		}
		ec := types.Column{Type: c.Type.Elem()}
		for i, e := range elems {
			if !e.IsNull() {
				if elems[i], err = castValueIn(e, &ec, loc, now, order); err != nil {
					return types.Value{}, err
				}
			}
		}
		return types.NewArrayAt(c.Type, v.ArrayLower(), elems), nil
	}
	return castValue(v, c)
}

// compareDateTime orders two date/time values of the same or comparable types; ok is false
// for pairs it does not handle. Timestamps and timestamps with time zone compare as instants
// with the timestamp read as UTC: operands of a comparison are converted in the session's
// zone first (zoneOperands).
func compareDateTime(a, b types.Value) (int, bool) {
	switch {
	case a.T == types.Interval && b.T == types.Interval:
		return types.CompareIntervals(a.Interval(), b.Interval()), true
	case a.T == types.Time && b.T == types.Time, a.T == types.TimeTZ && b.T == types.TimeTZ:
		return cmp.Compare(a.I, b.I), true
	case a.T == types.Timestamptz && (b.T == types.Timestamptz || b.T == types.Timestamp),
		a.T == types.Timestamp && b.T == types.Timestamptz:
		return cmp.Compare(a.I, b.I), true
	case a.T == types.Timestamptz && b.T == types.Date:
		return -compareDateTimestamp(b.I, a.I), true
	case a.T == types.Date && b.T == types.Timestamptz:
		return compareDateTimestamp(a.I, b.I), true
	}
	return 0, false
}

// zoneOperands converts the timestamp or date side of a comparison with a timestamptz to a
// timestamptz in the session's zone, as PostgreSQL's cross-type operators do.
func zoneOperands(a, b *expr, sc *scope) (*expr, *expr) {
	return zoneOperandsSat(a, b, sc, false)
}

// zoneCompareOperands is zoneOperands for a comparison: a date past timestamptz's range
// compares as later than every finite timestamptz and earlier than infinity (before it, as
// earlier than every one and later than -infinity), as PostgreSQL 15's
// date_cmp_timestamptz, instead of failing.
func zoneCompareOperands(a, b *expr, sc *scope) (*expr, *expr) {
	return zoneOperandsSat(a, b, sc, true)
}

func zoneOperandsSat(a, b *expr, sc *scope, saturate bool) (*expr, *expr) {
	conv := func(x *expr) *expr {
		// stable, but a NULL constant stays one (and so decides a CASE branch)
		y, _ := stableStrict(&expr{typ: types.Timestamptz, eval: func(row []types.Value) (types.Value, error) {
			v, err := x.eval(row)
			if err != nil || v.IsNull() {
				return types.Value{T: types.Timestamptz, Null: true}, err
			}
			r, err := shiftToTimestamptz(v, sc.location())
			if err != nil && saturate && v.T == types.Date {
				// just inside the infinities: no finite timestamptz reaches them
				if v.I > 0 {
					return types.Value{T: types.Timestamptz, I: types.Infinity - 1}, nil
				}
				return types.Value{T: types.Timestamptz, I: types.NegInfinity + 1}, nil
			}
			return r, err
		}}, x)
		return y
	}
	switch {
	case a.typ == types.Timestamptz && (b.typ == types.Timestamp || b.typ == types.Date):
		return a, conv(b)
	case b.typ == types.Timestamptz && (a.typ == types.Timestamp || a.typ == types.Date):
		return conv(a), b
	}
	return a, b
}

// assignExpr is assign for the value v of expression x: an untyped literal stored in a
// timestamptz column, and a timestamp or date converted to one, are read in the statement's
// zone.
//
// ps is the statement's parameters: the session whose zone and transaction start apply to
// any expression (a typed timestamp as much as an untyped literal); nil reads them from x.
func assignExpr(v types.Value, x *expr, c *types.Column, ps *params) (types.Value, error) {
	if ps != nil && ps.sess != nil {
		return assignAt(v, x.typ, x.unknown, c, ps.zone(), ps.sess.transactionTime(), ps.order())
	}
	return assignAt(v, x.typ, x.unknown, c, x.location(), x.now(), x.dateOrder())
}

// assignIn is assign in zone loc.
func assignIn(v types.Value, from types.Type, unknown bool, c *types.Column, loc *time.Location, order types.DateOrder) (types.Value, error) {
	return assignAt(v, from, unknown, c, loc, time.Now(), order)
}

// assignAt is assignIn with now as the time an untyped 'now' or 'today' means.
func assignAt(v types.Value, from types.Type, unknown bool, c *types.Column, loc *time.Location, now time.Time, order types.DateOrder) (types.Value, error) {
	if v.IsNull() {
		return types.NullValue, nil
	}
	if unknown && (c.Type == types.Timestamp || c.Type == types.Date) {
		return parseTextTypmod(v.S, c, loc, now, order)
	}
	zoned := c.Type == types.Timestamptz && (unknown || from == types.Timestamp || from == types.Date) ||
		c.Type == types.TimeTZ && (unknown || from == types.Time || from == types.Timestamptz) ||
		from == types.Timestamptz && !unknown && (c.Type == types.Timestamp || c.Type == types.Date || c.Type == types.Time || c.Type == types.Text) ||
		unknown && (c.Type == types.TimestamptzArray || c.Type == types.TimeTZArray)
	if !zoned {
		return assign(v, from, unknown, c)
	}
	if unknown {
		return parseTextTypmod(v.S, c, loc, now, order)
	}
	r, _, err := castDateTime(v, c.Type, loc)
	if err != nil {
		return r, err
	}
	return checkLength(r, c)
}

// parseTextTypmod is parseTextAt for a value of column c: an interval with fields reads a
// bare number in its last field, and the typmod applies.
func parseTextTypmod(s string, c *types.Column, loc *time.Location, now time.Time, order types.DateOrder) (types.Value, error) {
	if c.Type == types.Interval && c.Length > 0 {
		v, err := types.ParseIntervalTypmod(s, c.Typmod())
		return v, dateTimeError(err)
	}
	v, err := parseTextAt(s, c.Type, loc, now, order)
	if err != nil {
		return v, err
	}
	return dateTimeTypmod(v, c)
}

// dateTimeTypmod rounds a time, timetz, timestamp or timestamptz to c's precision and
// truncates and rounds an interval to c's fields and precision; other values pass.
func dateTimeTypmod(v types.Value, c *types.Column) (types.Value, error) {
	if c.Length <= 0 || v.IsNull() || v.T != c.Type {
		return v, nil
	}
	if v.T == types.Interval {
		r, err := types.AdjustInterval(v, c.Typmod())
		return r, dateTimeError(err)
	}
	p, ok := c.Precision()
	if !ok {
		return v, nil
	}
	switch v.T {
	case types.Time:
		v.I = types.RoundMicros(v.I, p)
	case types.TimeTZ:
		us, off := v.TimeTZParts()
		v = types.NewTimeTZ(types.RoundMicros(us, p), off)
	default:
		v.I = types.RoundTimestamp(v.I, p)
	}
	return v, nil
}

// Location is the session's TimeZone, which timestamptz values are read and printed in (the
// database/sql driver gives them to Go in it).
func (s *Session) Location() *time.Location { return s.location() }

// castTimeTZ is castDateTime's casts from and to time with time zone; ok is false for the
// others. A time or timestamptz takes loc's offset (a time's on today's date, as PostgreSQL's
// does on the transaction's).
func castTimeTZ(v types.Value, to types.Type, loc *time.Location) (types.Value, bool, error) {
	switch {
	case v.T == types.TimeTZ && to == types.Time:
		us, _ := v.TimeTZParts()
		return types.Value{T: types.Time, I: us}, true, nil
	case v.T == types.TimeTZ && to == types.Text:
		return types.NewText(v.String()), true, nil
	case v.T == types.Time && to == types.TimeTZ:
		return types.NewTimeTZ(v.I, types.TimeZoneOffsetToday(v.I, time.Now(), loc)), true, nil
	case v.T == types.Timestamptz && to == types.TimeTZ:
		if types.IsInfinite(v.I) {
			return types.Value{T: types.TimeTZ, Null: true}, true, nil // timestamptz_timetz's NULL
		}
		local, off := types.TimestamptzLocal(v.I, loc)
		return types.NewTimeTZ(local-floorDiv(local, microsPerDay)*microsPerDay, off), true, nil
	}
	return types.Value{}, false, nil
}
