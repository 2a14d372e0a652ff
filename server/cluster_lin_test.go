package server

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"

	"github.com/drovedb/drove/internal/lincheck"
)

// The linearizability check of issue 15: concurrent reads, writes and compare-and-sets
// through SQL on every node of a 3-node cluster, under a seeded random fault schedule
// (partitions, kills, pauses, leader transfers), checked with porcupine. A failure prints
// the seed; replay it with -lincheck.seed=N. Long runs: -lincheck.runs=50 (and
// -lincheck.duration, -lincheck.nodes=5); denser fault schedules: -lincheck.maxgap=500ms
// (the longest pause between two fault steps).

var (
	linRuns     = flag.Int("lincheck.runs", 2, "TestClusterLinearizable: fault schedules (seeds) to run, each on a fresh cluster")
	linDuration = flag.Duration("lincheck.duration", 12*time.Second, "TestClusterLinearizable: workload and fault schedule length per run")
	linNodes    = flag.Int("lincheck.nodes", 3, "TestClusterLinearizable: cluster size (5 lets the nemesis combine two faults)")
	linMaxGap   = flag.Duration("lincheck.maxgap", 1500*time.Millisecond, "TestClusterLinearizable: longest pause between fault steps (shorter: denser schedules)")
)

const linTablespace = "lin"

func TestClusterLinearizable(t *testing.T) {
	runs, d := *linRuns, *linDuration
	if testing.Short() {
		runs, d = 1, 5*time.Second
	}
	for _, seed := range lincheck.Seeds(runs) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { runLinearizable(t, seed, d) })
	}
}

func runLinearizable(t *testing.T, seed uint64, d time.Duration) {
	c := startCluster(t, *linNodes)
	var ids []string
	for _, s := range c.nodes {
		ids = append(ids, s.ID())
	}
	admin := connect(t, c.nodes[0], "drove")
	create := fmt.Sprintf("CREATE TABLESPACE 'lin', 'replica:%s', 'expectedreplicacount:%d'", strings.Join(ids, ","), len(ids))
	if _, code := exec(t, admin, create); code != "" {
		t.Fatalf("create tablespace: %s", code)
	}
	f := &clusterFaults{c: c}
	var stores []lincheck.Store
	for i, s := range c.nodes {
		db, err := sql.Open("pgx", "postgres://drove@"+s.PGAddr().String()+"/"+linTablespace+"?sslmode=disable&connect_timeout=2")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		st := lincheck.NewSQLStore(db)
		st.Name = fmt.Sprintf("n%d", i+1)
		if i == 0 {
			if err := st.CreateTable(context.Background()); err != nil {
				t.Fatalf("create table: %v", err)
			}
		}
		stores = append(stores, backoffStore{st})
	}
	ctx, cancel := context.WithTimeout(context.Background(), d+2*time.Minute)
	defer cancel()
	rep := lincheck.Run(ctx, lincheck.Config{
		Seed: seed,
		// Two clients per node: all but those of the leader's node go through forwarding.
		Workload: lincheck.Workload{Clients: 2 * len(ids), Keys: 3, Duration: d, OpTimeout: 3 * time.Second},
		Stores:   stores,
		Nemesis:  &lincheck.Nemesis{Nodes: ids, MaxGap: *linMaxGap},
		Faults:   f,
		Logf:     t.Logf,
	})
	if rep.NemesisErr != nil {
		t.Logf("seed %d: some fault steps failed: %v", seed, rep.NemesisErr)
	}
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
}

// backoffStore pauses a client briefly after an error, so clients of a killed node do not
// spin on refused connections and starve the nodes that serve.
type backoffStore struct{ *lincheck.SQLStore }

const errorBackoff = 20 * time.Millisecond

func backoff(err error) error {
	if err != nil {
		time.Sleep(errorBackoff)
	}
	return err
}

func (s backoffStore) Read(ctx context.Context, k int) (int, bool, error) {
	v, ok, err := s.SQLStore.Read(ctx, k)
	return v, ok, backoff(err)
}

func (s backoffStore) Write(ctx context.Context, k, v int) error {
	return backoff(s.SQLStore.Write(ctx, k, v))
}

