package wal

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"testing"
)

func sampleEntries() map[string]*Entry {
	big := bytes.Repeat([]byte("v"), 70000)
	return map[string]*Entry{
		"noop":         {Kind: KindNoop},
		"create table": {Kind: KindCreateTable, Schema: []byte{1, 2, 3, 0, 255}},
		"drop table":   {Kind: KindDropTable, Table: "accounts"},
		"alter table":  {Kind: KindAlterTable, Table: "accounts", Schema: []byte{9, 8}, Sources: []int{1, -1, 0}},
		"txn chunk":    {Kind: KindTxnChunk, TxID: 7, Mutations: []Mutation{{Op: OpInsert, Table: "a", Key: []byte("k"), Value: []byte("v")}}},
		"txn commit":   {Kind: KindTxnCommit, TxID: 7},
		"txn abort":    {Kind: KindTxnAbort, TxID: 1 << 50},
		"txn several tables": {Kind: KindTxn, TxID: 1 << 40, Mutations: []Mutation{
			{Op: OpInsert, Table: "a", Key: []byte("k1"), Value: []byte("v1")},
			{Op: OpUpdate, Table: "b", Key: []byte("k2"), Value: []byte("v2")},
			{Op: OpDelete, Table: "a", Key: []byte("k3")},
			{Op: OpInsert, Table: "c", Key: []byte{}, Value: []byte{}},
		}},
		"txn large value": {Kind: KindTxn, Mutations: []Mutation{
			{Op: OpUpdate, Table: "t", Key: []byte{0}, Value: big},
		}},
		"txn empty": {Kind: KindTxn, TxID: 7},
		"txn truncate and insert": {Kind: KindTxn, TxID: 3, Mutations: []Mutation{
			{Op: OpTruncate, Table: "a"},
			{Op: OpInsert, Table: "a", Key: []byte("k1"), Value: []byte("v1")},
			{Op: OpTruncate, Table: "b"},
		}},
		"txn chunk truncate": {Kind: KindTxnChunk, TxID: 4, Mutations: []Mutation{{Op: OpTruncate, Table: "t"}}},
	}
}

// normalize makes decoded and original entries comparable (nil vs empty slices).
func normalize(e Entry) Entry {
	for i := range e.Mutations {
		m := &e.Mutations[i]
		if len(m.Key) == 0 {
			m.Key = nil
		}
		if len(m.Value) == 0 {
			m.Value = nil
		}
	}
	if len(e.Mutations) == 0 {
		e.Mutations = nil
	}
	if len(e.Schema) == 0 {
		e.Schema = nil
	}
	return e
}

func TestRoundTrip(t *testing.T) {
	for name, e := range sampleEntries() {
		t.Run(name, func(t *testing.T) {
			b := AppendEntry([]byte("prefix"), e)
			if len(b)-len("prefix") != EncodedSize(e) {
				t.Fatalf("EncodedSize %d, encoded %d bytes", EncodedSize(e), len(b)-len("prefix"))
			}
			got, err := Decode(b[len("prefix"):])
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(normalize(got), normalize(*e)) {
				t.Fatalf("round trip:\n got %+v\nwant %+v", got, *e)
			}
		})
	}
}

func TestCorruptionIsDetected(t *testing.T) {
	valid := AppendEntry(nil, sampleEntries()["txn several tables"])
	cases := map[string][]byte{}
	for n := 0; n < len(valid); n++ {
		cases["truncated to "+strconv.Itoa(n)] = valid[:n]
	}
	for i := 0; i < len(valid)*8; i++ {
		b := bytes.Clone(valid)
		b[i/8] ^= 1 << (i % 8)
		cases["bit flip "+strconv.Itoa(i)] = b
	}
	cases["trailing byte"] = append(bytes.Clone(valid), 0)
	for name, b := range cases {
		if _, err := Decode(b); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: got %v, want ErrCorrupt", name, err)
		}
	}
}

// TestStructuralErrors checks fields that pass the checksum but are invalid: each case
// re-seals a hand-made body with a correct CRC.
func TestStructuralErrors(t *testing.T) {
	cases := []struct {
		name string
		body []byte
	}{
		{"bad magic", []byte{0x00, version, byte(KindNoop)}},
		{"bad version", []byte{magic, 9, byte(KindNoop)}},
		{"unknown kind", []byte{magic, version, 99}},
		{"noop with body", []byte{magic, version, byte(KindNoop), 1}},
		{"unknown op", []byte{magic, version, byte(KindTxn), 0, 1, 1, 't', 1, 9, 0, 0}},
		{"table index out of range", []byte{magic, version, byte(KindTxn), 0, 1, 1, 't', 1, byte(OpDelete), 5, 0}},
		{"mutation count beyond the entry", []byte{magic, version, byte(KindTxn), 0, 0, 100}},
		{"schema longer than the entry", []byte{magic, version, byte(KindCreateTable), 50, 1}},
		{"overlong varint", []byte{magic, version, byte(KindTxn), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := appendCRC(c.body)
			if _, err := Decode(b); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("got %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestEncodeDoesNotAllocate(t *testing.T) {
	e := sampleEntries()["txn several tables"]
	buf := make([]byte, 0, EncodedSize(e))
	if n := testing.AllocsPerRun(100, func() { buf = AppendEntry(buf[:0], e) }); n != 0 {
		t.Fatalf("AppendEntry allocates %v times per call", n)
	}
}
