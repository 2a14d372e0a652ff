package pgwire

import (
	"encoding/hex"
	"math"
	"testing"

	"github.com/drovedb/drove/types"
)

// Arrays travel in array_send's format: what the server writes, it reads back, and bytes
// that are not an array are an error, never a panic or a guess.
func TestBinaryArrays(t *testing.T) {
	for _, c := range []struct {
		typ  types.Type
		text string
	}{
		{types.Int64Array, "{1,-2,NULL}"},
		{types.Int32Array, "{}"},
		{types.Int16Array, "{7}"},
		{types.TextArray, `{a,"b c",NULL,""}`},
		{types.Int2Vector, "1 3"},
		{types.TimeTZArray, "{10:00:00+02,NULL,23:59:59.5-03:30}"},
	} {
		v, err := types.ParseArray(c.text, c.typ)
		if err != nil {
			t.Fatal(err)
		}
		b := appendBinary(nil, c.typ, v)
		got, err := decodeParam(b, 1, c.typ, types.DateOrderMDY)
		if err != nil || got.S != v.S || got.T != c.typ {
			t.Errorf("%s %s: wrote %x, read back %q, %v", c.typ, c.text, b, got.S, err)
		}
	}
	for _, bad := range []string{
		"",
		"00000001",                         // cut short
		"000000020000000000000014",         // two dimensions
		"00000001000000000000001400000005", // five elements promised, none there
		"0000000100000000000000140000000100000001000000ff",   // an element longer than the data
		"00000001000000000000001900000001000000010000000161", // text elements for a bigint[]
	} {
		b, _ := hex.DecodeString(bad)
		if v, err := decodeParam(b, 1, types.Int64Array, types.DateOrderMDY); err == nil {
			t.Errorf("%s decoded as %q, want an error", bad, v.S)
		}
	}
}

// timetz[] is array_send of timetz_send elements: oid 1266, 12 bytes each (the time in
// microseconds, then the zone in seconds west).
func TestBinaryTimeTZArray(t *testing.T) {
	v, err := types.ParseArray("{10:00:00+02}", types.TimeTZArray)
	if err != nil {
		t.Fatal(err)
	}
	got := hex.EncodeToString(appendBinary(nil, types.TimeTZArray, v))
	want := "00000001" + "00000000" + "000004f2" + "00000001" + "00000001" + "0000000c" + "0000000861c46800" + "ffffe3e0"
	if got != want {
		t.Errorf("{10:00:00+02} is %s, want %s", got, want)
	}
}

func TestBinaryRecord(t *testing.T) {
	shape := types.NewShape([]types.Column{{Name: "x", Type: types.Int16}, {Name: "n", Type: types.Int32}})
	got := hex.EncodeToString(appendBinary(nil, types.Record, shape.Record([]types.Value{types.NewInt(types.Int16, 5), types.NullValue})))
	// two fields; int2 (oid 21) of 2 bytes: 5; int4 (oid 23): NULL
	if want := "00000002" + "00000015" + "00000002" + "0005" + "00000017" + "ffffffff"; got != want {
		t.Errorf("record (5,) is %s, want %s", got, want)
	}
}

// FuzzDecodeParam feeds arbitrary bytes to the binary parameter decoders of the types whose
// format has structure (numeric, arrays): an error or a value that prints and reads back the
// same, never a panic.
func FuzzDecodeParam(f *testing.F) {
	f.Add(byte(0), []byte{0, 2, 0, 0, 0, 0, 0, 2, 0, 1, 0x13, 0x88})
	f.Add(byte(1), []byte{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7})
	f.Add(byte(2), []byte{0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 25, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 'a', 0xff, 0xff, 0xff, 0xff})
	typs := []types.Type{types.Numeric, types.Int64Array, types.TextArray, types.Int2Vector}
	f.Fuzz(func(t *testing.T, which byte, b []byte) {
		typ := typs[int(which)%len(typs)]
		v, err := decodeParam(b, 1, typ, types.DateOrderMDY)
		if err != nil {
			return
		}
		again, err := decodeParam(appendBinary(nil, typ, v), 1, typ, types.DateOrderMDY)
		if err != nil || again.S != v.S {
			t.Fatalf("%s %x decoded as %q, which sends and reads back as %q, %v", typ, b, v.S, again.S, err)
		}
	})
}

// paramTypes is every type a parameter can be declared as (every type with an OID).
func paramTypes() []types.Type {
	var ts []types.Type
	seen := map[types.Type]bool{}
	for oid := uint32(1); oid < 20000; oid++ {
		if t := types.FromOID(oid); t != types.Null && !seen[t] {
			seen[t] = true
			ts = append(ts, t)
		}
	}
	return ts
}

// sameValue compares two values field by field (a NaN float equals itself).
func sameValue(a, b types.Value) bool {
	return a.T == b.T && a.Null == b.Null && a.I == b.I && a.S == b.S &&
		math.Float64bits(a.F) == math.Float64bits(b.F)
}

// FuzzDecodeEveryParam feeds arbitrary bytes to the parameter decoder of every type, in the
// binary and the text format: an error (never a panic), and a binary value that sends and
// reads back the same.
func FuzzDecodeEveryParam(f *testing.F) {
	ts := paramTypes()
	for i := range ts {
		f.Add(uint16(i), true, []byte{0, 0, 0, 0, 0, 0, 0, 1})
		f.Add(uint16(i), false, []byte("1"))
	}
	f.Add(uint16(0), false, []byte("{1,NULL,\"a b\"}"))
	f.Add(uint16(0), false, []byte("(1,\"x\")"))
	f.Add(uint16(0), true, []byte{0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0})
	f.Add(uint16(0), true, []byte{0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, which uint16, binaryFormat bool, b []byte) {
		typ := ts[int(which)%len(ts)]
		format := int16(0)
		if binaryFormat {
			format = 1
		}
		v, err := decodeParam(b, format, typ, types.DateOrderMDY)
		if err != nil || !binaryFormat || v.IsNull() {
			return
		}
		// A zero-length value is not NULL: send into a non-nil slice.
		again, err := decodeParam(appendBinary(make([]byte, 0, 16), typ, v), 1, typ, types.DateOrderMDY)
		if err != nil || !sameValue(again, v) {
			t.Fatalf("%s %x decoded as %+v, which sends and reads back as %+v, %v", typ, b, v, again, err)
		}
	})
}
