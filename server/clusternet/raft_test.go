package clusternet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"
)

// countFSM counts applied commands.
type countFSM struct {
	mu sync.Mutex
	n  uint64
}

func (f *countFSM) Apply(*raft.Log) any {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	return f.n
}

func (f *countFSM) count() uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

func (f *countFSM) Snapshot() (raft.FSMSnapshot, error) { return countSnap(f.count()), nil }

func (f *countFSM) Restore(rc io.ReadCloser) error {
	defer rc.Close()
	var b [8]byte
	if _, err := io.ReadFull(rc, b[:]); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n = binary.BigEndian.Uint64(b[:])
	return nil
}

type countSnap uint64

func (s countSnap) Persist(sink raft.SnapshotSink) error {
	_, err := sink.Write(binary.BigEndian.AppendUint64(nil, uint64(s)))
	if err != nil {
		sink.Cancel()
		return err
	}
	return sink.Close()
}

func (countSnap) Release() {}

type node struct {
	r   *raft.Raft
	fsm *countFSM
	id  string
}

// servers is the configuration of a group on all of ms.
func servers(ms []*Mux) []raft.Server {
	var s []raft.Server
	for _, m := range ms {
		s = append(s, raft.Server{ID: raft.ServerID(m.NodeID()), Address: raft.ServerAddress(m.Addr())})
	}
	return s
}

// startRaft starts group on m; a non-empty boot bootstraps it with that configuration.
func startRaft(t testing.TB, m *Mux, group string, boot []raft.Server, mods ...func(*raft.Config)) *node {
	t.Helper()
	c := raft.DefaultConfig()
	c.LocalID = raft.ServerID(m.NodeID())
	c.HeartbeatTimeout = 200 * time.Millisecond
	c.ElectionTimeout = 200 * time.Millisecond
	c.LeaderLeaseTimeout = 200 * time.Millisecond
	c.CommitTimeout = 5 * time.Millisecond
	c.Logger = hclog.NewNullLogger()
	for _, mod := range mods {
		mod(c)
	}
	store := raft.NewInmemStore()
	snaps := raft.NewInmemSnapshotStore()
	trans := m.Transport(group)
	if len(boot) > 0 {
		cfg := raft.Configuration{Servers: boot}
		if err := raft.BootstrapCluster(c, store, store, snaps, trans, cfg); err != nil {
			t.Fatal(err)
		}
	}
	fsm := &countFSM{}
	r, err := raft.NewRaft(c, fsm, store, store, snaps, trans)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Shutdown().Error() })
	return &node{r: r, fsm: fsm, id: m.NodeID()}
}

func waitFor(t testing.TB, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func leader(t testing.TB, ns []*node) *node {
	t.Helper()
	var l *node
	waitFor(t, "a leader", 10*time.Second, func() bool {
		for _, n := range ns {
			if n.r.State() == raft.Leader {
				l = n
				return true
			}
		}
		return false
	})
	return l
}

// apply commits k commands through the current leader of ns, following leadership changes
// (a slow test machine can make a fresh leader step down).
func apply(t testing.TB, ns []*node, k int) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for i := 0; i < k; {
		l := leader(t, ns)
		err := l.r.Apply([]byte("x"), 5*time.Second).Error()
		switch {
		case err == nil:
			i++
		case errors.Is(err, raft.ErrNotLeader) || errors.Is(err, raft.ErrLeadershipLost):
			// An entry that lost leadership may still commit; tests compare with >=.
			if time.Now().After(deadline) {
				t.Fatalf("apply: %v", err)
			}
		default:
			t.Fatalf("apply on %s: %v", l.id, err)
		}
	}
}

func waitCount(t testing.TB, n *node, want uint64) {
	t.Helper()
	waitFor(t, fmt.Sprintf("%s to apply %d", n.id, want), 15*time.Second, func() bool { return n.fsm.count() >= want })
}

// TestRaftReplicates: three Raft groups over the same three muxes elect leaders and replicate
// independently.
func TestRaftReplicates(t *testing.T) {
	ms := newMuxes(t, 3, nil, nil)
	groups := []string{"_meta", "ts1", "ts2"}
	for gi, g := range groups {
		var ns []*node
		for _, m := range ms {
			ns = append(ns, startRaft(t, m, g, servers(ms)))
		}
		apply(t, ns, 3+gi)
		for _, n := range ns {
			waitCount(t, n, uint64(3+gi))
		}
	}
}

// TestRaftLateGroup: a group bootstrapped on two nodes elects and commits while the third node
// has not registered it (its dials fail with "unknown group"); once registered there, the third
// replica catches up.
func TestRaftLateGroup(t *testing.T) {
	ms := newMuxes(t, 3, nil, nil)
	all := servers(ms)
	ns := []*node{startRaft(t, ms[0], "late", all), startRaft(t, ms[1], "late", all)}
	apply(t, ns, 5)
	late := startRaft(t, ms[2], "late", nil)
	waitCount(t, late, 5)
}

// TestRaftPartition: a fault between the leader and a follower stops replication to that
// follower, including over the connections already pooled; Heal restores it.
func TestRaftPartition(t *testing.T) {
	tests := []struct {
		name  string
		fault func(f *Faults, leader, follower string)
	}{
		{"isolate follower", func(f *Faults, _, fo string) { f.Isolate(fo) }},
		{"partition leader-follower", func(f *Faults, l, fo string) { f.Partition(l, fo) }},
		{"one way leader to follower", func(f *Faults, l, fo string) { f.PartitionOneWay(l, fo) }},
		{"stall follower", func(f *Faults, _, fo string) { f.StallNode(fo) }},
		{"stall leader-follower", func(f *Faults, l, fo string) { f.Stall(l, fo) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := NewFaults(1)
			ms := newMuxes(t, 3, f, nil)
			var ns []*node
			for _, m := range ms {
				ns = append(ns, startRaft(t, m, "p", servers(ms)))
			}
			apply(t, ns, 3)
			l := leader(t, ns)
			var fo *node
			for _, n := range ns {
				waitCount(t, n, 3)
				if n != l {
					fo = n
				}
			}
			tt.fault(f, l.id, fo.id)
			before := fo.fsm.count()
			apply(t, ns, 5)
			time.Sleep(300 * time.Millisecond)
			if got := fo.fsm.count(); got != before {
				t.Fatalf("follower %s applied %d entries behind a partition, want %d", fo.id, got, before)
			}
			f.Heal()
			waitCount(t, fo, l.fsm.count())
		})
	}
}

// TestRaftCloseLeaksNothing: once Raft is shut down (which closes its transport) and the muxes
// are closed, every goroutine of the transports, connections and muxes is gone.
func TestRaftCloseLeaksNothing(t *testing.T) {
	before := runtime.NumGoroutine()
	f := NewFaults(2)
	var ms []*Mux
	for i := 1; i <= 3; i++ {
		m, err := Listen(Config{NodeID: fmt.Sprintf("n%d", i), Addr: "127.0.0.1:0", Faults: f, Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	var ns []*node
	for _, g := range []string{"a", "b"} {
		for _, m := range ms {
			ns = append(ns, startRaft(t, m, g, servers(ms)))
		}
	}
	apply(t, ns[:3], 3)
	apply(t, ns[3:], 3)
	for _, n := range ns {
		if err := n.r.Shutdown().Error(); err != nil {
			t.Fatal(err)
		}
	}
	// Closing the transports alone ends every connection: only the accept loops are left.
	waitGoroutines(t, before+len(ms))
	for _, m := range ms {
		if err := m.Close(); err != nil {
			t.Fatal(err)
		}
	}
	waitGoroutines(t, before)
}
