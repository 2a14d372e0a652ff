package raftlog_test

import (
	"errors"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/raft"

	. "github.com/drovedb/drove/internal/raftlog"
	"github.com/drovedb/drove/internal/raftlog/logfault"
)

// asyncLog opens a test log whose appends are buffered while async is true.
func asyncLog(t *testing.T, dir string, f *logfault.Faults) (*Store, *atomic.Bool) {
	t.Helper()
	s := openTestLog(t, dir, f)
	async := new(atomic.Bool)
	async.Store(true)
	s.SetAsyncIf(async.Load)
	return s, async
}

func storeRange(t *testing.T, s *Store, lo, hi uint64) {
	t.Helper()
	var logs []*raft.Log
	for i := lo; i <= hi; i++ {
		logs = append(logs, entry(i))
	}
	if err := s.StoreLogs(logs); err != nil {
		t.Fatalf("storing %d..%d: %v", lo, hi, err)
	}
}

// wantRange checks that the log holds exactly entries lo..hi.
func wantRange(t *testing.T, s *Store, lo, hi uint64) {
	t.Helper()
	if last, err := s.LastIndex(); err != nil || last != hi {
		t.Fatalf("last index %d (%v), want %d", last, err, hi)
	}
	for i := lo; i <= hi; i++ {
		var got raft.Log
		if err := s.GetLog(i, &got); err != nil || string(got.Data) != string(entry(i).Data) {
			t.Fatalf("entry %d: %v", i, err)
		}
	}
}

// returnsWithin runs f and reports whether it returned within d (it keeps running if not).
func returnsWithin(d time.Duration, f func()) (done <-chan struct{}, ok bool) {
	ch := make(chan struct{})
	go func() { f(); close(ch) }()
	select {
	case <-ch:
		return ch, true
	case <-time.After(d):
		return ch, false
	}
}

// TestAsyncBuffersUntilDurable: a buffered append is readable at once and durable only once
// the background fsync ends; whatever must follow it — a synchronous append, a DeleteRange,
// Close — waits for it first, so the log on disk is always a prefix of the log Raft sees.
func TestAsyncBuffersUntilDurable(t *testing.T) {
	cases := []struct {
		name string
		then func(t *testing.T, s *Store, async *atomic.Bool) // runs while fsyncs are stalled
		want [2]uint64                                        // the log after a reopen
	}{
		{"sync append waits for the buffered ones", func(t *testing.T, s *Store, async *atomic.Bool) {
			async.Store(false)
			storeRange(t, s, 4, 4)
		}, [2]uint64{1, 4}},
		{"delete range waits for them", func(t *testing.T, s *Store, _ *atomic.Bool) {
			if err := s.DeleteRange(3, 3); err != nil {
				t.Error(err)
			}
		}, [2]uint64{1, 2}},
		{"close writes them", func(t *testing.T, s *Store, _ *atomic.Bool) {
			if err := s.Close(); err != nil {
				t.Error(err)
			}
		}, [2]uint64{1, 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			f := &logfault.Faults{}
			s, async := asyncLog(t, dir, f)
			release := f.BlockSyncs()
			defer release()
			storeRange(t, s, 1, 3) // returns although the fsync is stalled
			wantRange(t, s, 1, 3)
			if d := s.Durable(); d != 0 {
				t.Fatalf("durable %d before any fsync", d)
			}
			waited, ok := returnsWithin(100*time.Millisecond, func() {
				if err := s.WaitDurable(3, nil, false); err != nil {
					t.Error(err)
				}
			})
			if ok {
				t.Fatal("WaitDurable returned while the fsync was stalled")
			}
			then, ok := returnsWithin(100*time.Millisecond, func() { c.then(t, s, async) })
			if ok {
				t.Fatal("returned before the buffered entries were durable")
			}
			release()
			<-waited
			<-then
			if d := s.Durable(); d < 2 {
				t.Fatalf("durable %d after the fsync", d)
			}
			s.Close()
			s = openTestLog(t, dir, f)
			defer s.Close()
			wantRange(t, s, c.want[0], c.want[1])
			if d := s.Durable(); d != c.want[1] {
				t.Fatalf("durable %d after reopen, want %d", d, c.want[1])
			}
		})
	}
}

