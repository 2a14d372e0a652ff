package lincheck

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Stores for the self-tests: one correct, the rest broken in the ways a replicated database
// can be, or correct but reporting errors the workload must classify.

var (
	errUnknown = errors.New("outcome unknown")   // classified Unknown
	errFailed  = errors.New("certainly refused") // classified Failed
)

func classifyTest(err error) Outcome {
	if errors.Is(err, errFailed) {
		return Failed
	}
	return Unknown
}

// memStore is a linearizable store: a map under a mutex.
type memStore struct {
	mu sync.Mutex
	m  map[int]int
}

func newMemStore() *memStore { return &memStore{m: map[int]int{}} }

func (s *memStore) Read(_ context.Context, k int) (int, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[k]
	return v, ok, nil
}

func (s *memStore) Write(_ context.Context, k, v int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = v
	return nil
}

func (s *memStore) CAS(_ context.Context, k, old, new int) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.m[k]; !ok || v != old {
		return false, nil
	}
	s.m[k] = new
	return true, nil
}

// chance is a seeded coin shared by a store's goroutines.
type chance struct {
	mu  sync.Mutex
	rng *rand.Rand
}

func newChance(seed uint64) *chance { return &chance{rng: rand.New(rand.NewPCG(seed, 1))} }

// one returns true with probability 1/n.
func (c *chance) one(n int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rng.IntN(n) == 0
}

// staleStore serves some reads from a follower's copy that catches up every tenth write.
type staleStore struct {
	*memStore
	coin     *chance
	mu       sync.Mutex
	follower map[int]int
	writes   int
}

func newStaleStore(seed uint64) *staleStore {
	return &staleStore{memStore: newMemStore(), coin: newChance(seed), follower: map[int]int{}}
}

func (s *staleStore) catchUp() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.writes++; s.writes%10 != 0 {
		return
	}
	s.memStore.mu.Lock()
	defer s.memStore.mu.Unlock()
	clear(s.follower)
	for k, v := range s.m {
		s.follower[k] = v
	}
}

func (s *staleStore) Read(ctx context.Context, k int) (int, bool, error) {
	if s.coin.one(2) {
		s.mu.Lock()
		defer s.mu.Unlock()
		v, ok := s.follower[k]
		return v, ok, nil
	}
	return s.memStore.Read(ctx, k)
}

func (s *staleStore) Write(ctx context.Context, k, v int) error {
	defer s.catchUp()
	return s.memStore.Write(ctx, k, v)
}

func (s *staleStore) CAS(ctx context.Context, k, old, new int) (bool, error) {
	defer s.catchUp()
	return s.memStore.CAS(ctx, k, old, new)
}

// lostWriteStore acknowledges one write in ten without applying it.
type lostWriteStore struct {
	*memStore
	coin *chance
}

func (s *lostWriteStore) Write(ctx context.Context, k, v int) error {
	if s.coin.one(10) {
		return nil
	}
	return s.memStore.Write(ctx, k, v)
}

// retriedCASStore retries one applied CAS in five, as a client library that resends after
// losing the reply would: the retry finds the new value and reports failure.
type retriedCASStore struct {
	*memStore
	coin *chance
}

func (s *retriedCASStore) CAS(ctx context.Context, k, old, new int) (bool, error) {
	applied, err := s.memStore.CAS(ctx, k, old, new)
	if applied && s.coin.one(5) {
		return s.memStore.CAS(ctx, k, old, new)
	}
	return applied, err
}

// appliedButFailedStore applies one write or CAS in five but reports an error that means
// "certainly not applied".
type appliedButFailedStore struct {
	*memStore
	coin *chance
}

func (s *appliedButFailedStore) Write(ctx context.Context, k, v int) error {
	err := s.memStore.Write(ctx, k, v)
	if s.coin.one(5) {
		return errFailed
	}
	return err
}

func (s *appliedButFailedStore) CAS(ctx context.Context, k, old, new int) (bool, error) {
	ok, err := s.memStore.CAS(ctx, k, old, new)
	if s.coin.one(5) {
		return false, errFailed
	}
	return ok, err
}

// ambiguousStore is linearizable but answers some operations with errors: one in n
// mutations is applied then reported unknown, one in n reported unknown and applied a
// little later (or never, if never is set), one in n refused (classified Failed) without
// being applied; one in n reads is reported unknown.
type ambiguousStore struct {
	*memStore
	coin  *chance
	n     int
	never bool
	late  sync.WaitGroup
}

func (s *ambiguousStore) mutate(apply func()) error {
	switch {
	case s.coin.one(s.n):
		apply()
		return errUnknown
	case s.coin.one(s.n):
		if !s.never {
			s.late.Go(func() {
				time.Sleep(time.Millisecond)
				apply()
			})
		}
		return errUnknown
	case s.coin.one(s.n):
		return errFailed
	}
	apply()
	return nil
}

func (s *ambiguousStore) Read(ctx context.Context, k int) (int, bool, error) {
	if s.coin.one(s.n) {
		return 0, false, errUnknown
	}
	return s.memStore.Read(ctx, k)
}

func (s *ambiguousStore) Write(ctx context.Context, k, v int) error {
	return s.mutate(func() { _ = s.memStore.Write(ctx, k, v) })
}

func (s *ambiguousStore) CAS(ctx context.Context, k, old, new int) (bool, error) {
	var applied atomic.Bool // a late apply sets it after CAS returned: only read when err == nil
	err := s.mutate(func() {
		ok, _ := s.memStore.CAS(ctx, k, old, new)
		applied.Store(ok)
	})
	return applied.Load(), err
}
