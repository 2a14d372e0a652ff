package drove

import (
	"bytes"
	"math"
	"testing"

	"github.com/drovedb/drove/types"
)

// TestIntKeyAgrees: appendKey's integer fast path (intKey) encodes exactly what the general
// conversion (keyFromGo, with sql.Assign's range check) does, and leaves to it every value it
// would refuse, so out-of-range keys still fail with its error.
func TestIntKeyAgrees(t *testing.T) {
	values := []any{0, 1, -1, 255, 256, int64(math.MaxInt64), int64(math.MinInt64), int32(math.MaxInt32),
		int32(math.MinInt32), math.MaxInt16, math.MaxInt16 + 1, math.MinInt16, math.MinInt16 - 1,
		int64(math.MaxInt32) + 1, int64(math.MinInt32) - 1, int16(7), uint8(3), "12", 1.0}
	for _, typ := range []types.Type{types.Int16, types.Int32, types.Int64, types.Float64, types.Text} {
		c := &types.Column{Name: "k", Type: typ}
		for _, x := range values {
			want, werr := keyFromGo(x, c)
			var wantKey []byte
			if werr == nil {
				var err error
				if wantKey, err = types.AppendKeyValue(nil, typ, want); err != nil {
					t.Fatal(err)
				}
			}
			n, ok := intKey(x, typ)
			switch {
			case ok && werr != nil:
				t.Errorf("%v %T(%v): fast path takes a key the conversion refuses (%v)", typ, x, x, werr)
			case ok:
				got, _ := types.AppendKeyValue(nil, typ, types.Value{T: typ, I: n})
				if !bytes.Equal(got, wantKey) {
					t.Errorf("%v %T(%v): fast path %x, conversion %x", typ, x, x, got, wantKey)
				}
			}
			// Through appendKey either way, the result is the conversion's.
			s := &types.Schema{Name: "t", Columns: []types.Column{*c}, PK: []int{0}}
			got, err := appendKey(nil, s, []any{x})
			if (err != nil) != (werr != nil) || !bytes.Equal(got, wantKey) {
				t.Errorf("%v %T(%v): appendKey %x %v, conversion %x %v", typ, x, x, got, err, wantKey, werr)
			}
		}
	}
}
