package tablespace

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestLongScanOutlivesCompactedPages: a cursor reads pages without a lock long after it
// began, so a page a checkpoint compacted away must outlive the page GC of the checkpoints
// after it while the cursor may still read it. Here every page is compacted, and its
// successors compacted again, over four checkpoints while a cursor has read only part of the
// table; it must still read the whole table as it was when it began.
func TestLongScanOutlivesCompactedPages(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pinRD bool // read at a pinned snapshot (a statement's) or at latest (the transaction's own)
	}{{"snapshot", true}, {"latest", false}} {
		t.Run(tc.name, func(t *testing.T) {
			ts := openTest(t, t.TempDir())
			defer ts.Close()
			ctx := context.Background()
			if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
				t.Fatal(err)
			}
			const n = 6000
			pad := strings.Repeat("x", 1000) // a few rows fill a page (1 MiB)
			write := func(tag string, every bool) {
				t.Helper()
				tx := beginAll(ts)
				for id := range int64(n) {
					v := testValue(fmt.Sprintf("%s%d%s", tag, id, pad))
					var err error
					switch {
					case every:
						err = tx.Insert(ctx, "t", testKey(id), v)
					case id%5 < 3: // 60% of every page's rows move: each page falls below half live
						err = tx.Update(ctx, "t", testKey(id), v)
					}
					if err != nil {
						t.Fatal(err)
					}
				}
				if err := tx.Commit(ctx); err != nil {
					t.Fatal(err)
				}
			}
			write("a", true)
			if err := ts.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{}
			if err := ts.fsm.scanAt(ts.fsm.tables["t"], latest, func(k, v []byte) error {
				want[string(k)] = string(v)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if pages := len(ts.fsm.tables["t"].pages); pages < 3 {
				t.Fatalf("the table has %d pages, the test needs several", pages)
			}

			rd := ts.Begin()
			if tc.pinRD {
				rd.PinSnapshot()
			}
			defer rd.Rollback()
			c, err := rd.Cursor("t")
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			read := func(rows int) bool {
				for range rows {
					k, v, ok, err := c.Next()
					if err != nil {
						t.Fatalf("after %d rows: %v", len(got), err)
					}
					if !ok {
						return false
					}
					got[string(k)] = string(v)
				}
				return true
			}
			read(10) // into the first page
			removed := 0
			for round := range 4 {
				write(fmt.Sprintf("r%d-", round), false)
				if err := ts.Checkpoint(ctx); err != nil {
					t.Fatal(err)
				}
				removed += lastRemoved(ts)
			}
			for read(100) {
			}
			if !tc.pinRD {
				// At latest the rows read are no snapshot's; every key is read once.
				if len(got) != n {
					t.Fatalf("read %d rows, the table has %d", len(got), n)
				}
				return
			}
			if len(got) != len(want) {
				t.Fatalf("read %d rows, the table had %d when the cursor began", len(got), len(want))
			}
			for k, v := range want {
				if got[k] != v {
					t.Fatalf("key %x reads %q, at the snapshot %q", k, got[k], v)
				}
			}
			// Once the cursor is done its pages go at the next checkpoint.
			write("after-", false)
			if err := ts.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
			if lastRemoved(ts) == 0 {
				t.Fatalf("no page removed after the cursor ended (%d during it)", removed)
			}
		})
	}
}

func lastRemoved(ts *Tablespace) int {
	ts.statsMu.Lock()
	defer ts.statsMu.Unlock()
	return ts.lastCkpt.PagesRemoved
}

// TestAbandonedCursorFreesItsPages: a cursor its statement stops reading (a LIMIT) is closed
// when the statement's snapshot is unpinned, so the pages it listed go at the checkpoints
// after, as they would without it.
func TestAbandonedCursorFreesItsPages(t *testing.T) {
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	ctx := context.Background()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	pad := strings.Repeat("x", 1000)
	write := func(tag string, every bool) {
		t.Helper()
		tx := beginAll(ts)
		for id := range int64(3000) {
			v := testValue(tag + pad)
			var err error
			switch {
			case every:
				err = tx.Insert(ctx, "t", testKey(id), v)
			case id%5 < 3:
				err = tx.Update(ctx, "t", testKey(id), v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	write("a", true)
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	rd := ts.Begin()
	defer rd.Rollback()
	rd.PinSnapshot()
	c, err := rd.Cursor("t")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok, err := c.Next(); !ok || err != nil {
		t.Fatalf("first row: %v %v", ok, err)
	}
	rd.UnpinSnapshot() // the statement ends without reading the rest
	if _, _, _, err := c.Next(); err == nil {
		t.Fatal("a cursor read after its statement ended")
	}
	removed := 0
	for round := range 2 {
		write(fmt.Sprintf("r%d", round), false)
		if err := ts.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
		removed += lastRemoved(ts)
	}
	if removed == 0 {
		t.Fatal("the pages of an abandoned cursor were kept")
	}
}
