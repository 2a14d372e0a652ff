package tablespace

import (
	"context"
	"fmt"
	"testing"
)

// A full scan reads rows where they lie (the live slots of pages, the buffer a checkpoint is
// flushing, the dirty buffer) rather than through the PK map, so it must return exactly the
// live rows with their current images whichever of the three holds each, and none twice.
func TestScanReadsEveryLiveRowOnce(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	ctx := context.Background()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	want := map[int64]string{}
	write := func(f func(tx *Txn) error) {
		t.Helper()
		tx := beginAll(ts)
		if err := f(tx); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	upsert := func(from, to int64, tag string) {
		write(func(tx *Txn) error {
			for id := from; id < to; id++ {
				v := fmt.Sprintf("%s%d", tag, id)
				var err error
				if _, ok := want[id]; ok {
					err = tx.Update(ctx, "t", testKey(id), testValue(v))
				} else {
					err = tx.Insert(ctx, "t", testKey(id), testValue(v))
				}
				if err != nil {
					return err
				}
				want[id] = v
			}
			return nil
		})
	}
	remove := func(from, to int64) {
		write(func(tx *Txn) error {
			for id := from; id < to; id++ {
				if _, ok := want[id]; !ok {
					continue
				}
				if err := tx.Delete(ctx, "t", testKey(id)); err != nil {
					return err
				}
				delete(want, id)
			}
			return nil
		})
	}
	check := func(stage string) {
		t.Helper()
		got := map[string]string{}
		err := ts.Begin().Scan("t", func(key, value []byte) error {
			if _, dup := got[string(key)]; dup {
				return fmt.Errorf("key %x read twice", key)
			}
			got[string(key)] = string(value)
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: scanned %d rows, want %d", stage, len(got), len(want))
		}
		for id, v := range want {
			if got[string(testKey(id))] != string(testValue(v)) {
				t.Fatalf("%s: row %d reads %q, want %q", stage, id, got[string(testKey(id))], v)
			}
		}
	}
	checkpoint := func() {
		t.Helper()
		if err := ts.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
	}

	upsert(0, 300, "a")
	check("dirty buffer only")
	checkpoint()
	check("pages only")

	upsert(0, 50, "b")    // page rows rewritten: their slots die, dirty records hold them
	remove(50, 60)        // page rows deleted
	upsert(300, 350, "c") // new rows
	remove(300, 305)      // dirty records deleted
	upsert(306, 310, "d") // dirty records rewritten in place
	upsert(306, 310, "e")
	check("pages and dirty buffer")

	// Freeze the dirty buffer as a checkpoint does, then change rows it holds.
	tb := ts.fsm.tables["t"]
	tb.mu.Lock()
	snap := tableSnap{t: tb, frozen: tb.dirty}
	tb.flushing, tb.dirty = tb.dirty, &memBuf{parity: tb.dirty.parity ^ parityBit}
	tb.mu.Unlock()
	check("pages and flushing buffer")
	upsert(0, 10, "f")    // flushing rows rewritten into the dirty buffer
	remove(10, 20)        // flushing rows deleted
	remove(310, 312)      // flushing rows deleted
	upsert(60, 65, "g")   // deleted page rows inserted again
	upsert(100, 110, "h") // page rows rewritten
	check("pages, flushing and dirty buffers")
	snap.abort() // a failed checkpoint gives the flushing records back
	check("after an aborted checkpoint")
	checkpoint()
	check("after a checkpoint")
	remove(0, 400)
	check("everything deleted")
}