func (s backoffStore) CAS(ctx context.Context, k, old, new int) (bool, error) {
	ok, err := s.SQLStore.CAS(ctx, k, old, new)
	return ok, backoff(err)
}

// clusterFaults implements lincheck.Faults over a testCluster: partitions and pauses through
// clusternet.Faults (a pause is a stalled node: silent to its peers, connections left
// open), a kill is a crash — the node isolated at once (its peers' connections to it cut,
// as a dead process's are), then stopped without a final checkpoint (Server.crash) — and a
// restart is Start with the same Config (same ports, same data directory, recovered from
// what the crash left on disk), a leader transfer is the tablespace's own TransferLeadership.
type clusterFaults struct {
	c         *testCluster
	mu        sync.Mutex
	partition [][2]string // the pairs cut by the partition in place
	paused    []string
	killed    []string // isolated until restarted
}

var _ lincheck.Faults = (*clusterFaults)(nil)

func nodeIndex(id string) (int, error) {
	var i int
	if _, err := fmt.Sscanf(id, "n%d", &i); err != nil || i < 1 {
		return 0, fmt.Errorf("bad node id %q", id)
	}
	return i - 1, nil
}

func (f *clusterFaults) Partition(_ context.Context, a, b []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, x := range a {
		for _, y := range b {
			f.partition = append(f.partition, [2]string{x, y})
			f.c.faults.Partition(x, y)
		}
	}
	return nil
}

// Heal lifts the partition; paused nodes stay paused (clusternet's Heal lifts everything,
// so their stalls are put back).
func (f *clusterFaults) Heal(context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.partition = nil
	f.restoreLocked()
	return nil
}

func (f *clusterFaults) restoreLocked() {
	f.c.faults.Heal()
	for _, p := range f.partition {
		f.c.faults.Partition(p[0], p[1])
	}
	for _, n := range f.paused {
		f.c.faults.StallNode(n)
	}
	for _, n := range f.killed {
		f.c.faults.Isolate(n)
	}
}

func (f *clusterFaults) Pause(_ context.Context, node string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.paused = append(f.paused, node)
	f.c.faults.StallNode(node)
	return nil
}

func (f *clusterFaults) Resume(_ context.Context, node string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.paused = slices.DeleteFunc(f.paused, func(n string) bool { return n == node })
	f.restoreLocked()
	return nil
}

func (f *clusterFaults) Kill(_ context.Context, node string) error {
	i, err := nodeIndex(node)
	if err != nil {
		return err
	}
	f.mu.Lock()
	s := f.c.nodes[i]
	f.c.nodes[i] = nil
	if s != nil {
		f.killed = append(f.killed, node)
		f.c.faults.Isolate(node)
	}
	f.mu.Unlock()
	if s == nil {
		return fmt.Errorf("%s is not running", node)
	}
	return s.crash()
}

func (f *clusterFaults) Restart(_ context.Context, node string) error {
	i, err := nodeIndex(node)
	if err != nil {
		return err
	}
	f.mu.Lock()
	f.killed = slices.DeleteFunc(f.killed, func(n string) bool { return n == node })
	f.restoreLocked()
	f.mu.Unlock()
	s, err := Start(f.c.cfgs[i])
	if err != nil {
		return fmt.Errorf("restarting %s: %w", node, err)
	}
	f.mu.Lock()
	f.c.nodes[i] = s
	f.mu.Unlock()
	return nil
}

// TransferLeader asks the tablespace's current leader to hand over to node, retrying while
// the group has no leader or the transfer fails (an election under way).
func (f *clusterFaults) TransferLeader(ctx context.Context, node string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var last error
	for {
		lead := f.leader()
		if lead != nil && lead.ID() == node {
			return nil
		}
		if lead != nil {
			ts, _ := lead.Tablespace(linTablespace)
			if last = ts.TransferLeadership(ctx, node); last == nil {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("transfer to %s: %w (last: %v)", node, ctx.Err(), last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// leader returns the running node whose replica leads the tablespace, or nil.
func (f *clusterFaults) leader() *Server {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.c.nodes {
		if s == nil {
			continue
		}
		if ts, ok := s.Tablespace(linTablespace); ok && ts.IsLeader() {
			return s
		}
	}
	return nil
}
