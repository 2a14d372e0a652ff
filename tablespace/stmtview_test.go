package tablespace

import (
	"context"
	"fmt"
	"testing"
)

// TestStatementView: under a statement view, Get, Scan and Cursor see the transaction's
// writes from before the view (an insert, an update, a delete) but none of the statement's
// own (an insert, a rewrite of an earlier statement's row, an update and a delete of a
// committed row); GetForUpdate sees the latest; after EndStatementView reads see everything.
func TestStatementView(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	mustNil(t, ts.CreateTable(ctx, testSchema("t")))
	insertRows(t, ts, "t", 0, 10, 10)
	row := func(i int) string { return fmt.Sprintf("row%-100d", i) } // insertRows' values
	tx := beginAll(ts)
	defer tx.Rollback()
	mustNil(t, tx.Insert(ctx, "t", testKey(20), testValue("earlier")))
	mustNil(t, tx.Update(ctx, "t", testKey(1), testValue("one")))
	mustNil(t, tx.Delete(ctx, "t", testKey(2)))
	tx.BeginStatementView()
	mustNil(t, tx.Insert(ctx, "t", testKey(21), testValue("mine")))
	mustNil(t, tx.Update(ctx, "t", testKey(1), testValue("two")))
	mustNil(t, tx.Update(ctx, "t", testKey(1), testValue("three")))
	mustNil(t, tx.Update(ctx, "t", testKey(20), testValue("later")))
	mustNil(t, tx.Update(ctx, "t", testKey(3), testValue("three")))
	mustNil(t, tx.Delete(ctx, "t", testKey(4)))
	seen := func(want map[int]string) {
		t.Helper()
		for k, v := range want {
			got, ok, err := tx.Get("t", testKey(int64(k)))
			mustNil(t, err)
			if (v == "") == ok || ok && string(got) != string(testValue(v)) {
				t.Errorf("Get(%d) = %q %v, want %q", k, got, ok, v)
			}
		}
		n := 0
		for _, v := range want {
			if v != "" {
				n++
			}
		}
		scanned := map[string]string{}
		mustNil(t, tx.Scan("t", func(k, v []byte) error { scanned[string(k)] = string(v); return nil }))
		c, err := tx.Cursor("t")
		mustNil(t, err)
		cursored := 0
		for {
			k, v, ok, err := c.Next()
			mustNil(t, err)
			if !ok {
				break
			}
			cursored++
			if scanned[string(k)] != string(v) {
				t.Errorf("cursor and scan differ on %x: %q, %q", k, v, scanned[string(k)])
			}
		}
		if len(scanned) != n || cursored != n {
			t.Errorf("scan saw %d rows, cursor %d, want %d", len(scanned), cursored, n)
		}
		for k, v := range want {
			if got, ok := scanned[string(testKey(int64(k)))]; (v == "") == ok || ok && got != string(testValue(v)) {
				t.Errorf("scan: row %d = %q %v, want %q", k, got, ok, v)
			}
		}
	}
	want := map[int]string{1: "one", 2: "", 3: row(3), 4: row(4), 20: "earlier", 21: ""}
	for i := 5; i < 10; i++ {
		want[i] = row(i)
	}
	want[0] = row(0)
	seen(want)
	if v, ok, err := tx.GetForUpdate(ctx, "t", testKey(1)); err != nil || !ok || string(v) != string(testValue("three")) {
		t.Errorf("GetForUpdate(1) = %q %v %v, want the statement's write", v, ok, err)
	}
	tx.EndStatementView()
	want[1], want[3], want[4], want[20], want[21] = "three", "three", "", "later", "mine"
	seen(want)
}
