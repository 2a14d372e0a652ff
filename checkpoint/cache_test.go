package checkpoint

import (
	"sync"
	"sync/atomic"
	"testing"
)

func fakePage(id uint64, size int) *Page { return &Page{id: id, data: make([]byte, size)} }

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	c := NewCache(300)
	loads := map[uint64]int{}
	load := func(id uint64) (*Page, error) { loads[id]++; return fakePage(id, 100), nil }
	for _, id := range []uint64{1, 2, 3, 1, 4, 1, 2} {
		if _, err := c.Get(id, load); err != nil {
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
	c.Remove(1)
	if _, _, b := c.Stats(); b != 200 {
		t.Fatalf("bytes after Remove: %d", b)
	}
}

func TestCacheLoadsOncePerMiss(t *testing.T) {
	c := NewCache(1 << 20)
	var loads atomic.Int32
	release := make(chan struct{})
	load := func(id uint64) (*Page, error) { loads.Add(1); <-release; return fakePage(id, 10), nil }
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); c.Get(7, load) }()
	}
	for loads.Load() == 0 {
	}
	close(release)
	wg.Wait()
	if n := loads.Load(); n != 1 {
		t.Fatalf("page loaded %d times by concurrent misses", n)
	}
}
