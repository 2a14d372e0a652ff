package tablespace

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/types"
	"github.com/drovedb/drove/wal"
)

// snapView is what a transaction reads of table "t" (id → v) through every read path.
type snapView struct {
	get, scan, cursor map[int64]string
	index             map[string][]int64 // v → ids, by IndexScan
}

func readView(t *testing.T, tx *Txn, ids []int64, vs []string) snapView {
	t.Helper()
	s := indexedSchema("t", false)
	row := make([]types.Value, len(s.Columns))
	decode := func(k, v []byte) (int64, string) {
		if err := types.DecodeRow(s, k, v, row); err != nil {
			t.Fatal(err)
		}
		return row[0].I, row[1].S
	}
	view := snapView{get: map[int64]string{}, scan: map[int64]string{}, cursor: map[int64]string{},
		index: map[string][]int64{}}
	for _, id := range ids {
		v, ok, err := tx.Get("t", testKey(id))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			_, view.get[id] = decode(testKey(id), v)
		}
	}
	if err := tx.Scan("t", func(k, v []byte) error {
		id, s := decode(k, v)
		if _, dup := view.scan[id]; dup {
			t.Fatalf("scan returned %d twice", id)
		}
		view.scan[id] = s
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	c, err := tx.Cursor("t")
	if err != nil {
		t.Fatal(err)
	}
	for {
		k, v, ok, err := c.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		id, s := decode(k, v)
		view.cursor[id] = s
	}
	for _, v := range vs {
		pks, ok, err := tx.IndexScan("t", "t_v", vKey(v), nil, true)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			continue // the transaction wrote the table: the caller scans instead
		}
		var got []int64
		for _, pk := range pks {
			if err := types.DecodeKey(s, []byte(pk), row); err != nil {
				t.Fatal(err)
			}
			got = append(got, row[0].I)
		}
		slices.Sort(got)
		view.index[v] = got
	}
	// A range [a, c) of the ordered index, in index order (v, then id).
	pks, ok, err := tx.IndexScan("t", "t_v", vKey("a"), vKey("c"), false)
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		var got []int64
		for _, pk := range pks {
			if err := types.DecodeKey(s, []byte(pk), row); err != nil {
				t.Fatal(err)
			}
			got = append(got, row[0].I)
		}
		view.index["[a,c)"] = got
		// The same range read in batches of two (IndexScanBatch) is the same keys in order.
		var batched []string
		for lo := vKey("a"); lo != nil; {
			b, next, ok, err := tx.IndexScanBatch("t", "t_v", lo, vKey("c"), IndexBatch{Max: 2, Cont: len(batched) > 0})
			if err != nil || !ok {
				t.Fatalf("IndexScanBatch: %v %v", ok, err)
			}
			batched, lo = append(batched, b...), next
		}
		if !slices.Equal(batched, pks) {
			t.Fatalf("batched index range %q, want %q", batched, pks)
		}
	}
	return view
}

func setRow(tx *Txn, op string, id int64, v string) error {
	ctx := context.Background()
	switch op {
	case "insert":
		return tx.Insert(ctx, "t", testKey(id), testValue(v))
	case "update":
		return tx.Update(ctx, "t", testKey(id), testValue(v))
	default:
		return tx.Delete(ctx, "t", testKey(id))
	}
}