// TestAsyncGroupCommit: entries buffered while an fsync runs go to disk in one append.
func TestAsyncGroupCommit(t *testing.T) {
	f := &logfault.Faults{}
	s, _ := asyncLog(t, t.TempDir(), f)
	defer s.Close()
	storeRange(t, s, 1, 1)
	if err := s.WaitDurable(1, nil, true); err != nil {
		t.Fatal(err)
	}
	a0, _ := s.Stats()
	release := f.BlockSyncs()
	storeRange(t, s, 2, 2) // the writer takes it and stalls in its fsync
	time.Sleep(20 * time.Millisecond)
	for i := uint64(3); i <= 10; i++ {
		storeRange(t, s, i, i)
	}
	release()
	if err := s.WaitDurable(10, nil, true); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Stats(); a-a0 > 2 {
		t.Fatalf("%d appends for 9 entries buffered behind one fsync, want 2", a-a0)
	}
	wantRange(t, s, 1, 10)
}

// TestAsyncFailure: a failed background fsync is never reported durable; it fails the waiters
// that ask, and every append, until a retry of the whole batch succeeds.
func TestAsyncFailure(t *testing.T) {
	f := &logfault.Faults{}
	s, async := asyncLog(t, t.TempDir(), f)
	defer s.Close()
	f.SyncErrs.Store(1 << 20)
	storeRange(t, s, 1, 2)
	patient, ok := returnsWithin(50*time.Millisecond, func() {
		if err := s.WaitDurable(2, nil, false); err != nil {
			t.Error(err)
		}
	})
	if ok {
		t.Fatal("WaitDurable returned while every fsync fails")
	}
	if err := s.WaitDurable(2, nil, true); !errors.Is(err, syscall.EIO) {
		t.Fatalf("fail-fast wait: %v, want EIO", err)
	}
	if s.Failed() == nil || s.Durable() != 0 {
		t.Fatalf("failed %v, durable %d", s.Failed(), s.Durable())
	}
	if err := s.StoreLogs([]*raft.Log{entry(3)}); !errors.Is(err, syscall.EIO) {
		t.Fatalf("async append while failing: %v", err)
	}
	async.Store(false)
	if err := s.StoreLogs([]*raft.Log{entry(3)}); !errors.Is(err, syscall.EIO) {
		t.Fatalf("sync append while failing: %v", err)
	}
	f.SyncErrs.Store(0)
	<-patient
	if s.Failed() != nil || s.Durable() != 2 {
		t.Fatalf("after recovery: failed %v, durable %d", s.Failed(), s.Durable())
	}
	storeRange(t, s, 3, 3)
	wantRange(t, s, 1, 3)
}

// TestAsyncWaitStops: waiters are released by their stop channel and by Close.
func TestAsyncWaitStops(t *testing.T) {
	f := &logfault.Faults{}
	s, _ := asyncLog(t, t.TempDir(), f)
	f.SyncErrs.Store(1 << 20)
	storeRange(t, s, 1, 1)
	stop := make(chan struct{})
	close(stop)
	if err := s.WaitDurable(1, stop, false); !errors.Is(err, ErrClosed) {
		t.Fatalf("stopped wait: %v", err)
	}
	waited, _ := returnsWithin(0, func() {
		if err := s.WaitDurable(1, nil, false); !errors.Is(err, ErrClosed) {
			t.Errorf("wait across Close: %v", err)
		}
	})
	if err := s.Close(); !errors.Is(err, syscall.EIO) {
		t.Fatalf("Close with a failing append: %v", err)
	}
	<-waited
}
