package checkpoint

import (
	"container/list"
	"sync"
)

// Cache keeps recently read pages in memory, bounded by their total size, evicting the least
// recently used. One cache serves every store of a node, and each store numbers its pages from
// one, so an entry is keyed by the store it was read from and the page id. Pages are immutable
// and a store never reuses an id, so entries never go stale.
type Cache struct {
	max int64

	mu      sync.Mutex
	bytes   int64
	lru     *list.List // front = most recent; values are *cacheEntry
	entries map[pageKey]*list.Element
	loading map[pageKey]*load
	hits    uint64
	misses  uint64
}

// pageKey names a page in a cache shared by stores: the store's process-unique id (never a
// directory name: a store reopened or restored under another name is another store) and the
// page id within it.
type pageKey struct {
	store uint64
	page  uint64
}

type cacheEntry struct {
	key  pageKey
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
	return &Cache{max: maxBytes, lru: list.New(), entries: make(map[pageKey]*list.Element),
		loading: make(map[pageKey]*load)}
}

// Get returns page id of store s, reading it from s on a miss. Concurrent misses of one page
// read it once.
func (c *Cache) Get(s *Store, id uint64) (*Page, error) {
	return c.get(pageKey{s.cacheID, id}, func() (*Page, error) { return s.ReadPage(id) })
}

func (c *Cache) get(id pageKey, read func() (*Page, error)) (*Page, error) {
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

	l.page, l.err = read()

	c.mu.Lock()
	delete(c.loading, id)
	if l.err == nil {
		if _, ok := c.entries[id]; !ok {
			c.entries[id] = c.lru.PushFront(&cacheEntry{key: id, page: l.page})
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
		c.remove(c.lru.Back())
	}
}

// Remove drops page id of store s, e.g. once no checkpoint references it.
func (c *Cache) Remove(s *Store, id uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[pageKey{s.cacheID, id}]; ok {
		c.remove(e)
	}
}

// RemoveStore drops every page of store s, e.g. when its tablespace closes: nothing reads
// them through s again, and a store reopened on the same directory is another store.
func (c *Cache) RemoveStore(s *Store) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if k.store == s.cacheID {
			c.remove(e)
		}
	}
}

// remove drops an entry; c.mu is held.
func (c *Cache) remove(e *list.Element) {
	ce := e.Value.(*cacheEntry)
	c.lru.Remove(e)
	delete(c.entries, ce.key)
	c.bytes -= int64(ce.page.Size())
}

// Stats returns hit and miss counts and the bytes cached.
func (c *Cache) Stats() (hits, misses uint64, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses, c.bytes
}
