package checkpoint

import (
	"os"
	"testing"
)

func FuzzUnmarshalManifest(f *testing.F) {
	f.Add(sampleManifest().Marshal())
	f.Add((&Manifest{}).Marshal())
	f.Add([]byte("DRVM"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := UnmarshalManifest(b)
		if err != nil {
			return
		}
		if _, err := UnmarshalManifest(m.Marshal()); err != nil {
			t.Fatalf("re-marshalled manifest rejected: %v", err)
		}
	})
}

// FuzzReadPage feeds arbitrary bytes as a page file: ReadPage must reject or accept without
// panicking, and every slot of an accepted page must be readable.
func FuzzReadPage(f *testing.F) {
	dir := f.TempDir()
	s, _ := OpenStore(dir)
	w := s.NewPageWriter(DefaultPageSize)
	w.Add([]byte("key"), []byte("value"))
	w.Add(nil, nil)
	infos, _ := w.Finish()
	good, _ := os.ReadFile(s.path(infos[0].ID))
	f.Add(good)
	f.Add([]byte("DRVP"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := parsePage(b)
		if err != nil {
			return
		}
		for i := 0; i < p.Len(); i++ {
			if _, _, err := p.Record(uint32(i)); err != nil {
				t.Fatalf("accepted page has unreadable slot %d: %v", i, err)
			}
		}
	})
}
