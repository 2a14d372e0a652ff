package checkpoint

import (
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

func fakePage(id uint64, size int) *Page { return &Page{id: id, data: make([]byte, size)} }

// writeOnePage writes a page holding one record (key, value) into s and returns its id.
func writeOnePage(t *testing.T, s *Store, key, value string) uint64 {
	t.Helper()
	w := s.NewPageWriter(DefaultPageSize)
	id, _, err := w.Add([]byte(key), []byte(value))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Finish(); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestCacheKeysPagesByStore: every store numbers its pages from one, and one cache serves a
// node's tablespaces, so page 1 of one store must never be served for page 1 of another, nor
// a page of a store for the store reopened (restored) on the same directory.
func TestCacheKeysPagesByStore(t *testing.T) {
	cases := []struct {
		name string
		// second opens the second store, given the first one's directory.
		second func(t *testing.T, firstDir string) *Store
	}{
		{"another directory", func(t *testing.T, _ string) *Store {
			s, err := OpenStore(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			return s
		}},
		{"same directory rewritten, as by a restore", func(t *testing.T, dir string) *Store {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			s, err := OpenStore(dir)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cache := NewCache(1 << 20)
			dir := filepath.Join(t.TempDir(), "pages")
			a, err := OpenStore(dir)
			if err != nil {
				t.Fatal(err)
			}
			idA := writeOnePage(t, a, "k", "from a")
			read := func(s *Store, id uint64) string {
				t.Helper()
				p, err := cache.Get(s, id)
				if err != nil {
					t.Fatal(err)
				}
				_, v, err := p.Record(0)
				if err != nil {
					t.Fatal(err)
				}
				return string(v)
			}
			if got := read(a, idA); got != "from a" {
				t.Fatalf("store a page %d: %q", idA, got)
			}
			b := c.second(t, dir)
			idB := writeOnePage(t, b, "k", "from b")
			if idA != idB {
				t.Fatalf("test premise: both stores' first page should be %d, b's is %d", idA, idB)
			}
			if got := read(b, idB); got != "from b" {
				t.Fatalf("store b page %d: got %q (another store's page)", idB, got)
			}
			if _, _, n := cache.Stats(); n == 0 {
				t.Fatal("nothing cached")
			}
			cache.RemoveStore(b)
			cache.Remove(a, idA)
			if _, _, n := cache.Stats(); n != 0 {
				t.Fatalf("%d bytes cached after removing every page", n)
			}
		})
	}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	c := NewCache(300)
	loads := map[uint64]int{}
	for _, id := range []uint64{1, 2, 3, 1, 4, 1, 2} {
		load := func() (*Page, error) { loads[id]++; return fakePage(id, 100), nil }
		if _, err := c.get(pageKey{1, id}, load); err != nil {
			t.Fatal(err)
		}
	}
	// 1,2,3 fill it; touching 1 leaves 2 least recent, so 4 evicts 2, then 1 hits and 2 reloads
	// (evicting 3).
	want := map[uint64]int{1: 1, 2: 2, 3: 1, 4: 1}
	for id, n := range want {
		if loads[id] != n {
			t.Fatalf("page %d loaded %d times, want %d (all: %v)", id, loads[id], n, loads)
		}
	}
	hits, misses, bytes := c.Stats()
	if hits != 2 || misses != 5 || bytes > 300 {
		t.Fatalf("stats hits=%d misses=%d bytes=%d", hits, misses, bytes)
	}
	c.mu.Lock()
	c.remove(c.entries[pageKey{1, 1}])
	c.mu.Unlock()
	if _, _, b := c.Stats(); b != 200 {
		t.Fatalf("bytes after Remove: %d", b)
	}
}

func TestCacheLoadsOncePerMiss(t *testing.T) {
	c := NewCache(1 << 20)
	var loads atomic.Int32
	release := make(chan struct{})
	load := func() (*Page, error) { loads.Add(1); <-release; return fakePage(7, 10), nil }
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); c.get(pageKey{1, 7}, load) }()
	}
	for loads.Load() == 0 {
	}
	close(release)
	wg.Wait()
	if n := loads.Load(); n != 1 {
		t.Fatalf("page loaded %d times by concurrent misses", n)
	}
}

// TestImportPageKeepsIDsUnique: a page copied in from another store may not take an id this
// store has already used, or the cache would serve the old page for it.
func TestImportPageKeepsIDsUnique(t *testing.T) {
	cases := []struct {
		name    string
		ownPage bool // the store already wrote page 1
		wantErr bool
	}{
		{"fresh store", false, false},
		{"id in use", true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, err := OpenStore(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			id := writeOnePage(t, src, "k", "imported")
			data, err := os.ReadFile(src.path(id))
			if err != nil {
				t.Fatal(err)
			}
			dst, err := OpenStore(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			want := "imported"
			if c.ownPage {
				writeOnePage(t, dst, "k", "own")
				want = "own"
			}
			cache := NewCache(1 << 20)
			if c.ownPage {
				cache.Get(dst, id)
			}
			err = dst.ImportPage(id, data)
			if (err != nil) != c.wantErr {
				t.Fatalf("ImportPage: %v, want error %v", err, c.wantErr)
			}
			for _, p := range []func() (*Page, error){
				func() (*Page, error) { return dst.ReadPage(id) },
				func() (*Page, error) { return cache.Get(dst, id) },
			} {
				page, err := p()
				if err != nil {
					t.Fatal(err)
				}
				if _, v, _ := page.Record(0); string(v) != want {
					t.Fatalf("page %d holds %q, want %q", id, v, want)
				}
			}
			if dst.NextID() <= id {
				t.Fatalf("next id %d after page %d", dst.NextID(), id)
			}
			if ids, _ := dst.PageIDs(); len(ids) != 1 {
				t.Fatalf("%d pages in the store, want 1", len(ids))
			}
		})
	}
}
