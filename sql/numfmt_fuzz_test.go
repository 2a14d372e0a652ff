package sql

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/drovedb/drove/types"
)

// FuzzNumberFormat: to_char of a numeric, an integer and a float, and to_number, never panic
// whatever the picture and value; they answer or fail with a PostgreSQL error.
func FuzzNumberFormat(f *testing.F) {
	for _, s := range []string{"9999.99", "FM0000.00PR", "S9G999D99", "9.99EEEE", "RN", "999th", "99V99", "\"x\"9\\\"9", "SG9MI", "9.9.9", ""} {
		f.Add(s, "-1234.5678", 2.5, "1,234.5-")
	}
	f.Fuzz(func(t *testing.T, format, num string, fl float64, text string) {
		check := func(err error) {
			var e *Error
			if err != nil && (!errors.As(err, &e) || e.Code == "XX000") {
				t.Fatalf("%q: %v is not a PostgreSQL error", format, err)
			}
		}
		if len(format) > 200 {
			return
		}
		values := []types.Value{{T: types.Float64, F: fl}, {T: types.Float32, F: float64(float32(fl))}, types.NewInt(types.Int32, int64(int32(math.Float64bits(fl))))}
		if v, err := types.ParseNumeric(num); err == nil && len(num) < 40 {
			values = append(values, v)
		}
		for _, v := range values {
			var number string
			var sign byte
			var spaces int
			nodes, d, err := parseNumFormat(format)
			check(err)
			if err != nil {
				return
			}
			if v.T == types.Numeric || v.T == types.Int32 {
				x := v
				if v.T == types.Int32 {
					x = types.Value{T: types.Numeric, S: strconv.FormatInt(v.I, 10)}
				}
				number, sign, spaces, err = numericDigits(x, d)
				check(err)
				if err != nil {
					continue
				}
			} else {
				number, sign, spaces = floatDigits(v.F, v.T == types.Float32, d)
			}
			_, err = renderNum(nodes, d, number, sign, spaces)
			check(err)
		}
		_, err := readNumber(text, format)
		check(err)
	})
}
