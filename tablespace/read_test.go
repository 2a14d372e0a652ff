package tablespace

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/drovedb/drove/types"
)

// TestRead: a point read outside a transaction finds committed rows, tells a caller whose
// schema is stale to read it again, waits at the gate while a schema change holds it, and
// allocates nothing.
func TestRead(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 3, 3)
	s, _ := ts.Schema("t")
	var got []byte
	keep := func(v []byte) error { got = append(got[:0], v...); return nil }
	found, stale, err := ts.Read(ctx, "t", s, testKey(1), keep)
	if !found || stale || err != nil || len(got) == 0 {
		t.Fatalf("read of a row: %v %v %v %q", found, stale, err, got)
	}
	if found, stale, err := ts.Read(ctx, "t", s, testKey(99), keep); found || stale || err != nil {
		t.Fatalf("read of a missing row: %v %v %v", found, stale, err)
	}
	if _, _, err := ts.Read(ctx, "nope", s, testKey(1), keep); !errors.Is(err, ErrNoTable) {
		t.Fatalf("read of a missing table: %v", err)
	}
	key := testKey(2)
	if allocs := testing.AllocsPerRun(100, func() { ts.Read(ctx, "t", s, key, keep) }); allocs != 0 {
		t.Fatalf("Read allocates %v times", allocs)
	}
	// A schema change: the old schema is stale.
	next := &types.Schema{Name: "t", Columns: append(append([]types.Column(nil), s.Columns...),
		types.Column{Name: "extra", Type: types.Int32}), PK: s.PK}
	sources := []int{0, 1, -1}
	if len(s.Columns) != 2 {
		t.Fatalf("test schema has %d columns", len(s.Columns))
	}
	if err := ts.AlterTable(ctx, "t", next, sources); err != nil {
		t.Fatal(err)
	}
	if found, stale, err := ts.Read(ctx, "t", s, testKey(1), keep); found || !stale || err != nil {
		t.Fatalf("read with the old schema: %v %v %v", found, stale, err)
	}
	cur, _ := ts.Schema("t")
	if found, stale, err := ts.Read(ctx, "t", cur, testKey(1), keep); !found || stale || err != nil {
		t.Fatalf("read with the new schema: %v %v %v", found, stale, err)
	}
	// While a transaction's TRUNCATE holds the gate, a read waits; its context ends the wait.
	tx := ts.Begin()
	defer tx.Rollback()
	if _, err := tx.Enter(ctx, "t", cur); err != nil {
		t.Fatal(err)
	}
	if err := tx.Truncate(ctx, "t"); err != nil {
		t.Skipf("no TRUNCATE to hold the gate: %v", err)
	}
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, _, err := ts.Read(short, "t", cur, testKey(1), keep); err == nil {
		t.Fatal("read through a held gate")
	}
}
