package tablespace

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/wal"
)

// checkLog checks that the log from its first index to its last is contiguous, with terms
// that never decrease and never pass Raft's stored term: a log Raft could have written.
func checkLog(t *testing.T, ts *Tablespace) {
	t.Helper()
	first, err := ts.logs.FirstIndex()
	if err != nil {
		t.Fatal(err)
	}
	last, err := ts.logs.LastIndex()
	if err != nil {
		t.Fatal(err)
	}
	current, err := ts.logDB.GetUint64([]byte("CurrentTerm"))
	if err != nil {
		t.Fatal(err)
	}
	var prev uint64
	for i := first; i <= last && i > 0; i++ {
		var l raft.Log
		if err := ts.logs.GetLog(i, &l); err != nil {
			t.Fatalf("entry %d of [%d, %d]: %v", i, first, last, err)
		}
		if l.Index != i || l.Term < prev || l.Term > current {
			t.Fatalf("entry %d: index %d term %d after term %d (raft's term %d)", i, l.Index, l.Term, prev, current)
		}
		prev = l.Term
	}
}

// TestDirectCommitAlternatesWithRaft opens one directory in turn with Raft's commit path and
// the direct one, crashing (Abandon) or closing between, checkpointing and truncating the log
// on both: every acknowledged row is there each time, and the log stays one Raft can read.
func TestDirectCommitAlternatesWithRaft(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	small := func(o *Options) { o.TrailingLogs = 8 }
	viaRaft := func(o *Options) { o.raftCommit = true }
	rows := 0
	steps := []struct {
		raft, checkpoint, crash bool
	}{
		{raft: true, crash: true},
		{checkpoint: true, crash: true},
		{raft: true, checkpoint: true},
		{crash: true},
		{checkpoint: true},
		{raft: true, crash: true},
		{},
	}
	for i, st := range steps {
		opts := []func(*Options){small}
		if st.raft {
			opts = append(opts, viaRaft)
		}
		ts := openTest(t, dir, opts...)
		if (ts.direct != nil) == st.raft {
			t.Fatalf("step %d: direct %v, want %v", i, ts.direct != nil, !st.raft)
		}
		if i == 0 {
			if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
				t.Fatal(err)
			}
		}
		if n := countRows(t, ts, "t"); n != rows {
			t.Fatalf("step %d: %d rows after reopening, want %d", i, n, rows)
		}
		checkLog(t, ts)
		insertRows(t, ts, "t", rows, rows+30, 1)
		rows += 30
		if st.checkpoint {
			first, _ := ts.logs.FirstIndex()
			if err := ts.Checkpoint(ctx); err != nil {
				t.Fatalf("step %d: checkpoint: %v", i, err)
			}
			if after, _ := ts.logs.FirstIndex(); after <= first {
				t.Fatalf("step %d: the checkpoint left the log from %d (was %d)", i, after, first)
			}
			insertRows(t, ts, "t", rows, rows+5, 1)
			rows += 5
		}
		checkLog(t, ts)
		if st.crash {
			if err := ts.Abandon(); err != nil {
				t.Fatal(err)
			}
		} else if err := ts.Close(); err != nil {
			t.Fatal(err)
		}
	}
	ts := openTest(t, dir)
	defer ts.Close()
	if n := countRows(t, ts, "t"); n != rows {
		t.Fatalf("%d rows at the end, want %d", n, rows)
	}
}

// TestDirectGroupCommit: concurrent committers share appends, each entry is applied once and
// in log order, a duplicate key is refused by the state machine's verdict, and everything
// survives a crash.
func TestDirectGroupCommit(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	if ts.direct == nil {
		t.Fatal("a single voter without a transport does not commit directly")
	}
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	appends0, entries0 := ts.logDB.Stats()
	const workers, each = 16, 40
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				tx := beginAll(ts)
				if err := tx.Insert(ctx, "t", testKey(int64(w*each+i)), testValue(fmt.Sprint(w, i))); err != nil {
					errs <- err
					return
				}
				if err := tx.Commit(ctx); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	appends, entries := ts.logDB.Stats()
	if entries-entries0 != workers*each {
		t.Fatalf("%d entries appended, want %d", entries-entries0, workers*each)
	}
	if appends-appends0 >= workers*each {
		t.Logf("no group commit happened (%d appends for %d entries)", appends-appends0, entries-entries0)
	}
	if st := ts.Stats(); st.AppliedIndex != ts.lastLogIndex() || st.ApplyLag != 0 || !st.Leader {
		t.Fatalf("stats after the commits: %+v, last index %d", st, ts.lastLogIndex())
	}
	// The entry still reaches the log, and the state machine refuses it as a duplicate.
	dup := &wal.Entry{Kind: wal.KindTxn, TxID: 1 << 40, Mutations: []wal.Mutation{
		{Table: "t", Op: wal.OpInsert, Key: testKey(3), Value: testValue("again")}}}
	if err := ts.propose(ctx, dup); !errors.As(err, new(*DuplicateKeyError)) {
		t.Fatalf("a duplicate insert: %v", err)
	}
	checkLog(t, ts)
	if err := ts.Abandon(); err != nil {
		t.Fatal(err)
	}
	ts = openTest(t, dir)
	defer ts.Close()
	if n := countRows(t, ts, "t"); n != workers*each {
		t.Fatalf("%d rows after the crash, want %d", n, workers*each)
	}
}

// TestDirectRefusesMembership: a tablespace without a transport can never reach a second
// replica, so it refuses to add one rather than append a configuration that cannot commit.
func TestDirectRefusesMembership(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	ctx := context.Background()
	if err := ts.AddReplica(ctx, Replica{ID: "n2", Address: "n2", Voter: true}); !errors.Is(err, errSingleVoter) {
		t.Fatalf("AddReplica: %v", err)
	}
	if err := ts.TransferLeadership(ctx, ""); !errors.Is(err, errSingleVoter) {
		t.Fatalf("TransferLeadership: %v", err)
	}
	if rs := ts.Replicas(); len(rs) != 1 || !rs[0].Self || !rs[0].Leader || !rs[0].Voter {
		t.Fatalf("Replicas: %+v", rs)
	}
	if id, _ := ts.Leader(); id != "node1" || !ts.IsLeader() {
		t.Fatalf("Leader %q, IsLeader %v", id, ts.IsLeader())
	}
}
