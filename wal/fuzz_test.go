package wal

import (
	"reflect"
	"testing"
)

// FuzzDecode: Decode never panics, and whatever it accepts re-encodes to an entry that decodes
// to the same thing.
func FuzzDecode(f *testing.F) {
	for _, e := range sampleEntries() {
		f.Add(AppendEntry(nil, e))
	}
	f.Add([]byte{})
	f.Add([]byte{magic, version, byte(KindTxn), 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := Decode(b)
		if err != nil {
			return
		}
		again, err := Decode(AppendEntry(nil, &e))
		if err != nil {
			t.Fatalf("re-encoded entry does not decode: %v", err)
		}
		if !reflect.DeepEqual(normalize(again), normalize(e)) {
			t.Fatalf("round trip changed the entry:\n%+v\n%+v", e, again)
		}
	})
}
