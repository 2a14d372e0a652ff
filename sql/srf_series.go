package sql

import (
	"time"

	"github.com/cockroachdb/apd/v3"

	"github.com/drovedb/drove/types"
)

// generate_series over numerics and timestamps, as PostgreSQL's: each value is the previous
// one plus the step (a month step from January 31 goes to February 29, then March 29), and the
// series runs while the value has not passed stop in the step's direction.

func anyNull(v []types.Value) bool {
	for _, x := range v {
		if x.IsNull() {
			return true
		}
	}
	return false
}

func numericSeries(v []types.Value) (srfIter, error) {
	if anyNull(v) {
		return emptySRF, nil
	}
	step := types.NewNumeric(apd.New(1, 0))
	if len(v) == 3 {
		step = v[2]
	}
	names := []string{"start value", "stop value", "step size"}
	ds := make([]*apd.Decimal, 3)
	for k, x := range []types.Value{v[0], v[1], step} {
		d, err := decimalOf(x)
		if err != nil {
			return nil, err
		}
		switch d.Form {
		case apd.NaN:
			return nil, Errorf("22023", "%s cannot be NaN", names[k])
		case apd.Infinite:
			return nil, Errorf("22023", "%s cannot be infinity", names[k])
		}
		ds[k] = d
	}
	if ds[2].IsZero() {
		return nil, Errorf("22023", "step size cannot equal zero")
	}
	dir := 1
	if ds[2].Negative {
		dir = -1
	}
	cur, stop, done := v[0], ds[1], false
	return func() (types.Value, bool) {
		d, err := decimalOf(cur)
		if done || err != nil || d.Cmp(stop)*dir > 0 {
			return types.Value{}, false
		}
		out := cur
		if cur, err = numericArith("+", cur, step); err != nil {
			done = true // the next value is past numeric's range: this one is the last
		}
		return out, true
	}, nil
}

func timeSeries(v []types.Value, loc *time.Location) (srfIter, error) {
	if anyNull(v) {
		return emptySRF, nil
	}
	step := v[2].Interval()
	dir := types.CompareIntervals(step, types.IntervalValue{})
	if dir == 0 {
		return nil, Errorf("22023", "step size cannot equal zero")
	}
	cur, stop, done := v[0], v[1].I, false
	return func() (types.Value, bool) {
		if done || (dir > 0 && cur.I > stop) || (dir < 0 && cur.I < stop) {
			return types.Value{}, false
		}
		out := cur
		next, err := addInterval(cur, step, loc)
		if err != nil {
			done = true // the next value is out of range: this one is the last
		}
		cur = next
		return out, true
	}, nil
}
