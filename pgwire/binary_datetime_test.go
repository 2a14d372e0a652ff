package pgwire

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// Binary dates and timestamps: what fits, PostgreSQL's infinities included, reads back and
// is sent back as sent; values past the types' ranges are errors with their SQLSTATEs, never
// wrapped around.
func TestBinaryDateTimeParams(t *testing.T) {
	u64 := func(x int64) []byte { return binary.BigEndian.AppendUint64(nil, uint64(x)) }
	u32 := func(x int32) []byte { return binary.BigEndian.AppendUint32(nil, uint32(x)) }
	tests := []struct {
		typ  types.Type
		b    []byte
		want string // the value printed, or "ERR code"
	}{
		{types.Timestamp, u64(0), "2000-01-01 00:00:00"},
		{types.Timestamp, u64(-1), "1999-12-31 23:59:59.999999"},
		{types.Timestamp, u64(-211813488000000000), "4714-11-24 00:00:00 BC"},
		{types.Timestamp, u64(-211813488000000001), "ERR 22008"},
		{types.Timestamp, u64(math.MaxInt64 - 946684800000000 - 1), "294247-01-10 04:00:54.775806"},
		{types.Timestamp, u64(math.MaxInt64 - 946684800000000), "ERR 22008"}, // drove's infinity
		{types.Timestamp, u64(math.MaxInt64), "infinity"},                    // PostgreSQL's infinity
		{types.Timestamp, u64(math.MinInt64), "-infinity"},
		{types.Timestamp, u64(math.MinInt64 + 1), "ERR 22008"},
		{types.Date, u32(0), "2000-01-01"},
		{types.Date, u32(-2451545), "4714-11-24 BC"},
		{types.Date, u32(-2451546), "ERR 22008"},
		{types.Date, u32(2147483494 - 2451545 - 1), "5874897-12-31"},
		{types.Date, u32(2147483494 - 2451545), "ERR 22008"},
		{types.Date, u32(math.MaxInt32), "infinity"},
		{types.Date, u32(math.MinInt32), "-infinity"},
		{types.Date, u32(math.MaxInt32 - 1), "ERR 22008"},
		{types.Timestamptz, u64(0), "2000-01-01 00:00:00+00"},
		{types.Timestamptz, u64(math.MaxInt64), "infinity"},
		{types.Timestamptz, u64(-211813488000000001), "ERR 22008"},
		{types.Time, u64(0), "00:00:00"},
		{types.Time, u64(86400e6), "24:00:00"},
		{types.Time, u64(45296789012), "12:34:56.789012"},
		{types.Time, u64(86400e6 + 1), "ERR 22008"},
		{types.Time, u64(-1), "ERR 22008"},
		{types.Interval, append(append(u64(3723000004), u32(-3)...), u32(14)...), "1 year 2 mons -3 days +01:02:03.000004"},
		{types.TimeTZ, append(u64(36000e6), u32(-19800)...), "10:00:00+05:30"}, // the zone is seconds west
		{types.TimeTZ, append(u64(86400e6), u32(57599)...), "24:00:00-15:59:59"},
		{types.TimeTZ, append(u64(0), u32(0)...), "00:00:00+00"},
		{types.TimeTZ, append(u64(86400e6+1), u32(0)...), "ERR 22008"},
		{types.TimeTZ, append(u64(0), u32(57600)...), "ERR 22009"},
		{types.TimeTZ, u64(0), "ERR 08P01"}, // PostgreSQL: insufficient data left in message
		{types.Int32, u64(1), "ERR 22P03"},  // too long: incorrect binary data format
		{types.Interval, append(append(u64(-1), u32(0)...), u32(0)...), "-00:00:00.000001"},
		{types.Interval, u64(1), "ERR 08P01"},
		{types.Int64, u32(1), "ERR 08P01"},
	}
	for _, tt := range tests {
		v, err := decodeParam(tt.b, 1, tt.typ, types.DateOrderMDY)
		got := ""
		var se *sql.Error
		switch {
		case errors.As(err, &se):
			got = "ERR " + se.Code
		case err != nil:
			got = "untyped error " + err.Error()
		default:
			got = v.String()
			if back := appendBinary(nil, tt.typ, v); string(back) != string(tt.b) {
				t.Errorf("%s %x: sent back as %x", tt.typ, tt.b, back)
			}
		}
		if got != tt.want {
			t.Errorf("%s %x = %s, want %s", tt.typ, tt.b, got, tt.want)
		}
	}
}

// A date or timestamp sent in text is read in the session's DateStyle field order, as
// PostgreSQL's input functions read it: 1/2/2001 is February 1 under DMY.
func TestDecodeParamDateOrder(t *testing.T) {
	cases := []struct {
		in    string
		typ   types.Type
		order types.DateOrder
		want  string
	}{
		{"1/2/2001", types.Date, types.DateOrderMDY, "2001-01-02"},
		{"1/2/2001", types.Date, types.DateOrderDMY, "2001-02-01"},
		{"01/02/03", types.Date, types.DateOrderYMD, "2001-02-03"},
		{"1/2/2001 10:00", types.Timestamp, types.DateOrderDMY, "2001-02-01 10:00:00"},
		{"{1/2/2001}", types.DateArray, types.DateOrderDMY, "{2001-02-01}"},
	}
	for _, c := range cases {
		v, err := decodeParam([]byte(c.in), 0, c.typ, c.order)
		if err != nil {
			t.Fatalf("%q as %s: %v", c.in, c.typ, err)
		}
		if got := string(types.AppendTextIn(nil, v, time.UTC)); got != c.want {
			t.Errorf("%q as %s in order %d: got %s, want %s", c.in, c.typ, c.order, got, c.want)
		}
	}
}
