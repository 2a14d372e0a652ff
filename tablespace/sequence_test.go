package tablespace

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/drovedb/drove/types"
)

func seqDef(name string) Sequence {
	return Sequence{Name: name, Type: types.Int64, Increment: 1, Min: 1, Max: math.MaxInt64, Start: 1, Cache: 1}
}

func nextVals(t *testing.T, ts *Tablespace, name string, n int) []int64 {
	t.Helper()
	out := make([]int64, n)
	for i := range out {
		v, err := ts.NextVal(context.Background(), name)
		if err != nil {
			t.Fatalf("nextval %d: %v", i, err)
		}
		out[i] = v
	}
	return out
}

// TestSequenceBlocks: values count up from the start; 33 values take one log entry (CACHE 1
// + PostgreSQL's 32 prefetched), and the state shows PostgreSQL's last_value and log_cnt.
func TestSequenceBlocks(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	ctx := context.Background()
	if err := ts.CreateSequence(ctx, seqDef("s")); err != nil {
		t.Fatal(err)
	}
	if err := ts.CreateSequence(ctx, seqDef("s")); !errors.Is(err, ErrSequenceExists) {
		t.Fatalf("second create: %v, want ErrSequenceExists", err)
	}
	before := ts.AppliedIndex()
	got := nextVals(t, ts, "s", 33)
	for i, v := range got {
		if v != int64(i+1) {
			t.Fatalf("value %d is %d", i, v)
		}
	}
	if n := ts.AppliedIndex() - before; n != 1 {
		t.Fatalf("33 values took %d log entries, want 1", n)
	}
	st, ok, err := ts.SequenceByName("s")
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if st.Last != 33 || !st.Called || st.LogCount != 0 {
		t.Fatalf("state %+v, want last 33, called, log 0", st)
	}
	if _, err := ts.NextVal(ctx, "nope"); !errors.Is(err, ErrNoSequence) {
		t.Fatalf("nextval of a missing sequence: %v", err)
	}
	if tabs := ts.Tables(); len(tabs) != 0 {
		t.Fatalf("the sequence table is listed: %v", tabs[0].Name)
	}
}

// TestSequenceLimitsAndCycle: the end of a sequence is an error without CYCLE, and wraps
// with it, in both directions, including at the ends of bigint.
func TestSequenceLimitsAndCycle(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		def  Sequence
		want []int64
		err  bool
	}{
		{"up", Sequence{Increment: 2, Min: 1, Max: 6, Start: 1, Cache: 1}, []int64{1, 3, 5}, true},
		{"upcycle", Sequence{Increment: 2, Min: 1, Max: 6, Start: 3, Cache: 1, Cycle: true}, []int64{3, 5, 1, 3}, false},
		{"down", Sequence{Increment: -1, Min: -2, Max: 0, Start: 0, Cache: 1}, []int64{0, -1, -2}, true},
		{"downcycle", Sequence{Increment: -3, Min: -5, Max: 5, Start: 5, Cache: 1, Cycle: true}, []int64{5, 2, -1, -4, 5}, false},
		{"bigmax", Sequence{Increment: math.MaxInt64, Min: math.MinInt64, Max: math.MaxInt64, Start: -1, Cache: 1}, []int64{-1, math.MaxInt64 - 1}, true},
		{"bigmin", Sequence{Increment: math.MinInt64, Min: math.MinInt64, Max: math.MaxInt64, Start: math.MaxInt64, Cache: 1}, []int64{math.MaxInt64, -1}, true},
	} {
		tc.def.Name, tc.def.Type = tc.name, types.Int64
		if err := ts.CreateSequence(ctx, tc.def); err != nil {
			t.Fatal(err)
		}
		got := nextVals(t, ts, tc.name, len(tc.want))
		for i := range got {
			if got[i] != tc.want[i] {
				t.Fatalf("%s: got %v, want %v", tc.name, got, tc.want)
			}
		}
		_, err := ts.NextVal(ctx, tc.name)
		var lim *SequenceLimitError
		if tc.err != errors.As(err, &lim) {
			t.Fatalf("%s: after %v: %v", tc.name, got, err)
		}
	}
}

// TestSequenceRefusedAlter: an ALTER (or setval) whose fn refuses the change leaves the
// leader's block usable: the next value follows the last one handed out, with no gap and no
// new log entry, as in PostgreSQL, where a failed ALTER SEQUENCE changes nothing.
func TestSequenceRefusedAlter(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	ctx := context.Background()
	if err := ts.CreateSequence(ctx, seqDef("s")); err != nil {
		t.Fatal(err)
	}
	nextVals(t, ts, "s", 2)
	refusal := errors.New("refused")
	err := ts.AlterSequence(ctx, "s", func(def *Sequence, last *int64, _ *bool) error {
		*last = 40
		return refusal
	})
	if !errors.Is(err, refusal) {
		t.Fatalf("AlterSequence: %v, want the refusal", err)
	}
	before := ts.AppliedIndex()
	if v := nextVals(t, ts, "s", 1)[0]; v != 3 {
		t.Fatalf("nextval after a refused ALTER: %d, want 3", v)
	}
	if n := ts.AppliedIndex() - before; n != 0 {
		t.Fatalf("nextval after a refused ALTER took %d log entries, want 0", n)
	}
}

