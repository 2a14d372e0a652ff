package checkpoint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"testing"
)

func writeRecords(t *testing.T, s *Store, target int, recs [][2][]byte) ([]PageInfo, [][2]uint64) {
	t.Helper()
	w := s.NewPageWriter(target)
	locs := make([][2]uint64, len(recs))
	for i, r := range recs {
		page, slot, err := w.Add(r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		locs[i] = [2]uint64{page, uint64(slot)}
	}
	infos, err := w.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return infos, locs
}

func records(n, valueSize int) [][2][]byte {
	recs := make([][2][]byte, n)
	for i := range recs {
		recs[i] = [2][]byte{[]byte(fmt.Sprintf("key-%06d", i)), bytes.Repeat([]byte{byte(i)}, valueSize)}
	}
	return recs
}

func TestPagesRoundTrip(t *testing.T) {
	cases := []struct {
		name        string
		target      int
		recs        [][2][]byte
		wantPages   int
		wantAtLeast bool
	}{
		{"one small page", DefaultPageSize, records(10, 10), 1, false},
		{"many pages", 64 << 10, records(5000, 100), 8, true},
		{"record larger than a page", 1 << 10, [][2][]byte{{[]byte("k"), make([]byte, 5000)}, {[]byte("k2"), []byte("v")}}, 2, false},
		{"empty key and value", DefaultPageSize, [][2][]byte{{{}, {}}}, 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := OpenStore(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			infos, locs := writeRecords(t, s, c.target, c.recs)
			if c.wantAtLeast && len(infos) < c.wantPages || !c.wantAtLeast && len(infos) != c.wantPages {
				t.Fatalf("%d pages, want %d", len(infos), c.wantPages)
			}
			for _, info := range infos {
				if info.Bytes > int64(c.target) && info.Records > 1 {
					t.Fatalf("page %d has %d bytes over a %d target", info.ID, info.Bytes, c.target)
				}
			}
			for i, l := range locs {
				p, err := s.ReadPage(l[0])
				if err != nil {
					t.Fatal(err)
				}
				k, v, err := p.Record(uint32(l[1]))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(k, c.recs[i][0]) || !bytes.Equal(v, c.recs[i][1]) {
					t.Fatalf("record %d read back wrong", i)
				}
			}
			p, _ := s.ReadPage(locs[0][0])
			if _, _, err := p.Record(uint32(p.Len())); err == nil {
				t.Fatal("out-of-range slot did not fail")
			}
		})
	}
}

func TestCorruptPagesAreRejected(t *testing.T) {
	s, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	infos, _ := writeRecords(t, s, DefaultPageSize, records(50, 20))
	id := infos[0].ID
	good, err := os.ReadFile(s.path(id))
	if err != nil {
		t.Fatal(err)
	}
	for _, pos := range []int{0, 4, 5, 13, headerLen, len(good) / 2, len(good) - 5, len(good) - 1} {
		t.Run(fmt.Sprintf("flip byte %d", pos), func(t *testing.T) {
			b := bytes.Clone(good)
			b[pos] ^= 0x40
			os.WriteFile(s.path(id), b, 0o644)
			if _, err := s.ReadPage(id); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("got %v, want ErrCorrupt", err)
			}
		})
	}
	for _, n := range []int{0, 3, headerLen, len(good) - 1} {
		t.Run(fmt.Sprintf("truncate to %d", n), func(t *testing.T) {
			os.WriteFile(s.path(id), good[:n], 0o644)
			if _, err := s.ReadPage(id); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("got %v, want ErrCorrupt", err)
			}
		})
	}
	t.Run("page under another id's name", func(t *testing.T) {
		os.WriteFile(s.path(id+100), good, 0o644)
		if _, err := s.ReadPage(id + 100); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("got %v, want ErrCorrupt", err)
		}
	})
}

func TestIDsAreNeverReused(t *testing.T) {
	dir := t.TempDir()
	s, _ := OpenStore(dir)
	infos, _ := writeRecords(t, s, DefaultPageSize, records(3, 3))
	// An orphan left by a crashed checkpoint, with a higher id than any manifest knows.
	w := s.NewPageWriter(DefaultPageSize)
	w.Add([]byte("k"), []byte("v"))
	orphan, _ := w.Finish()

	s2, _ := OpenStore(dir)
	if next := s2.NextID(); next <= orphan[0].ID || next <= infos[0].ID {
		t.Fatalf("reopened store would reuse id %d", next)
	}
	s2.SetMinNextID(1000)
	s2.SetMinNextID(10)
	if s2.NextID() != 1000 {
		t.Fatalf("SetMinNextID went backwards: %d", s2.NextID())
	}
}
