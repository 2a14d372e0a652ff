package drove

import (
	"context"
	"time"

	drovesql "github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// Record is a reusable row for KV.GetInto: values are decoded in place and the bytes of text
// and bytea columns are copied into the Record's own buffer, so once it has grown to the
// table's rows a GetInto allocates nothing. The accessors read column i (in table order);
// a Record is used by one goroutine at a time.
type Record struct {
	vals []types.Value
	raw  [][]byte // bytes of byte-valued columns, views of buf once GetInto returns
	buf  []byte
	key  []byte // the encoded key, reused
}

// Len is the number of columns of the row last read.
func (r *Record) Len() int { return len(r.vals) }

// IsNull reports whether column i is NULL.
func (r *Record) IsNull(i int) bool { return r.vals[i].IsNull() }

// Int64 is an integer column's value (0 for NULL or another type).
func (r *Record) Int64(i int) int64 {
	if v := r.vals[i]; v.T.IsInteger() && !v.IsNull() {
		return v.I
	}
	return 0
}

// Float64 is a floating-point column's value (0 for NULL or another type).
func (r *Record) Float64(i int) float64 {
	if v := r.vals[i]; v.T.IsFloat() && !v.IsNull() {
		return v.F
	}
	return 0
}

// Bool is a boolean column's value (false for NULL or another type).
func (r *Record) Bool(i int) bool {
	v := r.vals[i]
	return v.T == types.Bool && !v.IsNull() && v.Bool()
}

// Time is a timestamp, timestamptz (in UTC) or date column's value (the zero time for NULL,
// an infinite value or another type).
func (r *Record) Time(i int) time.Time {
	v := r.vals[i]
	if v.IsNull() || v.T != types.Timestamp && v.T != types.Date && v.T != types.Timestamptz || types.IsInfinite(v.I) {
		return time.Time{}
	}
	if v.T == types.Date {
		return time.Unix(v.I*86400, 0).UTC()
	}
	return v.Time()
}

// Bytes is the bytes of a text, bytea or numeric column (numeric as its text), nil for NULL
// or another type. They are the Record's own and valid until its next GetInto.
func (r *Record) Bytes(i int) []byte { return r.raw[i] }

// String is a text column's value (a copy, so it allocates).
func (r *Record) String(i int) string { return string(r.raw[i]) }

// Value is column i as Get returns it.
func (r *Record) Value(i int) any {
	v := r.vals[i]
	if r.raw[i] != nil {
		v.S = string(r.raw[i])
	}
	return goValue(v)
}

// GetInto reads the row whose primary key is key into rec, as Get does; false if there is no
// such row (rec then keeps what it held).
func (kv *KV) GetInto(ctx context.Context, rec *Record, table string, key ...any) (bool, error) {
	found, kbuf, err := kv.read(ctx, table, key, rec.key, func(s *types.Schema, k, v []byte) error { return rec.decode(s, k, v) })
	rec.key = kbuf
	return found, err
}

func (r *Record) decode(s *types.Schema, k, v []byte) error {
	n := len(s.Columns)
	if cap(r.vals) < n {
		r.vals, r.raw = make([]types.Value, n), make([][]byte, n)
	}
	r.vals, r.raw = r.vals[:n], r.raw[:n]
	if err := types.DecodeKey(s, k, r.vals); err != nil {
		return err
	}
	if err := types.DecodeValueRaw(s, v, r.vals, r.raw); err != nil {
		return err
	}
	size := 0
	for _, p := range s.PK {
		if x := r.vals[p]; x.T.HoldsBytes() {
			size += len(x.S)
		}
	}
	for _, b := range r.raw {
		size += len(b)
	}
	if cap(r.buf) < size {
		r.buf = make([]byte, 0, size*2)
	}
	r.buf = r.buf[:0]
	for i := range r.raw {
		start := len(r.buf)
		switch {
		case r.raw[i] != nil:
			r.buf = append(r.buf, r.raw[i]...)
		case s.IsPK(i) && r.vals[i].T.HoldsBytes():
			r.buf = append(r.buf, r.vals[i].S...) // a text key: decoded as a string already
		default:
			r.raw[i] = nil
			continue
		}
		r.raw[i] = r.buf[start:len(r.buf):len(r.buf)]
	}
	return nil
}

// keyFromGo converts a Go value to a value of primary-key column c: fromGo's conversion,
// without NULL.
func keyFromGo(x any, c *types.Column) (types.Value, error) {
	if x == nil {
		return types.Value{}, drovesql.Errorf("23502", "drove: column %q: a primary key value cannot be NULL", c.Name)
	}
	return fromGo(x, c)
}
