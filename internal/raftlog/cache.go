package raftlog

import (
	"sync"

	"github.com/hashicorp/raft"
)

// Cache keeps the most recent small log entries in memory in front of a log store, as
// raft.LogCache does, so the leader's replication and apply read them without touching disk.
// Unlike raft.LogCache it does not keep entries larger than MaxCachedEntry: the chunks of a
// big transaction are up to 32 MiB each, and a ring of 1024 of them pinned a gigabyte of
// encoded rows long after the transaction was applied and checkpointed. Such entries are read
// from the store, which only a lagging replica needs.
type Cache struct {
	raft.LogStore
	mu   sync.RWMutex
	ring []*raft.Log
}

// MaxCachedEntry is the largest entry (its Data) a Cache keeps.
const MaxCachedEntry = 64 << 10

// NewCache puts a cache of the last size entries in front of store.
func NewCache(size int, store raft.LogStore) *Cache {
	return &Cache{LogStore: store, ring: make([]*raft.Log, size)}
}

// GetLog implements raft.LogStore.
func (c *Cache) GetLog(index uint64, out *raft.Log) error {
	c.mu.RLock()
	l := c.ring[index%uint64(len(c.ring))]
	c.mu.RUnlock()
	if l != nil && l.Index == index {
		*out = *l
		return nil
	}
	return c.LogStore.GetLog(index, out)
}

// StoreLog implements raft.LogStore.
func (c *Cache) StoreLog(l *raft.Log) error { return c.StoreLogs([]*raft.Log{l}) }

// StoreLogs implements raft.LogStore.
func (c *Cache) StoreLogs(logs []*raft.Log) error {
	if err := c.LogStore.StoreLogs(logs); err != nil {
		return err
	}
	c.mu.Lock()
	for _, l := range logs {
		slot := &c.ring[l.Index%uint64(len(c.ring))]
		if len(l.Data) <= MaxCachedEntry {
			*slot = l
		} else {
			*slot = nil
		}
	}
	c.mu.Unlock()
	return nil
}

// DeleteRange implements raft.LogStore.
func (c *Cache) DeleteRange(min, max uint64) error {
	c.mu.Lock()
	clear(c.ring)
	c.mu.Unlock()
	return c.LogStore.DeleteRange(min, max)
}

// IsMonotonic passes the store's raft.MonotonicLogStore answer through: raft-wal cannot take
// an append that leaves a gap, so after installing a snapshot Raft must reset the log instead.
func (c *Cache) IsMonotonic() bool {
	m, ok := c.LogStore.(raft.MonotonicLogStore)
	return ok && m.IsMonotonic()
}
