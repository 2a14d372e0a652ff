package tablespace

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestCursorResumesAtItsSnapshot: a cursor reads the dirty buffer a batch per read lock, so
// between two batches apply rewrites, deletes and moves rows, and checkpoints freeze, persist
// or give back buffers. Whatever happens between two calls to Next, a pinned cursor must
// return every row of its snapshot once, with its image at the snapshot.
func TestCursorResumesAtItsSnapshot(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	ctx := context.Background()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	state := map[int64]string{}
	rng := rand.New(rand.NewPCG(7, 18))
	const keys = 9000
	write := func(ids []int64, tag string) {
		t.Helper()
		tx := beginAll(ts)
		for _, id := range ids {
			_, ok := state[id]
			var (
				v   string
				err error
			)
			switch {
			case ok && rng.IntN(4) == 0:
				err = tx.Delete(ctx, "t", testKey(id))
			case ok:
				v = fmt.Sprintf("%s%d", tag, id)
				err = tx.Update(ctx, "t", testKey(id), testValue(v))
			default:
				v = fmt.Sprintf("%s%d", tag, id)
				err = tx.Insert(ctx, "t", testKey(id), testValue(v))
			}
			if err != nil {
				t.Fatal(err)
			}
			if v == "" {
				delete(state, id)
			} else {
				state[id] = v
			}
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	span := func(from, to int64) []int64 {
		var ids []int64
		for id := from; id < to; id++ {
			ids = append(ids, id)
		}
		return ids
	}
	write(span(0, 3000), "a")
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	write(span(0, 200), "b")     // page rows moved to the dirty buffer
	write(span(3000, 6000), "c") // dirty records over several batches
	tb := ts.fsm.tables["t"]     // freeze the dirty buffer as a checkpoint does
	tb.mu.Lock()
	frozen := tableSnap{t: tb, frozen: tb.dirty}
	tb.flushing, tb.dirty = tb.dirty, &memBuf{parity: tb.dirty.parity ^ parityBit}
	tb.mu.Unlock()
	write(span(3000, 3100), "d") // flushing rows moved to the new dirty buffer
	write(span(6000, 8000), "e")
	write(span(6000, 6400), "f") // dirty records rewritten in place or deleted,
	write(span(6000, 6400), "g") // and the deleted ones inserted again

	want := map[string]string{}
	for id, v := range state {
		want[string(testKey(id))] = string(testValue(v))
	}
	rd := ts.Begin()
	rd.PinSnapshot()
	defer rd.Rollback()
	c, err := rd.Cursor("t")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for n := 0; ; n++ {
		switch {
		case n == 2500:
			frozen.abort() // a failed checkpoint gives the flushing records back
		case n == 5000:
			if err := ts.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
		case n%300 == 0:
			ids := make([]int64, 150)
			for i := range ids {
				ids[i] = rng.Int64N(keys)
			}
			write(dedup(ids), fmt.Sprintf("w%d-", n))
		}
		k, v, ok, err := c.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if _, dup := got[string(k)]; dup {
			t.Fatalf("key %x read twice", k)
		}
		got[string(k)] = string(v)
	}
	if len(got) != len(want) {
		t.Errorf("read %d rows, the snapshot has %d", len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("key %x reads %q, at the snapshot %q", k, got[k], v)
		}
	}
}

func dedup(ids []int64) []int64 {
	seen := map[int64]bool{}
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// TestScanSetIsSmall: what a scan holds while it reads is a bit per row, not a reference per
// row (48 bytes), whether the rows are in pages, the flushing buffer or the dirty buffer.
func TestScanSetIsSmall(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	ctx := context.Background()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	const n = 40_000
	insertRows(t, ts, "t", 0, n/2, 5000)
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", n/2, n, 5000)
	tx := beginAll(ts)
	for id := int64(0); id < n/2; id += 3 { // dead slots in every page
		if err := tx.Delete(ctx, "t", testKey(id)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	set := ts.fsm.refs(ts.fsm.tables["t"], latest)
	defer set.release()
	held := 8*cap(set.bits) + 16*cap(set.pages) + 24*cap(set.extra) + 24*cap(set.batch)
	if held > n/2 {
		t.Fatalf("a scan of %d rows holds %d bytes before it reads", n, held)
	}
	t.Logf("a scan of %d rows holds %d bytes before it reads", n, held)
}