// TestSnapshotReads: a transaction that pinned a snapshot reads the committed state of that
// moment by point gets, scans, cursors and index lookups, whatever commits after it, across
// checkpoints before or during the pin; an unpinned one reads the latest; the kept images go
// when the pin does, and none are kept while nothing is pinned.
func TestSnapshotReads(t *testing.T) {
	cases := []struct {
		name                 string
		ckptBefore, ckptPins bool
	}{
		{"memory", false, false},
		{"pages", true, false},
		{"checkpoint while pinned", false, true},
		{"pages and checkpoint while pinned", true, true},
	}
	ids := []int64{0, 1, 2, 3, 4, 20}
	vs := []string{"a", "b", "c"}
	before := snapView{
		get:    map[int64]string{0: "a", 1: "a", 2: "a", 3: "a", 4: "a"},
		scan:   map[int64]string{0: "a", 1: "a", 2: "a", 3: "a", 4: "a"},
		cursor: map[int64]string{0: "a", 1: "a", 2: "a", 3: "a", 4: "a"},
		index:  map[string][]int64{"a": {0, 1, 2, 3, 4}, "b": nil, "c": nil, "[a,c)": {0, 1, 2, 3, 4}},
	}
	after := snapView{
		get:    map[int64]string{0: "a", 1: "b", 3: "c", 4: "a", 20: "a"},
		scan:   map[int64]string{0: "a", 1: "b", 3: "c", 4: "a", 20: "a"},
		cursor: map[int64]string{0: "a", 1: "b", 3: "c", 4: "a", 20: "a"},
		index:  map[string][]int64{"a": {0, 4, 20}, "b": {1}, "c": {3}, "[a,c)": {0, 4, 20, 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			ts := openTest(t, t.TempDir())
			defer ts.Close()
			if err := ts.CreateTable(ctx, indexedSchema("t", false)); err != nil {
				t.Fatal(err)
			}
			for id := range int64(5) {
				if err := commit(t, ts, func(tx *Txn) error { return setRow(tx, "insert", id, "a") }); err != nil {
					t.Fatal(err)
				}
			}
			if tc.ckptBefore {
				if err := ts.Checkpoint(ctx); err != nil {
					t.Fatal(err)
				}
			}
			reader := beginAll(ts)
			defer reader.Rollback()
			reader.PinSnapshot()
			reader.snapshot() // a READ COMMITTED pin is taken at the first read: take it now
			for _, w := range []struct {
				op string
				id int64
				v  string
			}{{"update", 1, "b"}, {"delete", 2, ""}, {"insert", 20, "a"}, {"update", 3, "b"}, {"update", 3, "c"}} {
				if err := commit(t, ts, func(tx *Txn) error { return setRow(tx, w.op, w.id, w.v) }); err != nil {
					t.Fatal(err)
				}
			}
			if tc.ckptPins {
				if err := ts.Checkpoint(ctx); err != nil {
					t.Fatal(err)
				}
			}
			if n, _ := ts.OldVersions(); n != 5 {
				t.Errorf("kept %d images for the pinned reader, want 5", n)
			}
			if st := ts.Stats(); st.OldVersionBytes <= 0 || st.PinnedSnapshots != 1 || ts.TableStats()[0].OldBytes != st.OldVersionBytes {
				t.Errorf("stats while pinned: %+v, table %+v", st, ts.TableStats())
			}
			if got := readView(t, reader, ids, vs); !viewEqual(got, before) {
				t.Errorf("pinned reader saw\n%+v\nwant\n%+v", got, before)
			}
			latest := beginAll(ts)
			if got := readView(t, latest, ids, vs); !viewEqual(got, after) {
				t.Errorf("unpinned reader saw\n%+v\nwant\n%+v", got, after)
			}
			latest.Rollback()
			// Its own writes are visible to the pinned transaction.
			if err := setRow(reader, "update", 4, "own"); err != nil {
				t.Fatal(err)
			}
			if got := readView(t, reader, []int64{4}, nil); got.get[4] != "own" || got.scan[4] != "own" || got.cursor[4] != "own" {
				t.Errorf("own write not seen under a snapshot: %+v", got)
			}
			reader.UnpinSnapshot()
			if n, b := ts.OldVersions(); n != 0 || b != 0 || ts.TableStats()[0].OldBytes != 0 {
				t.Errorf("after the last unpin %d images (%d bytes) are kept, want none", n, b)
			}
			if err := commit(t, ts, func(tx *Txn) error { return setRow(tx, "update", 0, "z") }); err != nil {
				t.Fatal(err)
			}
			if n, _ := ts.OldVersions(); n != 0 {
				t.Errorf("with nothing pinned apply kept %d images", n)
			}
		})
	}
}

func viewEqual(a, b snapView) bool {
	eq := func(x, y map[int64]string) bool {
		if len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if w, ok := y[k]; !ok || w != v {
				return false
			}
		}
		return true
	}
	if !eq(a.get, b.get) || !eq(a.scan, b.scan) || !eq(a.cursor, b.cursor) || len(a.index) != len(b.index) {
		return false
	}
	for k, v := range a.index {
		if !slices.Equal(v, b.index[k]) {
			return false
		}
	}
	return true
}

