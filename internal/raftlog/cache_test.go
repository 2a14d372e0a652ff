package raftlog

import (
	"testing"

	"github.com/hashicorp/raft"
)

type monotonicStore struct{ raft.LogStore }

func (monotonicStore) IsMonotonic() bool { return true }

// Raft checks raft.MonotonicLogStore on the store it is given, which is the cache: the cache
// must answer for the store beneath it.
func TestLogCacheIsMonotonicLikeItsStore(t *testing.T) {
	for _, tc := range []struct {
		name  string
		store raft.LogStore
		want  bool
	}{
		{"monotonic", monotonicStore{raft.NewInmemStore()}, true},
		{"plain", raft.NewInmemStore(), false},
	} {
		var s raft.LogStore = NewCache(8, tc.store)
		m, ok := s.(raft.MonotonicLogStore)
		if got := ok && m.IsMonotonic(); got != tc.want {
			t.Errorf("%s: IsMonotonic = %v, want %v", tc.name, got, tc.want)
		}
	}
}