// TestSequenceRestart: after a crash, values are above every value handed out before
// (the block's durable mark); after a clean close, which gives the unused rest of the block
// back, they continue where they stopped, as in PostgreSQL. A checkpoint carries the state.
func TestSequenceRestart(t *testing.T) {
	for _, tc := range []struct {
		name  string
		clean bool
	}{{"crash", false}, {"clean", true}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			ctx := context.Background()
			ts := openTest(t, dir)
			if err := ts.CreateSequence(ctx, seqDef("s")); err != nil {
				t.Fatal(err)
			}
			last := int64(0)
			restart := func(checkpoint bool) {
				t.Helper()
				last = nextVals(t, ts, "s", 40)[39]
				if checkpoint {
					if err := ts.Checkpoint(ctx); err != nil {
						t.Fatal(err)
					}
				}
				if tc.clean {
					if err := ts.Close(); err != nil {
						t.Fatal(err)
					}
				} else if err := ts.shutdownRaft(); err != nil {
					t.Fatal(err)
				}
				ts = openTest(t, dir)
				v := nextVals(t, ts, "s", 1)[0]
				if v <= last || tc.clean && v != last+1 {
					t.Fatalf("after a restart nextval is %d; handed out up to %d before", v, last)
				}
			}
			restart(false)
			restart(true) // from the checkpoint, not the log
			defer ts.Close()
			// ALTER continues from the last value handed out, not from the block's end.
			last = nextVals(t, ts, "s", 1)[0]
			err := ts.AlterSequence(ctx, "s", func(def *Sequence, _ *int64, _ *bool) error {
				def.Increment = 10
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if v := nextVals(t, ts, "s", 1)[0]; v != last+10 {
				t.Fatalf("after ALTER INCREMENT 10: %d, want %d", v, last+10)
			}
			if err := ts.DropSequence(ctx, "s"); err != nil {
				t.Fatal(err)
			}
			if _, ok, _ := ts.SequenceByName("s"); ok {
				t.Fatal("dropped sequence still there")
			}
		})
	}
}

// TestSequenceOwnedByDroppedTable: dropping a table drops the sequences it owns.
func TestSequenceOwnedByDroppedTable(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	ctx := context.Background()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	owned, free := seqDef("t_id_seq"), seqDef("free")
	owned.OwnedTable, owned.OwnedColumn = "t", "id"
	for _, d := range []Sequence{owned, free} {
		if err := ts.CreateSequence(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := ts.DropTable(ctx, "t"); err != nil {
		t.Fatal(err)
	}
	seqs, err := ts.Sequences()
	if err != nil || len(seqs) != 1 || seqs[0].Name != "free" {
		t.Fatalf("sequences after DROP TABLE: %v %v", seqs, err)
	}
}

// TestSequenceBlocksGrowUnderLoad: a sequence used fast reserves larger blocks, so a bulk
// load does not commit a log entry per 33 rows.
func TestSequenceBlocksGrowUnderLoad(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateSequence(context.Background(), seqDef("s")); err != nil {
		t.Fatal(err)
	}
	before := ts.AppliedIndex()
	nextVals(t, ts, "s", 100000)
	if n := ts.AppliedIndex() - before; n > 40 {
		t.Fatalf("100000 values took %d log entries", n)
	}
}

// TestSequenceFailover: a new leader, or a replica leading again, counts on above every
// value handed out before by any leader: a block belongs to the term it was reserved in.
func TestSequenceFailover(t *testing.T) {
	g := newGroup(t, 3, nil)
	lid := g.leader()
	ctx := context.Background()
	if err := g.nodes[lid].CreateSequence(ctx, seqDef("s")); err != nil {
		t.Fatal(err)
	}
	var top int64
	use := func(id string) {
		t.Helper()
		for _, v := range nextVals(t, g.nodes[id], "s", 50) {
			if v <= top {
				t.Fatalf("%s handed out %d after %d", id, v, top)
			}
			top = v
		}
	}
	use(lid)
	var other string
	for id := range g.nodes {
		if id != lid {
			other = id
			break
		}
	}
	// Away and back: the first leader still holds the rest of its block, of an old term.
	if err := g.nodes[lid].TransferLeadership(ctx, other); err != nil {
		t.Fatal(err)
	}
	waitLeads(t, g.nodes[other])
	use(other)
	if err := g.nodes[other].TransferLeadership(ctx, lid); err != nil {
		t.Fatal(err)
	}
	waitLeads(t, g.nodes[lid])
	use(lid)
	// The leader stops: the next one starts above its durable mark.
	g.stop(lid)
	use(g.leader(lid))
}