// TestSnapshotTransfers: readers that pin a snapshot per read never see half of a transfer
// between two rows, while a writer moves units between them and checkpoints run.
func TestSnapshotTransfers(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, indexedSchema("t", false)); err != nil {
		t.Fatal(err)
	}
	bal := func(n int) string { return fmt.Sprintf("%d", n) }
	for id := range int64(2) {
		if err := commit(t, ts, func(tx *Txn) error { return setRow(tx, "insert", id, bal(500)) }); err != nil {
			t.Fatal(err)
		}
	}
	s := indexedSchema("t", false)
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the writer
		defer wg.Done()
		a, b := 500, 500
		for i := 0; !stop.Load(); i++ {
			a, b = a-1, b+1
			if err := commit(t, ts, func(tx *Txn) error {
				if err := setRow(tx, "update", 0, bal(a)); err != nil {
					return err
				}
				return setRow(tx, "update", 1, bal(b))
			}); err != nil {
				t.Error(err)
				return
			}
			if i%200 == 0 {
				if err := ts.Checkpoint(ctx); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	var bad, reads atomic.Int64
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			row := make([]types.Value, len(s.Columns))
			val := func(v []byte) int {
				if err := types.DecodeRow(s, testKey(0), v, row); err != nil {
					t.Error(err)
				}
				var n int
				fmt.Sscan(row[1].S, &n)
				return n
			}
			for !stop.Load() {
				tx := beginAll(ts)
				tx.PinSnapshot()
				sum := 0
				for id := range int64(2) {
					v, _, err := tx.Get("t", testKey(id))
					if err != nil {
						t.Error(err)
					}
					sum += val(v)
					time.Sleep(time.Microsecond) // let a commit land between the two
				}
				scanSum := 0
				if err := tx.Scan("t", func(_, v []byte) error { scanSum += val(v); return nil }); err != nil {
					t.Error(err)
				}
				if sum != 1000 || scanSum != 1000 {
					bad.Add(1)
				}
				reads.Add(1)
				tx.Rollback()
			}
		}()
	}
	time.Sleep(700 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	if bad.Load() != 0 {
		t.Errorf("%d of %d snapshot reads saw half a transfer", bad.Load(), reads.Load())
	}
	if n, _ := ts.OldVersions(); n != 0 {
		t.Errorf("%d images kept after every reader ended", n)
	}
}

// TestRepeatableRead: the snapshot of the first statement lasts the transaction; a write to a
// row committed after it is ErrSerialization, a write to another row is not.
func TestRepeatableRead(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, indexedSchema("t", false)); err != nil {
		t.Fatal(err)
	}
	for id := range int64(3) {
		if err := commit(t, ts, func(tx *Txn) error { return setRow(tx, "insert", id, "a") }); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name  string
		other func(tx *Txn) error // committed after the repeatable transaction's first read
		write func(tx *Txn) error
		want  error
		seen  string // what a later statement of the transaction reads of id 0
	}{
		{"lost update", func(tx *Txn) error { return setRow(tx, "update", 0, "x") },
			func(tx *Txn) error { return setRow(tx, "update", 0, "y") }, ErrSerialization, "a"},
		{"locked read of a changed row", func(tx *Txn) error { return setRow(tx, "update", 0, "x") },
			func(tx *Txn) error { _, _, err := tx.GetForUpdate(ctx, "t", testKey(0)); return err }, ErrSerialization, "a"},
		{"delete of a changed row", func(tx *Txn) error { return setRow(tx, "delete", 0, "") },
			func(tx *Txn) error { return setRow(tx, "delete", 0, "") }, ErrSerialization, "a"},
		{"another row", func(tx *Txn) error { return setRow(tx, "update", 1, "x") },
			func(tx *Txn) error { return setRow(tx, "update", 2, "y") }, nil, "a"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// Reset the rows.
			for id := range int64(3) {
				_ = commit(t, ts, func(tx *Txn) error {
					if setRow(tx, "update", id, "a") != nil {
						return setRow(tx, "insert", id, "a")
					}
					return nil
				})
			}
			rr := beginAll(ts)
			defer rr.Rollback()
			if err := rr.SetRepeatableRead(true); err != nil {
				t.Fatal(err)
			}
			rr.PinSnapshot() // first statement
			rr.UnpinSnapshot()
			if err := commit(t, ts, tc.other); err != nil {
				t.Fatal(err)
			}
			if err := rr.SetRepeatableRead(false); !errors.Is(err, ErrSnapshotTaken) {
				t.Errorf("isolation changed after the first statement: %v", err)
			}
			rr.PinSnapshot() // second statement: same snapshot
			got := readView(t, rr, []int64{0}, nil)
			if got.get[0] != tc.seen || got.scan[0] != tc.seen {
				t.Errorf("second statement read %+v, want %q (non-repeatable read)", got, tc.seen)
			}
			if err := tc.write(rr); !errors.Is(err, tc.want) {
				t.Errorf("write: %v, want %v", err, tc.want)
			}
			rr.UnpinSnapshot()
		})
	}
	if n, _ := ts.OldVersions(); n != 0 {
		t.Errorf("%d images kept after the transactions ended", n)
	}
}

