package pgwire

import (
	"encoding/hex"
	"testing"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// A parameter's text, in either format, is client text: PostgreSQL verifies it (pg_verify_mbstr
// as it converts it) and refuses invalid UTF-8 or a NUL with 22021. drove used to store such
// bytes in text columns as they came, data PostgreSQL can never hold.
func TestParamTextIsVerified(t *testing.T) {
	textArray := func(elem string) []byte { // array_send of one text element
		b := []byte{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 25, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, byte(len(elem))}
		return append(b, elem...)
	}
	for _, c := range []struct {
		name   string
		b      []byte
		format int16
		typ    types.Type
		msg    string
	}{
		{"text format, invalid UTF-8", []byte("a\xff\xfe"), 0, types.Text, `invalid byte sequence for encoding "UTF8": 0xff`},
		{"text format, NUL", []byte("a\x00b"), 0, types.Text, `invalid byte sequence for encoding "UTF8": 0x00`},
		{"text format integer, invalid UTF-8", []byte("1\xc3"), 0, types.Int32, `invalid byte sequence for encoding "UTF8": 0xc3`},
		{"binary text, invalid UTF-8", []byte("\xe2\x82"), 1, types.Text, `invalid byte sequence for encoding "UTF8": 0xe2 0x82`},
		{"binary text, NUL", []byte("a\x00"), 1, types.Text, `invalid byte sequence for encoding "UTF8": 0x00`},
		{"binary text[] element, invalid UTF-8", textArray("\xff"), 1, types.TextArray, `invalid byte sequence for encoding "UTF8": 0xff`},
		{"binary json, NUL", []byte(`"a` + "\x00" + `"`), 1, types.JSON, `invalid byte sequence for encoding "UTF8": 0x00`},
		{"binary jsonb, NUL", []byte("\x01\"\x00\""), 1, types.JSONB, `invalid byte sequence for encoding "UTF8": 0x00`},
	} {
		v, err := decodeParam(c.b, c.format, c.typ, types.DateOrderMDY)
		e, ok := err.(*sql.Error)
		if !ok || e.Code != "22021" || e.Message != c.msg {
			t.Errorf("%s: got %q, %v; want 22021 %s", c.name, v.S, err, c.msg)
		}
	}
	for _, ok := range [][]byte{[]byte("héllo ✓"), {}} {
		if v, err := decodeParam(ok, 1, types.Text, types.DateOrderMDY); err != nil || v.S != string(ok) {
			t.Errorf("%q: got %q, %v", ok, v.S, err)
		}
	}
	// bytea is bytes: a NUL or 0xff is data, not an encoding error
	if v, err := decodeParam([]byte{0, 0xff}, 1, types.Bytea, types.DateOrderMDY); err != nil || v.S != "\x00\xff" {
		t.Errorf("bytea: got %q, %v", v.S, err)
	}
}

// A binary jsonpath of an unknown version is the client's bytes, 22P03 as for jsonb, never
// XX000 (PostgreSQL's elog).
func TestBinaryJSONPathVersion(t *testing.T) {
	_, err := decodeParam([]byte("\x02$.a"), 1, types.JSONPath, types.DateOrderMDY)
	if e, ok := err.(*sql.Error); !ok || e.Code != "22P03" {
		t.Fatalf("got %v, want 22P03", err)
	}
}

// array_recv's checks on the header, and on bytes left over, as PostgreSQL answers them
// (drove took any flags and ignored trailing bytes; a negative or huge dimension count was
// "multidimensional arrays are not supported").
func TestBinaryArrayHeader(t *testing.T) {
	one := "0000000100000000000000170000000100000001" + "0000000400000007" // int4[] {7}
	for _, c := range []struct{ hex, code, msg string }{
		{"ffffffff0000000000000017", "22P03", "invalid number of dimensions: -1"},
		{"000000070000000000000017", "54000", "number of array dimensions (7) exceeds the maximum allowed (6)"},
		{"000000010000000700000017", "22P03", "invalid array flags"},
		{one + "00", "22P03", "incorrect binary data format in bind parameter of type integer[]"},
		{"000000000000000000000017" + "00", "22P03", "incorrect binary data format in bind parameter of type integer[]"},
		{"000000020000000000000017", "0A000", "multidimensional arrays are not supported"},
	} {
		b, _ := hex.DecodeString(c.hex)
		_, err := decodeParam(b, 1, types.Int32Array, types.DateOrderMDY)
		if e, ok := err.(*sql.Error); !ok || e.Code != c.code || e.Message != c.msg {
			t.Errorf("%s: got %v, want %s %s", c.hex, err, c.code, c.msg)
		}
	}
	b, _ := hex.DecodeString(one)
	if v, err := decodeParam(b, 1, types.Int32Array, types.DateOrderMDY); err != nil || v.S != "{7}" {
		t.Errorf("{7}: got %q, %v", v.S, err)
	}
}

// array_send and array_recv carry the lower bound: an int4[] [0:1]={7,8} reads as that and
// writes its bound back (drove read any bound as 1 and always sent 1); a bound that would
// put the upper bound past int4 is array_recv's 54000.
func TestBinaryArrayLowerBound(t *testing.T) {
	at0 := "00000001000000000000001700000002" + "00000000" + "0000000400000007" + "0000000400000008"
	b, _ := hex.DecodeString(at0)
	v, err := decodeParam(b, 1, types.Int32Array, types.DateOrderMDY)
	if err != nil || v.S != "[0:1]={7,8}" {
		t.Fatalf("[0:1]: got %q, %v", v.S, err)
	}
	if got := hex.EncodeToString(appendBinaryArray(nil, types.Int32Array, v)); got != at0 {
		t.Errorf("array_send of [0:1]={7,8}: got %s, want %s", got, at0)
	}
	neg, _ := hex.DecodeString("00000001000000000000001700000001" + "fffffffd" + "0000000400000007")
	if v, err := decodeParam(neg, 1, types.Int32Array, types.DateOrderMDY); err != nil || v.S != "[-3:-3]={7}" {
		t.Errorf("[-3:-3]: got %q, %v", v.S, err)
	}
	big, _ := hex.DecodeString("00000001000000000000001700000002" + "7fffffff" + "0000000400000007" + "0000000400000008")
	_, err = decodeParam(big, 1, types.Int32Array, types.DateOrderMDY)
	if e, ok := err.(*sql.Error); !ok || e.Code != "54000" || e.Message != "array lower bound is too large: 2147483647" {
		t.Errorf("lower bound 2147483647: got %v", err)
	}
}
