package checkpoint

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

func sampleManifest() *Manifest {
	return &Manifest{Seq: 3, RaftIndex: 1 << 33, RaftTerm: 2, NextPageID: 77, Tables: []TableManifest{
		{Schema: []byte("schema-a"), Pages: []PageRef{{ID: 1, Records: 10, Dead: []uint32{0, 3, 9}}, {ID: 5, Records: 1}}},
		{Schema: []byte("schema-b"), Extra: []byte{1, 2}},
	}}
}

func TestManifestRoundTrip(t *testing.T) {
	withID := sampleManifest()
	withID.StoreID = 0xfeedface12345678
	for name, m := range map[string]*Manifest{"sample": sampleManifest(), "empty": {}, "store id": withID} {
		t.Run(name, func(t *testing.T) {
			got, err := UnmarshalManifest(m.Marshal())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Marshal(), m.Marshal()) || got.StoreID != m.StoreID {
				t.Fatalf("round trip changed the manifest: %+v", got)
			}
		})
	}
	m, _ := UnmarshalManifest(sampleManifest().Marshal())
	ref := m.Tables[0].Pages[0]
	if !ref.IsDead(3) || ref.IsDead(4) || ref.Live() != 7 {
		t.Fatalf("dead slots wrong: %+v", ref)
	}
	if ids := m.PageIDs(); len(ids) != 2 {
		t.Fatalf("PageIDs %v", ids)
	}
}

func TestManifestCorruptionIsRejected(t *testing.T) {
	good := sampleManifest().Marshal()
	for n := 0; n < len(good); n++ {
		if _, err := UnmarshalManifest(good[:n]); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("truncated to %d: %v", n, err)
		}
	}
	for i := 0; i < len(good)*8; i++ {
		b := bytes.Clone(good)
		b[i/8] ^= 1 << (i % 8)
		if _, err := UnmarshalManifest(b); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("bit %d flipped: %v", i, err)
		}
	}
}

// A manifest without a store id is written as version 1, as before store ids, so older
// snapshots and backups and newer ones without an id read the same.
func TestManifestVersions(t *testing.T) {
	b := sampleManifest().Marshal()
	if b[4] != manifestVersion {
		t.Fatalf("no store id: version %d, want %d", b[4], manifestVersion)
	}
	m := sampleManifest()
	m.StoreID = 9
	if b := m.Marshal(); b[4] != manifestVersionID {
		t.Fatalf("store id: version %d, want %d", b[4], manifestVersionID)
	}
}

func TestStoreIDPersists(t *testing.T) {
	dir := t.TempDir()
	s1, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	other, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if s1.ID() == 0 || s1.ID() != s2.ID() || other.ID() == s1.ID() {
		t.Fatalf("ids %x %x %x: want one persistent non-zero id per directory", s1.ID(), s2.ID(), other.ID())
	}
}