// BenchmarkFSMApplyPinned is BenchmarkFSMApply's updates with a reader pinned, re-pinned every
// 1024 entries: the cost of keeping the replaced images for it.
func BenchmarkFSMApplyPinned(b *testing.B) {
	for _, pinned := range []bool{false, true} {
		b.Run(fmt.Sprintf("pinned=%v", pinned), func(b *testing.B) {
			const rowsPerEntry = 100
			f := newTestFSM(b)
			applyLog(b, f, [][]byte{wal.AppendEntry(nil, &wal.Entry{Kind: wal.KindCreateTable,
				Schema: types.MarshalSchema(testSchema("t"))})}, 0, 1, 1)
			value := testValue(string(make([]byte, 100)))
			entries := make([]*raft.Log, 1024)
			for i := range entries {
				e := &wal.Entry{Kind: wal.KindTxn}
				for j := 0; j < rowsPerEntry; j++ {
					op := wal.OpUpdate
					if i == 0 {
						op = wal.OpInsert
					}
					e.Mutations = append(e.Mutations, wal.Mutation{Op: op, Table: "t",
						Key: testKey(int64(j)), Value: value})
				}
				entries[i] = &raft.Log{Index: uint64(i + 2), Type: raft.LogCommand, Data: wal.AppendEntry(nil, e)}
			}
			f.ApplyBatch(entries[:1])
			next := uint64(len(entries) + 2)
			var s uint64
			var slot int
			if pinned {
				s, slot = f.pin()
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				l := *entries[1+i%(len(entries)-1)]
				l.Index = next
				next++
				f.ApplyBatch([]*raft.Log{&l})
				if pinned && i%1024 == 1023 {
					f.unpin(s, slot)
					s, slot = f.pin()
				}
			}
			if pinned {
				f.unpin(s, slot)
			}
			b.ReportMetric(float64(b.N*rowsPerEntry)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// A READ COMMITTED pin takes its snapshot at the statement's first read, so a statement that
// reads nothing (INSERT ... VALUES) never makes apply keep images; one that reads sees one
// committed state from then on.
func TestPinTakenAtFirstRead(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	write := func(v string) {
		tx := beginAll(ts)
		if err := tx.Insert(ctx, "t", testKey(int64(len(v))), testValue(v)); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	stmt := beginAll(ts)
	defer stmt.Rollback()
	stmt.PinSnapshot()
	write("a")
	if n := ts.Stats().PinnedSnapshots; n != 0 {
		t.Errorf("a statement that has not read pins %d snapshots, want 0", n)
	}
	if _, ok, err := stmt.Get("t", testKey(1)); !ok || err != nil {
		t.Fatalf("first read: %v %v; want the row committed before it", ok, err)
	}
	write("bb")
	if _, ok, _ := stmt.Get("t", testKey(2)); ok {
		t.Errorf("the second read saw a row committed after the first")
	}
	stmt.UnpinSnapshot()
	if st := ts.Stats(); st.PinnedSnapshots != 0 || st.OldVersions != 0 {
		t.Errorf("after the statement: %d pinned, %d kept images", st.PinnedSnapshots, st.OldVersions)
	}
}

// TestPinsPastTheSlots: pins beyond the registry's lock-free slots go to its overflow slice,
// and the pruner respects both: every reader keeps reading its snapshot after a commit, and
// the kept images go when the last pin does.
func TestPinsPastTheSlots(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	set := func(v string, insert bool) {
		t.Helper()
		tx := beginAll(ts)
		var err error
		if insert {
			err = tx.Insert(ctx, "t", testKey(1), testValue(v))
		} else {
			err = tx.Update(ctx, "t", testKey(1), testValue(v))
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	set("v0", true)
	readers := make([]*Txn, pinSlots+8)
	for i := range readers {
		set(fmt.Sprintf("v%d", i+1), false)
		rd := beginAll(ts)
		rd.PinSnapshot()
		if _, _, err := rd.Get("t", testKey(1)); err != nil {
			t.Fatal(err)
		}
		readers[i] = rd
	}
	if n := ts.Stats().PinnedSnapshots; n != int64(len(readers)) {
		t.Fatalf("%d pinned, want %d", n, len(readers))
	}
	set("last", false)
	// The first pins took the slots, the last ones the overflow slice. Unpinning the oldest
	// first leaves, at the end, only overflow pins to keep images for.
	for i := range readers {
		for j := i; j < len(readers); j++ {
			v, _, err := readers[j].Get("t", testKey(1))
			if want := testValue(fmt.Sprintf("v%d", j+1)); err != nil || string(v) != string(want) {
				t.Fatalf("reader %d reads %q (%v), want %q", j, v, err, want)
			}
		}
		readers[i].UnpinSnapshot()
		readers[i].Rollback()
	}
	if st := ts.Stats(); st.PinnedSnapshots != 0 || st.OldVersions != 0 {
		t.Errorf("after the readers: %d pinned, %d kept images", st.PinnedSnapshots, st.OldVersions)
	}
}

// TestIndexScanBatchUnderSnapshot: an ordered index range read in batches under a pinned
// snapshot yields the snapshot's keys once each, in index order, however the rows moved in
// the index since: each batch merges only the snapshot's entries of its own part of the range.
func TestIndexScanBatchUnderSnapshot(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, indexedSchema("t", false)); err != nil {
		t.Fatal(err)
	}
	for id := range int64(5) {
		if err := commit(t, ts, func(tx *Txn) error { return setRow(tx, "insert", id, "a") }); err != nil {
			t.Fatal(err)
		}
	}
	reader := beginAll(ts)
	defer reader.Rollback()
	reader.PinSnapshot()
	reader.snapshot()
	for _, id := range []int64{1, 4} { // moved after the pin: their snapshot entries are a1, a4
		if err := commit(t, ts, func(tx *Txn) error { return setRow(tx, "update", id, "b") }); err != nil {
			t.Fatal(err)
		}
	}
	want, ok, err := reader.IndexScan("t", "t_v", vKey("a"), vKey("c"), false)
	if err != nil || !ok || len(want) != 5 {
		t.Fatalf("IndexScan: %d keys, %v %v", len(want), ok, err)
	}
	down := slices.Clone(want)
	slices.Reverse(down)
	for _, size := range []int{1, 2, 3, 10} {
		var got []string
		for lo := vKey("a"); lo != nil; {
			b, next, ok, err := reader.IndexScanBatch("t", "t_v", lo, vKey("c"), IndexBatch{Max: size, Cont: len(got) > 0})
			if err != nil || !ok {
				t.Fatalf("IndexScanBatch: %v %v", ok, err)
			}
			got, lo = append(got, b...), next
		}
		if !slices.Equal(got, want) {
			t.Errorf("batches of %d: %q, want %q", size, got, want)
		}
		// Descending, from the top of the range down, batch by batch.
		got = nil
		for hi := vKey("c"); hi != nil; {
			b, next, ok, err := reader.IndexScanBatch("t", "t_v", vKey("a"), hi, IndexBatch{Max: size, Cont: len(got) > 0, Desc: true})
			if err != nil || !ok {
				t.Fatalf("IndexScanBatch: %v %v", ok, err)
			}
			got, hi = append(got, b...), next
		}
		if !slices.Equal(got, down) {
			t.Errorf("descending batches of %d: %q, want %q", size, got, down)
		}
	}
}
