package tablespace

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/drovedb/drove/types"
)

// TestPointRead: a point read outside a transaction finds committed rows with the schema it
// is given, sees a schema change made before it began, waits at the gate while a schema
// change holds it, keeps a schema change out until it ends, and allocates nothing.
func TestPointRead(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 3, 3)
	s, _ := ts.Schema("t")
	r, err := ts.BeginRead(ctx, "t")
	if err != nil {
		t.Fatal(err)
	}
	if r.Schema() != s {
		t.Fatal("the read's schema is not the table's")
	}
	if v, found, err := r.Get(testKey(1)); !found || err != nil || len(v) == 0 {
		t.Fatalf("read of a row: %v %v %q", found, err, v)
	}
	if _, found, err := r.Get(testKey(99)); found || err != nil {
		t.Fatalf("read of a missing row: %v %v", found, err)
	}
	// While the read is in, a schema change waits for it.
	next := &types.Schema{Name: "t", Columns: append(append([]types.Column(nil), s.Columns...),
		types.Column{Name: "extra", Type: types.Int32}), PK: s.PK}
	if len(s.Columns) != 2 {
		t.Fatalf("test schema has %d columns", len(s.Columns))
	}
	altered := make(chan error, 1)
	go func() { altered <- ts.AlterTable(ctx, "t", next, []int{0, 1, -1}) }()
	select {
	case err := <-altered:
		t.Fatalf("ALTER TABLE did not wait for a point read: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	if cur, _ := ts.Schema("t"); cur != s {
		t.Fatal("the schema changed under a point read")
	}
	r.End()
	if err := <-altered; err != nil {
		t.Fatal(err)
	}
	if _, err := ts.BeginRead(ctx, "nope"); !errors.Is(err, ErrNoTable) {
		t.Fatalf("read of a missing table: %v", err)
	}
	// A read begun after the change reads with the new schema.
	cur, _ := ts.Schema("t")
	if cur == s {
		t.Fatal("ALTER TABLE did not change the schema")
	}
	if r, err = ts.BeginRead(ctx, "t"); err != nil || r.Schema() != cur {
		t.Fatalf("read after the change: %v", err)
	}
	if _, found, err := r.Get(testKey(1)); !found || err != nil {
		t.Fatalf("read with the new schema: %v %v", found, err)
	}
	r.End()
	key := testKey(2)
	if allocs := testing.AllocsPerRun(100, func() {
		r, _ := ts.BeginRead(ctx, "t")
		r.Get(key)
		r.End()
	}); allocs != 0 {
		t.Fatalf("a point read allocates %v times", allocs)
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
	if _, err := ts.BeginRead(short, "t"); err == nil {
		t.Fatal("read through a held gate")
	}
}
