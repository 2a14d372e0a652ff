package pgwire

import (
	"testing"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// uuid travels as its 16 bytes, json as its text, jsonb as jsonb_send's version byte (1) and
// text; what the server writes it reads back, and anything else is an error.
func TestBinaryUUIDJSON(t *testing.T) {
	for _, c := range []struct {
		typ        types.Type
		text, wire string
	}{
		{types.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "\xa0\xee\xbc\x99\x9c\x0b\x4e\xf8\xbb\x6d\x6b\xb9\xbd\x38\x0a\x11"},
		{types.JSON, `{"b" : 1}`, `{"b" : 1}`},
		{types.JSONB, `{"b": 1, "a": [true]}`, "\x01" + `{"a": [true], "b": 1}`},
	} {
		v, err := sql.ParseText(c.text, c.typ)
		if err != nil {
			t.Fatal(err)
		}
		b := appendBinary(nil, c.typ, v)
		if string(b) != c.wire {
			t.Errorf("%s %s: wrote %q, want %q", c.typ, c.text, b, c.wire)
		}
		got, err := decodeParam(b, 1, c.typ, types.DateOrderMDY)
		if err != nil || got.S != v.S || got.T != c.typ {
			t.Errorf("%s %s: read back %q, %v", c.typ, c.text, got.S, err)
		}
	}
	for _, bad := range []struct {
		typ  types.Type
		wire string
		code string
	}{
		{types.UUID, "\x01\x02", "08P01"},  // as PostgreSQL: insufficient data left in message
		{types.JSONB, `{"a": 1}`, "22P03"}, // no version byte
		{types.JSONB, "\x02{}", "22P03"},
		{types.JSONB, "", "22P03"},
		{types.JSONB, "\x01{", "22P02"},
		{types.JSON, "[1,]", "22P02"},
	} {
		_, err := decodeParam([]byte(bad.wire), 1, bad.typ, types.DateOrderMDY)
		if e, ok := err.(*sql.Error); !ok || e.Code != bad.code {
			t.Errorf("%s %q: %v, want %s", bad.typ, bad.wire, err, bad.code)
		}
	}
}
