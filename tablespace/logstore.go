package tablespace

import (
	"sync/atomic"

	"github.com/hashicorp/raft"
)

// countingLogStore counts appends to the Raft log: entries over appends is the group-commit
// factor (each append is one bbolt transaction and one fsync).
type countingLogStore struct {
	raft.LogStore
	appends atomic.Uint64
	entries atomic.Uint64
}

func (s *countingLogStore) StoreLog(l *raft.Log) error {
	s.appends.Add(1)
	s.entries.Add(1)
	return s.LogStore.StoreLog(l)
}

func (s *countingLogStore) StoreLogs(logs []*raft.Log) error {
	s.appends.Add(1)
	s.entries.Add(uint64(len(logs)))
	return s.LogStore.StoreLogs(logs)
}
