package checkpoint

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestGCKeepsReferencedPages(t *testing.T) {
	dir := t.TempDir()
	s, _ := OpenStore(dir)
	infos, _ := writeRecords(t, s, 1<<10, records(40, 100))
	if len(infos) < 4 {
		t.Fatalf("need several pages, got %d", len(infos))
	}
	os.WriteFile(filepath.Join(dir, "0000000000000099.page.tmp"), []byte("junk"), 0o644)
	keepA := &Manifest{Tables: []TableManifest{{Pages: []PageRef{{ID: infos[0].ID}}}}}
	keepB := &Manifest{Tables: []TableManifest{{Pages: []PageRef{{ID: infos[2].ID}}}}}
	removed, err := s.GC(keepA, keepB)
	if err != nil {
		t.Fatal(err)
	}
	if removed != len(infos)-2 {
		t.Fatalf("removed %d pages, want %d", removed, len(infos)-2)
	}
	ids, _ := s.PageIDs()
	slices.Sort(ids)
	if !slices.Equal(ids, []uint64{infos[0].ID, infos[2].ID}) {
		t.Fatalf("pages left: %v", ids)
	}
	if _, err := os.Stat(filepath.Join(dir, "0000000000000099.page.tmp")); !os.IsNotExist(err) {
		t.Fatal("temp file survived GC")
	}
}
