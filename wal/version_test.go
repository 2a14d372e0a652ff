package wal

import (
	"encoding/hex"
	"errors"
	"reflect"
	"testing"
)

// TestVersions: logs written before OpTruncate existed (format version 1) still decode,
// entries without a truncate are still written byte for byte as version 1 (so an older
// binary reads them), an entry with one is version 2, and version 1 cannot carry one.
func TestVersions(t *testing.T) {
	v1txn := &Entry{Kind: KindTxn, TxID: 9, Mutations: []Mutation{
		{Op: OpInsert, Table: "a", Key: []byte("k1"), Value: []byte("v1")},
		{Op: OpUpdate, Table: "b", Key: []byte("k2"), Value: []byte("v2")},
		{Op: OpDelete, Table: "a", Key: []byte("k3")},
	}}
	truncate := &Entry{Kind: KindTxn, TxID: 9, Mutations: []Mutation{{Op: OpTruncate, Table: "a"}}}
	alter := &Entry{Kind: KindAlterTable, Table: "t", Schema: []byte("s"), Sources: []int{0, -1}}
	fill := &Entry{Kind: KindAlterTable, Table: "t", Schema: []byte("s"), Sources: []int{0, -1},
		Mutations: []Mutation{{Op: OpUpdate, Key: []byte("k1"), Value: []byte("v1")}, {Op: OpUpdate, Key: []byte("k2"), Value: []byte("v2")}}}
	cases := []struct {
		name    string
		hex     string // written by the version 1 encoder (before OpTruncate), or built here
		want    *Entry
		wantErr bool
		version byte // of AppendEntry(want); 0: not re-encoded
	}{
		{name: "v1 txn", hex: "d70104090201610162030100026b310276310201026b320276320300026b33adb37253", want: v1txn, version: 1},
		{name: "v1 drop table", hex: "d701030174fe971ea9", want: &Entry{Kind: KindDropTable, Table: "t"}, version: 1},
		{name: "v2 truncate", hex: hex.EncodeToString(AppendEntry(nil, truncate)), want: truncate, version: 2},
		{name: "v1 cannot hold a truncate", hex: withVersion(AppendEntry(nil, truncate), 1), wantErr: true},
		{name: "v1 alter table", hex: "d701050174017302010003ee0fcc", want: alter, version: 1},
		{name: "v3 alter table with fill rows", hex: hex.EncodeToString(AppendEntry(nil, fill)), want: fill, version: 3},
		{name: "v2 cannot hold fill rows", hex: withVersion(AppendEntry(nil, fill), 2), wantErr: true},
		{name: "v3 alter needs fill rows", hex: withVersion(AppendEntry(nil, alter), 3), wantErr: true},
		{name: "v4 is unknown", hex: withVersion(AppendEntry(nil, truncate), 4), wantErr: true},
		{name: "truncate with a key", hex: hex.EncodeToString(AppendEntry(nil, &Entry{Kind: KindTxn,
			Mutations: []Mutation{{Op: OpTruncate, Table: "a", Key: []byte("k")}}})), wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := hex.DecodeString(c.hex)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(b)
			if c.wantErr {
				if !errors.Is(err, ErrCorrupt) {
					t.Fatalf("Decode: %v, want ErrCorrupt", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(normalize(got), normalize(*c.want)) {
				t.Fatalf("decoded %+v, want %+v", got, *c.want)
			}
			if enc := AppendEntry(nil, c.want); enc[1] != c.version {
				t.Fatalf("written as version %d, want %d", enc[1], c.version)
			} else if c.version == 1 && hex.EncodeToString(enc) != c.hex {
				t.Fatalf("a version 1 entry is no longer written as before:\n got %x\nwant %s", enc, c.hex)
			}
		})
	}
}

// withVersion re-stamps an encoded entry with another version and a valid checksum.
func withVersion(b []byte, v byte) string {
	b = append([]byte(nil), b[:len(b)-crcLen]...)
	b[1] = v
	return hex.EncodeToString(appendCRC(b))
}
