package checkpoint

import (
	"container/list"
	"sync"
)

// Cache keeps recently read pages in memory, bounded by their total size, evicting the least
// recently used. Pages are immutable and ids never reused, so entries never go stale.
type Cache struct {
	max int64

	mu      sync.Mutex
	bytes   int64
	lru     *list.List // front = most recent; values are *cacheEntry
	entries map[uint64]*list.Element
	loading map[uint64]*load
	hits    uint64
	misses  uint64
}

type cacheEntry struct {
	id   uint64
	page *Page
}

// load is an in-progress read that concurrent Gets of the same page wait for.
type load struct {
	done chan struct{}
	page *Page
	err  error
}

// NewCache returns a cache holding at most maxBytes of pages (at least one page).
func NewCache(maxBytes int64) *Cache {
	return &Cache{max: maxBytes, lru: list.New(), entries: make(map[uint64]*list.Element),
		loading: make(map[uint64]*load)}
}

// Get returns page id, calling read on a miss. Concurrent misses of one page read it once.
func (c *Cache) Get(id uint64, read func(uint64) (*Page, error)) (*Page, error) {
	c.mu.Lock()
	if e, ok := c.entries[id]; ok {
		c.lru.MoveToFront(e)
		c.hits++
		p := e.Value.(*cacheEntry).page
		c.mu.Unlock()
		return p, nil
	}
	c.misses++
	if l, ok := c.loading[id]; ok {
		c.mu.Unlock()
		<-l.done
		return l.page, l.err
	}
	l := &load{done: make(chan struct{})}
	c.loading[id] = l
	c.mu.Unlock()

	l.page, l.err = read(id)

	c.mu.Lock()
	delete(c.loading, id)
	if l.err == nil {
		if _, ok := c.entries[id]; !ok {
			c.entries[id] = c.lru.PushFront(&cacheEntry{id: id, page: l.page})
			c.bytes += int64(l.page.Size())
			c.evict()
		}
	}
	c.mu.Unlock()
	close(l.done)
	return l.page, l.err
}

// evict drops least recently used pages until the bound holds, keeping the newest one.
func (c *Cache) evict() {
	for c.bytes > c.max && c.lru.Len() > 1 {
		e := c.lru.Back()
		ce := e.Value.(*cacheEntry)
		c.lru.Remove(e)
		delete(c.entries, ce.id)
		c.bytes -= int64(ce.page.Size())
	}
}

// Remove drops a page, e.g. once no checkpoint references it.
func (c *Cache) Remove(id uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[id]; ok {
		c.lru.Remove(e)
		delete(c.entries, id)
		c.bytes -= int64(e.Value.(*cacheEntry).page.Size())
	}
}

// Stats returns hit and miss counts and the bytes cached.
func (c *Cache) Stats() (hits, misses uint64, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses, c.bytes
}
